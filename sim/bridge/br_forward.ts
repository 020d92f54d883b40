// Forwarding decisions (net/bridge/br_forward.c): should_deliver, br_forward, br_flood.
import { devQueueXmit } from '../net/dev';
import { type Skb, allocSkb } from '../net/skb';
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

/** __br_forward() -> br_forward_finish() -> br_dev_queue_push_xmit(): out of the port's device. Nothing
 *  bounds a copy's travels round a loop: the backlog's size and the CPU's time do (backlog.ts). */
function deliver(p: BridgePort, skb: Skb, consume = false): void {
  // NF_BR_FORWARD and NF_BR_POST_ROUTING: br_netfilter's FORWARD and POSTROUTING for bridged IPv4; a frame
  // that did not pass the bridge's PREROUTING (no nf_bridge) is not hooked and goes as it is, and so does
  // one that fits the port where no table or conntrack would look at it (what brNfForward() would answer)
  if (!skb.nfBridge || (!p.br.ns.netfilter && !skb.fragMax && skb.data.length <= p.dev.mtu + 14))
    return pushXmit(p, skb, skb.data, consume);
  for (const data of brNfForward(p, skb)) pushXmit(p, skb, data);
}

/** br_dev_queue_push_xmit(): is_skb_forwardable() drops what the port cannot carry, uncounted and before any
 *  tap sees it (the MTU, its Ethernet header and a VLAN tag) */
function pushXmit(p: BridgePort, skb: Skb, data: Uint8Array, consume = false): void {
  if (!p.dev.up || data.length > p.dev.mtu + 14 + 4) {
    const w = p.br.ns.world;
    if (w.trace)
      w.emit({
        type: 'drop',
        ns: p.br.ns.name,
        dev: p.dev.name,
        frameId: skb.id,
        reason: 'PKT_TOO_BIG',
        mtu: p.dev.mtu,
        fn: 'br_dev_queue_push_xmit',
      });
    return;
  }
  if (!consume) {
    devQueueXmit(allocSkb(data, p.dev, 'outgoing', skb.id));
    return;
  }
  // br_forward() without local delivery hands the frame's own skb on (no clone): it leaves as a new one
  // would, with nothing of its way in noted on it
  skb.data = data;
  skb.dev = p.dev;
  skb.pktType = 'outgoing';
  if (skb.rtIif !== undefined) skb.rtIif = undefined;
  if (skb.localRoute !== undefined) skb.localRoute = undefined;
  if (skb.localBroadcast !== undefined) skb.localBroadcast = undefined;
  if (skb.fragMax !== undefined) skb.fragMax = undefined;
  skb.nfBridge = undefined;
  devQueueXmit(skb);
}

/** br_forward() */
export function brForward(to: BridgePort | null, skb: Skb, localRcv: boolean, _localOrig: boolean): void {
  if (!to) return;
  // the skb goes on as it is unless the bridge's own stack gets it too (deliver_clone() otherwise);
  // its caller keeps nothing of it then
  if (shouldDeliver(to, skb)) deliver(to, skb, !localRcv);
}

/** br_flood(): every eligible port, in port-list order. */
export function brFlood(
  br: Bridge,
  skb: Skb,
  pktType: 'unicast' | 'multicast' | 'broadcast',
  _localRcv: boolean,
  _localOrig: boolean,
): void {
  const fromBr = skb.dev === br;
  for (const p of [...br.ports]) {
    if (pktType === 'unicast' && !p.flood) continue;
    if (pktType === 'multicast' && !p.mcastFlood && !fromBr) continue;
    if (pktType === 'broadcast' && !p.bcastFlood && !fromBr) continue;
    if (shouldDeliver(p, skb)) deliver(p, skb);
  }
}
