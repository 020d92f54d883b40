// Ethernet II header (include/uapi/linux/if_ether.h): dst, src, ethertype; 14 bytes, no FCS.
import { type Mac, macFromBytes, macToBytes } from '../core/addr';
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

export function ethDst(b: Uint8Array): Mac {
  return macFromBytes(b, 0);
}

export function ethSrc(b: Uint8Array): Mac {
  return macFromBytes(b, 6);
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
  macToBytes(dst, b, 0);
  macToBytes(src, b, 6);
  b[12] = (ethertype >>> 8) & 255;
  b[13] = ethertype & 255;
  if (!pushed) b.set(payload, ETH_HLEN);
  return b;
}
