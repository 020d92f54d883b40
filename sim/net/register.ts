// register_netdevice() / unregister_netdevice() (net/core/dev.c) and the NETDEV_REGISTER notifiers.
import type { NetDevice } from './netdevice';
import type { Netns } from './netns';
import { callNetdeviceNotifiers } from './notifier';
import { rtnlNotify } from './rtnl_notify';

/** Gives the device an ifindex in `ns`, then NETDEV_REGISTER: IPv4 gives it its config (inetdev_init)
 *  and neighbour parameters (ipv4/ipv4_net.ts). */
export function registerNetdev(ns: Netns, dev: NetDevice, wantIfindex = 0): void {
  dev.ns = ns;
  dev.ifindex = ns.reserveIfindex(wantIfindex);
  ns.devices.push(dev);
  ns.byIndex.set(dev.ifindex, dev);
  ns.byName.set(dev.name, dev);
  ns.world.macWatch?.(dev);
  ns.ifaddrHash = null;
  callNetdeviceNotifiers('REGISTER', dev);
}

/** Takes the device out of its namespace's lists (the caller has closed it and run the notifiers). */
export function unlistNetdev(dev: NetDevice): void {
  const ns = dev.ns;
  const i = ns.devices.indexOf(dev);
  if (i >= 0) ns.devices.splice(i, 1);
  ns.byIndex.delete(dev.ifindex);
  if (ns.byName.get(dev.name) === dev) ns.byName.delete(dev.name);
  ns.ifaddrHash = null;
  // rtmsg_ifinfo(RTM_DELLINK) in rollback_registered_many()
  rtnlNotify(ns.world);
}

/** dev_change_name(): the device is found by its new name only. */
export function renameNetdev(dev: NetDevice, name: string): void {
  const ns = dev.ns;
  if (ns.byName.get(dev.name) === dev) ns.byName.delete(dev.name);
  dev.name = name;
  ns.byName.set(name, dev);
  rtnlNotify(ns.world);
}
