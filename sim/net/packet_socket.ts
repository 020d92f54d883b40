// AF_PACKET sockets (net/packet/af_packet.c): the taps tcpdump and arping read frames from.
import type { NetDevice } from './netdevice';
import type { Skb } from './skb';

export interface PacketSocket {
  /** bound device, or null for any */
  dev: NetDevice | null;
  /** ETH_P_ALL (ptype_all: sees outgoing frames too) or one ethertype */
  protocol: 'all' | number;
  deliver(skb: Skb, outgoing: boolean): void;
}
