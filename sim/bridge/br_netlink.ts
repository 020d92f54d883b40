// A port's attributes set from user space (net/bridge/br_netlink.c: br_setport, br_set_port_state;
// br_stp_if.c: br_stp_set_path_cost, br_stp_set_port_priority). `bridge link set` and
// `ip link set ... type bridge_slave` both come here, and the kernel applies what they carry in this
// order: the flags, then cost, priority and state, then the multicast router and group mask.
import type { BridgePort, PortFlags, PortState } from './br_private';
import { becomeDesignatedPort, bridgeId, configurationUpdate, isDesignatedPort, portId } from './br_stp';
import { brPortStateSelection } from './br_stp_if';
import { fdbDeleteByPort } from './br_fdb';
import { rtnlNotify } from '../net/rtnl_notify';

export type PortFlagName = 'hairpin' | 'learning' | 'flood' | 'mcast_flood' | 'bcast_flood' | keyof PortFlags;

export interface PortAttrs {
  flags: Partial<Record<PortFlagName, boolean>>;
  cost?: number;
  priority?: number;
  state?: number;
  flush?: boolean;
  mcastRouter?: number;
  groupFwdMask?: number;
}

export type SetportError = 'ERANGE' | 'EINVAL' | 'EBUSY' | 'ENETDOWN';

const STATES: PortState[] = ['disabled', 'listening', 'learning', 'forwarding', 'blocking'];
/** BR_MAX_PORT_PRIORITY, BR_MIN_PATH_COST, BR_MAX_PATH_COST */
const MAX_PORT_PRIORITY = 63;

function setFlag(p: BridgePort, name: PortFlagName, on: boolean): void {
  switch (name) {
    case 'hairpin':
      p.hairpin = on;
      break;
    case 'learning':
      p.learning = on;
      break;
    case 'flood':
      p.flood = on;
      break;
    case 'mcast_flood':
      p.mcastFlood = on;
      break;
    case 'bcast_flood':
      p.bcastFlood = on;
      break;
    default:
      p.flags[name] = on;
  }
}

/** br_stp_set_path_cost() */
function setPathCost(p: BridgePort, cost: number): SetportError | null {
  if (cost < 1 || cost > 65535) return 'ERANGE';
  p.adminCost = true;
  p.pathCost = cost;
  configurationUpdate(p.br);
  brPortStateSelection(p.br);
  return null;
}

/** br_stp_set_port_priority(): a designated port keeps being designated under its new id. */
function setPortPriority(p: BridgePort, prio: number): SetportError | null {
  if (prio > MAX_PORT_PRIORITY) return 'ERANGE';
  const designated = isDesignatedPort(p);
  p.priority = prio;
  const id = portId(p);
  if (designated) p.stp.designatedPort = id;
  if (p.stp.designatedBridge === bridgeId(p.br) && id < p.stp.designatedPort) {
    becomeDesignatedPort(p);
    brPortStateSelection(p.br);
  }
  return null;
}

/** br_set_port_state(): only without kernel STP, only on a port that is up. */
function setPortState(p: BridgePort, state: number): SetportError | null {
  if (state > 4) return 'EINVAL';
  if (p.br.stpState === 1) return 'EBUSY';
  if (!p.dev.up || (!p.dev.operUp && state !== 0)) return 'ENETDOWN';
  p.state = STATES[state];
  brPortStateSelection(p.br);
  return null;
}

/** br_setport() */
export function brSetport(p: BridgePort, a: PortAttrs): SetportError | null {
  // br_setlink()'s br_ifinfo_notify(RTM_NEWLINK), sent whatever of it took
  rtnlNotify(p.br.ns.world);
  for (const [name, on] of Object.entries(a.flags) as [PortFlagName, boolean][]) setFlag(p, name, on);
  let err: SetportError | null = null;
  if (a.cost !== undefined && (err = setPathCost(p, a.cost))) return err;
  if (a.priority !== undefined && (err = setPortPriority(p, a.priority))) return err;
  if (a.state !== undefined && (err = setPortState(p, a.state))) return err;
  if (a.flush) fdbDeleteByPort(p.br, p, false);
  if (a.mcastRouter !== undefined) {
    if (a.mcastRouter > 3) return 'EINVAL';
    p.mcastRouter = a.mcastRouter;
  }
  if (a.groupFwdMask !== undefined) p.groupFwdMask = a.groupFwdMask;
  return null;
}
