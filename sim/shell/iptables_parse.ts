// The iptables command line as iptables 1.8.9 reads it (iptables/xshared.c: do_parse, command_default,
// command_jump, command_match, set_option, add_command, generic_opt_check, ipv4_post_parse;
// libxtables/xtables.c: xtables_ipparse_multiple, xtables_parse_interface). Errors come back as the
// CmdError with the text and exit status iptables prints.
import type { Netns } from '../net/netns';
import {
  type IpMatch,
  type Match,
  type Target,
  IPT_INV_DSTIP,
  IPT_INV_PROTO,
  IPT_INV_SRCIP,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
} from '../netfilter/tables';
import { CmdError } from './errors';
import { type Ext, type OptEntry, finalCheck, findMatch, findTarget, optionParse } from './iptables_ext';
import { tryHelp, xtablesError } from './iptables_errors';
import { Getopt, type LongOpt } from './iptables_getopt';
import { IPTABLES_HELP } from './iptables_help';
import { ipparseMultiple, parseInterface, strtoui } from './iptables_addr';
import { parseProtocol, protoName } from './iptables_names';

export const CMD = {
  INSERT: 1 << 0,
  DELETE: 1 << 1,
  DELETE_NUM: 1 << 2,
  REPLACE: 1 << 3,
  APPEND: 1 << 4,
  LIST: 1 << 5,
  FLUSH: 1 << 6,
  ZERO: 1 << 7,
  NEW_CHAIN: 1 << 8,
  DELETE_CHAIN: 1 << 9,
  SET_POLICY: 1 << 10,
  RENAME_CHAIN: 1 << 11,
  LIST_RULES: 1 << 12,
  ZERO_NUM: 1 << 13,
  CHECK: 1 << 14,
} as const;

export const OPT = {
  NUMERIC: 1 << 0,
  SOURCE: 1 << 1,
  DESTINATION: 1 << 2,
  PROTOCOL: 1 << 3,
  JUMP: 1 << 4,
  VERBOSE: 1 << 5,
  EXPANDED: 1 << 6,
  VIANAMEIN: 1 << 7,
  VIANAMEOUT: 1 << 8,
  LINENUMBERS: 1 << 9,
  COUNTERS: 1 << 10,
  FRAGMENT: 1 << 11,
} as const;

const OPTFLAGS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'];
const INVERSE_FOR_OPTIONS = [
  0,
  IPT_INV_SRCIP,
  IPT_INV_DSTIP,
  IPT_INV_PROTO,
  0,
  0,
  0,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
  0,
  0,
  0x20,
];
const CMDFLAGS = ['I', 'D', 'D', 'R', 'A', 'L', 'F', 'Z', 'N', 'X', 'P', 'E', 'S', 'Z', 'C'];

/** commands_v_options[][]: ' ' optional, 'x' illegal (no option of this subset is compulsory). */
const COMMANDS_V_OPTIONS = [
  /*INSERT*/ 'x     x  x  ',
  /*DELETE*/ 'x     x  xx ',
  /*DELETE_NUM*/ 'xxxxx xxxxxx',
  /*REPLACE*/ 'x     x  x  ',
  /*APPEND*/ 'x     x  x  ',
  /*LIST*/ ' xxxx  xx xx',
  /*FLUSH*/ 'xxxxx xxxxxx',
  /*ZERO*/ 'xxxxx xxxxxx',
  /*NEW_CHAIN*/ 'xxxxx xxxxxx',
  /*DEL_CHAIN*/ 'xxxxx xxxxxx',
  /*SET_POLICY*/ 'xxxxx xxxx x',
  /*RENAME*/ 'xxxxx xxxxxx',
  /*LIST_RULES*/ 'xxxxx xxxxxx',
  /*ZERO_NUM*/ 'xxxxx xxxxxx',
  /*CHECK*/ 'x     x  xx ',
];

/** iptables' own long options (iptables/xtables.c: original_opts[]). */
const ORIGINAL_OPTS: LongOpt[] = [
  ['append', 1, 'A'],
  ['delete', 1, 'D'],
  ['check', 1, 'C'],
  ['insert', 1, 'I'],
  ['replace', 1, 'R'],
  ['list', 2, 'L'],
  ['list-rules', 2, 'S'],
  ['flush', 2, 'F'],
  ['zero', 2, 'Z'],
  ['new-chain', 1, 'N'],
  ['delete-chain', 2, 'X'],
  ['rename-chain', 1, 'E'],
  ['policy', 1, 'P'],
  ['source', 1, 's'],
  ['destination', 1, 'd'],
  ['src', 1, 's'],
  ['dst', 1, 'd'],
  ['protocol', 1, 'p'],
  ['in-interface', 1, 'i'],
  ['jump', 1, 'j'],
  ['table', 1, 't'],
  ['match', 1, 'm'],
  ['numeric', 0, 'n'],
  ['out-interface', 1, 'o'],
  ['verbose', 0, 'v'],
  ['wait', 2, 'w'],
  ['wait-interval', 2, 'W'],
  ['exact', 0, 'x'],
  ['fragments', 0, 'f'],
  ['version', 0, 'V'],
  ['help', 2, 'h'],
  ['line-numbers', 0, '0'],
  ['modprobe', 1, 'M'],
  ['set-counters', 1, 'c'],
  ['goto', 1, 'g'],
  ['ipv4', 0, '4'],
  ['ipv6', 0, '6'],
].map(([name, hasArg, val]) => ({ name: name as string, hasArg: hasArg as 0 | 1 | 2, val: val as string }));

/** IPT_OPTSTRING without its leading "-:" */
const SHORTS = 'A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:R:S::W::46bfg:h::m:nvw::x';
/** XT_OPTION_OFFSET_SCALE */
const OFFSET_SCALE = 256;
/** XT_EXTENSION_MAXNAMELEN */
const MAXNAMELEN = 29;

export interface ParsedCmd {
  command: number;
  table: string;
  chain: string | null;
  rulenum: number;
  policy: string | null;
  newname: string | null;
  verbose: number;
  options: number;
  /** the rule for -A/-I/-D/-C/-R, once per source x destination address */
  rules: { ip: IpMatch; matches: Match[]; target: Target }[];
  /** the -j/-g name (a target or a chain), '' without one */
  jumpto: string;
  goto: boolean;
  /** -c PKTS BYTES */
  counters: [number, number];
}

export type ParseResult = { kind: 'cmd'; cmd: ParsedCmd } | { kind: 'exit'; lines: string[]; code: number };

const perr = (msg: string) => xtablesError('PARAMETER', msg);

/** assert_valid_chain_name() */
function assertValidChainName(name: string): void {
  if (name.length >= MAXNAMELEN) throw perr(`chain name \`${name}' too long (must be under ${MAXNAMELEN} chars)`);
  if (name[0] === '-' || name[0] === '!') throw perr(`chain name not allowed to start with \`${name[0]}'`);
  if (findTarget(name)) throw perr('chain name may not clash with target name');
  if (/\s/.test(name)) throw perr(`Invalid chain name \`${name}'`);
}

/** xt_parse_target() */
function parseTargetName(name: string): string {
  if (name.length < 1) throw perr('Invalid target name (too short)');
  if (name.length >= MAXNAMELEN) throw perr(`Invalid target name \`${name}' (${MAXNAMELEN - 1} chars max)`);
  if (/\s/.test(name)) throw perr(`Invalid target name \`${name}'`);
  return name;
}

/** parse_rulenumber(): can't be zero */
function parseRulenumber(s: string): number {
  const n = strtoui(s, 1, 0x7fffffff);
  if (n === undefined) throw perr(`Invalid rule number \`${s}'`);
  return n;
}

class Parser {
  private readonly g: Getopt;
  private readonly ns: Netns;
  command = 0;
  chain: string | null = null;
  rulenum = 0;
  policy: string | null = null;
  newname: string | null = null;
  table = 'filter';
  verbose = 0;
  options = 0;
  invflags = 0;
  proto = 0;
  protocol: string | null = null;
  protoUsed = false;
  shost: string | null = null;
  dhost: string | null = null;
  iniface = '';
  outiface = '';
  jumpto = '';
  goto = false;
  target: Ext<Target> | null = null;
  matches: Ext<Match>[] = [];
  counters: [number, number] = [0, 0];
  private nextOffset = 0;

  constructor(argv: string[], ns: Netns) {
    this.ns = ns;
    this.g = new Getopt(argv, SHORTS, [...ORIGINAL_OPTS]);
  }

  private hasArg(): boolean {
    const a = this.g.argv[this.g.optind];
    return a !== undefined && a[0] !== '-' && a[0] !== '!';
  }

  private addCommand(newcmd: number, othercmds: number, invert: boolean): void {
    if (invert) throw perr("unexpected '!' flag");
    const clash = this.command & ~othercmds;
    if (clash) throw perr(`Cannot use -${cmd2char(newcmd)} with -${cmd2char(clash)}`);
    this.command |= newcmd;
  }

  private setOption(option: number, invert: boolean): void {
    const i = Math.log2(option);
    if (this.options & option) throw perr(`multiple -${OPTFLAGS[i]} flags not allowed`);
    this.options |= option;
    if (invert) {
      if (!INVERSE_FOR_OPTIONS[i]) throw perr(`cannot have ! before -${OPTFLAGS[i]}`);
      this.invflags |= INVERSE_FOR_OPTIONS[i];
    }
  }

  /** xtables_options_xfrm(): an extension's options join getopt's table, newest first after iptables' own. */
  private merge(x: Ext<unknown>): void {
    this.nextOffset += OFFSET_SCALE;
    x.offset = this.nextOffset;
    const own: LongOpt[] = x.opts.map((e) => ({ name: e.name, hasArg: e.hasArg ? 1 : 0, val: x.offset + e.id }));
    const older = this.g.longopts.slice(ORIGINAL_OPTS.length);
    this.g.longopts = [...ORIGINAL_OPTS, ...own, ...older];
  }

  private entryFor(x: Ext<unknown>, val: number): OptEntry | undefined {
    if (val < x.offset || val >= x.offset + OFFSET_SCALE) return undefined;
    return x.opts.find((e) => e.id === val - x.offset);
  }

  run(): ParseResult {
    let invert = false;
    for (;;) {
      const r = this.g.next();
      if (r.kind === 'end') break;
      if (r.kind === 'nonopt') {
        if (r.arg === '!') {
          if (invert) throw perr('multiple consecutive ! not allowed');
          invert = true;
          continue;
        }
        throw tryHelp(`Bad argument \`${r.arg}'`);
      }
      if (r.kind === 'opt' && typeof r.val === 'string') {
        const done = this.coreOption(r.val, r.arg, invert);
        if (done) return done;
      } else if (this.extensionOption(r, invert)) continue;
      invert = false;
    }
    return this.finish(invert);
  }

  /** The switch of do_parse() for iptables' own options; a result ends the program (-h, -V). */
  private coreOption(c: string, optarg: string | null, invert: boolean): ParseResult | undefined {
    const g = this.g;
    const nextArg = () => (this.hasArg() ? g.argv[g.optind++] : null);
    switch (c) {
      case 'A':
        this.addCommand(CMD.APPEND, 0, invert);
        this.chain = optarg;
        break;
      case 'C':
        this.addCommand(CMD.CHECK, 0, invert);
        this.chain = optarg;
        break;
      case 'D':
        this.addCommand(CMD.DELETE, 0, invert);
        this.chain = optarg;
        if (this.hasArg()) {
          this.rulenum = parseRulenumber(g.argv[g.optind++]);
          this.command = CMD.DELETE_NUM;
        }
        break;
      case 'R':
        this.addCommand(CMD.REPLACE, 0, invert);
        this.chain = optarg;
        if (!this.hasArg()) throw perr('-R requires a rule number');
        this.rulenum = parseRulenumber(g.argv[g.optind++]);
        break;
      case 'I':
        this.addCommand(CMD.INSERT, 0, invert);
        this.chain = optarg;
        this.rulenum = this.hasArg() ? parseRulenumber(g.argv[g.optind++]) : 1;
        break;
      case 'L':
      case 'S':
        this.addCommand(c === 'L' ? CMD.LIST : CMD.LIST_RULES, CMD.ZERO | CMD.ZERO_NUM, invert);
        this.chain = optarg ?? nextArg() ?? this.chain;
        if (this.hasArg()) this.rulenum = parseRulenumber(g.argv[g.optind++]);
        break;
      case 'F':
        this.addCommand(CMD.FLUSH, 0, invert);
        this.chain = optarg ?? nextArg() ?? this.chain;
        break;
      case 'Z':
        this.addCommand(CMD.ZERO, CMD.LIST | CMD.LIST_RULES, invert);
        this.chain = optarg ?? nextArg() ?? this.chain;
        if (this.hasArg()) {
          this.rulenum = parseRulenumber(g.argv[g.optind++]);
          this.command = CMD.ZERO_NUM;
        }
        break;
      case 'N':
        assertValidChainName(optarg!);
        this.addCommand(CMD.NEW_CHAIN, 0, invert);
        this.chain = optarg;
        break;
      case 'X':
        this.addCommand(CMD.DELETE_CHAIN, 0, invert);
        this.chain = optarg ?? nextArg() ?? this.chain;
        break;
      case 'E':
        this.addCommand(CMD.RENAME_CHAIN, 0, invert);
        this.chain = optarg;
        if (!this.hasArg()) throw perr('-E requires old-chain-name and new-chain-name');
        this.newname = g.argv[g.optind++];
        break;
      case 'P':
        this.addCommand(CMD.SET_POLICY, 0, invert);
        this.chain = optarg;
        if (!this.hasArg()) throw perr('-P requires a chain and a policy');
        this.policy = g.argv[g.optind++];
        break;
      case 'h':
        return { kind: 'exit', lines: [...IPTABLES_HELP], code: 0 };
      case 'V':
        return {
          kind: 'exit',
          lines: [invert ? 'Not iptables v1.8.9 (nf_tables) ;-)' : 'iptables v1.8.9 (nf_tables)'],
          code: 0,
        };
      case 'p': {
        this.setOption(OPT.PROTOCOL, invert);
        this.protocol = optarg!.toLowerCase();
        const p = parseProtocol(this.protocol);
        if (p === undefined) throw perr(`unknown protocol "${this.protocol}" specified`);
        this.proto = p;
        if (p === 0 && this.invflags & IPT_INV_PROTO) throw perr('rule would never match protocol');
        break;
      }
      case 's':
        this.setOption(OPT.SOURCE, invert);
        this.shost = optarg;
        break;
      case 'd':
        this.setOption(OPT.DESTINATION, invert);
        this.dhost = optarg;
        break;
      case 'g':
        this.setOption(OPT.JUMP, invert);
        this.goto = true;
        this.jumpto = parseTargetName(optarg!);
        break;
      case 'j': {
        this.setOption(OPT.JUMP, invert);
        this.jumpto = parseTargetName(optarg!);
        const t = findTarget(this.jumpto);
        this.target = t ?? null;
        if (t?.opts.length) this.merge(t);
        break;
      }
      case 'i':
      case 'o':
        if (optarg === '') throw perr('Empty interface is likely to be undesired');
        this.setOption(c === 'i' ? OPT.VIANAMEIN : OPT.VIANAMEOUT, invert);
        if (c === 'i') this.iniface = parseInterface(optarg!);
        else this.outiface = parseInterface(optarg!);
        break;
      case 'f':
        this.setOption(OPT.FRAGMENT, invert);
        break;
      case 'v':
        if (!this.verbose) this.setOption(OPT.VERBOSE, invert);
        this.verbose++;
        break;
      case 'm': {
        if (invert) throw perr('unexpected ! flag before --match');
        const m = findMatch(optarg!);
        if (!m) throw perr(`Couldn't load match \`${optarg}':No such file or directory\n`);
        this.matches.push(m);
        this.merge(m);
        break;
      }
      case 'n':
        this.setOption(OPT.NUMERIC, invert);
        break;
      case 't':
        if (invert) throw perr('unexpected ! flag before --table');
        this.table = optarg!;
        break;
      case 'x':
        this.setOption(OPT.EXPANDED, invert);
        break;
      case '0':
        this.setOption(OPT.LINENUMBERS, invert);
        break;
      case 'c': {
        this.setOption(OPT.COUNTERS, invert);
        const pc = optarg!;
        let bc: string | null = pc.includes(',', 1) ? pc.slice(pc.indexOf(',', 1) + 1) : null;
        if (bc === null && this.hasArg()) bc = g.argv[g.optind++];
        if (bc === null) throw perr('-c requires packet and byte counter');
        const p = /^\s*\d+/.exec(pc);
        const b = /^\s*\d+/.exec(bc);
        if (!p) throw perr('-c packet counter not numeric');
        if (!b) throw perr('-c byte counter not numeric');
        this.counters = [Number(p[0]), Number(b[0])];
        break;
      }
      case '4':
        break;
      case '6':
        throw new CmdError("Try `iptables -h' or 'iptables --help' for more information.", 2);
      case 'w':
      case 'W':
      case 'M':
        break;
      default:
        // in the optstring but not handled ('b'): command_default() gives up on it
        throw perr(`Unknown arg "${optarg ?? '(null)'}"`);
    }
    return undefined;
  }

  /**
   * command_default(): an option of the target or of a match; else load the protocol's match
   * (-p tcp --dport) and read the option again; else the error. True to read again.
   */
  private extensionOption(
    r: Exclude<ReturnType<Getopt['next']>, { kind: 'end' } | { kind: 'nonopt' }>,
    invert: boolean,
  ): boolean {
    const env = { proto: this.proto };
    if (r.kind === 'opt' && typeof r.val === 'number') {
      const exts: Ext<unknown>[] = [...(this.target ? [this.target] : []), ...this.matches];
      for (const x of exts) {
        const e = this.entryFor(x, r.val);
        if (e) {
          optionParse(x, e, r.arg, invert, env);
          return false;
        }
      }
    }
    if (this.protocol !== null && !this.protoUsed) {
      const name = /^\d/.test(this.protocol) ? protoName(this.proto, false) : this.protocol;
      const m = name ? findMatch(name) : undefined;
      if (m) {
        this.protoUsed = true;
        this.matches.push(m);
        this.merge(m);
        this.g.optind--;
        return true;
      }
    }
    if (r.kind === 'missing') throw perr(`option "${this.g.lastArg}" requires an argument`);
    throw perr(`unknown option "${this.g.lastArg}"`);
  }

  /** The checks after the option loop, and ipv4_post_parse(). */
  private finish(invert: boolean): ParseResult {
    if (this.table === 'nat' && (this.policy === 'DROP' || this.jumpto === 'DROP')) {
      throw perr('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
    }
    const env = { proto: this.proto };
    for (const m of this.matches) finalCheck(m, env);
    if (this.target) finalCheck(this.target, env);
    if (this.g.optind < this.g.argv.length) throw perr('unknown arguments found on commandline');
    if (!this.command) throw perr('no command specified');
    if (invert) throw perr('nothing appropriate following !');
    const ruleCmd = this.command & (CMD.REPLACE | CMD.INSERT | CMD.DELETE | CMD.APPEND | CMD.CHECK);
    const shost = this.shost ?? (ruleCmd ? '0.0.0.0/0' : null);
    const dhost = this.dhost ?? (ruleCmd ? '0.0.0.0/0' : null);
    const srcs = shost !== null ? ipparseMultiple(this.ns, shost) : [];
    const dsts = dhost !== null ? ipparseMultiple(this.ns, dhost) : [];
    if ((srcs.length > 1 || dsts.length > 1) && this.invflags & (IPT_INV_SRCIP | IPT_INV_DSTIP)) {
      throw perr('! not allowed with multiple source or destination IP addresses');
    }
    if (this.command === CMD.REPLACE && (srcs.length !== 1 || dsts.length !== 1)) {
      throw perr('Replacement rule does not specify a unique address');
    }
    this.genericOptCheck();
    if (this.chain !== null && this.chain.length >= MAXNAMELEN) {
      throw perr(`chain name \`${this.chain}' too long (must be under ${MAXNAMELEN} chars)`);
    }
    if (this.command & (CMD.APPEND | CMD.DELETE | CMD.DELETE_NUM | CMD.CHECK | CMD.INSERT | CMD.REPLACE)) {
      if ((this.chain === 'PREROUTING' || this.chain === 'INPUT') && this.options & OPT.VIANAMEOUT) {
        throw perr(`Can't use -o with ${this.chain}\n`);
      }
      if ((this.chain === 'POSTROUTING' || this.chain === 'OUTPUT') && this.options & OPT.VIANAMEIN) {
        throw perr(`Can't use -i with ${this.chain}\n`);
      }
    }
    const matches = this.matches.map((m) => m.build());
    const target: Target = this.target
      ? this.target.build()
      : this.jumpto
        ? { kind: 'jump', chain: this.jumpto, goto: this.goto }
        : { kind: 'none' };
    const rules: ParsedCmd['rules'] = [];
    for (const s of srcs) {
      for (const d of dsts) {
        rules.push({
          ip: {
            src: s.addr,
            smsk: s.mask,
            dst: d.addr,
            dmsk: d.mask,
            iniface: this.iniface,
            outiface: this.outiface,
            proto: this.proto,
            invflags: this.invflags,
          },
          matches,
          target,
        });
      }
    }
    return {
      kind: 'cmd',
      cmd: {
        command: this.command,
        table: this.table,
        chain: this.chain,
        rulenum: this.rulenum,
        policy: this.policy,
        newname: this.newname,
        verbose: this.verbose,
        options: this.options,
        rules,
        jumpto: this.jumpto,
        goto: this.goto,
        counters: this.counters,
      },
    };
  }

  /** generic_opt_check() */
  private genericOptCheck(): void {
    for (let i = 0; i < OPTFLAGS.length; i++) {
      let legal = 0;
      for (let j = 0; j < COMMANDS_V_OPTIONS.length; j++) {
        if (!(this.command & (1 << j)) || !(this.options & (1 << i))) continue;
        if (COMMANDS_V_OPTIONS[j][i] !== 'x') legal = 1;
        else if (legal === 0) legal = -1;
      }
      if (legal === -1) throw perr(`Illegal option \`-${OPTFLAGS[i]}' with this command`);
    }
  }
}

/** cmd2char() */
function cmd2char(option: number): string {
  let i = 0;
  for (; option > 1; option >>= 1) i++;
  return CMDFLAGS[i] ?? '?';
}

/** do_parse(): argv[0] is the program name. */
export function parseIptables(argv: string[], ns: Netns): ParseResult {
  try {
    return new Parser(argv, ns).run();
  } catch (e) {
    if (e instanceof CmdError) return { kind: 'exit', lines: e.lines, code: e.code };
    throw e;
  }
}
