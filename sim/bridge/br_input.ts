// Frames received on a port (net/bridge/br_input.c): br_handle_frame, br_handle_frame_finish,
// br_pass_frame_up. The port's own stack never sees them.
import { BCAST_MAC, fmtMac, isMulticastMac, isValidEtherMac } from '../core/addr';
import { ethDst, ethSrc } from '../wire/ethernet';
import { countRx, netifReceiveSkb } from '../net/dev';
import type { RxResult } from '../net/netdevice';
import { type Skb, allocSkb } from '../net/skb';
import type { Drop, TraceInput } from '../net/trace';
import type { Bridge } from './br_device';
import type { BridgePort } from './br_private';
import { fdbFind, fdbUpdate } from './br_fdb';
import { brFlood, brForward } from './br_forward';
import { brNfPreRouting } from './br_netfilter';
import { stpRcv } from './br_stp';
import { brPortStateSelection } from './br_stp_if';

type BrDrop = Extract<Drop, { bridge: string }>;
type Dist<T> = T extends unknown ? Omit<T, 'bridge'> : never;

function drop(br: Bridge, skb: Skb, d: Dist<BrDrop>, fn: string): RxResult {
  const w = br.ns.world;
  if (w.trace)
    w.emit({
      type: 'drop',
      ns: br.ns.name,
      dev: skb.dev.name,
      frameId: skb.id,
      ...d,
      bridge: br.name,
      fn,
    } as TraceInput);
  return 'consumed';
}

/** br_handle_frame(): the port's rx_handler. */
export function brHandleFrame(skb: Skb): RxResult {
  const p = skb.dev.brport;
  if (!p) return 'pass';
  const br = p.br;
  if (skb.pktType === 'loopback') return 'pass';
  if (!isValidEtherMac(ethSrc(skb.data))) return drop(br, skb, { reason: 'MAC_INVALID_SOURCE' }, 'br_handle_frame');
  const d = skb.data;
  // 01:80:c2:00:00:0X link-local group addresses
  if (d[0] === 0x01 && d[1] === 0x80 && d[2] === 0xc2 && d[3] === 0 && d[4] === 0 && (d[5] & 0xf0) === 0) {
    const last = d[5];
    if (last === 0x00) {
      // with STP on, BPDUs are the bridge's own (br_stp_rcv via LLC); with it off they are forwarded
      if (br.stpState !== 0 && !(br.groupFwdMask & 1)) {
        stpRcv(p, skb, brPortStateSelection);
        return 'consumed';
      }
    } else if (last === 0x01) {
      return drop(br, skb, { reason: 'PAUSE_FRAME' }, 'br_handle_frame');
    } else if (!(br.groupFwdMask & (1 << last))) {
      // __br_handle_local_finish(): a link-local frame the bridge keeps still teaches the FDB, unless
      // no_linklocal_learn (BROPT_NO_LL_LEARN)
      if (p.learning && (p.state === 'learning' || p.state === 'forwarding') && !br.opts.noLinklocalLearn)
        fdbUpdate(br, p, ethSrc(skb.data));
      return 'pass';
    }
  }
  switch (p.state) {
    case 'forwarding':
    case 'learning': {
      let s: Skb | null = skb;
      if (ethDst(skb.data) === br.mac) s = { ...skb, pktType: 'host' };
      // nf_hook_bridge_pre(): NF_BR_PRE_ROUTING, where br_netfilter runs iptables' PREROUTING
      s = brNfPreRouting(br, s, brHandleFrameFinish);
      if (s) brHandleFrameFinish(br, s);
      return 'consumed';
    }
    default:
      return drop(br, skb, { reason: 'PORT_STATE', state: p.state }, 'br_handle_frame');
  }
}

/** br_handle_frame_finish(): learn, then deliver locally, forward or flood. */
export function brHandleFrameFinish(br: Bridge, skb: Skb): void {
  const p = skb.dev.brport!;
  if (p.state === 'disabled') return;
  let localRcv = br.isPromisc;
  // a locked port lets in only sources the FDB already places behind it
  if (p.flags.locked) {
    const f = fdbFind(br, ethSrc(skb.data));
    if (!f || f.dst !== p || f.local) {
      drop(br, skb, { reason: 'PORT_LOCKED', mac: fmtMac(ethSrc(skb.data)) }, 'br_handle_frame_finish');
      return;
    }
  }
  // insert into forwarding database after filtering to avoid spoofing
  if (p.learning) fdbUpdate(br, p, ethSrc(skb.data));
  const dest = ethDst(skb.data);
  let pktType: 'unicast' | 'multicast' | 'broadcast' = 'unicast';
  if (isMulticastMac(dest)) {
    if (dest === BCAST_MAC) {
      pktType = 'broadcast';
      localRcv = true;
    } else {
      pktType = 'multicast';
      localRcv = true;
    }
  }
  if (p.state === 'learning') return;
  const dst = pktType === 'unicast' ? fdbFind(br, dest) : undefined;
  if (dst) {
    const w = br.ns.world;
    if (dst.local) {
      if (w.trace) traceUp(br, skb, pktType, true);
      return brPassFrameUp(br, skb);
    }
    dst.used = w.now;
    if (w.trace) traceForward(br, skb, dst.dst);
    brForward(dst.dst, skb, localRcv, false);
  } else {
    const w = br.ns.world;
    if (w.trace) traceFlood(br, skb, pktType);
    brFlood(br, skb, pktType, localRcv, false);
  }
  if (localRcv) {
    if (br.ns.world.trace) traceUp(br, skb, pktType, false);
    brPassFrameUp(br, skb);
  }
}

// br_handle_frame_finish()'s trace events, out of its line (it stays small for the JIT)
function traceUp(br: Bridge, skb: Skb, pktType: 'unicast' | 'multicast' | 'broadcast', local: boolean): void {
  br.ns.world.emit({
    type: 'br-up',
    ns: br.ns.name,
    dev: skb.dev.name,
    frameId: skb.id,
    bridge: br.name,
    mac: macStr(skb),
    pktType,
    local,
    fn: 'br_pass_frame_up',
  });
}

function traceForward(br: Bridge, skb: Skb, to: BridgePort | null): void {
  br.ns.world.emit({
    type: 'br-forward',
    ns: br.ns.name,
    dev: skb.dev.name,
    frameId: skb.id,
    bridge: br.name,
    to: to?.dev.name ?? br.name,
    mac: macStr(skb),
    fn: 'br_forward',
  });
}

function traceFlood(br: Bridge, skb: Skb, pktType: 'unicast' | 'multicast' | 'broadcast'): void {
  br.ns.world.emit({
    type: 'br-flood',
    ns: br.ns.name,
    dev: skb.dev.name,
    frameId: skb.id,
    bridge: br.name,
    mac: macStr(skb),
    pktType,
    fn: 'br_flood',
  });
}

function macStr(skb: Skb): string {
  return fmtMac(ethDst(skb.data));
}

/** br_pass_frame_up(): to IP and ARP the frame now arrived on the bridge device. */
function brPassFrameUp(br: Bridge, skb: Skb): void {
  // dev_sw_netstats_rx_add(): skb->len, the Ethernet header already pulled
  countRx(br, skb.data.length - 14);
  const up = allocSkb(skb.data, br, skb.pktType, skb.id);
  up.nfBridge = skb.nfBridge;
  netifReceiveSkb(up);
}
