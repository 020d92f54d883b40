// Netfilter hook points for IPv4 (include/uapi/linux/netfilter_ipv4.h). With no rules loaded every
// hook accepts, as on a kernel where iptables was never run.
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import type { Drop } from '../net/trace';

export type HookName = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface HookCtx {
  in?: NetDevice;
  out?: NetDevice;
  /** the frame's id (Skb.id): what stays with the packet from hook to hook, as skb->_nfct does */
  id?: number;
  /** a bridged frame (br_netfilter): its copies share one conntrack attachment, so confirming keeps it */
  bridged?: boolean;
}

/** 'stolen': nf_defrag keeps a fragment until the packet is whole (NF_STOLEN); `fragMax` is then the
 *  largest fragment it was made of (IPCB(skb)->frag_max_size), for fragmenting it again on the way out. */
export type HookVerdict =
  | { verdict: 'accept'; ip: Uint8Array; fragMax?: number }
  | { verdict: 'drop'; drop: NfDrop }
  | { verdict: 'stolen' };

/** Which table and chain dropped a packet (NF_DROP, SKB_DROP_REASON_NETFILTER_DROP). */
export type NfDrop = Extract<Drop, { reason: 'NETFILTER_DROP' }>;

/** A namespace's netfilter state: filled in by iptables; absent means no rules. */
export interface NetfilterState {
  run(hook: HookName, ip: Uint8Array, ctx: HookCtx): HookVerdict;
  /** nf_ct_attach(): packet `nid` is an ICMP error about packet `oid` and joins its connection */
  attach?(nid: number, oid: number): void;
  /** the netdevice notifier (masquerade forgets a device's connections when it goes down) */
  netdevEvent?(ev: string, dev: NetDevice): void;
}

export function setNetfilter(ns: Netns, nf: NetfilterState): void {
  ns.netfilter = nf;
}

/** NF_HOOK(): run the namespace's rules for this hook. */
export function nfHook(ns: Netns, hook: HookName, ip: Uint8Array, ctx: HookCtx): HookVerdict {
  const nf = ns.netfilter;
  return nf ? nf.run(hook, ip, ctx) : { verdict: 'accept', ip };
}

/** nf_ct_attach() */
export function nfCtAttach(ns: Netns, nid: number, oid: number): void {
  ns.netfilter?.attach?.(nid, oid);
}

/** Netdevice events for the namespace's netfilter (nf_nat_masquerade.c: masq_device_event). */
export function nfNetdevEvent(ev: string, dev: NetDevice): void {
  dev.ns.netfilter?.netdevEvent?.(ev, dev);
}
