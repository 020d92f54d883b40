// Connection tracking for ICMP (net/netfilter/nf_conntrack_core.c: nf_conntrack_in, resolve_normal_ct,
// __nf_conntrack_confirm; nf_conntrack_proto_icmp.c: icmp_pkt_to_tuple, icmp_invert_tuple, icmp_new,
// nf_conntrack_icmpv4_error; nf_conntrack_proto.c: nf_conntrack_inet_error). An echo request opens a
// connection whose tuple carries the echo id; replies and ICMP errors about it are recognised.
// Expired entries are dropped when the table is read, as the kernel's dump skips them.
import type { Ip4 } from '../core/addr';
import { ipv4Dst, ipv4HeaderLen, ipv4Protocol, ipv4Src, ipv4Version, parseIpv4 } from '../wire/ipv4';
import { icmpCode, icmpEchoId, icmpType } from '../wire/icmp';

export const IPPROTO_ICMP = 1;
/** nf_ct_icmp_timeout */
export const ICMP_TIMEOUT_US = 30_000_000;
/** nf_ct_generic_timeout: protocols without a tracker of their own (IGMP here) */
export const GENERIC_TIMEOUT_US = 600_000_000;

/** struct nf_conntrack_tuple for ICMP: the echo id sits where a source port would. */
export interface Tuple {
  src: Ip4;
  dst: Ip4;
  proto: number;
  type: number;
  code: number;
  id: number;
}

export const DIR_ORIGINAL = 0;
export const DIR_REPLY = 1;
export type Dir = typeof DIR_ORIGINAL | typeof DIR_REPLY;

/** enum ip_conntrack_status bits the simulator keeps. */
export const IPS_SEEN_REPLY = 1 << 1;
export const IPS_CONFIRMED = 1 << 3;
export const IPS_SRC_NAT = 1 << 4;
export const IPS_DST_NAT = 1 << 5;
export const IPS_NAT_MASK = IPS_SRC_NAT | IPS_DST_NAT;
export const IPS_SRC_NAT_DONE = 1 << 7;
export const IPS_DST_NAT_DONE = 1 << 8;

export type CtInfo = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'ESTABLISHED_REPLY' | 'RELATED_REPLY';

export const ctinfoDir = (i: CtInfo): Dir =>
  i === 'ESTABLISHED_REPLY' || i === 'RELATED_REPLY' ? DIR_REPLY : DIR_ORIGINAL;

/** struct nf_conn */
export interface Conn {
  tuple: [Tuple, Tuple];
  status: number;
  /** virtual time (µs) at which the entry expires */
  expires: number;
  /** nf_conn_nat.masq_index: the device a MASQUERADE binding was made for, 0 if none */
  masqIndex: number;
}

export const tupleEqual = (a: Tuple, b: Tuple): boolean =>
  a.src === b.src && a.dst === b.dst && a.proto === b.proto && a.type === b.type && a.code === b.code && a.id === b.id;

/** icmp_invert_tuple(): only request/reply pairs can be inverted. */
const INVMAP: Record<number, number> = { 8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 17: 18, 18: 17 };
/** icmp_new(): the request types that may open a connection. */
const VALID_NEW = new Set([8, 13, 15, 17]);
/** icmp_is_error_message types. */
export const ICMP_ERROR_TYPES = new Set([3, 4, 5, 11, 12]);

/** nf_ct_invert_tuple(): addresses swap; ICMP also turns a request type into its reply type. */
export function invertTuple(t: Tuple): Tuple | undefined {
  if (t.proto !== IPPROTO_ICMP) return { ...t, src: t.dst, dst: t.src };
  const type = INVMAP[t.type];
  if (type === undefined) return undefined;
  return { src: t.dst, dst: t.src, proto: t.proto, type, code: t.code, id: t.id };
}

/** nf_ct_get_tuple() for an ICMP packet at byte 0 of `ip` (which may be a quoted, truncated header). */
export function pktToTuple(ip: Uint8Array): Tuple | undefined {
  if (ip.length < 20 || ipv4Version(ip) !== 4 || ipv4Protocol(ip) !== IPPROTO_ICMP) return undefined;
  const ihl = ipv4HeaderLen(ip);
  if (ip.length < ihl + 8) return undefined;
  return {
    src: ipv4Src(ip),
    dst: ipv4Dst(ip),
    proto: IPPROTO_ICMP,
    type: icmpType(ip, ihl),
    code: icmpCode(ip, ihl),
    id: icmpEchoId(ip, ihl),
  };
}

/** What nf_conntrack_in() attached to the skb: a connection and how this packet relates to it. */
export type Classified = { ct: Conn; ctinfo: CtInfo; isNew: boolean } | { ct: null; invalid: boolean };

export class ConntrackTable {
  /** the confirmed connections (the hash table), in the order they were confirmed */
  conns: Conn[] = [];

  /** Drops the entries whose timeout has passed (gc_worker / the dump's nf_ct_is_expired check). */
  expire(now: number): void {
    if (this.conns.some((c) => c.expires <= now)) this.conns = this.conns.filter((c) => c.expires > now);
  }

  /** __nf_conntrack_find_get(): a confirmed connection with this tuple in either direction. */
  find(t: Tuple, now: number): { ct: Conn; dir: Dir } | undefined {
    this.expire(now);
    for (const ct of this.conns) {
      if (tupleEqual(ct.tuple[DIR_ORIGINAL], t)) return { ct, dir: DIR_ORIGINAL };
      if (tupleEqual(ct.tuple[DIR_REPLY], t)) return { ct, dir: DIR_REPLY };
    }
    return undefined;
  }

  /** nf_conntrack_tuple_taken(): is this tuple a direction of some other connection? */
  taken(t: Tuple, ignored: Conn, now: number): boolean {
    const h = this.find(t, now);
    return h !== undefined && h.ct !== ignored;
  }

  /** __nf_conntrack_confirm(): the first packet made it through; the entry goes into the table. */
  confirm(ct: Conn): void {
    if (ct.status & IPS_CONFIRMED) return;
    ct.status |= IPS_CONFIRMED;
    this.conns.push(ct);
  }

  remove(pred: (ct: Conn) => boolean): number {
    const before = this.conns.length;
    this.conns = this.conns.filter((c) => !pred(c));
    return before - this.conns.length;
  }

  /**
   * nf_conntrack_in() for IPv4: classify the packet. ICMP has its own tracker; any other protocol (IGMP
   * here) is tracked by addresses alone (nf_conntrack_l4proto_generic). The timeout is refreshed by every
   * packet of a connection (icmp_packet() / generic_packet() -> nf_ct_refresh_acct()).
   */
  classify(ip: Uint8Array, now: number): Classified {
    const h = parseIpv4(ip);
    if (!h) return { ct: null, invalid: false };
    if (h.protocol !== IPPROTO_ICMP) return this.classifyGeneric(ipv4Src(ip), ipv4Dst(ip), h.protocol, now);
    const t = pktToTuple(ip);
    if (!t) return { ct: null, invalid: true };
    if (ICMP_ERROR_TYPES.has(t.type)) return this.classifyError(ip, h.ihl, t.dst, now);
    const found = this.find(t, now);
    if (found) {
      const { ct, dir } = found;
      let ctinfo: CtInfo;
      if (dir === DIR_REPLY) {
        ctinfo = 'ESTABLISHED_REPLY';
        ct.status |= IPS_SEEN_REPLY;
      } else ctinfo = ct.status & IPS_SEEN_REPLY ? 'ESTABLISHED' : 'NEW';
      ct.expires = now + ICMP_TIMEOUT_US;
      return { ct, ctinfo, isNew: false };
    }
    // init_conntrack(): only a request opens a connection, and only one whose reply can be named
    const reply = invertTuple(t);
    if (!reply || !VALID_NEW.has(t.type)) return { ct: null, invalid: true };
    const ct: Conn = { tuple: [t, reply], status: 0, expires: now + ICMP_TIMEOUT_US, masqIndex: 0 };
    return { ct, ctinfo: 'NEW', isNew: true };
  }

  /** generic_pkt_to_tuple() and generic_packet(): addresses and protocol only; any packet opens a connection. */
  private classifyGeneric(src: Ip4, dst: Ip4, proto: number, now: number): Classified {
    const t: Tuple = { src, dst, proto, type: 0, code: 0, id: 0 };
    const found = this.find(t, now);
    if (found) {
      const { ct, dir } = found;
      if (dir === DIR_REPLY) ct.status |= IPS_SEEN_REPLY;
      ct.expires = now + GENERIC_TIMEOUT_US;
      return {
        ct,
        ctinfo: dir === DIR_REPLY ? 'ESTABLISHED_REPLY' : ct.status & IPS_SEEN_REPLY ? 'ESTABLISHED' : 'NEW',
        isNew: false,
      };
    }
    const ct: Conn = { tuple: [t, invertTuple(t)!], status: 0, expires: now + GENERIC_TIMEOUT_US, masqIndex: 0 };
    return { ct, ctinfo: 'NEW', isNew: true };
  }

  /** nf_conntrack_inet_error(): an ICMP error is RELATED to the connection its quoted packet belongs to. */
  private classifyError(ip: Uint8Array, ihl: number, outerDst: Ip4, now: number): Classified {
    const inner = pktToTuple(ip.subarray(ihl + 8));
    const innerTuple = inner && invertTuple(inner);
    if (!innerTuple) return { ct: null, invalid: true };
    const found = this.find(innerTuple, now);
    if (!found) return { ct: null, invalid: true };
    // the error must be addressed to where that direction of the connection goes
    if (found.ct.tuple[found.dir].dst !== outerDst) return { ct: null, invalid: true };
    return { ct: found.ct, ctinfo: found.dir === DIR_REPLY ? 'RELATED_REPLY' : 'RELATED', isNew: false };
  }
}
