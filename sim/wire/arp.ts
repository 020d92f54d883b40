// ARP for IPv4 over Ethernet (RFC 826, include/uapi/linux/if_arp.h): 28 bytes.
import { type Ip4, type Mac, ipFromBytes, ipToBytes, macFromBytes, macToBytes } from '../core/addr';

export const ARP_LEN = 28;
export const ARPOP_REQUEST = 1;
export const ARPOP_REPLY = 2;

export interface ArpRepr {
  op: number;
  sha: Mac;
  sip: Ip4;
  tha: Mac;
  tip: Ip4;
}

/** Parses the ARP body starting at `off`; undefined unless it is Ethernet/IPv4 ARP. */
export function parseArp(b: Uint8Array, off = 0): ArpRepr | undefined {
  if (b.length < off + ARP_LEN) return undefined;
  const htype = (b[off] << 8) | b[off + 1];
  const ptype = (b[off + 2] << 8) | b[off + 3];
  if (htype !== 1 || ptype !== 0x0800 || b[off + 4] !== 6 || b[off + 5] !== 4) return undefined;
  return {
    op: arpOp(b, off),
    sha: macFromBytes(b, off + 8),
    sip: ipFromBytes(b, off + 14),
    tha: macFromBytes(b, off + 18),
    tip: ipFromBytes(b, off + 24),
  };
}

/** the ARP operation of the body at `off` */
export function arpOp(b: Uint8Array, off = 0): number {
  return (b[off + 6] << 8) | b[off + 7];
}

export function emitArp(r: ArpRepr): Uint8Array {
  const b = new Uint8Array(ARP_LEN);
  b[1] = 1;
  b[2] = 0x08;
  b[3] = 0x00;
  b[4] = 6;
  b[5] = 4;
  b[7] = r.op;
  macToBytes(r.sha, b, 8);
  ipToBytes(r.sip, b, 14);
  macToBytes(r.tha, b, 18);
  ipToBytes(r.tip, b, 24);
  return b;
}
