// The lab's physical NIC as a kind: a driver's probe registers it (no rtnl newlink: `ip link add type
// nic` is no more possible than on Linux), and when its namespace dies it goes home to the initial one
// (default_device_exit_net(), as ->netns_refund says for a virtual device).
import { BCAST_MAC, type Mac } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { defaultOperstate } from '../net/link';
import { registerNetdev } from '../net/register';
import { allocName, randomEtherMac } from '../net/rtnl';
import type { RtnlLinkOps } from '../net/rtnl_link';
import { Nic } from './nic';

/** The driver's probe: register_netdev() of a NIC without link until a cable is plugged. */
export function nicProbe(ns: Netns, name: string, mac: Mac | null, speed = 1000): Nic {
  const nic = new Nic(ns, allocName(ns, name), mac ?? randomEtherMac(ns), BCAST_MAC, speed);
  nic.rtnlLinkOps = nicLinkOps;
  registerNetdev(ns, nic);
  nic.operstate = defaultOperstate(nic);
  return nic;
}

/** A NIC of the lab (its driver's ops) */
export function isNic(dev: NetDevice | null | undefined): dev is Nic {
  return dev?.rtnlLinkOps === nicLinkOps;
}

/** A VM's NIC: cabled to something that is not a NIC, i.e. the process behind a tap (lab vm add). */
export function isTapBacked(dev: NetDevice): boolean {
  return isNic(dev) && dev.cable !== null && !(dev.cable instanceof Nic);
}

export const nicLinkOps: RtnlLinkOps<never, Nic> = {
  kind: 'nic',
  netnsRefund: true,
  diagram: {
    node: 'interface',
    peer: (dev, ends) => (dev.cable instanceof Nic ? dev.cable : isTapBacked(dev) ? ends.tapOf(dev.ns) : null),
  },
};
