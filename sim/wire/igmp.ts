// IGMP (RFC 2236, RFC 3376, include/uapi/linux/igmp.h): the fields tcpdump prints, at `off`.
import { type Ip4, ipFromBytes } from '../core/addr';

export const IGMP_HOST_MEMBERSHIP_QUERY = 0x11;
export const IGMPV2_HOST_MEMBERSHIP_REPORT = 0x16;
export const IGMPV3_HOST_MEMBERSHIP_REPORT = 0x22;

export function igmpType(b: Uint8Array, off: number): number {
  return b[off];
}
/** a v1/v2 message's group address */
export function igmpGroup(b: Uint8Array, off: number): Ip4 {
  return ipFromBytes(b, off + 4);
}
/** a v3 report's number of group records */
export function igmpv3Records(b: Uint8Array, off: number): number {
  return (b[off + 6] << 8) | b[off + 7];
}
