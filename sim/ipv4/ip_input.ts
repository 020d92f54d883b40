// Receiving IPv4 (net/ipv4/ip_input.c: ip_rcv_core, ip_rcv_finish, ip_local_deliver; route.c: ip_error).
import { ETH_HLEN } from '../wire/ethernet';
import { pullHeader } from '../wire/headroom';
import {
  IPPROTO_ICMP,
  ipv4Dst,
  ipv4HeaderLen,
  ipv4Protocol,
  ipv4Src,
  ipv4Tos,
  isFragment,
  ipv4CheckHeader,
} from '../wire/ipv4';
import { ICMP_DEST_UNREACH, ICMP_HOST_UNREACH, ICMP_NET_UNREACH, ICMP_PKT_FILTERED } from '../wire/icmp';
import type { NetDevice } from '../net/netdevice';
import type { Skb } from '../net/skb';
import type { Drop } from '../net/trace';
import { icmpRcv, icmpSend, inetPeer } from './icmp';
import { fmtIp4 } from '../core/addr';
import { routeInput } from './route';
import { ipForward } from './ip_forward';
import { nfHook } from '../netfilter/hooks';
import { ipDefrag } from './ip_fragment';

function drop(skb: Skb, d: Drop, fn: string): void {
  const w = skb.dev.ns.world;
  if (w.trace) w.emit({ type: 'drop', ns: skb.dev.ns.name, dev: skb.dev.name, frameId: skb.id, ...d, fn });
}

/** ip_rcv() -> ip_rcv_core(): sanity checks, PREROUTING, then the routing decision. */
export function ipRcv(skb: Skb): void {
  const dev = skb.dev;
  if (skb.pktType === 'otherhost') return drop(skb, { reason: 'OTHERHOST' }, 'ip_rcv_core');
  if (!dev.inDev) return drop(skb, { reason: 'NO_IN_DEV' }, 'ip_rcv_core');
  // skb_pull(ETH_HLEN): the IP packet the sender pushed the Ethernet header onto, when the frame is still that
  // (pullHeader: no new view, and no read of the view's buffer or offset, each a builtin call in Node 20's V8);
  // else a view made from the buffer
  const d = skb.data;
  let ip =
    pullHeader(d, ETH_HLEN) ??
    (d.length >= ETH_HLEN
      ? new Uint8Array(d.buffer, d.byteOffset + ETH_HLEN, d.length - ETH_HLEN)
      : d.subarray(d.length));
  const totalLen = ipv4CheckHeader(ip);
  if (totalLen < 0) return drop(skb, { reason: 'IP_INHDR' }, 'ip_rcv_core');
  // pskb_trim_rcsum(): only a padded frame has bytes past the total length
  if (totalLen !== ip.length) ip = ip.subarray(0, totalLen);
  const ns = dev.ns;
  // ip_sabotage_in(): a frame the bridge already ran through PREROUTING (br_netfilter) skips it here;
  // nf_hook(): with no rules in the namespace the hook is not entered (its hook list is empty)
  if (!skb.localRoute && !skb.nfBridge && ns.netfilter) {
    const v = nfHook(ns, 'PREROUTING', ip, { in: dev, id: skb.id });
    if (v.verdict === 'stolen') return;
    if (v.verdict === 'drop') return drop(skb, v.drop, 'nf_hook PREROUTING');
    ip = v.ip;
    if (v.fragMax) skb = { ...skb, fragMax: v.fragMax };
  }
  ipRcvFinish(skb, ip);
}

/** ip_rcv_finish(): a looped-back packet keeps its route; others get an input route. */
function ipRcvFinish(skb: Skb, ip: Uint8Array): void {
  const dev = skb.dev;
  const ns = dev.ns;
  if (skb.localRoute) return ipLocalDeliver(skb, ip, skb.rtIif || dev.ifindex, !!skb.localBroadcast);
  // the header was checked in ip_rcv_core(); PREROUTING may have rewritten its addresses
  const r = routeInput(ns, ipv4Dst(ip), ipv4Src(ip), ipv4Tos(ip), dev);
  switch (r.kind) {
    case 'local':
      return ipLocalDeliver(skb, ip, r.iif, false);
    case 'broadcast':
      return ipLocalDeliver(skb, ip, dev.ifindex, true);
    case 'forward':
      return ipForward(skb, ip, { ...r.rt, redirectTo: r.redirectTo });
    case 'error':
      if (r.martian) {
        const src = fmtIp4(ipv4Src(ip));
        const d: Drop =
          r.martian === 'source'
            ? r.error === 'EXDEV'
              ? { reason: 'IP_RPFILTER', src, value: dev.inDev!.maxconf('rp_filter') }
              : { reason: 'IP_LOCAL_SOURCE', src }
            : { reason: 'IP_INVALID_DEST', dst: fmtIp4(ipv4Dst(ip)) };
        return drop(skb, d, 'ip_route_input_slow');
      }
      return ipError(skb, ip, r.error, dev);
  }
}

/** ip_error(): with forwarding off the packet is dropped silently; on, the sender is told. */
function ipError(skb: Skb, ip: Uint8Array, error: string, dev: NetDevice): void {
  const inDev = dev.inDev!;
  if (!inDev.forwarding) return drop(skb, { reason: 'IP_INADDRERRORS', dst: fmtIp4(ipv4Dst(ip)) }, 'ip_error');
  let code: number;
  switch (error) {
    case 'EHOSTUNREACH':
      code = ICMP_HOST_UNREACH;
      break;
    case 'ENETUNREACH':
      code = ICMP_NET_UNREACH;
      break;
    case 'EACCES':
      code = ICMP_PKT_FILTERED;
      break;
    default:
      return drop(skb, { reason: 'IP_INNOROUTES', dst: fmtIp4(ipv4Dst(ip)) }, 'ip_error');
  }
  drop(skb, { reason: 'IP_INNOROUTES', dst: fmtIp4(ipv4Dst(ip)) }, 'ip_error');
  // ip_error(): one error per second from a burst of five, from the same bucket icmp_send() then uses
  const peer = inetPeer(dev.ns, ipv4Src(ip));
  const now = dev.ns.world.now;
  peer.tokens = Math.min(5_000_000, peer.tokens + (now - peer.last));
  peer.last = now;
  if (peer.tokens < 1_000_000) return;
  peer.tokens -= 1_000_000;
  icmpSend(dev.ns, ip, ICMP_DEST_UNREACH, code, 0, { id: skb.id, inputIif: dev.ifindex });
}

/** ip_local_deliver(): INPUT hook, raw sockets, then the protocol. `iif` is inet_iif(). */
export function ipLocalDeliver(skb: Skb, ip: Uint8Array, iif: number, broadcast: boolean): void {
  const dev = skb.dev;
  const ns = dev.ns;
  // ip_defrag(IP_DEFRAG_LOCAL_DELIVER): the pieces wait for each other before LOCAL_IN
  if (isFragment(ip)) {
    const whole = ipDefrag(ns, ip, 'local');
    if (!whole) return;
    ip = whole.ip;
  }
  if (ns.netfilter) {
    const v = nfHook(ns, 'INPUT', ip, { in: dev, id: skb.id });
    if (v.verdict !== 'accept')
      return drop(skb, v.verdict === 'drop' ? v.drop : { reason: 'NF_STOLEN' }, 'nf_hook INPUT');
    ip = v.ip;
  }
  const protocol = ipv4Protocol(ip);
  const src = ipv4Src(ip),
    dst = ipv4Dst(ip);
  // raw_local_deliver() -> raw_v4_input()
  // closing a socket replaces the array, so this loop sees the sockets as they were
  const socks = ns.rawSockets;
  for (let i = 0; i < socks.length; i++) {
    const s = socks[i];
    if (s.matches(protocol, src, dst, iif)) s.onPacket(ip);
  }
  if (ns.world.trace)
    ns.world.emit({
      type: 'deliver',
      ns: ns.name,
      dev: dev.name,
      frameId: skb.id,
      proto: protocol === 1 ? 'icmp' : String(protocol),
      fn: 'ip_local_deliver',
    });
  if (protocol === IPPROTO_ICMP) icmpRcv(ns, ip, ipv4HeaderLen(ip), dev, iif, skb.id, broadcast);
}
