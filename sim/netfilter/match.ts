// Does a rule match a packet? net/ipv4/netfilter/ip_tables.c: ip_packet_match(), and the matches
// iptables can add to a rule: xt_tcpudp.c (tcp_mt, udp_mt), ip_tables.c (icmp_match), xt_conntrack.c
// (conntrack_mt state part), xt_state.c (state_mt).
import type { Ip4 } from '../core/addr';
import { parseIpv4 } from '../wire/ipv4';
import { l4DstPort, l4SrcPort } from '../wire/ports';
import {
  type IpMatch,
  type Match,
  type Rule,
  IPT_INV_DSTIP,
  IPT_INV_PROTO,
  IPT_INV_SRCIP,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
} from './tables';

export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

/** What the matches look at: the IPv4 header, the devices, and the packet's conntrack state. */
export interface PacketInfo {
  ip: Uint8Array;
  ihl: number;
  len: number;
  src: Ip4;
  dst: Ip4;
  proto: number;
  inDev: string;
  outDev: string;
  /** XT_CONNTRACK_STATE bits of the packet (one of INVALID/NEW/ESTABLISHED/RELATED/UNTRACKED, plus SNAT/DNAT) */
  ctState: number;
  /** the RTN_* type of an address, limited to a device's routes when one is named (xt_addrtype) */
  addrType?: (a: Ip4, dev?: string) => number;
}

export function packetInfo(ip: Uint8Array, inDev: string, outDev: string, ctState: number): PacketInfo | undefined {
  const h = parseIpv4(ip);
  if (!h) return undefined;
  return { ip, ihl: h.ihl, len: h.totalLen, src: h.src, dst: h.dst, proto: h.protocol, inDev, outDev, ctState };
}

/** ifname_compare_aligned(): exact name, or a prefix when the rule's name ends in '+'. */
function ifaceMatches(rule: string, dev: string): boolean {
  if (rule === '') return true;
  if (rule.endsWith('+')) return dev.startsWith(rule.slice(0, -1));
  return rule === dev;
}

/** ip_packet_match() */
export function ipPacketMatch(m: IpMatch, p: PacketInfo): boolean {
  const inv = (flag: number, v: boolean) => ((m.invflags & flag) !== 0) !== v;
  if (inv(IPT_INV_SRCIP, (p.src & m.smsk) >>> 0 !== m.src) || inv(IPT_INV_DSTIP, (p.dst & m.dmsk) >>> 0 !== m.dst))
    return false;
  if (m.iniface !== '' && inv(IPT_INV_VIA_IN, !ifaceMatches(m.iniface, p.inDev))) return false;
  if (m.outiface !== '' && inv(IPT_INV_VIA_OUT, !ifaceMatches(m.outiface, p.outDev))) return false;
  if (m.proto && inv(IPT_INV_PROTO, p.proto !== m.proto)) return false;
  return true;
}

const inRange = (v: number, r: [number, number]) => v >= r[0] && v <= r[1];

/** One match of a rule (the *_mt functions). */
export function matchOne(m: Match, p: PacketInfo): boolean {
  const l4 = p.ihl;
  switch (m.kind) {
    case 'icmp': {
      if (p.proto !== 1 || p.ip.length < l4 + 2) return false;
      const type = p.ip[l4];
      const code = p.ip[l4 + 1];
      // icmp_type_code_match(): type 0xFF matches every type
      const hit = m.type === 0xff || (type === m.type && code >= m.codeMin && code <= m.codeMax);
      return hit !== m.invert;
    }
    case 'tcp':
    case 'udp': {
      if (p.proto !== (m.kind === 'tcp' ? IPPROTO_TCP : IPPROTO_UDP) || p.ip.length < l4 + 4) return false;
      const sport = l4SrcPort(p.ip, l4);
      const dport = l4DstPort(p.ip, l4);
      return inRange(sport, m.spts) !== m.invSrc && inRange(dport, m.dpts) !== m.invDst;
    }
    case 'conntrack':
    case 'state':
      return ((p.ctState & m.states) !== 0) !== m.invert;
    case 'comment':
      return true;
    case 'addrtype': {
      // addrtype_mt_v1()
      const dev = m.limitIn ? p.inDev : m.limitOut ? p.outDev : undefined;
      const type = (a: Ip4) => 1 << (p.addrType?.(a, dev) ?? 1);
      if (m.src && ((type(p.src) & m.src) !== 0) === m.invSrc) return false;
      if (m.dst && ((type(p.dst) & m.dst) !== 0) === m.invDst) return false;
      return true;
    }
  }
}

/** The whole rule: ipt_do_table's ip_packet_match() then xt_ematch_foreach(). */
export function ruleMatches(r: Rule, p: PacketInfo): boolean {
  return ipPacketMatch(r.ip, p) && r.matches.every((m) => matchOne(m, p));
}
