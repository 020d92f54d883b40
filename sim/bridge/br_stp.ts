// The 802.1D spanning tree as the kernel runs it (net/bridge/br_stp.c, br_stp_timer.c, br_stp_bpdu.c):
// root and designated port selection from configuration BPDUs, listening -> learning -> forwarding,
// blocking of the ports that would close a loop, hello and message-age timers.
import { fmtMac } from '../core/addr';
import { devQueueXmit } from '../net/dev';
import type { Timer } from '../core/scheduler';
import { type Skb, allocSkb } from '../net/skb';
import { emitBpduFrame, parseBpduFrame, type ConfigBpdu } from '../wire/bpdu';
import type { Bridge } from './br_device';
import type { BridgePort } from './br_private';

const HZ_US = 10_000; // bridge times are kept in centiseconds
const HOLD_TIME_US = 1_000_000; // BR_HOLD_TIME
const toWire = (cs: number) => Math.round((cs * 256) / 100); // br_set_ticks(): 1/256 s
const fromWire = (t: number) => Math.round((t * 100) / 256);

export interface PortStp {
  designatedRoot: string;
  designatedCost: number;
  designatedBridge: string;
  designatedPort: number;
  topologyChangeAck: boolean;
  configPending: boolean;
  messageAgeTimer: Timer | null;
  /** when the recorded information arrived, less its message age (µs) */
  infoSince: number;
  holdTimer: Timer | null;
}

export interface BridgeStp {
  designatedRoot: string;
  rootPathCost: number;
  rootPort: number;
  /** the values in use (from the root's BPDUs), centiseconds */
  maxAge: number;
  helloTime: number;
  forwardDelay: number;
  helloTimer: Timer | null;
  tcnTimer: Timer | null;
  topologyChangeTimer: Timer | null;
  topologyChangeDetected: boolean;
}

export function bridgeId(br: Bridge): string {
  // formatted once per (priority, address): STP compares it for every port at every port event
  const c = idCache.get(br);
  if (c && c.priority === br.priority && c.addr === br.bridgeIdAddr) return c.id;
  const id = br.priority.toString(16).padStart(4, '0') + fmtMac(br.bridgeIdAddr).replace(/:/g, '');
  idCache.set(br, { priority: br.priority, addr: br.bridgeIdAddr, id });
  return id;
}
const idCache = new WeakMap<Bridge, { priority: number; addr: number; id: string }>();

/** br_make_port_id() */
export function portId(p: BridgePort): number {
  return ((p.priority << 10) | (p.portNo & 0x3ff)) & 0xffff;
}

export function newBridgeStp(br: Bridge): BridgeStp {
  return {
    designatedRoot: bridgeId(br),
    rootPathCost: 0,
    rootPort: 0,
    maxAge: br.maxAge,
    helloTime: br.helloTime,
    forwardDelay: br.forwardDelay,
    helloTimer: null,
    tcnTimer: null,
    topologyChangeTimer: null,
    topologyChangeDetected: false,
  };
}

export function newPortStp(): PortStp {
  return {
    designatedRoot: '',
    designatedCost: 0,
    designatedBridge: '',
    designatedPort: 0,
    topologyChangeAck: false,
    configPending: false,
    messageAgeTimer: null,
    infoSince: 0,
    holdTimer: null,
  };
}

export function isRootBridge(br: Bridge): boolean {
  return br.stp.designatedRoot === bridgeId(br);
}

export function isDesignatedPort(p: BridgePort): boolean {
  return p.stp.designatedBridge === bridgeId(p.br) && p.stp.designatedPort === portId(p);
}

/** br_become_designated_port() */
export function becomeDesignatedPort(p: BridgePort): void {
  const br = p.br;
  p.stp.designatedRoot = br.stp.designatedRoot;
  p.stp.designatedCost = br.stp.rootPathCost;
  p.stp.designatedBridge = bridgeId(br);
  p.stp.designatedPort = portId(p);
}

function getPort(br: Bridge, no: number): BridgePort | undefined {
  return br.ports.find((p) => p.portNo === no);
}

/** br_should_become_root_port() */
function shouldBecomeRootPort(p: BridgePort, rootPort: number): boolean {
  const br = p.br;
  if (p.state === 'disabled' || isDesignatedPort(p)) return false;
  if (bridgeId(br) <= p.stp.designatedRoot) return false;
  if (!rootPort) return true;
  const rp = getPort(br, rootPort)!;
  if (p.stp.designatedRoot !== rp.stp.designatedRoot) return p.stp.designatedRoot < rp.stp.designatedRoot;
  const a = p.stp.designatedCost + p.pathCost,
    b = rp.stp.designatedCost + rp.pathCost;
  if (a !== b) return a < b;
  if (p.stp.designatedBridge !== rp.stp.designatedBridge) return p.stp.designatedBridge < rp.stp.designatedBridge;
  if (p.stp.designatedPort !== rp.stp.designatedPort) return p.stp.designatedPort < rp.stp.designatedPort;
  return portId(p) < portId(rp);
}

/** br_root_selection() */
function rootSelection(br: Bridge): void {
  let rootPort = 0;
  for (const p of br.ports) if (shouldBecomeRootPort(p, rootPort)) rootPort = p.portNo;
  br.stp.rootPort = rootPort;
  if (!rootPort) {
    br.stp.designatedRoot = bridgeId(br);
    br.stp.rootPathCost = 0;
  } else {
    const p = getPort(br, rootPort)!;
    br.stp.designatedRoot = p.stp.designatedRoot;
    br.stp.rootPathCost = p.stp.designatedCost + p.pathCost;
  }
}

/** br_should_become_designated_port() */
function shouldBecomeDesignatedPort(p: BridgePort): boolean {
  const br = p.br;
  if (isDesignatedPort(p)) return true;
  if (p.stp.designatedRoot !== br.stp.designatedRoot) return true;
  if (br.stp.rootPathCost !== p.stp.designatedCost) return br.stp.rootPathCost < p.stp.designatedCost;
  if (bridgeId(br) !== p.stp.designatedBridge) return bridgeId(br) < p.stp.designatedBridge;
  return portId(p) < p.stp.designatedPort;
}

/** br_configuration_update() */
export function configurationUpdate(br: Bridge): void {
  rootSelection(br);
  for (const p of br.ports) if (p.state !== 'disabled' && shouldBecomeDesignatedPort(p)) becomeDesignatedPort(p);
}

/** The role a port has now: root, designated, or neither (blocked). */
export function portRole(p: BridgePort): 'root' | 'designated' | 'blocking' {
  if (p.portNo === p.br.stp.rootPort) return 'root';
  if (isDesignatedPort(p)) return 'designated';
  return 'blocking';
}

/** br_transmit_config() */
export function transmitConfig(p: BridgePort): void {
  const br = p.br;
  if (p.stp.holdTimer) {
    p.stp.configPending = true;
    return;
  }
  const now = br.ns.world.now;
  let messageAge = 0;
  if (!isRootBridge(br)) {
    const root = getPort(br, br.stp.rootPort);
    messageAge = root ? Math.round((now - root.stp.infoSince) / HZ_US) + 1 : 0;
  }
  if (messageAge >= br.stp.maxAge) return;
  const cfg: ConfigBpdu = {
    topologyChange: br.topologyChange,
    topologyChangeAck: p.stp.topologyChangeAck,
    root: br.stp.designatedRoot,
    rootPathCost: br.stp.rootPathCost,
    bridgeId: bridgeId(br),
    portId: portId(p),
    messageAge: toWire(messageAge),
    maxAge: toWire(br.stp.maxAge),
    helloTime: toWire(br.stp.helloTime),
    forwardDelay: toWire(br.stp.forwardDelay),
  };
  sendBpdu(p, emitBpduFrame(p.dev.mac, { type: 'config', cfg }));
  p.stp.topologyChangeAck = false;
  p.stp.configPending = false;
  p.stp.holdTimer = br.ns.world.sched.after(HOLD_TIME_US, () => {
    p.stp.holdTimer = null;
    if (p.stp.configPending) transmitConfig(p);
  });
}

function sendBpdu(p: BridgePort, frame: Uint8Array): void {
  if (!p.dev.up) return;
  devQueueXmit(allocSkb(frame, p.dev, 'outgoing', p.br.ns.world.nextFrameId()));
}

/** br_config_bpdu_generation() */
export function configBpduGeneration(br: Bridge): void {
  for (const p of br.ports) if (p.state !== 'disabled' && isDesignatedPort(p)) transmitConfig(p);
}

/** br_hello_timer_expired(): the root sends its configuration every hello time. */
export function armHelloTimer(br: Bridge): void {
  const sched = br.ns.world.sched;
  sched.cancel(br.stp.helloTimer);
  br.stp.helloTimer = sched.after(br.stp.helloTime * HZ_US, () => {
    br.stp.helloTimer = null;
    if (br.stpState !== 1 || !br.up) return;
    configBpduGeneration(br);
    armHelloTimer(br);
  });
}

/** br_become_root_bridge() */
export function becomeRootBridge(br: Bridge): void {
  br.stp.maxAge = br.maxAge;
  br.stp.helloTime = br.helloTime;
  br.stp.forwardDelay = br.forwardDelay;
  topologyChangeDetection(br);
  br.ns.world.sched.cancel(br.stp.tcnTimer);
  br.stp.tcnTimer = null;
  if (br.up) {
    configBpduGeneration(br);
    armHelloTimer(br);
  }
}

/** br_topology_change_detection(): the root announces it; others tell the root with TCNs. */
export function topologyChangeDetection(br: Bridge): void {
  if (br.stpState !== 1) return;
  const sched = br.ns.world.sched;
  if (isRootBridge(br)) {
    br.topologyChange = true;
    sched.cancel(br.stp.topologyChangeTimer);
    br.stp.topologyChangeTimer = sched.after((br.stp.maxAge + br.stp.forwardDelay) * HZ_US, () => {
      br.stp.topologyChangeTimer = null;
      br.stp.topologyChangeDetected = false;
      br.topologyChange = false;
    });
  } else if (!br.stp.topologyChangeDetected) {
    transmitTcn(br);
  }
  br.stp.topologyChangeDetected = true;
}

function transmitTcn(br: Bridge): void {
  const rp = getPort(br, br.stp.rootPort);
  if (rp) sendBpdu(rp, emitBpduFrame(rp.dev.mac, { type: 'tcn' }));
  const sched = br.ns.world.sched;
  sched.cancel(br.stp.tcnTimer);
  br.stp.tcnTimer = sched.after(br.helloTime * HZ_US, () => {
    br.stp.tcnTimer = null;
    if (br.stp.topologyChangeDetected && !isRootBridge(br)) transmitTcn(br);
  });
}

/** br_message_age_timer_expired(): the port's information is too old; it becomes designated again. */
function armMessageAge(p: BridgePort, ageCs: number, stateSelection: (br: Bridge) => void): void {
  const br = p.br;
  const sched = br.ns.world.sched;
  sched.cancel(p.stp.messageAgeTimer);
  p.stp.messageAgeTimer = sched.after(Math.max(0, br.stp.maxAge - ageCs) * HZ_US, () => {
    p.stp.messageAgeTimer = null;
    if (p.state === 'disabled') return;
    const wasRoot = isRootBridge(br);
    becomeDesignatedPort(p);
    configurationUpdate(br);
    stateSelection(br);
    if (isRootBridge(br) && !wasRoot) becomeRootBridge(br);
  });
}

/** br_supersedes_port_info() */
function supersedes(p: BridgePort, c: ConfigBpdu): boolean {
  if (c.root !== p.stp.designatedRoot) return c.root < p.stp.designatedRoot;
  if (c.rootPathCost !== p.stp.designatedCost) return c.rootPathCost < p.stp.designatedCost;
  if (c.bridgeId !== p.stp.designatedBridge) return c.bridgeId < p.stp.designatedBridge;
  if (c.bridgeId !== bridgeId(p.br)) return true;
  return c.portId <= p.stp.designatedPort;
}

/** br_stp_rcv() -> br_received_config_bpdu() / br_received_tcn_bpdu() */
export function stpRcv(p: BridgePort, skb: Skb, stateSelection: (br: Bridge) => void): void {
  const br = p.br;
  if (p.state === 'disabled' || br.stpState !== 1) return;
  const bpdu = parseBpduFrame(skb.data);
  if (!bpdu) return;
  if (bpdu.type === 'tcn') {
    if (isDesignatedPort(p)) {
      topologyChangeDetection(br);
      p.stp.topologyChangeAck = true;
      transmitConfig(p);
    }
    return;
  }
  const c = bpdu.cfg;
  if (c.messageAge >= c.maxAge) return;
  const wasRoot = isRootBridge(br);
  if (supersedes(p, c)) {
    p.stp.designatedRoot = c.root;
    p.stp.designatedCost = c.rootPathCost;
    p.stp.designatedBridge = c.bridgeId;
    p.stp.designatedPort = c.portId;
    p.stp.infoSince = br.ns.world.now - fromWire(c.messageAge) * HZ_US;
    armMessageAge(p, fromWire(c.messageAge), stateSelection);
    configurationUpdate(br);
    stateSelection(br);
    if (!isRootBridge(br) && wasRoot) {
      br.ns.world.sched.cancel(br.stp.helloTimer);
      br.stp.helloTimer = null;
      if (br.stp.topologyChangeDetected) transmitTcn(br);
    }
    if (p.portNo === br.stp.rootPort) {
      // br_record_config_timeout_values()
      br.stp.maxAge = fromWire(c.maxAge);
      br.stp.helloTime = fromWire(c.helloTime);
      br.stp.forwardDelay = fromWire(c.forwardDelay);
      br.topologyChange = c.topologyChange;
      configBpduGeneration(br);
      if (c.topologyChangeAck) {
        br.stp.topologyChangeDetected = false;
        br.ns.world.sched.cancel(br.stp.tcnTimer);
        br.stp.tcnTimer = null;
      }
    }
  } else if (isDesignatedPort(p)) {
    transmitConfig(p);
  }
}

/** Stop every STP timer of a bridge (stp_state 0, or the bridge goes down). */
export function stopStpTimers(br: Bridge): void {
  const sched = br.ns.world.sched;
  sched.cancel(br.stp.helloTimer);
  sched.cancel(br.stp.tcnTimer);
  sched.cancel(br.stp.topologyChangeTimer);
  br.stp.helloTimer = br.stp.tcnTimer = br.stp.topologyChangeTimer = null;
  for (const p of br.ports) {
    sched.cancel(p.stp.messageAgeTimer);
    sched.cancel(p.stp.holdTimer);
    p.stp.messageAgeTimer = p.stp.holdTimer = null;
  }
}
