// ptype_base (net/core/dev.c: dev_add_pack, __netif_receive_skb_core's deliver_ptype_list_skb): the
// protocols' receive functions by ethertype, registered once at boot (sim/init.ts). Taps and packet
// sockets (ptype_all, ptype_specific) stay on the device and the namespace.
import type { Skb } from './skb';

export type PacketHandler = (skb: Skb) => void;

/** ethertype -> the protocol's func (ip_rcv, arp_rcv); an ethertype is 16 bits, so an array indexes it */
const ptypeBase: (PacketHandler | undefined)[] = [];

/** dev_add_pack(): `type`'s frames go to `func` after the taps and the rx_handler. */
export function devAddPack(type: number, func: PacketHandler): void {
  if (ptypeBase[type] && ptypeBase[type] !== func) throw new Error(`dev_add_pack: 0x${type.toString(16)} is taken`);
  ptypeBase[type] = func;
}

/** The protocol handler for an ethertype (undefined: no protocol takes it, the frame is dropped). */
export function ptypeHandler(type: number): PacketHandler | undefined {
  return ptypeBase[type];
}

/** Protocols registered: false before sim/init.ts ran, when no frame could reach ARP or IPv4. */
export function ptypesRegistered(): boolean {
  return ptypeBase.length > 0;
}
