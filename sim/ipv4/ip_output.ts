// Sending IPv4 packets (net/ipv4/ip_output.c: ip_local_out, ip_output, ip_finish_output2; route.c:
// ipv4_link_failure) and the loopback path for local destinations.
import { allocSkb } from '../net/skb';
import { type Mac, ANY, fmtIp4 } from '../core/addr';
import { ETH_P_IP, emitEthernet, emitEthernetHeader } from '../wire/ethernet';
import { ipv4Df, ipv4Dst, ipv4Src } from '../wire/ipv4';
import { devQueueXmit, netifRx } from '../net/dev';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import type { Neighbour, QueuedPacket } from './neighbour';
import { type Rtable, isLocalAddr, isRouteError, routeOutput } from './route';
import { nfHook } from '../netfilter/hooks';
import { ipFragment } from './ip_do_fragment';

/** IGMP_ALL_HOSTS and its MAC (ip_eth_mc_map) */
const ALL_HOSTS = 0xe0000001;
const ALL_HOSTS_MAC = 0x01005e000001 as Mac;

/** Where a packet came from, kept beside it for ICMP errors (skb_rtable()). */
export interface PacketCtx {
  id: number;
  /** the route was an input route (forwarded packet): the device it came in on */
  inputIif?: number;
  rtLocal?: boolean;
  /** IPCB(skb)->frag_max_size of a packet reassembled by nf_defrag */
  fragMax?: number;
  /** set when the device refused the frame (NET_XMIT_DROP): the sender's sendmsg() sees ENOBUFS */
  xmitDropped?: boolean;
  /** sent by a socket's sendmsg() (process context), where local_bh_enable() runs pending softirqs */
  process?: boolean;
  /** the last packet found its neighbour unresolved and sent the first solicitation (immediate probe) */
  probed?: boolean;
}

/** ip_local_out(): LOCAL_OUT (netfilter), then ip_output(). */
/** Returns the errno the sender sees: EPERM when netfilter dropped the packet (NF_DROP). */
export function ipLocalOut(
  ns: Netns,
  rt: Rtable,
  ip: Uint8Array,
  id: number,
  process = false,
): 'EPERM' | 'ENETUNREACH' | 'ENOBUFS' | null {
  // nf_hook(): with no rules in the namespace the hook is not entered (its hook list is empty)
  if (ns.netfilter) {
    const v = nfHook(ns, 'OUTPUT', ip, { out: rt.dev, id });
    if (v.verdict === 'drop') return 'EPERM';
    if (v.verdict === 'stolen') return null;
    if (ipv4Dst(v.ip) !== ipv4Dst(ip)) {
      // ip_route_me_harder(): NAT gave the packet another destination
      const r = routeOutput(ns, {
        daddr: ipv4Dst(v.ip),
        saddr: isLocalAddr(ns, ipv4Src(v.ip)) ? ipv4Src(v.ip) : undefined,
      });
      if (isRouteError(r)) return 'ENETUNREACH';
      rt = r;
    }
    ip = v.ip;
  }
  const ctx: PacketCtx = { id, rtLocal: rt.local, process };
  if (!ipOutput(ns, rt, ip, ctx)) return 'EPERM';
  // ip_send_skb(): net_xmit_errno(NET_XMIT_DROP) from a device that sends at once (noqueue)
  return ctx.xmitDropped ? 'ENOBUFS' : null;
}

/** ip_output() -> POSTROUTING -> ip_finish_output2(): hand the packet to the neighbour layer. */
/** False when POSTROUTING dropped the packet. */
export function ipOutput(ns: Netns, rt: Rtable, ip: Uint8Array, ctx: PacketCtx): boolean {
  const dev = rt.dev;
  if (ns.netfilter) {
    const v = nfHook(ns, 'POSTROUTING', ip, { out: dev, id: ctx.id });
    if (v.verdict !== 'accept') return false;
    ip = v.ip;
  }
  // ip_finish_output(): a packet longer than the route's MTU, or reassembled from smaller fragments
  // (frag_max_size), leaves in fragments; DF forbids it
  const rtMtu = routeMtu(rt);
  const mtu = ctx.fragMax !== undefined && ctx.fragMax < rtMtu ? ctx.fragMax : rtMtu;
  if (ip.length > mtu && !dev.isLoopback) {
    if (ipv4Df(ip)) return false;
    // ip_do_fragment(): the first fragment the device refuses ends it
    for (const f of ipFragment(ip, mtu)) {
      ctx.probed = false;
      finishOutput2(ns, rt, f, ctx);
      if (ctx.xmitDropped) break;
      // __neigh_event_send(): the local_bh_enable() after its immediate probe runs the softirqs the probe
      // raised, so from a socket the solicitation's reply (a veth away) resolves the neighbour, and its
      // queue goes out, before the next fragment: that one then meets the device at once
      if (ctx.process && ctx.probed) runSoftirqs(ns);
    }
    return true;
  }
  return finishOutput2(ns, rt, ip, ctx);
}

/** dst_mtu(): a learnt path MTU, else the route's mtu metric, else its device's. */
export function routeMtu(rt: Rtable): number {
  return rt.pmtu ?? rt.route?.metrics?.mtu ?? rt.dev.mtu;
}

/** ip_finish_output2(): lo, a device without ARP, broadcast, or the neighbour. */
function finishOutput2(ns: Netns, rt: Rtable, ip: Uint8Array, ctx: PacketCtx): boolean {
  const dev = rt.dev;
  const tbl = ns.ipv4.arp;
  const nexthop = rt.gw ?? rt.daddr;
  // dev->type read once (IFF_LOOPBACK is ARPHRD_LOOPBACK here)
  const hw = dev.hwType;
  // ip_neigh_for_gw() -> __ipv4_neigh_lookup_noref(): every packet finds or makes its neighbour, keyed
  // on 0.0.0.0 for loopback and point-to-point devices (ip neigh show nud all lists them)
  const key = hw === 'loopback' || dev.pointopoint ? ANY : nexthop;
  const n = tbl.lookup(key, dev) ?? tbl.create(key, dev);
  if (hw === 'loopback') return toLoopback(ns, rt, ip, ctx);
  // a device without header_ops (tun) takes the packet as it is (neigh_direct_output); others without
  // ARP send to the NOARP entry's address, their own
  if (hw === 'none') {
    dev.xmitIp?.(ip, ctx.id);
    return true;
  }
  if (rt.type === 'broadcast' || ipv4Dst(ip) === 0xffffffff) {
    // ip_mc_output(): a broadcast is also delivered to this host
    if (!ctx.inputIif) loopbackCopy(dev, dev.broadcast, ip, ctx.id);
    if (sendFrame(dev, dev.broadcast, ip, ctx.id)) ctx.xmitDropped = true;
    return true;
  }
  // ip_mc_output(): a group this host has joined on the device (224.0.0.1, all-hosts) gets a copy too
  // (sk_mc_loop(), on by default)
  if (!ctx.inputIif && ipv4Dst(ip) === ALL_HOSTS && dev.inDev && dev.up) loopbackCopy(dev, ALL_HOSTS_MAC, ip, ctx.id);
  if (n.state === 'NOARP') {
    // a multicast group's MAC is mapped, not asked for (arp_mc_map)
    if (sendFrame(dev, n.ha!, ip, ctx.id)) ctx.xmitDropped = true;
    return true;
  }
  // a resolved entry: the packet goes now, nothing is queued (no QueuedPacket made for it)
  if (tbl.eventSendReady(n)) {
    ctx.probed = false;
    if (sendFrame(dev, n.ha!, ip, ctx.id)) ctx.xmitDropped = true;
    return true;
  }
  return toNeighbour(ns, n, nexthop, ip, ctx);
}

/** ip_finish_output2() to lo: loopback_xmit() */
function toLoopback(ns: Netns, rt: Rtable, ip: Uint8Array, ctx: PacketCtx): boolean {
  const dev = rt.dev;
  if (ns.world.trace)
    ns.world.emit({
      type: 'loopback',
      ns: ns.name,
      dev: dev.name,
      frameId: ctx.id,
      dst: fmtIp4(rt.daddr),
      fn: 'loopback_xmit',
    });
  loopbackOut(dev, ip, ctx.id, rt.iif);
  return true;
}

/** neigh_output() -> neigh_event_send() for an entry not (yet) resolved: queued, or sent if it turns valid. */
function toNeighbour(ns: Netns, n: Neighbour, nexthop: number, ip: Uint8Array, ctx: PacketCtx): boolean {
  const dev = n.dev;
  const p: QueuedPacket = { ip, id: ctx.id, inputIif: ctx.inputIif };
  const unresolved = n.state === 'NONE' || n.state === 'FAILED' || n.state === 'INCOMPLETE';
  ctx.probed = n.state === 'NONE' || n.state === 'FAILED';
  if (unresolved && ns.world.trace)
    ns.world.emit({
      type: 'neigh',
      ns: ns.name,
      dev: dev.name,
      frameId: ctx.id,
      ip: fmtIp4(nexthop),
      state: n.state === 'INCOMPLETE' ? 'INCOMPLETE' : 'INCOMPLETE (new)',
      queued: true,
      fn: '__neigh_event_send',
    });
  if (ns.ipv4.arp.eventSend(n, p) && sendFrame(dev, n.ha!, ip, ctx.id)) ctx.xmitDropped = true;
  return true;
}

/** do_softirq() as local_bh_enable() runs it: the backlog is processed until it is empty (bounded). */
function runSoftirqs(ns: Netns): void {
  const w = ns.world;
  w.sched.runWhile(() => w.rxBacklog.len > 0, w.now + 1000);
}

/** neigh->output once resolved (neigh_resolve_output for queued packets). */
export function ipFinishOutputNeigh(n: Neighbour, p: QueuedPacket): void {
  sendFrame(n.dev, n.ha!, p.ip, p.id);
}

/** dev_loopback_xmit(): this host's own copy of a broadcast or multicast it sends (PACKET_LOOPBACK). */
function loopbackCopy(dev: NetDevice, dst: Mac, ip: Uint8Array, id: number): void {
  const copy = emitEthernet({ dst, src: dev.mac, ethertype: ETH_P_IP }, ip);
  const skb = allocSkb(copy, dev, 'loopback', id);
  skb.localRoute = true;
  skb.localBroadcast = true;
  skb.rtIif = dev.ifindex;
  netifRx(skb);
}

/** True when the device dropped the frame as it was handed over (NET_XMIT_DROP). */
function sendFrame(dev: NetDevice, dst: Mac, ip: Uint8Array, id: number): boolean {
  const data = emitEthernetHeader(dst, dev.mac, ETH_P_IP, ip);
  return devQueueXmit(allocSkb(data, dev, 'outgoing', id)) === 'drop';
}

/** loopback_xmit(): the packet comes back in on lo with its route attached (rt_iif kept). */
function loopbackOut(lo: NetDevice, ip: Uint8Array, id: number, rtIif: number): void {
  const data = emitEthernet({ dst: lo.mac, src: lo.mac, ethertype: ETH_P_IP }, ip);
  const skb = allocSkb(data, lo, 'outgoing', id);
  skb.rtIif = rtIif;
  skb.localRoute = true;
  devQueueXmit(skb);
}
