// Ethernet II header (include/uapi/linux/if_ether.h): dst, src, ethertype; 14 bytes, no FCS.
import { type Mac, macFromBytes } from '../core/addr';
import { pushHeader } from './headroom';

export const ETH_HLEN = 14;
export const ETH_P_IP = 0x0800;
export const ETH_P_ARP = 0x0806;

export interface EthernetRepr {
  dst: Mac;
  src: Mac;
  ethertype: number;
}

export function parseEthernet(b: Uint8Array): EthernetRepr | undefined {
  if (b.length < ETH_HLEN) return undefined;
  return { dst: macFromBytes(b, 0), src: macFromBytes(b, 6), ethertype: ethType(b) };
}

// read several times per frame: macFromBytes() written out, one call fewer each while the path is interpreted
export function ethDst(b: Uint8Array): Mac {
  return (((b[0] << 8) | b[1]) * 0x100000000 + (((b[2] << 24) | (b[3] << 16) | (b[4] << 8) | b[5]) >>> 0)) as Mac;
}

export function ethSrc(b: Uint8Array): Mac {
  return (((b[6] << 8) | b[7]) * 0x100000000 + (((b[8] << 24) | (b[9] << 16) | (b[10] << 8) | b[11]) >>> 0)) as Mac;
}

export function ethType(b: Uint8Array): number {
  return (b[12] << 8) | b[13];
}

/** ETH_P_IPV6 */
export const ETH_P_IPV6 = 0x86dd;
/** below this the type field is an 802.3 length (ETH_P_802_3_MIN) */
export const ETH_P_802_3_MIN = 0x600;

/** Builds a frame: the Ethernet header followed by `payload`. */
export function emitEthernet(h: EthernetRepr, payload: Uint8Array): Uint8Array {
  return emitEthernetHeader(h.dst, h.src, h.ethertype, payload);
}

/** emitEthernet() with the header's fields as they are (eth_header()): no header object per frame. */
export function emitEthernetHeader(dst: Mac, src: Mac, ethertype: number, payload: Uint8Array): Uint8Array {
  const pushed = pushHeader(payload, ETH_HLEN);
  const b = pushed ?? new Uint8Array(ETH_HLEN + payload.length);
  // the addresses written out (macToBytes()'s bytes; `| 0` truncates the high word as floor() would): a
  // header per frame, built while the path is interpreted
  const dh = (dst / 0x100000000) | 0;
  const dl = dst >>> 0;
  b[0] = dh >>> 8;
  b[1] = dh & 255;
  b[2] = dl >>> 24;
  b[3] = (dl >>> 16) & 255;
  b[4] = (dl >>> 8) & 255;
  b[5] = dl & 255;
  const sh = (src / 0x100000000) | 0;
  const sl = src >>> 0;
  b[6] = sh >>> 8;
  b[7] = sh & 255;
  b[8] = sl >>> 24;
  b[9] = (sl >>> 16) & 255;
  b[10] = (sl >>> 8) & 255;
  b[11] = sl & 255;
  b[12] = (ethertype >>> 8) & 255;
  b[13] = ethertype & 255;
  if (!pushed) b.set(payload, ETH_HLEN);
  return b;
}
