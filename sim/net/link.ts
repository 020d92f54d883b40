// Changing a device's state (net/core/dev.c: dev_open, dev_close, dev_set_mac_address, dev_change_net_namespace;
// net/sched/sch_generic.c: netif_carrier_on/off; net/core/link_watch.c: rfc2863_policy) and the netdevice
// calls to the netdevice notifier chain (notifier.ts) that IPv4, the bridge and netfilter listen to.
import { isMulticastMac } from '../core/addr';
import type { NetDevice } from './netdevice';
import type { Netns } from './netns';
import { registerNetdev, unlistNetdev } from './register';
import { type NetdevEvent, callNetdeviceNotifiers } from './notifier';
import { rtnlNotify } from './rtnl_notify';

export type { NetdevEvent } from './notifier';

/** dev_set_mtu_ext(): the same MTU changes nothing; otherwise ndo_change_mtu, then NETDEV_CHANGEMTU. */
export function devSetMtu(dev: NetDevice, mtu: number): void {
  if (mtu === dev.mtu) return;
  dev.changeMtu(mtu);
  notify('CHANGEMTU', dev);
}

/** call_netdevice_notifiers(): the chain as registered at boot (inetdev and fib, arp, the bridge,
 *  netfilter). `noarpChanged` is NETDEV_CHANGE's flags_changed & IFF_NOARP. */
export function notify(ev: NetdevEvent, dev: NetDevice, noarpChanged = false): void {
  callNetdeviceNotifiers(ev, dev, noarpChanged);
}

/** default_operstate() as in Linux 6.18: a device without carrier whose iflink names a device in its own
 *  namespace that also lacks carrier is LOWERLAYERDOWN. */
export function defaultOperstate(dev: NetDevice): NetDevice['operstate'] {
  if (!dev.carrier) {
    const iflink = dev.iflink();
    if (iflink === dev.ifindex) return 'DOWN';
    const peer = dev.ns.byIndex.get(iflink);
    if (!peer) return 'DOWN';
    return peer.carrier ? 'DOWN' : 'LOWERLAYERDOWN';
  }
  return 'UP';
}

/** linkwatch_do_dev(): apply the operstate, and tell listeners if the device is up. */
export function linkwatchEvent(dev: NetDevice): void {
  dev.linkwatchPending = false;
  if (dev.ns.byIndex.get(dev.ifindex) !== dev) return;
  dev.operstate = defaultOperstate(dev);
  // a device that is down gets no NETDEV_CHANGE, but its next dump shows the operstate
  rtnlNotify(dev.ns.world);
  if (dev.up) {
    // dev_activate() / dev_deactivate()
    dev.qdiscActive = dev.carrier;
    notify('CHANGE', dev);
  }
}

/** linkwatch_fire_event(): queued for the machine's one linkwatch work (link_watch.ts). */
export function linkwatchFireEvent(dev: NetDevice): void {
  dev.ns.world.linkWatch.fire(dev);
}

export function carrierOn(dev: NetDevice): void {
  if (dev.carrier) return;
  dev.carrier = true;
  dev.carrierChanges++;
  // the dump shows the carrier at once; NETDEV_CHANGE waits for linkwatch
  rtnlNotify(dev.ns.world);
  linkwatchFireEvent(dev);
}

export function carrierOff(dev: NetDevice): void {
  if (!dev.carrier) return;
  dev.carrier = false;
  dev.carrierChanges++;
  rtnlNotify(dev.ns.world);
  linkwatchFireEvent(dev);
}

/** dev_open() */
export function devOpen(dev: NetDevice): void {
  if (dev.up) return;
  dev.up = true;
  if (dev.qdisc === 'noop') dev.qdisc = dev.openQdisc();
  dev.driverOpen();
  // dev_activate(): only with carrier; otherwise the next carrier-on event does it
  dev.qdiscActive = dev.carrier;
  devSetRxMode(dev);
  notify('UP', dev);
}

/** __dev_set_rx_mode(): a device that cannot filter unicast goes promiscuous while its list is not empty. */
export function devSetRxMode(dev: NetDevice): void {
  if (!dev.up) return;
  // multicast addresses go to dev->mc, which needs no promiscuity
  const want = dev.ucList.some((m) => !isMulticastMac(m));
  if (want && !dev.ucPromisc) {
    dev.promiscuity++;
    dev.ucPromisc = true;
  } else if (!want && dev.ucPromisc) {
    dev.promiscuity = Math.max(0, dev.promiscuity - 1);
    dev.ucPromisc = false;
  }
}

/** dev_close() */
export function devClose(dev: NetDevice): void {
  if (!dev.up) return;
  // ndo_stop runs first, but its carrier change reaches linkwatch after IFF_UP is gone
  dev.up = false;
  dev.qdiscActive = false; // dev_deactivate()
  dev.driverStop();
  notify('DOWN', dev);
}

/** unregister_netdevice() */
export function devUnregister(dev: NetDevice): void {
  dev.unregistering = true;
  devClose(dev);
  notify('UNREGISTER', dev);
  unlistNetdev(dev);
}

/** dev_change_net_namespace(): down, out of the old namespace, into the new one (keeping the ifindex if free). */
export function devChangeNetns(dev: NetDevice, to: Netns): void {
  if (dev.ns === to) return;
  const from = dev.ns;
  devClose(dev);
  notify('UNREGISTER', dev);
  unlistNetdev(dev);
  // peernet2id_alloc(): the old namespace's RTM_DELLINK names the new one by an id, and its
  // rtnl_fill_link_netnsid() the device's link net
  from.idOf(to);
  const linkNet = dev.rtnlLinkOps?.getLinkNet?.(dev) ?? null;
  if (linkNet && linkNet !== from) from.idOf(linkNet);
  const keep = dev.ifindex;
  // dev_shutdown(): the qdisc goes; the device gets its own again when next opened
  dev.qdisc = 'noop';
  // register_netdevice's NETDEV_REGISTER: IPv4 sets the device up again in its new namespace
  registerNetdev(to, dev, keep);
  // rtmsg_ifinfo(RTM_NEWLINK) in the new namespace: rtnl_fill_link_netnsid() gives the link net an id there
  if (linkNet && linkNet !== to) to.idOf(linkNet);
  // the operstate stays as linkwatch last left it (the kernel recomputes it only on a linkwatch event)
}
