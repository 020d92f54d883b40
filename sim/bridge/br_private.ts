// Shared bridge types (net/bridge/br_private.h).
import type { Mac } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import type { Bridge } from './br_device';

export type PortState = 'disabled' | 'listening' | 'learning' | 'forwarding' | 'blocking';
export type StpState = 0 | 1;

export interface BridgePort {
  br: Bridge;
  dev: NetDevice;
  portNo: number;
  state: PortState;
  priority: number;
  pathCost: number;
  /** BR_LEARNING, BR_FLOOD, BR_BCAST_FLOOD, BR_MCAST_FLOOD, BR_HAIRPIN_MODE */
  learning: boolean;
  flood: boolean;
  bcastFlood: boolean;
  mcastFlood: boolean;
  hairpin: boolean;
  /** the other port flags (BR_BPDU_GUARD, BR_MULTICAST_FAST_LEAVE, BR_ROOT_BLOCK, ...) by iproute2's names */
  flags: PortFlags;
  /** multicast_router (1: learn from queries) */
  mcastRouter: number;
  groupFwdMask: number;
  /** BR_ADMIN_COST: the cost was set by hand and no longer follows the link speed */
  adminCost: boolean;
  forwardDelayTimer: import('../core/scheduler').Timer | null;
  stp: import('./br_stp').PortStp;
}

export interface PortFlags {
  guard: boolean;
  fastleave: boolean;
  root_block: boolean;
  proxy_arp: boolean;
  proxy_arp_wifi: boolean;
  mcast_to_unicast: boolean;
  neigh_suppress: boolean;
  vlan_tunnel: boolean;
  isolated: boolean;
  locked: boolean;
}

export const NO_PORT_FLAGS: PortFlags = {
  guard: false,
  fastleave: false,
  root_block: false,
  proxy_arp: false,
  proxy_arp_wifi: false,
  mcast_to_unicast: false,
  neigh_suppress: false,
  vlan_tunnel: false,
  isolated: false,
  locked: false,
};

export interface FdbEntry {
  addr: Mac;
  /** null: the bridge device itself */
  dst: BridgePort | null;
  local: boolean;
  static: boolean;
  addedByUser: boolean;
  /** BR_FDB_STICKY: learning never moves the entry to another port */
  sticky: boolean;
  updated: number;
  used: number;
}
