// The socket buffer: a frame's bytes and the metadata the stack keeps beside them (include/linux/skbuff.h).
import type { NetDevice } from './netdevice';

/** skb->pkt_type, as eth_type_trans() sets it (include/uapi/linux/if_packet.h). */
export type PktType = 'host' | 'broadcast' | 'multicast' | 'otherhost' | 'outgoing' | 'loopback';

export interface Skb {
  /** Whole Ethernet frame (header included). */
  data: Uint8Array;
  dev: NetDevice;
  pktType: PktType;
  /** Unique id of the frame through its life, for traces. */
  id: number;
  /** inet_iif(): the device a locally routed packet counts as received on (rt_iif, the local route's device). */
  rtIif?: number;
  /** The packet was routed locally and travels over lo (skb_dst kept, no input route lookup). */
  localRoute?: boolean;
  /** ...on a broadcast route (RTCF_BROADCAST): this host's copy of a broadcast it sent */
  localBroadcast?: boolean;
  /** IPCB(skb)->frag_max_size: the packet was reassembled from fragments of at most this size */
  fragMax?: number;
  /** skb->nf_bridge: the bridge ran PREROUTING for it (br_netfilter); IP input must not run it again */
  nfBridge?: boolean;
}

/** __alloc_skb(): a frame's skb, every one made with the same fields in the same order, so that the stack's
 *  reads of it stay monomorphic (nf_bridge, which the bridge notes on every IPv4 frame it takes, is there from
 *  the start: a store, not a new shape; the rarer notes, rtIif and the like, are added by who needs them). */
export function allocSkb(data: Uint8Array, dev: NetDevice, pktType: PktType, id: number): Skb {
  return { data, dev, pktType, id, nfBridge: undefined };
}
