// ptype_base (net/core/dev.c: dev_add_pack, __netif_receive_skb_core's deliver_ptype_list_skb): the
// protocols' receive functions by ethertype, registered once at boot (sim/init.ts). Taps and packet
// sockets (ptype_all, ptype_specific) stay on the device and the namespace.
import type { Skb } from './skb';

export type PacketHandler = (skb: Skb) => void;

/** ethertype -> the protocol's func (ip_rcv, arp_rcv): one O(1) lookup a frame, built once at boot */
const ptypeBase = new Map<number, PacketHandler>();

/** dev_add_pack(): `type`'s frames go to `func` after the taps and the rx_handler. */
export function devAddPack(type: number, func: PacketHandler): void {
  const had = ptypeBase.get(type);
  if (had && had !== func) throw new Error(`dev_add_pack: 0x${type.toString(16)} is taken`);
  ptypeBase.set(type, func);
}

/** The protocol handler for an ethertype (undefined: no protocol takes it, the frame is dropped). */
export function ptypeHandler(type: number): PacketHandler | undefined {
  return ptypeBase.get(type);
}

/** Protocols registered: false before sim/init.ts ran, when no frame could reach ARP or IPv4. */
export function ptypesRegistered(): boolean {
  return ptypeBase.size > 0;
}
