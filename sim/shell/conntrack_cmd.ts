// conntrack (conntrack-tools 1.4.7, src/conntrack.c: main, do_parse, generic_opt_check; the entries as
// libnetfilter_conntrack's snprintf_default prints them): list (-L), flush (-F), delete (-D), count (-C).
// The "N flow entries have been shown." summary goes to stderr, unbuffered, while the entries wait in
// stdout's buffer until exit; through a pipe, as the conformance runner reads it, the summary comes first.
import { fmtIp4 } from '../core/addr';
import type { Netns } from '../net/netns';
import {
  type Conn,
  DIR_ORIGINAL,
  DIR_REPLY,
  IPS_DST_NAT,
  IPS_SEEN_REPLY,
  IPS_SRC_NAT,
  type Tuple,
} from '../netfilter/conntrack';
import { nfOf } from '../netfilter/core';
import { CmdError } from './errors';
import { CONNTRACK_HELP } from './conntrack_help';
import { Getopt, type LongOpt } from './iptables_getopt';
import { own } from '../core/own';

const PROG = 'conntrack v1.4.7 (conntrack-tools)';

const err = (msg: string) =>
  new CmdError([`${PROG}: ${msg}`, "Try `conntrack -h' or 'conntrack --help' for more information."], 2);

const LONGOPTS: LongOpt[] = [
  ['dump', 2, 'L'],
  ['create', 2, 'I'],
  ['delete', 2, 'D'],
  ['update', 2, 'U'],
  ['get', 2, 'G'],
  ['flush', 2, 'F'],
  ['event', 2, 'E'],
  ['counter', 2, 'C'],
  ['stats', 0, 'S'],
  ['version', 0, 'V'],
  ['help', 0, 'h'],
  ['orig-src', 1, 's'],
  ['src', 1, 's'],
  ['orig-dst', 1, 'd'],
  ['dst', 1, 'd'],
  ['reply-src', 1, 'r'],
  ['reply-dst', 1, 'q'],
  ['protonum', 1, 'p'],
  ['timeout', 1, 't'],
  ['status', 1, 'u'],
  ['zero', 0, 'z'],
  ['mark', 1, 'm'],
  ['family', 1, 'f'],
  ['src-nat', 2, 'n'],
  ['dst-nat', 2, 'g'],
  ['output', 1, 'o'],
  ['any-nat', 2, 'j'],
  ['zone', 1, 'w'],
].map(([name, hasArg, val]) => ({ name: name as string, hasArg: hasArg as 0 | 1 | 2, val: val as string }));
const SHORTS = 'L::I::U::D::G::E::F::C::hVSs:d:r:q:p:t:u:zm:f:n::g::o:j::w:';

/** The filter options' long names, for "Illegal option" messages. */
const OPTION_NAMES: Record<string, string> = {
  s: '--orig-src',
  d: '--orig-dst',
  r: '--reply-src',
  q: '--reply-dst',
  p: '--protonum',
  t: '--timeout',
  u: '--status',
  z: '--zero',
  m: '--mark',
  f: '--family',
  n: '--src-nat',
  g: '--dst-nat',
  o: '--output',
  j: '--any-nat',
  w: '--zone',
};

/** Protocols conntrack-tools has a module for. */
const PROTOS: Record<string, number> = {
  tcp: 6,
  udp: 17,
  udplite: 136,
  sctp: 132,
  dccp: 33,
  icmp: 1,
  icmpv6: 58,
  gre: 47,
};

/** inet_aton(): also "1.2.3" (1.2.0.3) and "10.1" forms. */
function inetAton(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length > 4 || parts.some((p) => !/^(0x[0-9a-f]+|[0-9]+)$/i.test(p))) return undefined;
  const v = parts.map((p) => Number(p));
  const last = v.length - 1;
  const maxLast = [0xffffffff, 0xffffff, 0xffff, 0xff][last];
  if (v.slice(0, last).some((x) => x > 255) || v[last] > maxLast) return undefined;
  let a = 0;
  for (let i = 0; i < last; i++) a = a * 256 + v[i];
  return (a * 2 ** (8 * (4 - last)) + v[last]) >>> 0;
}

interface Filter {
  proto?: number;
  origSrc?: number;
  origDst?: number;
  replySrc?: number;
  replyDst?: number;
  srcNat?: boolean;
  dstNat?: boolean;
}

function matches(ct: Conn, f: Filter): boolean {
  const o = ct.tuple[DIR_ORIGINAL];
  const r = ct.tuple[DIR_REPLY];
  if (f.proto !== undefined && o.proto !== f.proto) return false;
  if (f.origSrc !== undefined && o.src !== f.origSrc) return false;
  if (f.origDst !== undefined && o.dst !== f.origDst) return false;
  if (f.replySrc !== undefined && r.src !== f.replySrc) return false;
  if (f.replyDst !== undefined && r.dst !== f.replyDst) return false;
  if (f.srcNat && !(ct.status & IPS_SRC_NAT)) return false;
  if (f.dstNat && !(ct.status & IPS_DST_NAT)) return false;
  return true;
}

/** the protocol's name as conntrack prints it; protocols without a tracker are "unknown" */
const protoName = (p: number) => (p === 1 ? 'icmp' : 'unknown');

const tupleText = (t: Tuple) =>
  `src=${fmtIp4(t.src)} dst=${fmtIp4(t.dst)} ` + (t.proto === 1 ? `type=${t.type} code=${t.code} id=${t.id} ` : '');

/** snprintf_default(): one entry; remaining time in whole seconds (nf_ct_expires() / HZ). */
export function formatConn(ct: Conn, now: number, extended: boolean): string {
  let s = extended ? `${'ipv4'.padEnd(8)} 2 ` : '';
  s += `${protoName(ct.tuple[0].proto).padEnd(8)} ${ct.tuple[0].proto} ${Math.max(0, Math.floor((ct.expires - now) / 1e6))} `;
  s += tupleText(ct.tuple[DIR_ORIGINAL]);
  if (!(ct.status & IPS_SEEN_REPLY)) s += '[UNREPLIED] ';
  s += tupleText(ct.tuple[DIR_REPLY]);
  return s + 'mark=0 use=1';
}

/** conntrack ARGS in namespace `ns`. */
export function conntrackMain(argv: string[], ns: Netns): { lines: string[]; code: number } {
  try {
    return run(argv, ns);
  } catch (e) {
    if (e instanceof CmdError) return { lines: e.lines, code: e.code };
    throw e;
  }
}

function run(argv: string[], ns: Netns): { lines: string[]; code: number } {
  const g = new Getopt(argv, SHORTS, LONGOPTS);
  let command: string | null = null;
  let table = 'conntrack';
  const f: Filter = {};
  const used: string[] = [];
  let extended = false;
  const tableArg = (optarg: string | null) => {
    const a = optarg ?? (g.argv[g.optind] !== undefined && g.argv[g.optind][0] !== '-' ? g.argv[g.optind++] : null);
    if (a === null) return;
    if (!['conntrack', 'expect', 'dying', 'unconfirmed'].includes(a)) throw err(`unknown type \`${a}'`);
    table = a;
  };
  const ip = (a: string) => {
    const v = inetAton(a);
    if (v === undefined) throw err(`Invalid IP address \`${a}'`);
    return v;
  };
  for (;;) {
    const r = g.next();
    if (r.kind === 'end') break;
    if (r.kind === 'nonopt') continue;
    if (r.kind === 'unknown') throw err(`unknown option \`${g.lastArg}'`);
    if (r.kind === 'missing') throw err(`option \`${g.lastArg}' requires an argument`);
    const c = r.val as string;
    const arg = r.arg;
    switch (c) {
      case 'h':
        return { lines: [...CONNTRACK_HELP], code: 0 };
      case 'V':
        return { lines: [PROG], code: 0 };
      case 'L':
      case 'D':
      case 'F':
      case 'C':
      case 'I':
      case 'U':
      case 'G':
      case 'E':
      case 'S':
        if (command !== null) throw err('Invalid commands combination');
        command = c;
        if (c !== 'S') tableArg(arg);
        break;
      case 'p': {
        const p =
          own(PROTOS, arg!.toLowerCase()) ?? (/^\d+$/.test(arg!) && Number(arg) <= 255 ? Number(arg) : undefined);
        if (p === undefined) throw err(`\`${arg}' unsupported protocol`);
        f.proto = p;
        used.push(c);
        break;
      }
      case 's':
        f.origSrc = ip(arg!);
        used.push(c);
        break;
      case 'd':
        f.origDst = ip(arg!);
        used.push(c);
        break;
      case 'r':
        f.replySrc = ip(arg!);
        used.push(c);
        break;
      case 'q':
        f.replyDst = ip(arg!);
        used.push(c);
        break;
      case 'n':
        f.srcNat = true;
        used.push(c);
        break;
      case 'g':
        f.dstNat = true;
        used.push(c);
        break;
      case 'o':
        for (const o of arg!.split(',')) {
          if (!['extended', 'xml', 'timestamp', 'id', 'ktimestamp', 'labels', 'userspace'].includes(o))
            throw err(`Bad parameter \`${o}'`);
          if (o === 'extended') extended = true;
        }
        used.push(c);
        break;
      default:
        used.push(c);
    }
  }
  if (command === null) return { lines: [...CONNTRACK_HELP], code: 0 };
  if (command === 'F' || command === 'C') {
    const bad = used.find((o) => own(OPTION_NAMES, o));
    if (bad) throw err(`Illegal option \`${OPTION_NAMES[bad]}' with this command`);
  }
  const nf = nfOf(ns);
  const now = ns.world.now;
  nf.conntrack.expire(now);
  const expect = table === 'expect';
  switch (command) {
    case 'L': {
      if (expect) return { lines: [`${PROG}: 0 expectations have been shown.`], code: 0 };
      const shown = table === 'conntrack' ? nf.conntrack.conns.filter((ct) => matches(ct, f)) : [];
      return {
        lines: [
          `${PROG}: ${shown.length} flow entries have been shown.`,
          ...shown.map((ct) => formatConn(ct, now, extended)),
        ],
        code: 0,
      };
    }
    case 'F':
      if (!expect) nf.conntrack.remove(() => true);
      return { lines: [`${PROG}: ${expect ? 'expectation' : 'connection tracking'} table has been emptied.`], code: 0 };
    case 'D': {
      const n = expect ? 0 : nf.conntrack.remove((ct) => matches(ct, f));
      return {
        lines: [`${PROG}: ${n} ${expect ? 'expectations' : 'flow entries'} have been deleted.`],
        code: n ? 0 : 1,
      };
    }
    case 'C':
      return { lines: [String(expect ? 0 : nf.conntrack.conns.length)], code: 0 };
    default:
      return { lines: [`${PROG}: operation not supported by the simulator`], code: 1 };
  }
}
