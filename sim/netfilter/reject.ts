// The REJECT target (net/ipv4/netfilter/ipt_REJECT.c: reject_tg; nf_reject_ipv4.c: nf_send_unreach):
// an ICMP destination-unreachable back to the sender, from the address icmp_send() picks.
import type { Netns } from '../net/netns';
import { icmpSend } from '../ipv4/icmp';
import { ICMP_DEST_UNREACH } from '../wire/icmp';
import { ipv4FragOffset } from '../wire/ipv4';
import type { HookName } from './hooks';
import type { RejectWith } from './tables';

/** enum ipt_reject_with -> ICMP code */
const CODES: Record<Exclude<RejectWith, 'tcp-reset'>, number> = {
  'icmp-net-unreachable': 0,
  'icmp-host-unreachable': 1,
  'icmp-proto-unreachable': 2,
  'icmp-port-unreachable': 3,
  'icmp-net-prohibited': 9,
  'icmp-host-prohibited': 10,
  'icmp-admin-prohibited': 13,
};

export interface RejectCtx {
  hook: HookName;
  /** the device the packet came in on, for forwarded packets */
  inIfindex?: number;
  id: number;
}

/** reject_tg(): the packet is dropped by the caller; here the error goes out. */
export function sendReject(ns: Netns, ip: Uint8Array, w: RejectWith, ctx: RejectCtx): void {
  // tcp-reset needs a TCP segment to answer; the simulator carries none.
  if (w === 'tcp-reset') return;
  // fragments other than the first get no error (nf_send_unreach checks IP_OFFSET)
  if (ipv4FragOffset(ip) !== 0) return;
  icmpSend(ns, ip, ICMP_DEST_UNREACH, CODES[w], 0, {
    id: ctx.id,
    dstLocal: ctx.hook === 'INPUT',
    inputIif: ctx.hook === 'FORWARD' ? ctx.inIfindex : undefined,
  });
}
