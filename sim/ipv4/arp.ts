// ARP (net/ipv4/arp.c): arp_rcv/arp_process answer and learn; arp_solicit asks; arp_ignore, arp_filter,
// arp_announce decide who answers and with which address.
import { JIFFY_US } from '../core/timer_wheel';
import { type Ip4, type Mac, ANY, ZERO_MAC, fmtIp4, isLoopbackIp, isMulticastIp } from '../core/addr';
import { ARPOP_REPLY, ARPOP_REQUEST, emitArp, parseArp } from '../wire/arp';
import { ETH_HLEN, ETH_P_ARP, emitEthernet } from '../wire/ethernet';
import { devQueueXmit } from '../net/dev';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { type Skb, allocSkb } from '../net/skb';
import type { Drop } from '../net/trace';
import { RT_SCOPE_HOST, RT_SCOPE_LINK, ifaMatch, type InDevice } from './devinet';
import { NEIGH_UPDATE_F_OVERRIDE, type Neighbour, type QueuedPacket } from './neighbour';
import { addrType, inetSelectAddr, isRouteError, routeInput, routeOutput } from './route';
import { ipFinishOutputNeigh } from './ip_output';
import { linkFailure } from './link_failure';
import { ipv4Src } from '../wire/ipv4';

/** Wires the neighbour table's callbacks to ARP (arp_tbl's neigh_ops). */
export function setupArp(ns: Netns): void {
  ns.ipv4.arp.ops = {
    solicit: (n, last) => arpSolicit(n, last),
    errorReport: (_n, p) => linkFailure(ns, p),
    output: (n, p) => ipFinishOutputNeigh(n, p),
  };
}

/** arp_create() + arp_xmit(): build and send one ARP frame on `dev`. */
export function arpSend(
  op: number,
  dstIp: Ip4,
  dev: NetDevice,
  srcIp: Ip4,
  destHw: Mac | null,
  srcHw: Mac | null,
  targetHw: Mac | null,
): void {
  if (dev.flagsNoArp) return;
  const body = emitArp({ op, sha: srcHw ?? dev.mac, sip: srcIp, tha: targetHw ?? ZERO_MAC, tip: dstIp });
  const data = emitEthernet({ dst: destHw ?? dev.broadcast, src: srcHw ?? dev.mac, ethertype: ETH_P_ARP }, body);
  devQueueXmit(allocSkb(data, dev, 'outgoing', dev.ns.world.nextFrameId()));
}

/** arp_solicit(): pick the sender address (arp_announce) and ask, broadcast or unicast by probe count. */
function arpSolicit(n: Neighbour, last: QueuedPacket | undefined): void {
  const dev = n.dev;
  const inDev = dev.inDev;
  if (!inDev) return;
  const target = n.key;
  let saddr: Ip4 = ANY;
  const pktSrc = last ? ipv4Src(last.ip) : ANY;
  switch (inDev.maxconf('arp_announce')) {
    case 1:
      if (last && addrType(dev.ns, pktSrc) === 'local' && inetAddrOnlink(inDev, target, pktSrc)) saddr = pktSrc;
      break;
    case 2:
      break;
    default:
      if (last && addrType(dev.ns, pktSrc) === 'local') saddr = pktSrc;
  }
  if (!saddr) saddr = inetSelectAddr(dev, target, RT_SCOPE_LINK);
  const v = dev.neighParms.v;
  let probes = n.probes - v.ucastProbes;
  let dstHw: Mac | null = null;
  if (probes < 0) {
    dstHw = n.ha;
  } else {
    probes -= v.appProbes;
    if (probes < 0) return; // neigh_app_ns: a user-space helper would ask
  }
  arpSend(ARPOP_REQUEST, target, dev, saddr, dstHw, dev.mac, null);
}

/** inet_addr_onlink() */
function inetAddrOnlink(inDev: InDevice, a: number, b: number): boolean {
  return inDev.ifaList.some((ifa) => ifaMatch(a, ifa) && (!b || ifaMatch(b, ifa)));
}

function inetAddrOnlinkOne(ifa: InDevice['ifaList'][number], a: number): boolean {
  return ifaMatch(a, ifa);
}

/** confirm_addr_indev() */
function confirmAddrIndev(inDev: InDevice, dst: number, local: number, scope: number): number {
  let addr = 0;
  let same = false;
  for (const ifa of inDev.ifaList) {
    const minScope = Math.min(ifa.scope, RT_SCOPE_HOST);
    if (!addr && (local === ifa.local || !local) && minScope <= scope) {
      addr = ifa.local;
      if (same) break;
    }
    if (!same) {
      same = (!local || ifaMatch(local, ifa)) && (!dst || ifaMatch(dst, ifa));
      if (same && addr) {
        if (local || !dst) break;
        if (ifaMatch(addr, ifa)) break;
        if (minScope <= scope) {
          addr = ifa.local;
          break;
        }
        same = false;
      }
    }
  }
  return same ? addr : 0;
}

/** inet_confirm_addr() */
function inetConfirmAddr(ns: Netns, inDev: InDevice | null, dst: number, local: number, scope: number): number {
  if (inDev) return confirmAddrIndev(inDev, dst, local, scope);
  for (const d of ns.devices) {
    if (!d.inDev) continue;
    const a = confirmAddrIndev(d.inDev, dst, local, scope);
    if (a) return a;
  }
  return 0;
}

/** arp_ignore(): true when this device must not answer for tip. */
function arpIgnore(inDev: InDevice, sip: number, tip: number): boolean {
  let scope: number;
  let dev: InDevice | null = inDev;
  switch (inDev.maxconf('arp_ignore')) {
    case 0:
      return false;
    case 1:
      sip = 0;
      scope = RT_SCOPE_HOST;
      break;
    case 2:
      scope = RT_SCOPE_HOST;
      break;
    case 3:
      sip = 0;
      scope = RT_SCOPE_LINK;
      dev = null;
      break;
    case 8:
      return true;
    default:
      return false;
  }
  return !inetConfirmAddr(inDev.dev.ns, dev, sip, tip, scope);
}

/** arp_filter(): answer only if the route back to sip leaves through this device. */
function arpFilter(sip: Ip4, tip: Ip4, dev: NetDevice): boolean {
  const rt = routeOutput(dev.ns, { daddr: sip, saddr: tip });
  if (isRouteError(rt)) return true;
  return rt.dev !== dev;
}

/** arp_rcv(): drop what is not for us, then arp_process(). */
export function arpRcv(skb: Skb): void {
  const dev = skb.dev;
  if (dev.flagsNoArp || skb.pktType === 'otherhost' || skb.pktType === 'loopback') return;
  const arp = parseArp(skb.data, ETH_HLEN);
  if (!arp) return;
  arpProcess(skb, arp);
}

/**
 * pneigh_enqueue(): a proxied request that was not sent to us alone is answered after a random part of
 * proxy_delay (in jiffies, HZ 250), when neigh_proxy_process() hands it to arp_process() again
 * (parp_redo, LOCALLY_ENQUEUED). At most proxy_qlen requests wait.
 */
function pneighEnqueue(skb: Skb, arp: ArpPacket, delayMs: number): void {
  const dev = skb.dev;
  const q = proxyQueue.get(dev.ns) ?? 0;
  if (q > dev.neighParms.v.proxyQlen) return;
  proxyQueue.set(dev.ns, q + 1);
  const jiffies = Math.max(1, Math.floor(delayMs / 4));
  const w = dev.ns.world;
  w.sched.after(w.prng.range(0, jiffies) * 4000, () => {
    proxyQueue.set(dev.ns, (proxyQueue.get(dev.ns) ?? 1) - 1);
    if (dev.ns.devices.includes(dev) && dev.up) arpProcess(skb, arp, true);
  });
}

type ArpPacket = NonNullable<ReturnType<typeof parseArp>>;
const proxyQueue = new WeakMap<Netns, number>();

function arpProcess(skb: Skb, arp: ArpPacket, locallyEnqueued = false): void {
  const dev = skb.dev;
  const ns = dev.ns;
  const inDev = dev.inDev;
  if (!inDev) return;
  if (arp.op !== ARPOP_REPLY && arp.op !== ARPOP_REQUEST) return;
  const { sip, tip, sha, tha } = arp;
  if (isMulticastIp(tip) || (!inDev.orconf('route_localnet') && isLoopbackIp(tip))) return;
  if (sip === tip && inDev.orconf('drop_gratuitous_arp')) return;
  const tbl = ns.ipv4.arp;
  const w = ns.world;
  if (sip === 0) {
    // DAD probe
    if (arp.op === ARPOP_REQUEST && addrType(ns, tip) === 'local' && !arpIgnore(inDev, sip, tip))
      arpSend(ARPOP_REPLY, sip, dev, tip, sha, dev.mac, sha);
    return;
  }
  if (arp.op === ARPOP_REQUEST) {
    const r = routeInput(ns, tip, sip, 0, dev);
    if (r.kind === 'local') {
      let dontSend = arpIgnore(inDev, sip, tip);
      if (dontSend && w.trace)
        w.emit({
          type: 'arp-ignore',
          ns: ns.name,
          dev: dev.name,
          frameId: skb.id,
          ip: fmtIp4(tip),
          sysctl: 'arp_ignore',
          value: inDev.maxconf('arp_ignore'),
          asker: fmtIp4(sip),
          fn: 'arp_ignore',
        });
      if (!dontSend && inDev.orconf('arp_filter')) {
        dontSend = arpFilter(sip, tip, dev);
        if (dontSend && w.trace)
          w.emit({
            type: 'arp-ignore',
            ns: ns.name,
            dev: dev.name,
            frameId: skb.id,
            ip: fmtIp4(tip),
            sysctl: 'arp_filter',
            value: 1,
            asker: fmtIp4(sip),
            fn: 'arp_filter',
          });
      }
      if (!dontSend) {
        // neigh_event_ns(): the asker's entry, as STALE
        const n = tbl.create(sip, dev);
        tbl.update(n, sha, 'STALE', NEIGH_UPDATE_F_OVERRIDE);
        arpSend(ARPOP_REPLY, sip, dev, tip, sha, dev.mac, sha);
        if (w.trace)
          w.emit({
            type: 'arp-reply',
            ns: ns.name,
            dev: dev.name,
            frameId: skb.id,
            ip: fmtIp4(tip),
            arpIgnore: inDev.maxconf('arp_ignore'),
            fn: 'arp_process',
          });
      }
      return;
    } else if (r.kind === 'forward' && inDev.forwarding) {
      const out = r.rt.dev;
      // arp_fwd_proxy(); arp_fwd_pvlan(): back out of the same device, for another host of that segment
      // (private VLAN); or a proxy entry for the address on this device (pneigh_lookup)
      const fwdProxy = out !== dev && inDev.orconf('proxy_arp');
      const fwdPvlan = out === dev && sip !== tip && inDev.orconf('proxy_arp_pvlan');
      if (fwdProxy || fwdPvlan || (out !== dev && ns.ipv4.pneigh.some((p) => p.key === tip && p.dev === dev))) {
        const n = tbl.create(sip, dev);
        tbl.update(n, sha, 'STALE', NEIGH_UPDATE_F_OVERRIDE);
        const delayMs = dev.neighParms.v.proxyDelayMs;
        if (locallyEnqueued || skb.pktType === 'host' || delayMs === 0) {
          arpSend(ARPOP_REPLY, sip, dev, tip, sha, dev.mac, sha);
          if (w.trace)
            w.emit({
              type: 'arp-reply',
              ns: ns.name,
              dev: dev.name,
              frameId: skb.id,
              ip: fmtIp4(tip),
              arpIgnore: inDev.maxconf('arp_ignore'),
              proxy: fwdPvlan ? 'proxy_arp_pvlan' : 'proxy_arp',
              out: out.name,
              fn: fwdPvlan ? 'arp_fwd_pvlan' : 'arp_fwd_proxy',
            });
        } else {
          pneighEnqueue(skb, arp, delayMs);
        }
      }
      return;
    } else if (r.kind === 'error' && r.martian && w.trace) {
      const d: Drop =
        r.error === 'EINVAL'
          ? { reason: 'IP_LOCAL_SOURCE', src: fmtIp4(sip) }
          : { reason: 'IP_RPFILTER', src: fmtIp4(sip), value: inDev.maxconf('rp_filter') };
      w.emit({ type: 'drop', ns: ns.name, dev: dev.name, frameId: skb.id, ...d, fn: 'fib_validate_source' });
    }
  }
  // Update our ARP tables
  let n = tbl.lookup(sip, dev);
  const now = ns.world.now;
  const accept = inDev.maxconf('arp_accept');
  const isGarp = n || accept ? arpIsGarp(ns, dev, arp.op, sip, tip, sha, tha) : false;
  // arp_accept(): unsolicited ARP may create entries (1), or only from the same subnet (2)
  if (
    !n &&
    accept &&
    (accept === 1 || inDev.ifaList.some((a) => inetAddrOnlinkOne(a, sip))) &&
    (isGarp || (arp.op === ARPOP_REPLY && addrType(ns, sip) === 'unicast'))
  ) {
    n = tbl.create(sip, dev);
  }
  if (n) {
    // time_after(jiffies, n->updated + LOCKTIME), in jiffies: replies within one jiffy never override
    // each other, whatever the locktime (the sysctl's centiseconds become whole jiffies, rounded down)
    const lockJ = Math.floor((dev.neighParms.v.locktimeMs * 1000) / JIFFY_US);
    const override = Math.floor(now / JIFFY_US) > Math.floor(n.updated / JIFFY_US) + lockJ || isGarp;
    const state = arp.op !== ARPOP_REPLY || skb.pktType !== 'host' ? 'STALE' : 'REACHABLE';
    tbl.update(n, sha, state, override ? NEIGH_UPDATE_F_OVERRIDE : 0);
  }
}

/** arp_is_garp() */
function arpIsGarp(ns: Netns, _dev: NetDevice, op: number, sip: number, tip: number, sha: Mac, tha: Mac): boolean {
  let garp = tip === sip;
  if (garp && op === ARPOP_REPLY && tha) garp = tha === sha;
  if (garp && addrType(ns, sip) !== 'unicast') garp = false;
  return garp;
}

/** arp_netdev_event(): a new hardware address, or ARP turned on or off on a running device, empties the
 *  device's neighbour entries, permanent ones too (neigh_changeaddr()). */
export function arpNetdevEvent(ev: 'CHANGEADDR' | 'CHANGE', dev: NetDevice, noarpChanged: boolean): void {
  if (ev === 'CHANGEADDR' || noarpChanged) dev.ns.ipv4.arp.flushDev(dev, false);
}
