// register_netdevice() / unregister_netdevice() (net/core/dev.c) and the NETDEV_REGISTER notifiers.
import type { NetDevice } from './netdevice';
import type { Netns } from './netns';
import { InDevice } from '../ipv4/devinet';
import { NeighParms } from '../ipv4/neigh_parms';
import { ifaddrsChanged } from '../ipv4/ifaddr_hash';

/** Gives the device an ifindex in `ns`, its IPv4 config (inetdev_init) and neighbour parameters. */
export function registerNetdev(ns: Netns, dev: NetDevice, wantIfindex = 0): void {
  dev.ns = ns;
  dev.ifindex = ns.reserveIfindex(wantIfindex);
  ns.devices.push(dev);
  ns.byIndex.set(dev.ifindex, dev);
  ns.byName.set(dev.name, dev);
  ns.world.macWatch?.(dev);
  const rand = (lo: number, hi: number) => ns.world.prng.range(lo, hi);
  // neigh_parms_alloc(): a clone of the table's defaults (those of the initial namespace)
  dev.neighParms = new NeighParms(ns.neighTemplate, rand);
  // inetdev_init(): devconf copied from net.ipv4.conf.default of this namespace
  if (dev.mtu >= 68) dev.inDev = new InDevice(dev, ns.ipv4.dflt);
  ifaddrsChanged(ns);
  if (dev.isLoopback && dev.inDev) {
    // ipv4_devconf_setall(): lo's values count as set by hand
    for (const k of Object.keys(dev.inDev.cnf.values)) dev.inDev.cnf.explicit.add(k as never);
  }
}

/** Takes the device out of its namespace's lists (the caller has closed it and run the notifiers). */
export function unlistNetdev(dev: NetDevice): void {
  const ns = dev.ns;
  const i = ns.devices.indexOf(dev);
  if (i >= 0) ns.devices.splice(i, 1);
  ns.byIndex.delete(dev.ifindex);
  if (ns.byName.get(dev.name) === dev) ns.byName.delete(dev.name);
  ifaddrsChanged(ns);
}

/** dev_change_name(): the device is found by its new name only. */
export function renameNetdev(dev: NetDevice, name: string): void {
  const ns = dev.ns;
  if (ns.byName.get(dev.name) === dev) ns.byName.delete(dev.name);
  dev.name = name;
  ns.byName.set(name, dev);
}
