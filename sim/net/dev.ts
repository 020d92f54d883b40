// The core receive and transmit paths (net/core/dev.c): __netif_receive_skb_core, dev_queue_xmit,
// netif_rx; and eth_type_trans (net/ethernet/eth.c).
import { BCAST_MAC, isMulticastMac } from '../core/addr';
import { ethDst, ethType } from '../wire/ethernet';
import type { NetDevice } from './netdevice';
import type { PktType, Skb } from './skb';
import { ptypeHandler } from './ptype';
import { NETDEV_MAX_BACKLOG } from './backlog';

/** eth_type_trans(): classify the frame against the receiving device's address. */
export function ethTypeTrans(data: Uint8Array, dev: NetDevice): PktType {
  const dst = ethDst(data);
  if (isMulticastMac(dst)) return dst === BCAST_MAC ? 'broadcast' : 'multicast';
  return dst === dev.mac ? 'host' : 'otherhost';
}

/** A packet sent, counted by the driver that sent it (veth's lstats, dev_sw_netstats_tx_add). */
export function countTx(dev: NetDevice, len: number): void {
  dev.stats.txPackets++;
  dev.stats.txBytes += len;
}

/** A packet received, counted by the driver that took it in. */
export function countRx(dev: NetDevice, len: number): void {
  dev.stats.rxPackets++;
  dev.stats.rxBytes += len;
}

/** dev_queue_xmit() -> dev_hard_start_xmit(): taps see the frame, then the driver sends it. */
/** 'drop' when the driver refused the frame (NET_XMIT_DROP), which a noqueue device reports at once. */
export function devQueueXmit(skb: Skb): 'drop' | void {
  const dev = skb.dev;
  const w = dev.ns.world;
  if (!dev.up) return xmitDrop(skb, 'DEV_READY', '__dev_queue_xmit');
  // dev_deactivate() left noop_qdisc in place: noop_enqueue() drops the frame
  if (!dev.qdiscActive) return xmitDrop(skb, 'QDISC_DROP', 'noop_enqueue');
  // dev_queue_xmit_nit(): every ptype_all tap sees outgoing frames (indexed loops: no iterator per frame
  // before the JIT has optimized the path, which is a flood's first thousands of frames)
  const taps = dev.taps;
  for (let i = 0; i < taps.length; i++) taps[i].deliver(skb, true);
  const socks = dev.ns.packetSockets;
  for (let i = 0; i < socks.length; i++) {
    const t = socks[i];
    if (t.dev === null && t.protocol === 'all') t.deliver(skb, true);
  }
  if (w.trace) traceXmit(skb);
  return dev.xmit(skb);
}

/** netif_rx(): the frame waits in the per-CPU backlog, then __netif_receive_skb runs; false (NET_RX_DROP)
 *  when enqueue_to_backlog() found the backlog full and dropped it. */
export function netifRx(skb: Skb): boolean {
  const dev = skb.dev;
  const w = dev.ns.world;
  if (w.rxBacklog.enqueue(dev, netifReceiveSkb, skb)) return true;
  if (w.trace) {
    if (w.storming.get(dev) === 1)
      w.emit({
        type: 'storm',
        state: 'start',
        ns: dev.ns.name,
        dev: dev.name,
        frameId: skb.id,
        fn: 'enqueue_to_backlog',
      });
    w.emit({
      type: 'drop',
      ns: dev.ns.name,
      dev: dev.name,
      frameId: skb.id,
      reason: 'CPU_BACKLOG',
      max: NETDEV_MAX_BACKLOG,
      fn: 'enqueue_to_backlog',
    });
  }
  return false;
}

// The trace events of the receive and transmit paths, out of their functions' line: the per-packet
// functions stay small, so the JIT compiles less of them and inlines them.
function traceRx(skb: Skb): void {
  const dev = skb.dev;
  dev.ns.world.emit({
    type: 'rx',
    ns: dev.ns.name,
    dev: dev.name,
    frameId: skb.id,
    bytes: skb.data,
    fn: '__netif_receive_skb_core',
  });
}

function traceBrPortRx(skb: Skb): void {
  const dev = skb.dev;
  dev.ns.world.emit({
    type: 'br-port-rx',
    ns: dev.ns.name,
    dev: dev.name,
    frameId: skb.id,
    bridge: dev.brport!.br.name,
    fn: 'br_handle_frame',
  });
}

function traceXmit(skb: Skb): void {
  const dev = skb.dev;
  dev.ns.world.emit({
    type: 'xmit',
    ns: dev.ns.name,
    dev: dev.name,
    frameId: skb.id,
    bytes: skb.data,
    fn: 'dev_hard_start_xmit',
  });
}

/** __dev_queue_xmit()'s drop of a frame the device cannot take now (down, or deactivated: noop_qdisc). */
function xmitDrop(skb: Skb, reason: 'DEV_READY' | 'QDISC_DROP', fn: string): void {
  const dev = skb.dev;
  dev.stats.txDropped++;
  const w = dev.ns.world;
  if (w.trace) w.emit({ type: 'drop', ns: dev.ns.name, dev: dev.name, frameId: skb.id, reason, fn });
}

/** __netif_receive_skb_core(): taps, then the rx_handler (bridge port), then the protocol handlers. */
export function netifReceiveSkb(skb: Skb): void {
  const dev = skb.dev;
  const w = dev.ns.world;
  if (w.trace) traceRx(skb);
  // packet_rcv() leaves PACKET_LOOPBACK alone: a host's own broadcast copy is not captured again
  if (skb.pktType !== 'loopback') {
    const taps = dev.taps;
    for (let i = 0; i < taps.length; i++) taps[i].deliver(skb, false);
    const socks = dev.ns.packetSockets;
    for (let i = 0; i < socks.length; i++) {
      const t = socks[i];
      if (t.dev === null && t.protocol === 'all') t.deliver(skb, false);
    }
  }
  if (dev.rxHandler && skb.pktType !== 'loopback') {
    if (w.trace && dev.brport) traceBrPortRx(skb);
    if (dev.rxHandler(skb) === 'consumed') return;
  }
  const type = ethType(skb.data);
  const specific = dev.ptypeSpecific;
  for (let i = 0; i < specific.length; i++) {
    const t = specific[i];
    if (t.protocol === type) t.deliver(skb, false);
  }
  const socks = dev.ns.packetSockets;
  for (let i = 0; i < socks.length; i++) {
    const t = socks[i];
    if (t.dev === null && t.protocol === type) t.deliver(skb, false);
  }
  // deliver_ptype_list_skb(ptype_base): ip_rcv, arp_rcv as registered (sim/init.ts)
  ptypeHandler(type)?.(skb);
}
