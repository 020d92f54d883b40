// Port states and the bridge's identity (net/bridge/br_stp_if.c, br_stp.c: br_port_state_selection,
// br_make_forwarding, br_make_blocking; br_stp_timer.c: the forward delay timer). With STP off a port
// forwards as soon as it is enabled; the bridge MAC follows the lowest port MAC unless set by hand.
import type { Mac } from '../core/addr';
import { portMinima } from './br_port_minima';
import { carrierOff, carrierOn, defaultOperstate, notify } from '../net/link';
import { rtnlNotify } from '../net/rtnl_notify';
import type { Bridge } from './br_device';
import type { BridgePort } from './br_private';
import { fdbChangeMacAddress, fdbDeleteByPort } from './br_fdb';
import {
  armHelloTimer,
  becomeDesignatedPort,
  becomeRootBridge,
  bridgeId,
  configBpduGeneration,
  configurationUpdate,
  isDesignatedPort,
  isRootBridge,
  portRole,
  stopStpTimers,
  topologyChangeDetection,
} from './br_stp';

/** br_set_state(), and the br_ifinfo_notify(RTM_NEWLINK) its callers send */
function brSetState(p: BridgePort, state: BridgePort['state']): void {
  p.state = state;
  rtnlNotify(p.br.ns.world);
}

/** br_make_forwarding() */
function makeForwarding(p: BridgePort): void {
  if (p.state !== 'blocking') return;
  const br = p.br;
  if (br.stpState === 0 || br.stp.forwardDelay === 0) {
    brSetState(p, 'forwarding');
    topologyChangeDetection(br);
    br.ns.world.sched.cancel(p.forwardDelayTimer);
    p.forwardDelayTimer = null;
  } else brSetState(p, 'listening');
  // the timer is armed even for a port that forwards at once (ip -d shows it run down); expiring, it
  // changes nothing then
  if (br.stp.forwardDelay !== 0) armForwardDelay(p);
}

/** br_make_blocking() */
function makeBlocking(p: BridgePort): void {
  if (p.state === 'disabled' || p.state === 'blocking') return;
  if (p.state === 'forwarding' || p.state === 'learning') topologyChangeDetection(p.br);
  brSetState(p, 'blocking');
  p.br.ns.world.sched.cancel(p.forwardDelayTimer);
  p.forwardDelayTimer = null;
}

/** br_forward_delay_timer_expired(): listening -> learning -> forwarding. */
function armForwardDelay(p: BridgePort): void {
  const br = p.br;
  const sched = br.ns.world.sched;
  sched.cancel(p.forwardDelayTimer);
  p.forwardDelayTimer = sched.after(br.stp.forwardDelay * 10000, () => {
    p.forwardDelayTimer = null;
    if (p.state === 'listening') {
      brSetState(p, 'learning');
      armForwardDelay(p);
    } else if (p.state === 'learning') {
      brSetState(p, 'forwarding');
      if (br.ports.some((q) => q.state !== 'disabled' && isDesignatedPort(q))) topologyChangeDetection(br);
      carrierOn(br);
    }
  });
}

/** br_port_state_selection(): root and designated ports forward, the others block; carrier iff one forwards. */
export function brPortStateSelection(br: Bridge, forceEvent = false): void {
  let live = 0;
  for (const p of br.ports) {
    if (p.state === 'disabled') continue;
    const role = portRole(p);
    if (role === 'root') {
      p.stp.configPending = false;
      p.stp.topologyChangeAck = false;
      makeForwarding(p);
    } else if (role === 'designated') {
      br.ns.world.sched.cancel(p.stp.messageAgeTimer);
      p.stp.messageAgeTimer = null;
      makeForwarding(p);
    } else {
      p.stp.configPending = false;
      p.stp.topologyChangeAck = false;
      makeBlocking(p);
    }
    if (p.state === 'forwarding') live++;
  }
  const was = br.carrier;
  if (live === 0) carrierOff(br);
  else carrierOn(br);
  if (forceEvent && was === br.carrier) {
    br.operstate = defaultOperstate(br);
    rtnlNotify(br.ns.world);
  }
  br.hadPortEvent = true;
}

/** br_stp_enable_port() -> br_init_port() */
export function brStpEnablePort(p: BridgePort): void {
  becomeDesignatedPort(p);
  brSetState(p, 'blocking');
  p.stp.topologyChangeAck = false;
  p.stp.configPending = false;
  brPortStateSelection(p.br);
}

/** br_stp_disable_port(): the port's learned entries are flushed, roles are computed again. */
export function brStpDisablePort(p: BridgePort): void {
  const br = p.br;
  const wasRoot = isRootBridge(br);
  becomeDesignatedPort(p);
  brSetState(p, 'disabled');
  p.stp.topologyChangeAck = false;
  p.stp.configPending = false;
  const sched = br.ns.world.sched;
  for (const t of [p.forwardDelayTimer, p.stp.messageAgeTimer, p.stp.holdTimer]) sched.cancel(t);
  p.forwardDelayTimer = p.stp.messageAgeTimer = p.stp.holdTimer = null;
  fdbDeleteByPort(br, p, false);
  configurationUpdate(br);
  brPortStateSelection(br);
  if (isRootBridge(br) && !wasRoot) becomeRootBridge(br);
}

/** br_stp_enable_bridge() */
export function brStpEnableBridge(br: Bridge): void {
  if (br.stpState === 1) armHelloTimer(br);
  configBpduGeneration(br);
  for (const p of br.ports) if (p.dev.running && p.dev.operUp) brStpEnablePort(p);
}

/** br_stp_disable_bridge() */
export function brStpDisableBridge(br: Bridge): void {
  for (const p of br.ports) if (p.state !== 'disabled') brStpDisablePort(p);
  br.topologyChange = false;
  br.stp.topologyChangeDetected = false;
  stopStpTimers(br);
}

/** br_stp_change_bridge_id(): a new id, and whatever pointed at the old one follows it. */
export function brStpChangeBridgeId(br: Bridge, addr: Mac): void {
  const wasRoot = isRootBridge(br);
  fdbChangeMacAddress(br, addr);
  const oldId = bridgeId(br);
  br.bridgeIdAddr = addr;
  br.setMac(addr);
  const newId = bridgeId(br);
  if (br.stp.designatedRoot === oldId) br.stp.designatedRoot = newId;
  for (const p of br.ports) {
    if (p.stp.designatedBridge === oldId) p.stp.designatedBridge = newId;
    if (p.stp.designatedRoot === oldId) p.stp.designatedRoot = newId;
  }
  configurationUpdate(br);
  brPortStateSelection(br);
  if (isRootBridge(br) && !wasRoot) becomeRootBridge(br);
}

/** br_stp_set_bridge_priority() */
export function brStpSetBridgePriority(br: Bridge, prio: number): void {
  const wasRoot = isRootBridge(br);
  const oldId = bridgeId(br);
  br.priority = prio & 0xffff;
  const newId = bridgeId(br);
  for (const p of br.ports) {
    if (p.state === 'disabled') continue;
    if (p.stp.designatedBridge === oldId) p.stp.designatedBridge = newId;
  }
  if (br.stp.designatedRoot === oldId) br.stp.designatedRoot = newId;
  configurationUpdate(br);
  brPortStateSelection(br);
  if (isRootBridge(br) && !wasRoot) becomeRootBridge(br);
}

/** br_stp_recalculate_bridge_id(): true when the bridge's address changed. */
export function brStpRecalculateBridgeId(br: Bridge): boolean {
  if (br.addrAssign === 'set') return false;
  const addr = portMinima(br).mac;
  if (br.bridgeIdAddr === addr) return false;
  brStpChangeBridgeId(br, addr);
  return true;
}

/** br_stp_set_enabled(): stp_state 1 starts kernel STP (forward_delay kept within 2..30 s). */
export function brStpSetEnabled(br: Bridge, on: boolean): void {
  const want = on ? 1 : 0;
  if (br.stpState === want) return;
  if (on) {
    br.forwardDelay = Math.min(3000, Math.max(200, br.forwardDelay));
    br.stp.forwardDelay = br.forwardDelay;
    br.stpState = 1;
    if (br.up) armHelloTimer(br);
    brPortStateSelection(br);
  } else {
    stopStpTimers(br);
    br.stpState = 0;
  }
}

export function notifyBridgeAddr(br: Bridge): void {
  notify('CHANGEADDR', br);
}
