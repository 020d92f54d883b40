// Creating and deleting devices (net/core/rtnetlink.c: rtnl_newlink, rtnl_dellink; the drivers' newlink).
import { type Mac, BCAST_MAC, randomMac } from '../core/addr';
import { Veth } from '../drivers/veth';
import { Tun } from '../drivers/tun';
import { Macvlan, deleteMacvlan } from '../drivers/macvlan';
import { Bridge } from '../bridge/br_device';
import { fdbAddLocal } from '../bridge/br_fdb';
import type { NetDevice } from './netdevice';
import type { Netns } from './netns';
import { registerNetdev } from './register';
import { defaultOperstate, devChangeNetns, devUnregister } from './link';

export function randomEtherMac(ns: Netns): Mac {
  return randomMac(ns.world.prng.bytes(6));
}

/** dev_alloc_name(): the first free "prefix%d". */
export function allocName(ns: Netns, tmpl: string): string {
  if (!tmpl.includes('%d')) return tmpl;
  for (let i = 0; ; i++) {
    const n = tmpl.replace('%d', String(i));
    if (!ns.dev(n)) return n;
  }
}

export interface NewEnd {
  name: string | null;
  mac: Mac | null;
  ns: Netns;
  mtu?: number;
  txqlen?: number;
}

/** veth_newlink(): the peer is registered first, both start without carrier. */
export function newVeth(a: NewEnd, b: NewEnd): { dev: Veth; peer: Veth } {
  const peerMac = b.mac ?? randomEtherMac(b.ns);
  const peer = new Veth(b.ns, allocName(b.ns, b.name ?? 'veth%d'), peerMac, BCAST_MAC);
  if (b.mac) peer.addrAssign = 'set';
  registerNetdev(b.ns, peer);
  const devMac = a.mac ?? randomEtherMac(a.ns);
  const dev = new Veth(a.ns, allocName(a.ns, a.name ?? 'veth%d'), devMac, BCAST_MAC);
  if (a.mac) dev.addrAssign = 'set';
  registerNetdev(a.ns, dev);
  dev.peer = peer;
  peer.peer = dev;
  for (const [d, e] of [[dev, a], [peer, b]] as const) {
    if (e.mtu) d.mtu = e.mtu;
    if (e.txqlen) d.txqlen = e.txqlen;
    d.carrier = false;
    d.carrierChanges = 1; // netif_carrier_off() of a new device, whose carrier starts on
  }
  peer.operstate = defaultOperstate(peer);
  dev.operstate = defaultOperstate(dev);
  if (a.ns !== b.ns) {
    a.ns.idOf(b.ns);
    b.ns.idOf(a.ns);
  }
  return { dev, peer };
}

/** br_dev_newlink(): a random address, carrier on, operstate never set until a port event. */
export function newBridge(ns: Netns, name: string | null, mac: Mac | null): Bridge {
  const br = new Bridge(ns, allocName(ns, name ?? 'bridge%d'), mac ?? randomEtherMac(ns));
  if (mac) br.addrAssign = 'set';
  registerNetdev(ns, br);
  // the bridge's own address is a local FDB entry from the start (measured on 6.18: `bridge fdb show`
  // lists "ADDR dev br0 master br0 permanent" for a new bridge without ports)
  fdbAddLocal(br, null, br.mac);
  br.operstate = 'UNKNOWN';
  return br;
}

/** tun_set_iff() with IFF_TUN_EXCL from `ip tuntap add`: no process attached, so no carrier. */
export function newTuntap(ns: Netns, name: string | null, mode: 'tun' | 'tap'): Tun {
  const mac = mode === 'tap' ? randomEtherMac(ns) : (0 as Mac);
  const t = new Tun(ns, allocName(ns, name ?? `${mode}%d`), mode, mac, mode === 'tap' ? BCAST_MAC : (0 as Mac));
  registerNetdev(ns, t);
  t.operstate = defaultOperstate(t);
  return t;
}

/** rtnl_dellink(): a veth takes its peer with it. */
export function deleteLink(dev: NetDevice): void {
  if (dev instanceof Macvlan) return deleteMacvlan(dev);
  if (dev instanceof Veth && dev.peer) {
    const peer = dev.peer;
    devUnregister(dev);
    devUnregister(peer);
    dev.peer = null;
    peer.peer = null;
    return;
  }
  devUnregister(dev);
}

/** cleanup_net(): virtual devices die with the namespace; others go home to the initial one. */
export function destroyNetns(ns: Netns): void {
  for (const d of [...ns.devices].reverse()) {
    if (d.isLoopback) continue;
    if (!ns.byIndex.has(d.ifindex)) continue;
    if (d.kind === 'veth' || d.kind === 'bridge' || d.kind === 'tun' || d.kind === 'tap' || d.kind === 'dummy' || d.kind === 'macvlan') deleteLink(d);
    else devChangeNetns(d, ns.world.host);
  }
  ns.world.removeNetns(ns);
}
