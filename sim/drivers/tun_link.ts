// The tun/tap kind (drivers/net/tun.c: tun_link_ops, tun_set_iff with IFF_TUN_EXCL from `ip tuntap add`,
// tun_fill_info) and what iproute2's ip/iptuntap.c print_opt prints for it. `ip link add type tun` is
// not how one is made (tun_validate refuses it): it has no newlink.
import { BCAST_MAC, type Mac } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { defaultOperstate } from '../net/link';
import { registerNetdev } from '../net/register';
import { allocName, randomEtherMac } from '../net/rtnl';
import type { RtnlLinkOps } from '../net/rtnl_link';
import { Tun } from './tun';

/** MAX_TAP_QUEUES */
const MAX_TAP_QUEUES = 256;

/** tun_set_iff() with IFF_TUN_EXCL from `ip tuntap add`: no process attached, so no carrier. */
export function newTuntap(ns: Netns, name: string | null, mode: 'tun' | 'tap'): Tun {
  const mac = mode === 'tap' ? randomEtherMac(ns) : (0 as Mac);
  const t = new Tun(ns, allocName(ns, name ?? `${mode}%d`), mode, mac, mode === 'tap' ? BCAST_MAC : (0 as Mac));
  t.rtnlLinkOps = tunLinkOps;
  registerNetdev(ns, t);
  t.operstate = defaultOperstate(t);
  return t;
}

/** A device made by tun_set_iff() (dev->rtnl_link_ops == &tun_link_ops) */
export function isTun(dev: NetDevice | null | undefined): dev is Tun {
  return dev?.rtnlLinkOps === tunLinkOps;
}

/** The VM (its namespace) whose process holds this tun/tap open, or null */
export function tapOwner(dev: NetDevice): Netns | null {
  return isTun(dev) ? (dev.reader?.owner ?? null) : null;
}

const onOff = (b: boolean) => (b ? 'on' : 'off');

export const tunLinkOps: RtnlLinkOps<never, Tun> = {
  kind: 'tun',
  /** tun_fill_info() as iptuntap.c print_opt() prints it */
  printOpt(dev) {
    const owner = (id: number | null, what: string) => (id === null ? '' : `${what} ${id === 0 ? 'root' : id} `);
    const mq = dev.multiQueue ? 'multi_queue numqueues 0 numdisabled 0 ' : '';
    return `type ${dev.kind} pi ${onOff(dev.pi)} vnet_hdr ${onOff(dev.vnetHdr)} ${mq}persist on ${owner(dev.owner, 'user')}${owner(dev.group, 'group')}`;
  },
  numQueues: (dev) => (dev.multiQueue ? MAX_TAP_QUEUES : 1),
  /** tun_net_init(): MAX_MTU less the link header of a tap */
  maxMtu: (dev) => (dev.kind === 'tap' ? 65521 : 65535),
  diagram: {
    node: 'interface',
    tag: (dev) => dev.kind,
    peer: (dev, ends) => (dev.reader?.owner ? ends.vmNic(dev.reader.owner) : null),
  },
};
