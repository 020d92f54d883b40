// iproute2's argument helpers (lib/utils.c): matches(), NEXT_ARG(), invarg(), duparg(), get_prefix().
import { type Ip4, parseIp4, parseMac, type Mac } from '../../core/addr';
import { CmdError } from '../errors';

export { matches } from '../iproute2_words';

export class Args {
  private a: string[];
  i = 0;
  constructor(a: string[], start = 0) {
    this.a = a;
    this.i = start;
  }
  get more(): boolean {
    return this.i < this.a.length;
  }
  get cur(): string {
    return this.a[this.i];
  }
  peek(k = 0): string | undefined {
    return this.a[this.i + k];
  }
  advance(): void {
    this.i++;
  }
  /** NEXT_ARG(): the value after a keyword, or iproute2's complaint. */
  next(): string {
    this.i++;
    if (this.i >= this.a.length) throw new CmdError('Command line is not complete. Try option "help"', 255);
    return this.a[this.i];
  }
  rest(): string[] {
    return this.a.slice(this.i);
  }
  /** what is left, as the array and the index it starts at (no copy: `ip netns exec` nests deep) */
  tail(): { argv: string[]; from: number } {
    return { argv: this.a, from: this.i };
  }
}

export function invarg(msg: string, arg: string): CmdError {
  // iproute2's messages often end in "\n", which prints an empty line after them
  return new CmdError(`Error: argument "${arg}" is wrong: ${msg}`.split('\n'), 255);
}

export function duparg(key: string, arg: string): CmdError {
  return new CmdError(`Error: duplicate "${key}": "${arg}" is the second value.`, 255);
}

export function duparg2(key: string, arg: string): CmdError {
  return new CmdError(`Error: either "${key}" is duplicate, or "${arg}" is a garbage.`, 255);
}

/** get_prefix(): "A.B.C.D[/len]"; `def` is the length when none is given. */
export function parsePrefix(s: string, def = 32): { addr: Ip4; len: number; hasLen: boolean } | undefined {
  if (s === 'default' || s === 'all' || s === 'any') return { addr: 0 as Ip4, len: 0, hasLen: true };
  const [a, l, ...more] = s.split('/');
  if (more.length) return undefined;
  const addr = parseIp4Loose(a);
  if (addr === undefined) return undefined;
  if (l === undefined) return { addr, len: def, hasLen: false };
  if (!/^\d+$/.test(l)) return undefined;
  const len = Number(l);
  if (len > 32) return undefined;
  return { addr, len, hasLen: true };
}

/** get_addr_1(): inet_pton plus the short forms iproute2 accepts ("10", "10.1"). */
export function parseIp4Loose(s: string): Ip4 | undefined {
  const full = parseIp4(s);
  if (full !== undefined) return full;
  const parts = s.split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255))
    return undefined;
  while (parts.length < 4) parts.push('0');
  return parseIp4(parts.join('.'));
}

/** ll_addr_a2n(): hex bytes separated by ':'; then the length must be an Ethernet address's. */
export function parseLladdr(s: string): Mac {
  const parts = s.split(':');
  if (!parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) throw new CmdError(`"${s}" is invalid lladdr.`, 1);
  if (parts.length !== 6) throw new CmdError(`Invalid address length ${parts.length} - must be 6 bytes`, 1);
  return parseMac(parts.map((p) => p.padStart(2, '0')).join(':'))!;
}

export function getUnsigned(s: string): number | undefined {
  if (/^0x[0-9a-f]+$/i.test(s)) return parseInt(s, 16);
  if (!/^\d+$/.test(s)) return undefined;
  return Number(s);
}

/** A cacheinfo age as iproute2 prints it: jiffies_to_clock_t(now - t) / get_user_hz(), whole seconds. */
export function secsSince(now: number, t: number): number {
  return Math.floor((now - t) / 1_000_000);
}
