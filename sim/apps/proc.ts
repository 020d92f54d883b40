// A process started by the shell: it runs on the virtual clock, writes lines, and ends.
import type { Netns } from '../net/netns';

export abstract class Proc {
  readonly ns: Netns;
  done = false;
  exitCode = 0;
  private sink: (line: string) => void;

  constructor(ns: Netns, sink: (line: string) => void) {
    this.ns = ns;
    this.sink = sink;
  }

  protected print(line: string): void {
    this.sink(line);
  }

  protected exit(code: number): void {
    if (this.done) return;
    this.done = true;
    this.exitCode = code;
    this.cleanup();
  }

  /** Ctrl-C */
  abstract interrupt(): void;
  protected cleanup(): void {
    /* sockets closed, timers cancelled */
  }
}

/** strtol-like strict integer for command-line values. */
export function parseIntStrict(s: string): number | undefined {
  if (!/^[-+]?\d+$/.test(s)) return undefined;
  return Number(s);
}

/** strtol() would set ERANGE: a whole number past what a long holds */
export function longOverflows(s: string): boolean {
  if (!/^[-+]?\d+$/.test(s) || s.replace(/^[-+]?0*/, '').length < 19) return false;
  const n = BigInt(s);
  return n > 9223372036854775807n || n < -9223372036854775808n;
}

export function parseFloatStrict(s: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

export const ERRNO_TEXT: Record<string, string> = {
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
  ENODEV: 'No such device',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  EEXIST: 'File exists',
  ESRCH: 'No such process',
  EAGAIN: 'Resource temporarily unavailable',
  ENOENT: 'No such file or directory',
  EBUSY: 'Device or resource busy',
  EOPNOTSUPP: 'Operation not supported',
  ENETDOWN: 'Network is down',
  ELOOP: 'Too many levels of symbolic links',
  ENOBUFS: 'No buffer space available',
  EPERM: 'Operation not permitted',
};
