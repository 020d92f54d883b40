// Forwarding decisions (net/bridge/br_forward.c): should_deliver, br_forward, br_flood.
import { devQueueXmit } from '../net/dev';
import type { Skb } from '../net/skb';
import type { Bridge } from './br_device';
import type { BridgePort } from './br_private';
import { brNfForward } from './br_netfilter';

/**
 * should_deliver(): never back out of the ingress port (unless hairpin), only forwarding ports, and
 * never from one isolated port to another (br_skb_isolated).
 */
function shouldDeliver(p: BridgePort, skb: Skb): boolean {
  const isolated = p.flags.isolated && !!skb.dev.brport?.flags.isolated;
  return (p.hairpin || skb.dev !== p.dev) && p.state === 'forwarding' && !isolated;
}

/** A frame forwarded this many times is going round a loop (Linux would forward it for ever). */
export const STORM_HOPS = 64;

/** __br_forward() -> br_forward_finish() -> br_dev_queue_push_xmit(): out of the port's device. */
function deliver(p: BridgePort, skb: Skb): void {
  const hops = (skb.hops ?? 0) + 1;
  if (hops > STORM_HOPS) {
    // the simulator's own bound: report the storm and stop this copy so the lab stays responsive
    const w = p.br.ns.world;
    w.alert('storm', `Broadcast storm: a frame went round a loop through ${p.br.name} ${STORM_HOPS} times (the bridges form a loop and STP is off). The simulator stops such frames; Linux would not.`);
    if (w.trace) w.emit({ type: 'drop', ns: p.br.ns.name, dev: p.dev.name, frameId: skb.id, reason: 'STORM', fn: 'br_forward' });
    return;
  }
  // NF_BR_FORWARD and NF_BR_POST_ROUTING: br_netfilter's FORWARD and POSTROUTING for bridged IPv4
  for (const data of brNfForward(p, skb)) devQueueXmit({ data, dev: p.dev, pktType: 'outgoing', id: skb.id, hops });
}

/** br_forward() */
export function brForward(to: BridgePort | null, skb: Skb, _localRcv: boolean, _localOrig: boolean): void {
  if (!to) return;
  if (shouldDeliver(to, skb)) deliver(to, skb);
}

/** br_flood(): every eligible port, in port-list order. */
export function brFlood(br: Bridge, skb: Skb, pktType: 'unicast' | 'multicast' | 'broadcast', _localRcv: boolean, _localOrig: boolean): void {
  const fromBr = skb.dev === br;
  for (const p of [...br.ports]) {
    if (pktType === 'unicast' && !p.flood) continue;
    if (pktType === 'multicast' && !p.mcastFlood && !fromBr) continue;
    if (pktType === 'broadcast' && !p.bcastFlood && !fromBr) continue;
    if (shouldDeliver(p, skb)) deliver(p, skb);
  }
}
