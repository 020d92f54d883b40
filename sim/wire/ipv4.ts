// IPv4 header (RFC 791, include/uapi/linux/ip.h): 20 bytes without options, checksummed.
import { type Ip4, ipFromBytes, ipToBytes } from '../core/addr';
import { inetChecksum } from './checksum';
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

/** ip_is_fragment(): MF set or a non-zero offset. */
export const isFragment = (b: Uint8Array, off = 0): boolean => (b[off + 6] & 0x3f) !== 0 || b[off + 7] !== 0;

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
  const total = IPV4_HLEN + payload.length;
  // the header goes in the room the payload's builder left, else a fresh buffer with room for Ethernet
  const pushed = pushHeader(payload, IPV4_HLEN);
  const b = pushed ?? withHeadroom(total, 14);
  if (pushed) b.fill(0, 0, IPV4_HLEN);
  b[0] = 0x45;
  b[1] = h.tos;
  b[2] = total >>> 8; b[3] = total & 255;
  b[4] = (h.id >>> 8) & 255; b[5] = h.id & 255;
  b[6] = h.df ? 0x40 : 0;
  b[8] = h.ttl;
  b[9] = h.protocol;
  ipToBytes(h.src, b, 12);
  ipToBytes(h.dst, b, 16);
  const c = inetChecksum(b, 0, IPV4_HLEN);
  b[10] = c >>> 8; b[11] = c & 255;
  if (!pushed) b.set(payload, IPV4_HLEN);
  return b;
}

/** ip_decrease_ttl(): TTL - 1 with the incremental checksum update of RFC 1624. */
export function decreaseTtl(b: Uint8Array, off: number): void {
  b[off + 8] -= 1;
  let c = ((b[off + 10] << 8) | b[off + 11]) + 0x0100;
  c = (c & 0xffff) + (c >>> 16);
  b[off + 10] = (c >>> 8) & 255; b[off + 11] = c & 255;
}

/** Rewrites a source or destination address and fixes the header checksum (NAT). */
export function setIpv4Addr(b: Uint8Array, off: number, which: 'src' | 'dst', a: Ip4): void {
  ipToBytes(a, b, off + (which === 'src' ? 12 : 16));
  b[off + 10] = 0; b[off + 11] = 0;
  const c = inetChecksum(b, off, (b[off] & 15) * 4);
  b[off + 10] = c >>> 8; b[off + 11] = c & 255;
}
