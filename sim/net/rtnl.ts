// Creating and deleting devices (net/core/rtnetlink.c: rtnl_newlink, rtnl_dellink; the drivers' newlink).
// The kinds themselves register with rtnl_link.ts (sim/init.ts); this file knows none of them.
import { type Mac, randomMac } from '../core/addr';
import type { NetDevice } from './netdevice';
import type { Netns } from './netns';
import { devChangeNetns, devUnregister } from './link';

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

/** rtnl_dellink(): the kind's ->dellink (a veth takes its peer with it), else unregister_netdevice(). */
export function deleteLink(dev: NetDevice): void {
  const ops = dev.rtnlLinkOps;
  if (ops?.dellink) ops.dellink(dev);
  else devUnregister(dev);
}

/** netdev_upper_dev_unlink() through the master's ndo_del_slave: the device leaves its bridge. */
export function leaveMaster(dev: NetDevice): void {
  const m = dev.master;
  if (m) m.rtnlLinkOps?.delSlave?.(m, dev);
}

/** cleanup_net(): virtual devices die with the namespace; others go home to the initial one. */
export function destroyNetns(ns: Netns): void {
  for (const d of [...ns.devices].reverse()) {
    if (d.isLoopback) continue;
    if (!ns.byIndex.has(d.ifindex)) continue;
    // default_device_exit_net(): a device with rtnl_link_ops is deleted unless ->netns_refund
    if (d.rtnlLinkOps && !d.rtnlLinkOps.netnsRefund) deleteLink(d);
    else devChangeNetns(d, ns.world.host);
  }
  ns.world.removeNetns(ns);
}
