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
  forwardDelayTimer: import('../core/scheduler').Timer | null;
  stp: import('./br_stp').PortStp;
}

export interface FdbEntry {
  addr: Mac;
  /** null: the bridge device itself */
  dst: BridgePort | null;
  local: boolean;
  static: boolean;
  addedByUser: boolean;
  updated: number;
  used: number;
}
