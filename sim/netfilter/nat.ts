// NAT bindings and packet rewriting (net/netfilter/nf_nat_core.c: nf_nat_setup_info, get_unique_tuple,
// nf_nat_used_tuple, nf_nat_l4proto_unique_tuple, nf_nat_alloc_null_binding, nf_nat_packet;
// nf_nat_proto.c: nf_nat_ipv4_manip_pkt, icmp_manip_pkt, nf_nat_icmp_reply_translation;
// nf_nat_masquerade.c: nf_nat_masquerade_ipv4). A binding is decided once, on the connection's first
// packet; every later packet of either direction is rewritten to match it.
import { type Ip4, ipFromBytes } from '../core/addr';
import { jhash2, reciprocalScale } from '../core/jhash';
import type { Prng } from '../core/prng';
import { csumReplace16, setChecksum } from '../wire/checksum';
import { IPPROTO_ICMP, IPV4_CHECK_OFF, IPV4_DST_OFF, IPV4_SRC_OFF, ipv4HeaderLen, ipv4Protocol } from '../wire/ipv4';
import { ICMP_CHECK_OFF, ICMP_ECHO_ID_OFF, ICMP_REDIRECT, icmpType } from '../wire/icmp';
import type { HookName } from './hooks';
import {
  type Conn,
  type ConntrackTable,
  type CtInfo,
  type Tuple,
  DIR_ORIGINAL,
  DIR_REPLY,
  IPS_DST_NAT,
  IPS_DST_NAT_DONE,
  IPS_NAT_MASK,
  IPS_SRC_NAT,
  IPS_SRC_NAT_DONE,
  ctinfoDir,
  invertTuple,
  tupleEqual,
} from './conntrack';
import type { NatRange } from './tables';

export type Manip = 'SRC' | 'DST';

/** HOOK2MANIP(): source NAT happens on the way out (POSTROUTING, INPUT), destination NAT on the way in. */
export const hookManip = (hook: HookName): Manip => (hook === 'POSTROUTING' || hook === 'INPUT' ? 'SRC' : 'DST');

/** nf_nat_initialized() */
export const natInitialized = (ct: Conn, m: Manip): boolean =>
  (ct.status & (m === 'SRC' ? IPS_SRC_NAT_DONE : IPS_DST_NAT_DONE)) !== 0;

export interface NatEnv {
  table: ConntrackTable;
  now: number;
  prng: Prng;
}

/** nf_nat_used_tuple(): would the reply to this tuple clash with another connection? */
function usedTuple(env: NatEnv, t: Tuple, ct: Conn): boolean {
  const reply = invertTuple(t);
  return reply !== undefined && env.table.taken(reply, ct, env.now);
}

/** nf_in_range() for the address part, and l4proto_in_range() for the ICMP id. */
function inRange(t: Tuple, r: NatRange, m: Manip): boolean {
  if (r.mapIps) {
    const a = m === 'SRC' ? t.src : t.dst;
    if (a < r.minIp || a > r.maxIp) return false;
  }
  return !r.protoSpecified || (t.id >= r.minPort && t.id <= r.maxPort);
}

/** The u32 the kernel reads from an IPv4 address's four network-order bytes on a little-endian machine. */
const leWord = (a: Ip4): number =>
  (((a & 0xff) << 24) | (((a >>> 8) & 0xff) << 16) | (((a >>> 16) & 0xff) << 8) | (a >>> 24)) >>> 0;

/**
 * find_best_ips_proto(): the address to map to. With a range the kernel hashes the source address
 * (union nf_inet_addr: four words, the last three zero for IPv4) by jhash2, seeded by the destination
 * address XOR the zone id (0), or by 0 with NF_NAT_RANGE_PERSISTENT, and scales the hash onto the range;
 * the same flow gets the same address on every run and every machine of the same byte order.
 */
function bestIp(t: Tuple, r: NatRange, m: Manip): Ip4 {
  const cur = m === 'SRC' ? t.src : t.dst;
  if (!r.mapIps) return cur;
  if (r.minIp === r.maxIp) return r.minIp;
  const j = jhash2([leWord(t.src), 0, 0, 0], r.persistent ? 0 : leWord(t.dst));
  const dist = (r.maxIp - r.minIp + 1) >>> 0;
  return ((r.minIp + reciprocalScale(j, dist)) >>> 0) as Ip4;
}

/** nf_nat_l4proto_unique_tuple() for ICMP: look for a free echo id. */
function uniqueId(env: NatEnv, t: Tuple, r: NatRange, m: Manip, ct: Conn): Tuple {
  if (t.proto !== 1) return t; // the generic protocol has nothing to make unique
  const min = r.protoSpecified ? r.minPort : 0;
  const size = r.protoSpecified ? r.maxPort - r.minPort + 1 : 65536;
  let off = r.random || r.randomFully || m !== 'DST' ? env.prng.u32() & 0xffff : 0;
  let attempts = Math.min(size, 128);
  for (;;) {
    for (let i = 0; i < attempts; i++, off++) {
      const c = { ...t, id: min + (off % size) };
      if (!usedTuple(env, c, ct)) return c;
    }
    if (attempts >= size || attempts < 16) return { ...t, id: min + (off % size) };
    attempts >>= 1;
    off = env.prng.u32() & 0xffff;
  }
}

/** get_unique_tuple() */
function uniqueTuple(env: NatEnv, orig: Tuple, r: NatRange, ct: Conn, m: Manip): Tuple {
  const randomAll = r.random || r.randomFully;
  // 1) source NAT keeps the original tuple when it already fits and is free
  if (m === 'SRC' && !randomAll && inRange(orig, r, m) && !usedTuple(env, orig, ct)) return orig;
  // 2) the address
  const ip = bestIp(orig, r, m);
  const t: Tuple = m === 'SRC' ? { ...orig, src: ip } : { ...orig, dst: ip };
  // 3) the id, only if it is not already in range and unique
  if (!randomAll) {
    if (r.protoSpecified) {
      if (inRange(t, r, m) && (r.minPort === r.maxPort || !usedTuple(env, t, ct))) return t;
    } else if (!usedTuple(env, t, ct)) return t;
  }
  return uniqueId(env, t, r, m, ct);
}

/** nf_nat_setup_info(): bind the connection; the reply tuple is changed so that replies are recognised. */
export function natSetupInfo(env: NatEnv, ct: Conn, r: NatRange, m: Manip): void {
  const curr = invertTuple(ct.tuple[DIR_REPLY])!;
  const t = uniqueTuple(env, curr, r, ct, m);
  if (!tupleEqual(t, curr)) {
    ct.tuple[DIR_REPLY] = invertTuple(t)!;
    ct.status |= m === 'SRC' ? IPS_SRC_NAT : IPS_DST_NAT;
  }
  ct.status |= m === 'SRC' ? IPS_SRC_NAT_DONE : IPS_DST_NAT_DONE;
}

/** nf_nat_alloc_null_binding(): no rule chose a mapping; bind to the addresses the packet already has. */
export function natNullBinding(env: NatEnv, ct: Conn, m: Manip): void {
  const reply = ct.tuple[DIR_REPLY];
  const ip = m === 'SRC' ? reply.dst : reply.src;
  natSetupInfo(env, ct, { ...EMPTY_RANGE, mapIps: true, minIp: ip, maxIp: ip }, m);
}

export const EMPTY_RANGE: NatRange = {
  mapIps: false,
  minIp: 0 as Ip4,
  maxIp: 0 as Ip4,
  protoSpecified: false,
  minPort: 0,
  maxPort: 0,
  random: false,
  randomFully: false,
  persistent: false,
};

/** nf_nat_masquerade_ipv4(): source NAT to the address the outgoing device would pick for the nexthop. */
export function natMasquerade(env: NatEnv, ct: Conn, r: NatRange, outIfindex: number, newsrc: Ip4): 'accept' | 'drop' {
  // "Source address is 0.0.0.0 - locally generated packet that is probably not supposed to be masqueraded."
  if (ct.tuple[DIR_ORIGINAL].src === 0) return 'accept';
  if (!newsrc) return 'drop';
  ct.masqIndex = outIfindex;
  natSetupInfo(env, ct, { ...r, mapIps: true, minIp: newsrc, maxIp: newsrc }, 'SRC');
  return 'accept';
}

/** Replaces a 32-bit address covered by the IP header checksum (csum_replace4), as two 16-bit words. */
function replaceAddr(b: Uint8Array, off: number, at: number, a: Ip4): void {
  const old = ipFromBytes(b, off + at);
  if (old === a) return;
  csumReplace16(b, off + at, off + IPV4_CHECK_OFF, a >>> 16);
  csumReplace16(b, off + at + 2, off + IPV4_CHECK_OFF, a & 0xffff);
}

/**
 * nf_nat_ipv4_manip_pkt(): make the IPv4 header at `off` (and its ICMP echo id, when present) carry the
 * target tuple's source (SRC) or destination (DST).
 */
export function manipPkt(b: Uint8Array, off: number, target: Tuple, m: Manip): void {
  const ihl = ipv4HeaderLen(b, off);
  // icmp_manip_pkt(): the id is the "source" part of the tuple whichever side is mangled
  if (
    ipv4Protocol(b, off) === IPPROTO_ICMP &&
    b.length >= off + ihl + 8 &&
    ICMP_QUERY_TYPES.has(icmpType(b, off + ihl))
  ) {
    csumReplace16(b, off + ihl + ICMP_ECHO_ID_OFF, off + ihl + ICMP_CHECK_OFF, target.id);
  }
  if (m === 'SRC') replaceAddr(b, off, IPV4_SRC_OFF, target.src);
  else replaceAddr(b, off, IPV4_DST_OFF, target.dst);
}

/** icmp_manip_pkt() rewrites the id of queries and their replies only. */
const ICMP_QUERY_TYPES = new Set([0, 8, 13, 14, 15, 16, 17, 18]);

/** nf_nat_packet(): rewrite a packet of a bound connection, if this hook's side was translated. */
export function natPacket(ct: Conn, ctinfo: CtInfo, hook: HookName, ip: Uint8Array): void {
  const m = hookManip(hook);
  const dir = ctinfoDir(ctinfo);
  let statusbit = m === 'SRC' ? IPS_SRC_NAT : IPS_DST_NAT;
  if (dir === DIR_REPLY) statusbit ^= IPS_NAT_MASK;
  if (!(ct.status & statusbit)) return;
  const target = invertTuple(ct.tuple[dir === DIR_ORIGINAL ? DIR_REPLY : DIR_ORIGINAL])!;
  manipPkt(ip, 0, target, m);
}

/**
 * nf_nat_icmp_reply_translation(): an ICMP error about a translated packet. The quoted packet is put
 * back as its sender knew it, and the error is readdressed like a reply of that connection.
 */
export function natIcmpReplyTranslation(ct: Conn, ctinfo: CtInfo, hook: HookName, ip: Uint8Array): boolean {
  const ihl = ipv4HeaderLen(ip);
  if (ip.length < ihl + 8 + 20) return false;
  const m = hookManip(hook);
  const dir = ctinfoDir(ctinfo);
  if (icmpType(ip, ihl) === ICMP_REDIRECT && ct.status & IPS_NAT_MASK) return false; // redirects about translated connections are dropped
  let statusbit = m === 'SRC' ? IPS_SRC_NAT : IPS_DST_NAT;
  if (dir === DIR_REPLY) statusbit ^= IPS_NAT_MASK;
  if (!(ct.status & statusbit)) return true;
  const other = ct.tuple[dir === DIR_ORIGINAL ? DIR_REPLY : DIR_ORIGINAL];
  manipPkt(ip, ihl + 8, other, m === 'SRC' ? 'DST' : 'SRC');
  // the ICMP checksum covers the quoted packet: compute it again
  setChecksum(ip, ihl, ip.length - ihl, ihl + ICMP_CHECK_OFF);
  const target = invertTuple(other)!;
  manipPkt(ip, 0, { ...target, proto: 1 }, m);
  return true;
}
