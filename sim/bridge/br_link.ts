// The bridge kind (net/bridge/br_netlink.c: br_link_ops with br_dev_newlink, br_changelink,
// br_port_slave_changelink, br_fill_info; br_device.c: br_dev_setup; br_if.c: br_add_if/br_del_if as
// ndo_add_slave/ndo_del_slave) and what iproute2's ip/iplink_bridge.c and iplink_bridge_slave.c parse and print.
import type { Mac } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { registerNetdev } from '../net/register';
import { allocName, deleteLink, randomEtherMac } from '../net/rtnl';
import { type RtnlLinkOps, RtnlError } from '../net/rtnl_link';
import { applyBridgeOpts, type BridgeAttrs, parseBridgeOpts } from '../shell/ip/link_bridge';
import { parseBridgeSlaveOpts } from '../shell/bridge_port_opts';
import { bridgeOpts, portOpts } from '../shell/ip/link_details';
import { Bridge } from './br_device';
import { fdbAddLocal } from './br_fdb';
import { brAddIf, brDelIf } from './br_if';
import { brFdbAdd, brFdbDelete } from './br_fdb_netlink';
import { brSetport, type PortAttrs } from './br_netlink';
import { brStpChangeBridgeId } from './br_stp_if';

/** netif_is_bridge_master(): IFF_EBRIDGE */
export function netifIsBridgeMaster(dev: NetDevice | null | undefined): dev is Bridge {
  return dev instanceof Bridge;
}

/** br_dev_newlink(): a random address, carrier on, operstate never set until a port event. */
export function newBridge(ns: Netns, name: string | null, mac: Mac | null): Bridge {
  const br = new Bridge(ns, allocName(ns, name ?? 'bridge%d'), mac ?? randomEtherMac(ns));
  if (mac) br.addrAssign = 'set';
  br.rtnlLinkOps = bridgeLinkOps;
  // br_dev_setup(): dev->netns_immutable
  br.netnsImmutable = true;
  registerNetdev(ns, br);
  // the bridge's own address is a local FDB entry from the start (measured on 6.18: `bridge fdb show`
  // lists "ADDR dev br0 master br0 permanent" for a new bridge without ports)
  fdbAddLocal(br, null, br.mac);
  br.operstate = 'UNKNOWN';
  return br;
}

export const bridgeLinkOps: RtnlLinkOps<BridgeAttrs, Bridge> = {
  kind: 'bridge',
  parse: (args) => parseBridgeOpts(args),
  newlink(a, opts) {
    const br = newBridge(a.ns, a.name, a.address ?? null);
    // br_dev_newlink(): IFLA_ADDRESS becomes the bridge id too (br_stp_change_bridge_id)
    if (a.address !== undefined) brStpChangeBridgeId(br, a.address);
    try {
      applyBridgeOpts(br, opts);
    } catch (e) {
      // br_dev_newlink(): a failed br_changelink() deletes the device it registered
      deleteLink(br);
      throw e;
    }
    return br;
  },
  changelink: (br, opts) => applyBridgeOpts(br, opts),
  printOpt: (br) => `${bridgeOpts(br)} `,
  slaveKind: 'bridge_slave',
  parseSlave: (args) => parseBridgeSlaveOpts(args),
  /** br_port_slave_changelink(): only a bridge port has these */
  slaveChangelink(dev, opts) {
    if (!dev.brport) throw new RtnlError('EOPNOTSUPP');
    const err = brSetport(dev.brport, opts as PortAttrs);
    if (err) throw new RtnlError(err);
  },
  printSlaveOpt: (dev) => (dev.brport ? `${portOpts(dev.brport)} ` : null),
  /** br_add_slave() -> br_add_if() */
  addSlave(br, dev) {
    const err = brAddIf(br, dev);
    if (err) throw new RtnlError(err.errno, err.msg ?? null);
  },
  delSlave: (br, dev) => brDelIf(br, dev),
  fdbAdd: (br, dev, r) => brFdbAdd(br, dev, r),
  fdbDel: (br, dev, r) => brFdbDelete(br, dev, r),
  diagram: { node: 'switch' },
};
