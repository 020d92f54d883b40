// Enslaving and releasing ports (net/bridge/br_if.c: br_add_if, br_del_if, port_cost).
import type { NetDevice } from '../net/netdevice';
import { devSetMtu, devSetRxMode } from '../net/link';
import { Bridge } from './br_device';
import { type BridgePort, NO_PORT_FLAGS } from './br_private';
import { fdbAddLocal, fdbDeleteByPort } from './br_fdb';
import { brHandleFrame } from './br_input';
import { portMinima, portMinimaAdded, portMinimaStale } from './br_port_minima';
import { becomeDesignatedPort, newPortStp } from './br_stp';
import {
  brPortStateSelection,
  brStpDisablePort,
  brStpEnablePort,
  brStpRecalculateBridgeId,
  notifyBridgeAddr,
} from './br_stp_if';
import { rtnlNotify } from '../net/rtnl_notify';

/** Link speed in Mb/s that ethtool reports for each kind of device. */
export function linkSpeed(dev: NetDevice): number | undefined {
  switch (dev.kind) {
    case 'veth':
      return 10000;
    // tun_get_link_ksettings() in 6.18 reports 10 Gb/s (recorded: a tap port costs 2)
    case 'tap':
    case 'tun':
      return 10000;
    case 'nic':
      return (dev as NetDevice & { speed: number }).speed;
    default:
      return undefined;
  }
}

/** port_cost(): from the link speed (802.1D-1998 table). */
export function portCost(dev: NetDevice): number {
  const s = linkSpeed(dev);
  if (s !== undefined) {
    if (s >= 100000) return 1;
    if (s >= 10000) return 2;
    if (s >= 1000) return 4;
    if (s >= 100) return 19;
    if (s >= 10) return 100;
    if (s > 0) return 100;
  }
  return 100;
}

export type BrAddError = { errno: 'EINVAL' | 'ELOOP' | 'EBUSY'; msg?: string };

/** br_set_gso_limits(): the bridge takes the smallest limit of its ports (GSO_LEGACY_MAX_SIZE before the first) */
function setGsoLimits(br: Bridge): void {
  br.tsoMaxSize = portMinima(br).tso;
}

/** br_mtu_min(): the smallest MTU of the ports, ETH_DATA_LEN without ports */
function brMtuMin(br: Bridge): number {
  return portMinima(br).mtu ?? 1500;
}

/** br_mtu_auto_adjust(): the bridge takes its ports' smallest MTU unless the user set one. */
export function brMtuAutoAdjust(br: Bridge): void {
  if (br.mtuSetByUser) return;
  devSetMtu(br, brMtuMin(br));
  br.mtuSetByUser = false;
}

/** br_add_if() */
export function brAddIf(br: Bridge, dev: NetDevice): BrAddError | null {
  // dev->type != ARPHRD_ETHER (a tun), or IFF_LOOPBACK
  if (dev.isLoopback || dev.hwType !== 'ether') return { errno: 'EINVAL' };
  if (dev instanceof Bridge) return { errno: 'ELOOP', msg: 'Can not enslave a bridge to a bridge' };
  if (dev === br) return { errno: 'ELOOP', msg: 'Can not enslave a bridge to a bridge' };
  // netdev_rx_handler_register(): a bridge port already, or another rx_handler (a macvlan parent)
  if (dev.brport || dev.rxHandler) return { errno: 'EBUSY' };
  // netdev_master_upper_dev_link(): a device stacked on the bridge (a macvlan of br0) would be its own upper
  if (dev.rtnlLinkOps?.diagram.lower?.(dev) === br) return { errno: 'EBUSY' };
  const p: BridgePort = {
    br,
    dev,
    portNo: br.allocPortNo(),
    state: 'disabled',
    priority: 32,
    pathCost: portCost(dev),
    learning: true,
    flood: true,
    bcastFlood: true,
    mcastFlood: true,
    hairpin: false,
    flags: { ...NO_PORT_FLAGS },
    mcastRouter: 1,
    groupFwdMask: 0,
    adminCost: false,
    forwardDelayTimer: null,
    stp: newPortStp(),
  };
  becomeDesignatedPort(p);
  dev.allmulti++;
  dev.brport = p;
  // br_add_if()'s br_ifinfo_notify(RTM_NEWLINK): the device has a master now
  rtnlNotify(br.ns.world);
  dev.rxHandler = brHandleFrame;
  // nbp_update_port_count() -> br_manage_promisc() -> br_port_set_promisc(): br_fdb_unsync_static()
  // takes the bridge's static addresses off the new port's unicast list before it turns promiscuous
  const statics = dev.ucList.length ? new Set([...br.fdb.values()].filter((f) => f.static).map((f) => f.addr)) : null;
  if (statics && dev.ucList.some((m) => statics.has(m))) {
    dev.ucList = dev.ucList.filter((m) => !statics.has(m));
    devSetRxMode(dev);
  }
  fdbAddLocal(br, p, dev.mac);
  br.ports.unshift(p);
  portMinimaAdded(br, dev);
  setGsoLimits(br);
  // br_manage_promisc(): with vlan_filtering 0 every port is promiscuous
  dev.promiscuity++;
  const changed = brStpRecalculateBridgeId(br);
  if (dev.running && dev.operUp && br.up) brStpEnablePort(p);
  if (br.up) brPortStateSelection(br, true);
  if (changed) notifyBridgeAddr(br);
  brMtuAutoAdjust(br);
  return null;
}

/** br_del_if() -> del_nbp() */
export function brDelIf(br: Bridge, dev: NetDevice): void {
  const p = dev.brport;
  if (!p || p.br !== br) return;
  if (p.state !== 'disabled') brStpDisablePort(p);
  br.ports = br.ports.filter((x) => x !== p);
  portMinimaStale(br);
  setGsoLimits(br);
  dev.promiscuity = Math.max(0, dev.promiscuity - 1);
  dev.allmulti = Math.max(0, dev.allmulti - 1);
  dev.rxHandler = null;
  dev.brport = null;
  // del_nbp()'s br_ifinfo_notify(RTM_DELLINK)
  rtnlNotify(br.ns.world);
  fdbDeleteByPort(br, p, true);
  const changed = brStpRecalculateBridgeId(br);
  if (br.up) brPortStateSelection(br, true);
  if (changed) notifyBridgeAddr(br);
  brMtuAutoAdjust(br);
}
