// The iptables extensions the simulator knows, each with its options, parser and checks
// (extensions/libipt_icmp.c, libxt_tcp.c, libxt_udp.c, libxt_conntrack.c (conntrack, state),
// libipt_REJECT.c, libxt_NAT.c (SNAT, DNAT, MASQUERADE); libxtables/xtoptions.c: xtables_option_parse,
// xtables_options_fcheck).
import { type Ip4, parseIp4 } from '../core/addr';
import {
  type Match,
  type NatRange,
  type RejectWith,
  type Target,
  CT_STATE_DNAT,
  CT_STATE_ESTABLISHED,
  CT_STATE_INVALID,
  CT_STATE_NEW,
  CT_STATE_RELATED,
  CT_STATE_SNAT,
  CT_STATE_UNTRACKED,
} from '../netfilter/tables';
import { EMPTY_RANGE } from '../netfilter/nat';
import { xtablesError } from './iptables_errors';
import { ICMP_CODES, serviceToPort } from './iptables_names';

export interface OptEntry {
  name: string;
  id: number;
  hasArg: boolean;
  mand?: boolean;
  invert?: boolean;
}

/** What option parsers may look at: the rule's protocol as parsed so far (cs->fw.ip.proto). */
export interface ParseEnv {
  proto: number;
}

export interface Ext<T> {
  readonly name: string;
  readonly opts: OptEntry[];
  /** old-style parsers (tcp) do their own duplicate and inversion checks */
  readonly oldStyle?: boolean;
  /** the value of its first option in getopt's table (xt_params->option_offset) */
  offset: number;
  /** options seen, one bit per id */
  xflags: number;
  parse(e: OptEntry, arg: string, invert: boolean, env: ParseEnv): void;
  /** x6_fcheck / final_check, after the mandatory options were checked */
  check?(env: ParseEnv): void;
  build(): T;
}

const perr = (msg: string) => xtablesError('PARAMETER', msg);

/** xtables_option_parse(): once only, inversion only where allowed, then the extension's parser. */
export function optionParse<T>(x: Ext<T>, e: OptEntry, arg: string | null, invert: boolean, env: ParseEnv): void {
  if (!x.oldStyle) {
    if (x.xflags & (1 << e.id)) throw perr(`${x.name}: option "--${e.name}" can only be used once.\n`);
    if (invert && !e.invert) throw perr(`${x.name}: option "--${e.name}" cannot be inverted.\n`);
  }
  x.parse(e, arg ?? '', invert, env);
  x.xflags |= 1 << e.id;
}

/** xtables_options_fcheck(): every mandatory option given, then the extension's own check. */
export function finalCheck<T>(x: Ext<T>, env: ParseEnv): void {
  for (const e of x.opts) {
    if (e.mand && !(x.xflags & (1 << e.id))) throw perr(`${x.name}: option "--${e.name}" must be specified\n`);
  }
  x.check?.(env);
}

// ---- matches ----

function icmpMatch(): Ext<Match> {
  const m = { type: 0xff, codeMin: 0, codeMax: 0xff, invert: false };
  return {
    name: 'icmp',
    offset: 0,
    xflags: 0,
    opts: [{ name: 'icmp-type', id: 0, hasArg: true, mand: true, invert: true }],
    parse(_e, arg, invert) {
      // __parse_icmp(): a (prefix of a) name, or type[/code]
      const hits = ICMP_CODES.filter(([n]) => n.toLowerCase().startsWith(arg.toLowerCase()));
      if (hits.length > 1) throw perr(`Ambiguous ICMP type \`${arg}': \`${hits[0][0]}' or \`${hits[1][0]}'?`);
      if (hits.length === 1) {
        [, m.type, m.codeMin, m.codeMax] = hits[0];
      } else {
        const t = parseRange(arg);
        if (!t) throw perr(`Unknown ICMP type \`${arg}'`);
        if (t.lo !== t.hi) throw perr('ICMP type range not supported');
        m.type = t.lo;
        if (t.rest === '') [m.codeMin, m.codeMax] = [0, 0xff];
        else if (t.rest[0] === '/') {
          const c = parseRange(t.rest.slice(1));
          if (!c) throw perr(`Unknown ICMP code \`${arg}'`);
          if (c.rest !== '') throw perr(`unknown character ${c.rest[0]}`);
          [m.codeMin, m.codeMax] = [c.lo, c.hi];
        } else throw perr(`unknown character ${t.rest[0]}`);
      }
      m.invert = invert;
    },
    build: () => ({ kind: 'icmp', ...m }),
  };
}

/** strtoul(s, &end, 0) for a value 0-255: the number and what follows it. */
function strtoulPrefix(s: string): { v: number; rest: string } | undefined {
  const m = /^\s*\+?(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)/i.exec(s);
  if (!m) return undefined;
  const t = m[1];
  const v = /^0x/i.test(t) ? parseInt(t.slice(2), 16) : t.length > 1 && t[0] === '0' ? parseInt(t, 8) : Number(t);
  return v <= 255 ? { v, rest: s.slice(m[0].length) } : undefined;
}

/** parse_range() of libxt_icmp.h: "n" or "n:m", each 0-255. */
function parseRange(s: string): { lo: number; hi: number; rest: string } | undefined {
  const a = strtoulPrefix(s);
  if (!a) return undefined;
  if (a.rest[0] !== ':') return { lo: a.v, hi: a.v, rest: a.rest };
  const b = strtoulPrefix(a.rest.slice(1));
  return b ? { lo: a.v, hi: b.v, rest: b.rest } : undefined;
}

/** xtables_parse_port() (tcp), xtopt_parse_port() (udp) */
function parsePort(s: string, proto: 'tcp' | 'udp'): number {
  const n = /^\d+$/.test(s) ? Number(s) : serviceToPort(s, proto);
  if (n === undefined || n > 65535) {
    throw perr(
      proto === 'tcp' ? `invalid port/service \`${s}' specified` : `Port "${s}" does not resolve to anything.\n`,
    );
  }
  return n;
}

/** parse_tcp_ports() / the udp PORTRC option: "a", "a:b", ":b", "a:". */
function parsePorts(s: string, proto: 'tcp' | 'udp'): [number, number] {
  const i = s.indexOf(':');
  if (i < 0) {
    const p = parsePort(s, proto);
    return [p, p];
  }
  const lo = i > 0 ? parsePort(s.slice(0, i), proto) : 0;
  const hi = s.length > i + 1 ? parsePort(s.slice(i + 1), proto) : 0xffff;
  if (lo > hi) throw perr('invalid portrange (min > max)');
  return [lo, hi];
}

function portMatch(kind: 'tcp' | 'udp'): Ext<Match> {
  const m = {
    spts: [0, 0xffff] as [number, number],
    dpts: [0, 0xffff] as [number, number],
    invSrc: false,
    invDst: false,
  };
  return {
    name: kind,
    offset: 0,
    xflags: 0,
    oldStyle: kind === 'tcp',
    opts: [
      { name: 'source-port', id: 0, hasArg: true, invert: true },
      { name: 'sport', id: 0, hasArg: true, invert: true },
      { name: 'destination-port', id: 1, hasArg: true, invert: true },
      { name: 'dport', id: 1, hasArg: true, invert: true },
    ],
    parse(e, arg, invert) {
      if (kind === 'tcp' && this.xflags & (1 << e.id)) {
        throw perr(`Only one \`--${e.id === 0 ? 'source' : 'destination'}-port' allowed`);
      }
      if (e.id === 0) [m.spts, m.invSrc] = [parsePorts(arg, kind), invert];
      else [m.dpts, m.invDst] = [parsePorts(arg, kind), invert];
    },
    build: () => ({ kind, ...m }),
  };
}

const CT_NAMES: [string, number][] = [
  ['INVALID', CT_STATE_INVALID],
  ['NEW', CT_STATE_NEW],
  ['ESTABLISHED', CT_STATE_ESTABLISHED],
  ['RELATED', CT_STATE_RELATED],
  ['UNTRACKED', CT_STATE_UNTRACKED],
  ['SNAT', CT_STATE_SNAT],
  ['DNAT', CT_STATE_DNAT],
];

/** conntrack_ps_states() / state_parse_states(): a comma list of (prefixes of) state names. */
function parseStates(arg: string, state: boolean): number {
  const names = state ? CT_NAMES.slice(0, 5) : CT_NAMES;
  const word = state ? 'state' : 'ctstate';
  let mask = 0;
  const parts = arg.split(',');
  for (let i = 0; i < parts.length; i++) {
    const rest = parts.slice(i).join(',');
    const p = parts[i];
    if (state && i === parts.length - 1 && p === '') {
      throw perr('"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED');
    }
    const hit = p === '' ? undefined : names.find(([n]) => n.startsWith(p.toUpperCase()));
    if (!hit) throw perr(`Bad ${word} "${rest}"`);
    mask |= hit[1];
  }
  return mask;
}

function stateMatch(kind: 'conntrack' | 'state'): Ext<Match> {
  const m = { states: 0, invert: false };
  const opt = kind === 'state' ? 'state' : 'ctstate';
  return {
    name: kind,
    offset: 0,
    xflags: 0,
    opts: [{ name: opt, id: 0, hasArg: true, invert: true, mand: kind === 'state' }],
    parse(_e, arg, invert) {
      m.states = parseStates(arg, kind === 'state');
      m.invert = invert;
    },
    build: () => ({ kind, ...m }),
  };
}

/** libxt_comment.c: a note kept with the rule. */
function commentMatch(): Ext<Match> {
  let text = '';
  return {
    name: 'comment',
    offset: 0,
    xflags: 0,
    opts: [{ name: 'comment', id: 0, hasArg: true, mand: true }],
    parse(_e, arg) {
      if (arg.length > 255) throw perr('comment: option "--comment" must be at most 255 characters long\n');
      text = arg;
    },
    build: () => ({ kind: 'comment', text }),
  };
}

/** rtn_names[] of libipt_addrtype.c, by RTN_* number */
export const ADDRTYPE_NAMES = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
];

/** libxt_addrtype.c (revision 1) */
function addrtypeMatch(): Ext<Match> {
  const m = { src: 0, dst: 0, invSrc: false, invDst: false, limitIn: false, limitOut: false };
  const types = (arg: string) => {
    let mask = 0;
    for (const t of arg.split(',')) {
      const i = ADDRTYPE_NAMES.findIndex((n) => n.toLowerCase() === t.toLowerCase());
      if (i < 0) throw perr(`addrtype: bad type "${t}"`);
      mask |= 1 << i;
    }
    return mask;
  };
  return {
    name: 'addrtype',
    offset: 0,
    xflags: 0,
    opts: [
      { name: 'src-type', id: 0, hasArg: true, invert: true },
      { name: 'dst-type', id: 1, hasArg: true, invert: true },
      { name: 'limit-iface-in', id: 2, hasArg: false },
      { name: 'limit-iface-out', id: 3, hasArg: false },
    ],
    parse(e, arg, invert) {
      if (e.id === 0) [m.src, m.invSrc] = [types(arg), invert];
      else if (e.id === 1) [m.dst, m.invDst] = [types(arg), invert];
      else if (e.id === 2) m.limitIn = true;
      else m.limitOut = true;
    },
    check() {
      if (!m.src && !m.dst) throw perr('addrtype: you must specify --src-type or --dst-type');
      if (m.limitIn && m.limitOut)
        throw perr("addrtype: you can't specify both --limit-iface-in and --limit-iface-out");
    },
    build: () => ({ kind: 'addrtype', ...m }),
  };
}

/** xtables_find_match() for the matches the simulator has. */
export function findMatch(name: string): Ext<Match> | undefined {
  switch (name) {
    case 'icmp':
      return icmpMatch();
    case 'tcp':
      return portMatch('tcp');
    case 'udp':
      return portMatch('udp');
    case 'conntrack':
      return stateMatch('conntrack');
    case 'state':
      return stateMatch('state');
    case 'comment':
      return commentMatch();
    case 'addrtype':
      return addrtypeMatch();
    default:
      return undefined;
  }
}

// ---- targets ----

/** reject_table[]: name, alias */
export const REJECT_TYPES: [RejectWith, string][] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

function rejectTarget(): Ext<Target> {
  let w: RejectWith = 'icmp-port-unreachable';
  return {
    name: 'REJECT',
    offset: 0,
    xflags: 0,
    opts: [{ name: 'reject-with', id: 0, hasArg: true }],
    parse(_e, arg) {
      const a = arg.toLowerCase();
      const hit = REJECT_TYPES.find(([n, alias]) => n.startsWith(a) || alias.startsWith(a));
      if (!hit) throw perr(`unknown reject type "${arg}"`);
      w = hit[0];
    },
    build: () => ({ kind: 'reject', with: w }),
  };
}

/** __NAT_parse()'s portok: the protocols whose ports (or ICMP id) can be mapped. */
const portOk = (proto: number) => proto === 6 || proto === 17 || proto === 132 || proto === 33 || proto === 1;

/** parse_ports() */
function natPorts(arg: string, env: ParseEnv, r: NatRange): void {
  if (!portOk(env.proto)) throw perr('Need TCP, UDP, SCTP or DCCP with port specification');
  r.protoSpecified = true;
  const m = /^(\d+)(.*)$/.exec(arg);
  let port: number;
  let rest: string;
  if (m && Number(m[1]) <= 65535) [port, rest] = [Number(m[1]), m[2]];
  else {
    const s = serviceToPort(arg, 'tcp');
    if (s === undefined) throw perr(`Port \`${arg}' not valid`);
    [port, rest] = [s, ''];
  }
  if (rest === '') {
    r.minPort = r.maxPort = port;
    return;
  }
  if (rest[0] === ':') throw perr('Invalid port:port syntax - use dash');
  if (rest[0] !== '-') throw perr(`Garbage after port value: \`${rest}'`);
  const m2 = /^(\d+)(.*)$/.exec(rest.slice(1));
  if (!m2 || Number(m2[1]) > 65535) throw perr(`Port \`${rest.slice(1)}' not valid`);
  const max = Number(m2[1]);
  if (max < port) throw perr(`Port range \`${rest.slice(1)}' funky`);
  if (m2[2] !== '') throw perr(`Garbage after port range: \`${m2[2]}'`);
  r.minPort = port;
  r.maxPort = max;
}

/** parse_to(): [ip[-ip]][:port[-port]] */
function natTo(arg: string, env: ParseEnv, r: NatRange): void {
  if (arg.includes('[')) throw perr('Invalid address format');
  let colon = arg.indexOf(':');
  if (colon >= 0 && arg.indexOf(':', colon + 1) >= 0) colon = -1;
  let addr = arg;
  if (colon >= 0) {
    natPorts(arg.slice(colon + 1), env, r);
    if (colon === 0) return;
    addr = arg.slice(0, colon);
  }
  r.mapIps = true;
  const dash = addr.indexOf('-');
  const lo = dash >= 0 ? addr.slice(0, dash) : addr;
  const min = parseIp4(lo);
  if (min === undefined) throw perr(`Bad IP address "${lo}"`);
  let max: Ip4 = min;
  if (dash >= 0) {
    const hi = parseIp4(addr.slice(dash + 1));
    if (hi === undefined) throw perr(`Bad IP address "${addr.slice(dash + 1)}"`);
    max = hi;
  }
  r.minIp = min;
  r.maxIp = max;
}

function natTarget(kind: 'snat' | 'dnat' | 'masquerade'): Ext<Target> {
  const r: NatRange = { ...EMPTY_RANGE };
  const name = kind === 'snat' ? 'SNAT' : kind === 'dnat' ? 'DNAT' : 'MASQUERADE';
  const opts: OptEntry[] =
    kind === 'snat'
      ? [
          { name: 'to-source', id: 1, hasArg: true, mand: true },
          { name: 'random', id: 3, hasArg: false },
          { name: 'random-fully', id: 4, hasArg: false },
          { name: 'persistent', id: 5, hasArg: false },
        ]
      : kind === 'dnat'
        ? [
            { name: 'to-destination', id: 0, hasArg: true, mand: true },
            { name: 'random', id: 3, hasArg: false },
            { name: 'persistent', id: 5, hasArg: false },
          ]
        : [
            { name: 'to-ports', id: 2, hasArg: true },
            { name: 'random', id: 3, hasArg: false },
            { name: 'random-fully', id: 4, hasArg: false },
          ];
  return {
    name,
    opts,
    offset: 0,
    xflags: 0,
    parse(e, arg, _invert, env) {
      switch (e.id) {
        case 0:
        case 1:
          natTo(arg, env, r);
          break;
        case 2:
          natPorts(arg, env, r);
          break;
        case 3:
          r.random = true;
          break;
        case 4:
          r.randomFully = true;
          break;
        case 5:
          r.persistent = true;
          break;
      }
    },
    build: () => ({ kind, range: { ...r } }),
  };
}

/** log_names[] of libipt_LOG.c */
export const LOG_LEVELS = ['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug'];
/** IPT_LOG_* flags by option */
const LOG_FLAGS: Record<string, number> = {
  'log-tcp-sequence': 1,
  'log-tcp-options': 2,
  'log-ip-options': 4,
  'log-uid': 8,
  'log-macdecode': 0x20,
};

/** libipt_LOG.c */
function logTarget(): Ext<Target> {
  const t = { level: 4, prefix: '', flags: 0 };
  return {
    name: 'LOG',
    offset: 0,
    xflags: 0,
    opts: [
      { name: 'log-level', id: 0, hasArg: true },
      { name: 'log-prefix', id: 1, hasArg: true },
      ...Object.keys(LOG_FLAGS).map((name, i) => ({ name, id: 2 + i, hasArg: false })),
    ],
    parse(e, arg) {
      if (e.name === 'log-level') {
        const n = /^\d+$/.test(arg)
          ? Number(arg)
          : LOG_LEVELS.findIndex(
              (l) => l === arg || (l === 'error' && arg === 'err') || (l === 'warning' && arg === 'warn'),
            );
        if (n < 0 || n > 7) throw perr(`log level "${arg}" unknown\n`);
        t.level = n;
      } else if (e.name === 'log-prefix') {
        if (arg.length > 29) throw perr(`Maximum prefix length 29 for --log-prefix\n`);
        t.prefix = arg;
      } else t.flags |= LOG_FLAGS[e.name];
    },
    build: () => ({ kind: 'log', ...t }),
  };
}

/** The standard target's verdicts (libxt_standard.c) and the targets with options. */
export function findTarget(name: string): Ext<Target> | undefined {
  const plain = (t: Target): Ext<Target> => ({ name, opts: [], offset: 0, xflags: 0, parse() {}, build: () => t });
  switch (name) {
    case 'ACCEPT':
      return plain({ kind: 'accept' });
    case 'DROP':
      return plain({ kind: 'drop' });
    case 'RETURN':
      return plain({ kind: 'return' });
    case 'REJECT':
      return rejectTarget();
    case 'SNAT':
      return natTarget('snat');
    case 'DNAT':
      return natTarget('dnat');
    case 'MASQUERADE':
      return natTarget('masquerade');
    case 'LOG':
      return logTarget();
    default:
      return undefined;
  }
}
