// Port states and the bridge's identity (net/bridge/br_stp_if.c, br_stp.c, br_stp_timer.c): with STP off a
// port forwards as soon as it is enabled; the bridge MAC follows the lowest port MAC unless set by hand.
import { type Mac, ZERO_MAC } from '../core/addr';
import { carrierOff, carrierOn, defaultOperstate, notify } from '../net/link';
import type { Bridge } from './br_device';
import type { BridgePort } from './br_private';
import { fdbChangeMacAddress, fdbDeleteByPort } from './br_fdb';

/** br_make_forwarding() */
function makeForwarding(p: BridgePort): void {
  if (p.state !== 'blocking') return;
  const br = p.br;
  if (br.stpState === 0 || br.forwardDelay === 0) {
    p.state = 'forwarding';
    return;
  }
  p.state = 'listening';
  armForwardDelay(p);
}

/** br_forward_delay_timer_expired(): listening -> learning -> forwarding. */
function armForwardDelay(p: BridgePort): void {
  const sched = p.br.ns.world.sched;
  sched.cancel(p.forwardDelayTimer);
  p.forwardDelayTimer = sched.after(p.br.forwardDelay * 10000, () => {
    p.forwardDelayTimer = null;
    if (p.state === 'listening') {
      p.state = 'learning';
      armForwardDelay(p);
    } else if (p.state === 'learning') {
      p.state = 'forwarding';
      brPortStateSelection(p.br);
    }
  });
}

/** br_port_state_selection(): every enabled port forwards (no STP); the bridge has carrier iff one does. */
export function brPortStateSelection(br: Bridge, forceEvent = false): void {
  let live = 0;
  for (const p of br.ports) {
    if (p.state === 'disabled') continue;
    makeForwarding(p);
    if (p.state === 'forwarding') live++;
  }
  const was = br.carrier;
  if (live === 0) carrierOff(br);
  else carrierOn(br);
  if (forceEvent && was === br.carrier) br.operstate = defaultOperstate(br);
  br.hadPortEvent = true;
}

/** br_stp_enable_port() */
export function brStpEnablePort(p: BridgePort): void {
  p.state = 'blocking';
  brPortStateSelection(p.br);
}

/** br_stp_disable_port(): the port's learned entries are flushed. */
export function brStpDisablePort(p: BridgePort): void {
  p.state = 'disabled';
  p.br.ns.world.sched.cancel(p.forwardDelayTimer);
  p.forwardDelayTimer = null;
  fdbDeleteByPort(p.br, p, false);
  brPortStateSelection(p.br);
}

export function portEnabled(p: BridgePort): boolean {
  return p.dev.running && p.dev.operUp && p.br.up;
}

/** br_stp_enable_bridge() */
export function brStpEnableBridge(br: Bridge): void {
  for (const p of br.ports) if (p.dev.running && p.dev.operUp) brStpEnablePort(p);
}

/** br_stp_disable_bridge() */
export function brStpDisableBridge(br: Bridge): void {
  for (const p of br.ports) if (p.state !== 'disabled') brStpDisablePort(p);
  br.topologyChange = false;
}

/** br_stp_change_bridge_id() */
export function brStpChangeBridgeId(br: Bridge, addr: Mac): void {
  fdbChangeMacAddress(br, addr);
  br.bridgeIdAddr = addr;
  br.mac = addr;
}

/** br_stp_recalculate_bridge_id(): true when the bridge's address changed. */
export function brStpRecalculateBridgeId(br: Bridge): boolean {
  if (br.addrAssign === 'set') return false;
  let addr: Mac = ZERO_MAC;
  for (const p of br.ports) {
    if (addr === ZERO_MAC || p.dev.mac < addr) addr = p.dev.mac;
  }
  if (br.bridgeIdAddr === addr) return false;
  brStpChangeBridgeId(br, addr);
  return true;
}

/** br_stp_set_enabled(): stp_state 0/1 (kernel STP: ports restart from listening). */
export function brStpSetEnabled(br: Bridge, on: boolean): void {
  const want = on ? 1 : 0;
  if (br.stpState === want) return;
  br.stpState = want;
  if (br.up) {
    for (const p of br.ports) {
      if (p.state === 'disabled') continue;
      p.state = 'blocking';
    }
    brPortStateSelection(br);
  }
}

export function notifyBridgeAddr(br: Bridge): void {
  notify('CHANGEADDR', br);
}
