// IPv4 header (RFC 791, include/uapi/linux/ip.h): 20 bytes without options, checksummed.
import { type Ip4, ipFromBytes, ipToBytes } from '../core/addr';
import { csumFold, inetChecksum } from './checksum';
import { pushHeader, withHeadroom } from './headroom';

export const IPV4_HLEN = 20;
export const IPPROTO_ICMP = 1;

export interface Ipv4Repr {
  tos: number;
  id: number;
  df: boolean;
  ttl: number;
  protocol: number;
  src: Ip4;
  dst: Ip4;
}

export interface Ipv4Parsed extends Ipv4Repr {
  ihl: number;
  totalLen: number;
  checksumOk: boolean;
  /** the fragment's offset in bytes (frag_off & IP_OFFSET, times 8) */
  fragOff: number;
  /** IP_MF: more fragments follow */
  mf: boolean;
}

// Field accessors of the IPv4 header at `off` (as smoltcp's wire/ipv4.rs Packet has): plain functions on
// the bytes, no object per packet, so that a hot path costs what the inline index did.
export const IPV4_CHECK_OFF = 10;
export const IPV4_SRC_OFF = 12;
export const IPV4_DST_OFF = 16;
export const IPPROTO_IGMP = 2;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export function ipv4Version(b: Uint8Array, off = 0): number {
  return b[off] >> 4;
}
/** ihl * 4: the header's length in bytes */
export function ipv4HeaderLen(b: Uint8Array, off = 0): number {
  return (b[off] & 15) * 4;
}
export function ipv4Tos(b: Uint8Array, off = 0): number {
  return b[off + 1];
}
export function ipv4TotalLen(b: Uint8Array, off = 0): number {
  return (b[off + 2] << 8) | b[off + 3];
}
/** IP_DF */
export function ipv4Df(b: Uint8Array, off = 0): boolean {
  return (b[off + 6] & 0x40) !== 0;
}
/** frag_off & IP_OFFSET, in bytes */
export function ipv4FragOffset(b: Uint8Array, off = 0): number {
  return (((b[off + 6] & 0x1f) << 8) | b[off + 7]) * 8;
}
export function ipv4Ttl(b: Uint8Array, off = 0): number {
  return b[off + 8];
}
export function ipv4Protocol(b: Uint8Array, off = 0): number {
  return b[off + 9];
}
export function ipv4Src(b: Uint8Array, off = 0): Ip4 {
  return ipFromBytes(b, off + IPV4_SRC_OFF);
}
export function ipv4Dst(b: Uint8Array, off = 0): Ip4 {
  return ipFromBytes(b, off + IPV4_DST_OFF);
}

/** Writes frag_off: the offset in bytes (a multiple of 8), IP_MF and IP_DF. */
export function ipv4SetFrag(b: Uint8Array, fragOff: number, mf: boolean, df: boolean): void {
  const v = (fragOff >> 3) | (mf ? 0x2000 : 0) | (df ? 0x4000 : 0);
  b[6] = v >> 8;
  b[7] = v & 255;
}

/** The total length becomes the buffer's and the header checksum is computed again (after a header change). */
export function ipv4FixHeader(b: Uint8Array, ihl: number): void {
  b[2] = b.length >> 8;
  b[3] = b.length & 255;
  b[10] = b[11] = 0;
  const c = inetChecksum(b, 0, ihl);
  b[10] = c >> 8;
  b[11] = c & 255;
}

/** ip_is_fragment(): MF set or a non-zero offset. */
export const isFragment = (b: Uint8Array, off = 0): boolean => (b[off + 6] & 0x3f) !== 0 || b[off + 7] !== 0;

/** ip_rcv_core()'s checks (version 4, ihl >= 5, lengths, checksum) read in place: the total length, or -1. */
export function ipv4CheckHeader(b: Uint8Array, off = 0): number {
  if (b.length < off + IPV4_HLEN) return -1;
  const vihl = b[off];
  const ihl = (vihl & 15) * 4;
  if (vihl >> 4 !== 4 || ihl < IPV4_HLEN || b.length < off + ihl) return -1;
  const totalLen = (b[off + 2] << 8) | b[off + 3];
  if (totalLen < ihl || b.length < off + totalLen) return -1;
  return inetChecksum(b, off, ihl) === 0 ? totalLen : -1;
}

/** Parses the header at `off` (ip_rcv_core() checks: version 4, ihl >= 5, lengths, checksum). */
export function parseIpv4(b: Uint8Array, off = 0): Ipv4Parsed | undefined {
  if (b.length < off + IPV4_HLEN) return undefined;
  const vihl = b[off];
  const ihl = (vihl & 15) * 4;
  if (vihl >> 4 !== 4 || ihl < IPV4_HLEN || b.length < off + ihl) return undefined;
  const totalLen = (b[off + 2] << 8) | b[off + 3];
  if (totalLen < ihl || b.length < off + totalLen) return undefined;
  return {
    ihl,
    totalLen,
    tos: b[off + 1],
    id: (b[off + 4] << 8) | b[off + 5],
    df: (b[off + 6] & 0x40) !== 0,
    mf: (b[off + 6] & 0x20) !== 0,
    fragOff: (((b[off + 6] & 0x1f) << 8) | b[off + 7]) * 8,
    ttl: b[off + 8],
    protocol: b[off + 9],
    src: ipFromBytes(b, off + 12),
    dst: ipFromBytes(b, off + 16),
    checksumOk: inetChecksum(b, off, ihl) === 0,
  };
}

export function emitIpv4(h: Ipv4Repr, payload: Uint8Array): Uint8Array {
  return emitIpv4Header(h.tos, h.id, h.df, h.ttl, h.protocol, h.src, h.dst, payload);
}

/** emitIpv4() with the header's fields as they are (ip_build_and_send_pkt()'s iph writes): no header object. */
export function emitIpv4Header(
  tos: number,
  id: number,
  df: boolean,
  ttl: number,
  protocol: number,
  src: Ip4,
  dst: Ip4,
  payload: Uint8Array,
): Uint8Array {
  const total = IPV4_HLEN + payload.length;
  // the header goes in the room the payload's builder left, else a fresh buffer with room for Ethernet
  const pushed = pushHeader(payload, IPV4_HLEN);
  const b = pushed ?? withHeadroom(total, 14);
  const w0 = 0x4500 | (tos & 255);
  const w2 = id & 0xffff;
  const w3 = df ? 0x4000 : 0;
  const w4 = ((ttl & 255) << 8) | (protocol & 255);
  b[0] = 0x45;
  b[1] = tos;
  b[2] = total >>> 8;
  b[3] = total & 255;
  b[4] = w2 >>> 8;
  b[5] = w2 & 255;
  b[6] = w3 >>> 8;
  b[7] = 0;
  b[8] = ttl;
  b[9] = protocol;
  ipToBytes(src, b, 12);
  ipToBytes(dst, b, 16);
  // ip_send_check(): the header's ten words summed as they were written (the checksum word 0), not read back
  const c = csumFold(
    w0 + (total & 0xffff) + w2 + w3 + w4 + (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff),
  );
  b[10] = c >>> 8;
  b[11] = c & 255;
  if (!pushed) b.set(payload, IPV4_HLEN);
  return b;
}

/** ip_decrease_ttl(): TTL - 1 with the incremental checksum update of RFC 1624. */
export function decreaseTtl(b: Uint8Array, off: number): void {
  b[off + 8] -= 1;
  let c = ((b[off + 10] << 8) | b[off + 11]) + 0x0100;
  c = (c & 0xffff) + (c >>> 16);
  b[off + 10] = (c >>> 8) & 255;
  b[off + 11] = c & 255;
}
