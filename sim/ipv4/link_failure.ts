// ipv4_link_failure() (net/ipv4/route.c): the neighbour of a queued packet could not be resolved; tell its
// sender. Apart from ip_output.ts, which icmp.ts sends through.
import { ICMP_DEST_UNREACH, ICMP_HOST_UNREACH } from '../wire/icmp';
import type { Netns } from '../net/netns';
import type { QueuedPacket } from './neighbour';
import { icmpSend } from './icmp';

/** ipv4_link_failure(): icmp_send(skb, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH, 0) */
export function linkFailure(ns: Netns, p: QueuedPacket): void {
  icmpSend(ns, p.ip, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH, 0, { id: p.id, inputIif: p.inputIif });
}
