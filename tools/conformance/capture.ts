// `#> capture IF`: tcpdump in the device's namespace for the duration of one command.

import { spawn, type ChildProcess } from 'node:child_process';
import { ENV, sleep, track } from './proc';

/** How long a capture keeps listening after its command ended (replies that trail it). */
export const CAPTURE_TAIL_MS = 300;

export class Capture {
  private stdout = '';
  private stderr = '';
  private exited = false;
  private readonly child: ChildProcess;
  private readonly exit: Promise<void>;

  /**
   * tcpdump as FORMAT.md gives it, plus --immediate-mode: without it libpcap hands packets over
   * only when a ring block is retired, and those of the last few hundred ms before the stop
   * would be lost. The printed lines are the same.
   */
  constructor(
    enter: (argv: string[]) => string[],
    readonly dev: string,
  ) {
    const [file, ...args] = enter(['tcpdump', '--immediate-mode', '-t', '-l', '-n', '-e', '-i', dev, 'arp or icmp']);
    this.child = spawn(file!, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: ENV,
    });
    track(this.child);
    this.child.stdout!.setEncoding('utf8');
    this.child.stderr!.setEncoding('utf8');
    this.child.stdout!.on('data', (d: string) => (this.stdout += d));
    this.child.stderr!.on('data', (d: string) => (this.stderr += d));
    this.exit = new Promise((resolve) =>
      this.child.on('close', () => {
        this.exited = true;
        resolve();
      }),
    );
  }

  /** Waits for `listening on` (the filter is in place), or for tcpdump to give up. */
  async ready(timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!this.stderr.includes('listening on')) {
      // a device that is missing or down: tcpdump says so on a "tcpdump:" line, which transcripts drop
      if (this.exited && /No such device exists|That device is not up/.test(this.stderr)) return;
      if (this.exited) throw new Error(`tcpdump -i ${this.dev}: ${this.stderr.trim()}`);
      if (Date.now() > end) throw new Error(`tcpdump -i ${this.dev}: not listening after ${timeoutMs} ms`);
      await sleep(5);
    }
  }

  /** Stops tcpdump with SIGINT (it then flushes) and returns its packet lines. */
  async stop(): Promise<string[]> {
    if (!this.exited && this.child.pid !== undefined) {
      this.child.kill('SIGINT');
      const killer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await this.exit;
      clearTimeout(killer);
    }
    return this.stdout.split('\n').filter((l) => l !== '');
  }

  /** tcpdump's complaint, when it could not capture. */
  get errors(): string {
    return this.exited && !this.stderr.includes('listening on') ? this.stderr.trim() : '';
  }
}

/** Starts one capture per interface (enter gives the argv that runs tcpdump in its namespace) and waits until all listen. */
export async function startCaptures(
  targets: { enter: (argv: string[]) => string[]; dev: string }[],
): Promise<Capture[]> {
  const caps = targets.map((t) => new Capture(t.enter, t.dev));
  const results = await Promise.allSettled(caps.map((c) => c.ready()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(caps.map((c) => c.stop()));
    throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  }
  return caps;
}
