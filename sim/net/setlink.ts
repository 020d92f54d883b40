// do_setlink() (net/core/rtnetlink.c) as `ip link set` asks for it: the kernel's checks, in its order,
// with a failure keeping what was applied before it. The answer is an errno (RtnlError), which the
// shell turns into iproute2's text.
import { type Mac, isValidEtherMac } from '../core/addr';
import type { NetDevice } from './netdevice';
import type { Netns } from './netns';
import { devChangeNetns, devClose, devOpen, devSetMtu, notify } from './link';
import { renameNetdev } from './register';
import { leaveMaster } from './rtnl';
import { RtnlError } from './rtnl_link';

/** The attributes of an RTM_NEWLINK for an existing device (undefined: not in the message). */
export interface SetlinkReq {
  /** IFLA_NET_NS_FD / IFLA_NET_NS_PID */
  netns?: Netns;
  address?: Mac;
  mtu?: number;
  /** IFLA_IFNAME differing from the device's name */
  name?: string;
  alias?: string;
  broadcast?: Mac;
  promisc?: boolean;
  arp?: boolean;
  multicast?: boolean;
  allmulticast?: boolean;
  up?: boolean;
  /** IFLA_MASTER: a device, or null for nomaster */
  master?: NetDevice | null;
  txqlen?: number;
}

/** IFLA_IFNAME's nla_policy: at most IFNAMSIZ - 1 characters */
export function checkIfnameAttr(name: string | null | undefined): void {
  if (name && name.length >= 16) throw new RtnlError('EINVAL', 'Attribute failed policy validation');
}

/** dev_set_mac_address(): the driver's ndo_set_mac_address, then NETDEV_CHANGEADDR. */
export function devSetMacAddress(dev: NetDevice, mac: Mac): void {
  // a tun has no ndo_set_mac_address: EOPNOTSUPP before the address is looked at
  if (!dev.hasSetMacAddress) throw new RtnlError('EOPNOTSUPP');
  if (!isValidEtherMac(mac) || dev.isLoopback) throw new RtnlError('EADDRNOTAVAIL');
  dev.addrAssign = 'set';
  dev.ndoSetMacAddress(mac);
  notify('CHANGEADDR', dev);
}

/** do_setlink(): namespace, address, mtu, name, then alias, broadcast, flags, master, txqueuelen. */
export function doSetlink(dev: NetDevice, r: SetlinkReq): void {
  if (r.netns !== undefined) {
    const to = r.netns;
    if (to !== dev.ns) {
      // __dev_change_net_namespace(): lo and bridges stay where they are (netns_immutable)
      if (dev.netnsImmutable) throw new RtnlError('EINVAL', 'The interface netns is immutable');
      if (to.dev(dev.name)) throw new RtnlError('EEXIST', 'An interface with the same name exists in the target netns');
      leaveMaster(dev);
      devChangeNetns(dev, to);
    }
    if (r.up !== undefined || r.address !== undefined) {
      const moved = to.dev(dev.name)!;
      setAddrMtu(moved, r);
      setFlagsEtc(moved, r);
    }
    return;
  }
  setAddrMtu(dev, r);
  if (r.name !== undefined && r.name !== dev.name) {
    checkIfnameAttr(r.name);
    // netif_change_name(): on 6.18 a running device may be renamed too (measured: veth, bridge, tap)
    if (dev.ns.dev(r.name)) throw new RtnlError('EEXIST');
    renameNetdev(dev, r.name);
    notify('CHANGENAME', dev);
  }
  setFlagsEtc(dev, r);
}

/** do_setlink(): IFLA_ADDRESS, then IFLA_MTU */
function setAddrMtu(dev: NetDevice, r: SetlinkReq): void {
  if (r.address !== undefined) devSetMacAddress(dev, r.address);
  if (r.mtu !== undefined) {
    // dev_validate_mtu() against the bounds every modelled device has
    if (r.mtu < 68) throw new RtnlError('EINVAL', 'mtu less than device minimum');
    if (r.mtu > 65535) throw new RtnlError('EINVAL', 'mtu greater than device maximum');
    devSetMtu(dev, r.mtu);
  }
}

/** do_setlink() after the name: alias, broadcast, dev_change_flags(), the master, txqueuelen */
function setFlagsEtc(dev: NetDevice, r: SetlinkReq): void {
  if (r.alias !== undefined) dev.alias = r.alias;
  if (r.broadcast !== undefined) dev.broadcast = r.broadcast;
  // IFF_PROMISC set by hand counts once, beside dev->promiscuity (taps, bridge ports)
  if (r.promisc !== undefined) dev.gPromisc = r.promisc;
  if (r.arp !== undefined && dev.userNoArp !== !r.arp) {
    dev.userNoArp = !r.arp;
    // __dev_notify_flags(): a running device tells its listeners which flags changed
    if (dev.up) notify('CHANGE', dev, true);
  }
  if (r.multicast !== undefined) dev.noMulticast = !r.multicast;
  // dev_set_allmulti(): the user's flag counts once in allmulti
  if (r.allmulticast !== undefined && dev.gAllmulti !== r.allmulticast) dev.gAllmulti = r.allmulticast;
  if (r.up === true) devOpen(dev);
  else if (r.up === false) devClose(dev);
  if (r.master !== undefined) doSetMaster(dev, r.master);
  if (r.txqlen !== undefined) dev.txqlen = r.txqlen;
}

/** do_set_master(): leave the old master (its ndo_del_slave), join the new one (its ndo_add_slave). */
export function doSetMaster(dev: NetDevice, master: NetDevice | null): void {
  if (master === null) {
    leaveMaster(dev);
    return;
  }
  if (dev.master === master) return;
  const add = master.rtnlLinkOps?.addSlave;
  if (!add) throw new RtnlError('EOPNOTSUPP');
  // (a bridge has no master to leave: br_add_if() refuses to enslave one before anything changes)
  leaveMaster(dev);
  add(master, dev);
}
