// iptables -L and -S output of iptables 1.8.9 (iptables/xshared.c: print_header, print_rule_details,
// print_fragment, print_ifaces, print_ipv4_addresses, save_ipv4_addr, save_rule_details;
// nft-ipv4.c: nft_ipv4_print_rule, nft_ipv4_save_rule; nft-shared.c: save_matches_and_target;
// libxtables: xtables_print_num; extensions' print and save functions).
import { ADDRTYPE_NAMES } from './iptables_ext';
import { fmtIp4 } from '../core/addr';
import type { Netns } from '../net/netns';
import {
  type Chain,
  type Match,
  type NatRange,
  type Rule,
  type Target,
  CT_STATE_DNAT,
  CT_STATE_ESTABLISHED,
  CT_STATE_INVALID,
  CT_STATE_NEW,
  CT_STATE_RELATED,
  CT_STATE_SNAT,
  CT_STATE_UNTRACKED,
  IPT_INV_DSTIP,
  IPT_INV_PROTO,
  IPT_INV_SRCIP,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
  targetName,
} from '../netfilter/tables';
import { ICMP_CODES, portToService, protoName } from './iptables_names';

export const FMT_NUMERIC = 0x0001;
export const FMT_NOCOUNTS = 0x0002;
export const FMT_KILOMEGAGIGA = 0x0004;
export const FMT_OPTIONS = 0x0008;
export const FMT_NOTABLE = 0x0010;
export const FMT_NOTARGET = 0x0020;
export const FMT_VIA = 0x0040;
export const FMT_LINENUMBERS = 0x0100;
export const FMT_C_COUNTS = 0x0400;
export const FMT_PRINT_RULE = FMT_NOCOUNTS | FMT_OPTIONS | FMT_VIA | FMT_NUMERIC | FMT_NOTABLE;

const left = (s: string, n: number) => s.padEnd(n);
const right = (s: string | number, n: number) => String(s).padStart(n);

/** xtables_print_num() */
function printNum(n: number, format: number): string {
  const tab = !(format & FMT_NOTABLE);
  if (!(format & FMT_KILOMEGAGIGA)) return tab ? `${right(n, 8)} ` : `${n} `;
  if (n <= 99999) return tab ? `${right(n, 5)} ` : `${n} `;
  for (const unit of ['K', 'M', 'G']) {
    n = Math.floor((n + 500) / 1000);
    if (n <= 9999) return tab ? `${right(n, 4)}${unit} ` : `${n}${unit} `;
  }
  n = Math.floor((n + 500) / 1000);
  return tab ? `${right(n, 4)}T ` : `${n}T `;
}

/** print_header() */
export function printHeader(format: number, c: Chain, refs: number): string[] {
  const tab = !(format & FMT_NOTABLE);
  const F = (t: string, nt: string) => (tab ? t : nt);
  let l1 = `Chain ${c.name}`;
  if (c.hook) {
    l1 += ` (policy ${c.policy}`;
    if (!(format & FMT_NOCOUNTS)) {
      l1 += ` ${printNum(c.pkts, format | FMT_NOTABLE)}packets, ${printNum(c.bytes, format | FMT_NOTABLE)}bytes`;
    }
    l1 += ')';
  } else l1 += ` (${refs} references)`;
  let l2 = '';
  if (format & FMT_LINENUMBERS) l2 += F(`${left('num', 4)} `, 'num ');
  if (!(format & FMT_NOCOUNTS)) {
    if (format & FMT_KILOMEGAGIGA) l2 += F(`${right('pkts', 5)} ${right('bytes', 5)} `, 'pkts bytes ');
    else l2 += F(`${right('pkts', 8)} ${right('bytes', 10)} `, 'pkts bytes ');
  }
  if (!(format & FMT_NOTARGET)) l2 += F(`${left('target', 9)} `, 'target ');
  l2 += ' prot ';
  if (format & FMT_OPTIONS) l2 += 'opt';
  if (format & FMT_VIA) l2 += F(` ${left('in', 6)} ${left('out', 6)} `, 'in out ');
  l2 += F(` ${left('source', 19)} `, 'source ');
  l2 += F(` ${left('destination', 19)} `, ' destination ');
  return [l1, l2];
}

/** xtables_ipmask_to_numeric(): "/len", nothing for /32, or a dotted mask that is not a prefix. */
function maskToNumeric(mask: number): string {
  for (let i = 32; i >= 0; i--) {
    const bits = i === 0 ? 0 : (0xffffffff << (32 - i)) >>> 0;
    if (bits === mask) return i === 32 ? '' : `/${i}`;
  }
  return `/${fmtIp4(mask)}`;
}

/** ipaddr_to_host() through the lab's hosts file (getnameinfo()), else the number. */
function addrName(ns: Netns, a: number): string {
  for (const [name, ip] of ns.world.hosts) if (ip === a) return name;
  if (a === 0x7f000001) return 'localhost';
  return fmtIp4(a);
}

/** ipv4_addr_to_string() */
function addrToString(ns: Netns, a: number, mask: number, format: number): string {
  if (!mask && !(format & FMT_NUMERIC)) return 'anywhere';
  return (format & FMT_NUMERIC ? fmtIp4(a) : addrName(ns, a)) + maskToNumeric(mask);
}

/** The listing of one rule (nft_ipv4_print_rule()), without its newline. */
export function printRule(ns: Netns, r: Rule, num: number, format: number): string {
  const tab = !(format & FMT_NOTABLE);
  const F = (t: string, nt: string) => (tab ? t : nt);
  let s = '';
  // print_rule_details()
  if (format & FMT_LINENUMBERS) s += F(`${left(String(num), 4)} `, `${num} `);
  if (!(format & FMT_NOCOUNTS)) s += printNum(r.pkts, format) + printNum(r.bytes, format);
  if (!(format & FMT_NOTARGET)) s += F(`${left(targetName(r.target), 9)} `, `${targetName(r.target)} `);
  s += r.ip.invflags & IPT_INV_PROTO ? '!' : ' ';
  const pname = protoName(r.ip.proto, (format & FMT_NUMERIC) !== 0);
  if ((format & (FMT_NUMERIC | FMT_NOTABLE)) === FMT_NUMERIC || !pname)
    s += F(`${left(String(r.ip.proto), 4)} `, `${r.ip.proto} `);
  else s += F(`${left(pname, 4)} `, `${pname} `);
  // print_fragment()
  if (format & FMT_OPTIONS) s += (format & FMT_NOTABLE ? 'opt ' : '') + '-- ';
  // print_ifaces()
  if (format & FMT_VIA) {
    const any = format & FMT_NUMERIC ? '*' : 'any';
    const inName = (r.ip.invflags & IPT_INV_VIA_IN ? '!' : '') + (r.ip.iniface || any);
    const outName = (r.ip.invflags & IPT_INV_VIA_OUT ? '!' : '') + (r.ip.outiface || any);
    s += F(` ${left(inName, 6)} `, `in ${inName} `) + F(`${left(outName, 6)} `, `out ${outName} `);
  }
  // print_ipv4_addresses()
  s += r.ip.invflags & IPT_INV_SRCIP ? '!' : ' ';
  const src = addrToString(ns, r.ip.src, r.ip.smsk, format);
  s += F(`${left(src, 19)} `, `${src} `);
  s += r.ip.invflags & IPT_INV_DSTIP ? '!' : ' ';
  const dst = addrToString(ns, r.ip.dst, r.ip.dmsk, format);
  s += F(`${left(dst, 19)} `, `-> ${dst}`);
  if (format & FMT_NOTABLE) s += '  ';
  const numeric = (format & FMT_NUMERIC) !== 0;
  for (const m of r.matches) s += printMatch(m, numeric);
  s += printTarget(r.target);
  return s;
}

function icmpType(m: Extract<Match, { kind: 'icmp' }>, numeric: boolean): string {
  if (!numeric) {
    const hit = ICMP_CODES.find(([, t, lo, hi]) => t === m.type && lo === m.codeMin && hi === m.codeMax);
    if (hit) return ` ${m.invert ? '!' : ''}${hit[0]}`;
  }
  let s = (m.invert ? ' !' : '') + `type ${m.type}`;
  if (m.codeMin === m.codeMax) s += ` code ${m.codeMin}`;
  else if (m.codeMin !== 0 || m.codeMax !== 0xff) s += ` codes ${m.codeMin}-${m.codeMax}`;
  return s;
}

function ports(kind: 'tcp' | 'udp', name: string, r: [number, number], inv: boolean, numeric: boolean): string {
  if (r[0] === 0 && r[1] === 0xffff && !inv) return '';
  const p = (n: number) => (numeric ? undefined : portToService(n, kind)) ?? String(n);
  const i = inv ? '!' : '';
  return r[0] === r[1] ? ` ${name}:${i}${p(r[0])}` : ` ${name}s:${i}${p(r[0])}:${p(r[1])}`;
}

const STATE_ORDER: [number, string][] = [
  [CT_STATE_INVALID, 'INVALID'],
  [CT_STATE_NEW, 'NEW'],
  [CT_STATE_RELATED, 'RELATED'],
  [CT_STATE_ESTABLISHED, 'ESTABLISHED'],
  [CT_STATE_UNTRACKED, 'UNTRACKED'],
  [CT_STATE_SNAT, 'SNAT'],
  [CT_STATE_DNAT, 'DNAT'],
];
const stateList = (mask: number) =>
  STATE_ORDER.filter(([b]) => mask & b)
    .map(([, n]) => n)
    .join(',');

/** The matches' print functions (the listing). */
function printMatch(m: Match, numeric: boolean): string {
  switch (m.kind) {
    case 'icmp':
      return ' icmp' + icmpType(m, numeric);
    case 'tcp':
    case 'udp':
      return (
        ` ${m.kind}` + ports(m.kind, 'spt', m.spts, m.invSrc, numeric) + ports(m.kind, 'dpt', m.dpts, m.invDst, numeric)
      );
    case 'conntrack':
      return `${m.invert ? ' !' : ''} ctstate ${stateList(m.states)}`;
    case 'state':
      return `${m.invert ? ' !' : ''} state ${stateList(m.states)}`;
    case 'comment':
      return ` /* ${m.text} */`;
    case 'addrtype': {
      // addrtype_print_v1()
      let s = ' ADDRTYPE match';
      if (m.src) s += ` src-type ${m.invSrc ? '!' : ''}${addrtypes(m.src)}`;
      if (m.dst) s += ` dst-type ${m.invDst ? '!' : ''}${addrtypes(m.dst)}`;
      if (m.limitIn) s += ' limit-in';
      if (m.limitOut) s += ' limit-out';
      return s;
    }
  }
}

const addrtypes = (mask: number) => ADDRTYPE_NAMES.filter((_, i) => mask & (1 << i)).join(',');

/** xtables_save_string(): bare when only letters, digits, _ and -; else quoted with \\, \" and \' escaped. */
function saveString(v: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(v)) return ` ${v}`;
  return ` "${v.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

const LOG_FLAG_OPTS: [number, string][] = [
  [1, 'log-tcp-sequence'],
  [2, 'log-tcp-options'],
  [4, 'log-ip-options'],
  [8, 'log-uid'],
  [0x20, 'log-macdecode'],
];

/** sprint_range() */
function natRange(r: NatRange): string {
  let s = '';
  if (r.mapIps) s += fmtIp4(r.minIp) + (r.minIp !== r.maxIp ? `-${fmtIp4(r.maxIp)}` : '');
  if (r.protoSpecified) s += `:${r.minPort}` + (r.maxPort !== r.minPort ? `-${r.maxPort}` : '');
  return s;
}

/** __NAT_print() */
function natPrint(r: NatRange, rangeopt: string, flagPfx: string, skipColon: boolean): string {
  let range = natRange(r);
  let s = '';
  if (range) {
    if (range[0] === ':' && skipColon) range = range.slice(1);
    s += ` ${rangeopt}${range}`;
  }
  if (r.random) s += ` ${flagPfx}random`;
  if (r.randomFully) s += ` ${flagPfx}random-fully`;
  if (r.persistent) s += ` ${flagPfx}persistent`;
  return s;
}

function printTarget(t: Target): string {
  switch (t.kind) {
    case 'reject':
      return ` reject-with ${t.with}`;
    case 'snat':
    case 'dnat':
      return natPrint(t.range, 'to:', '', false);
    case 'masquerade':
      return natPrint(t.range, 'masq ports: ', '', true);
    case 'log':
      return ` LOG flags ${t.flags} level ${t.level}` + (t.prefix ? ` prefix "${t.prefix}"` : '');
    default:
      return '';
  }
}

/** save_ipv4_addr() */
function saveAddr(letter: string, a: number, mask: number, inv: boolean): string {
  if (!mask && !inv && !a) return '';
  const m = maskToNumeric(mask);
  const len = m === '' ? '32' : m.slice(1);
  return `${inv ? ' !' : ''} -${letter} ${fmtIp4(a)}/${len}`;
}

/** A rule as iptables -S and iptables-save print it (nft_rule_print_save()), with -c counters if asked. */
export function saveRule(chain: string, r: Rule, format: number): string {
  let s = '';
  if (!(format & (FMT_NOCOUNTS | FMT_C_COUNTS))) s += `[${r.pkts}:${r.bytes}] `;
  s += `-A ${chain}`;
  s += saveAddr('s', r.ip.src, r.ip.smsk, (r.ip.invflags & IPT_INV_SRCIP) !== 0);
  s += saveAddr('d', r.ip.dst, r.ip.dmsk, (r.ip.invflags & IPT_INV_DSTIP) !== 0);
  // save_rule_details()
  if (r.ip.iniface) s += `${r.ip.invflags & IPT_INV_VIA_IN ? ' !' : ''} -i ${r.ip.iniface}`;
  if (r.ip.outiface) s += `${r.ip.invflags & IPT_INV_VIA_OUT ? ' !' : ''} -o ${r.ip.outiface}`;
  if (r.ip.proto > 0) {
    if (r.ip.invflags & IPT_INV_PROTO) s += ' !';
    s += ` -p ${protoName(r.ip.proto, false) ?? r.ip.proto}`;
  }
  // save_matches_and_target()
  for (const m of r.matches) s += ` -m ${m.kind}` + saveMatch(m);
  if ((format & (FMT_NOCOUNTS | FMT_C_COUNTS)) === FMT_C_COUNTS) s += ` -c ${r.pkts} ${r.bytes}`;
  const name = targetName(r.target);
  if (name) s += ` -${r.target.kind === 'jump' && r.target.goto ? 'g' : 'j'} ${name}` + saveTarget(r.target);
  return s;
}

function savePorts(name: string, r: [number, number], inv: boolean): string {
  if (r[0] === 0 && r[1] === 0xffff) return '';
  return `${inv ? ' !' : ''} --${name} ${r[0] === r[1] ? r[0] : `${r[0]}:${r[1]}`}`;
}

function saveMatch(m: Match): string {
  switch (m.kind) {
    case 'icmp': {
      const inv = m.invert ? ' !' : '';
      if (m.type === 0xff) return `${inv} --icmp-type any`;
      return `${inv} --icmp-type ${m.type}` + (m.codeMin !== 0 || m.codeMax !== 0xff ? `/${m.codeMin}` : '');
    }
    case 'tcp':
    case 'udp':
      return savePorts('sport', m.spts, m.invSrc) + savePorts('dport', m.dpts, m.invDst);
    case 'conntrack':
      return `${m.invert ? ' !' : ''} --ctstate ${stateList(m.states)}`;
    case 'state':
      return `${m.invert ? ' !' : ''} --state ${stateList(m.states)}`;
    case 'comment':
      return ` --comment${saveString(m.text)}`;
    case 'addrtype':
      return (
        (m.src ? `${m.invSrc ? ' !' : ''} --src-type ${addrtypes(m.src)}` : '') +
        (m.dst ? `${m.invDst ? ' !' : ''} --dst-type ${addrtypes(m.dst)}` : '') +
        (m.limitIn ? ' --limit-iface-in' : '') +
        (m.limitOut ? ' --limit-iface-out' : '')
      );
  }
}

function saveTarget(t: Target): string {
  switch (t.kind) {
    case 'reject':
      return ` --reject-with ${t.with}`;
    case 'snat':
      return natPrint(t.range, '--to-source ', '--', false);
    case 'dnat':
      return natPrint(t.range, '--to-destination ', '--', false);
    case 'masquerade':
      return natPrint(t.range, '--to-ports ', '--', true);
    case 'log':
      return (
        (t.prefix ? ` --log-prefix${saveString(t.prefix)}` : '') +
        (t.level !== 4 ? ` --log-level ${t.level}` : '') +
        LOG_FLAG_OPTS.filter(([b]) => t.flags & b)
          .map(([, n]) => ` --${n}`)
          .join('')
      );
    default:
      return '';
  }
}
