// glibc getopt_long() as iptables and conntrack call it (posix/getopt.c: _getopt_internal_r,
// process_long_option): options returned in order with non-options as code 1 (optstring "-..."), ':' for
// a missing argument (optstring "-:..."), '?' for an unknown option, and unambiguous prefixes of long
// options accepted. Errors are left to the caller, as iptables sets opterr = 0.

export interface LongOpt {
  name: string;
  /** 0 none, 1 required, 2 optional (only as --name=value) */
  hasArg: 0 | 1 | 2;
  /** the short option letter it stands for, or an extension's option number */
  val: string | number;
}

export type OptResult =
  | { kind: 'end' }
  | { kind: 'nonopt'; arg: string }
  | { kind: 'opt'; val: string | number; arg: string | null }
  | { kind: 'missing'; val: string | number }
  | { kind: 'unknown' };

export class Getopt {
  optind = 1;
  private nextchar = '';
  readonly argv: string[];
  /** the short options after the leading "-:" (letters, ':' required, '::' optional) */
  private readonly shorts: string;
  longopts: LongOpt[];

  constructor(argv: string[], shorts: string, longopts: LongOpt[]) {
    this.argv = argv;
    this.shorts = shorts;
    this.longopts = longopts;
  }

  /** argv[optind - 1], what iptables quotes in its "unknown option" messages */
  get lastArg(): string {
    return this.argv[this.optind - 1] ?? '';
  }

  next(): OptResult {
    const argv = this.argv;
    if (this.nextchar === '') {
      if (this.optind < argv.length && argv[this.optind] === '--') {
        // "--" ends the options; what follows is left unread
        this.optind = argv.length;
      }
      if (this.optind >= argv.length) return { kind: 'end' };
      const a = argv[this.optind];
      if (a[0] !== '-' || a.length === 1) {
        this.optind++;
        return { kind: 'nonopt', arg: a };
      }
      if (a[1] === '-') return this.longOption(a.slice(2));
      this.nextchar = a.slice(1);
    }
    const c = this.nextchar[0];
    this.nextchar = this.nextchar.slice(1);
    if (this.nextchar === '') this.optind++;
    const at = c === ':' ? -1 : this.shorts.indexOf(c);
    if (at < 0) return { kind: 'unknown' };
    if (this.shorts[at + 1] !== ':') return { kind: 'opt', val: c, arg: null };
    if (this.shorts[at + 2] === ':') {
      // optional argument: only when attached (-Lchain)
      const arg = this.nextchar !== '' ? this.nextchar : null;
      if (arg !== null) this.optind++;
      this.nextchar = '';
      return { kind: 'opt', val: c, arg };
    }
    let arg: string;
    if (this.nextchar !== '') {
      arg = this.nextchar;
      this.optind++;
    } else if (this.optind >= argv.length) {
      this.nextchar = '';
      return { kind: 'missing', val: c };
    } else arg = argv[this.optind++];
    this.nextchar = '';
    return { kind: 'opt', val: c, arg };
  }

  private longOption(body: string): OptResult {
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let found = this.longopts.find((o) => o.name === name);
    if (!found) {
      const cands = this.longopts.filter((o) => o.name.startsWith(name));
      if (cands.length > 1 && cands.some((o) => o.hasArg !== cands[0].hasArg || o.val !== cands[0].val)) {
        this.optind++;
        return { kind: 'unknown' };
      }
      found = cands[0];
    }
    this.optind++;
    if (!found) return { kind: 'unknown' };
    if (eq >= 0) {
      if (!found.hasArg) return { kind: 'unknown' };
      return { kind: 'opt', val: found.val, arg: body.slice(eq + 1) };
    }
    if (found.hasArg === 1) {
      if (this.optind < this.argv.length) return { kind: 'opt', val: found.val, arg: this.argv[this.optind++] };
      return { kind: 'missing', val: found.val };
    }
    return { kind: 'opt', val: found.val, arg: null };
  }
}
