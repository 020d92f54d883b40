// Virtual ethernet pairs (drivers/net/veth.c): what one end sends, the other receives.
import { countRx, countTx, netifRx, ethTypeTrans } from '../net/dev';
import { NetDevice } from '../net/netdevice';
import type { Skb } from '../net/skb';
import { carrierOff, carrierOn } from '../net/link';

export class Veth extends NetDevice {
  readonly kind = 'veth' as const;
  peer: Veth | null = null;
  /** veth_setup(): netif_set_tso_max_size(dev, GSO_MAX_SIZE) */
  override tsoMaxSize = 524280;

  override iflink(): number {
    return this.peer ? this.peer.ifindex : this.ifindex;
  }

  /** veth_open(): carrier on both ends once both are up. */
  override driverOpen(): void {
    if (this.peer?.up) {
      carrierOn(this);
      carrierOn(this.peer);
    }
  }

  /** veth_close(): carrier off on both ends. */
  override driverStop(): void {
    carrierOff(this);
    if (this.peer) carrierOff(this.peer);
  }

  /** veth_xmit()'s drop when the peer is down (out of xmit()'s line, which stays small for the JIT) */
  private dropPeerDown(skb: Skb): void {
    const w = this.ns.world;
    this.stats.txDropped++;
    if (w.trace)
      w.emit({
        type: 'drop',
        ns: this.ns.name,
        dev: this.name,
        frameId: skb.id,
        reason: 'PEER_DOWN',
        fn: 'veth_xmit',
      });
  }

  /** is_skb_forwardable() refused the frame: too long for the peer */
  private dropTooBig(skb: Skb, peer: Veth): 'drop' {
    const w = this.ns.world;
    this.stats.txDropped++;
    peer.stats.rxDropped++;
    if (w.trace)
      w.emit({
        type: 'drop',
        ns: this.ns.name,
        dev: this.name,
        frameId: skb.id,
        reason: 'PKT_TOO_BIG',
        mtu: peer.mtu,
        peer: peer.name,
        fn: 'is_skb_forwardable',
      });
    return 'drop';
  }

  /** veth_xmit() -> veth_forward_skb() -> __dev_forward_skb(): dropped if the peer is down. */
  xmit(skb: Skb): 'drop' | void {
    const peer = this.peer;
    if (!peer?.up) return this.dropPeerDown(skb);
    // is_skb_forwardable(): longer than the peer's MTU, its header and a VLAN tag: the peer counts an
    // rx drop (dev_core_stats_rx_dropped_inc), this end a tx drop (priv->dropped), the sender ENOBUFS
    if (skb.data.length > peer.mtu + 14 + 4) return this.dropTooBig(skb, peer);
    // skb_scrub_packet() and eth_type_trans() against the peer's address; a full backlog drops it
    // (NET_RX_DROP): the peer counted an rx drop, this end counts a tx drop (dev_core_stats_tx_dropped_inc)
    // the same skb goes on (devQueueXmit()'s callers hand it over and keep nothing of it): scrubbed of
    // what this side's stack had noted on it
    skb.dev = peer;
    skb.pktType = ethTypeTrans(skb.data, peer);
    if (skb.rtIif !== undefined) skb.rtIif = undefined;
    if (skb.localRoute !== undefined) skb.localRoute = undefined;
    if (skb.localBroadcast !== undefined) skb.localBroadcast = undefined;
    if (skb.fragMax !== undefined) skb.fragMax = undefined;
    if (skb.nfBridge !== undefined) skb.nfBridge = undefined;
    if (!netifRx(skb)) {
      this.stats.txDropped++;
      return 'drop';
    }
    // veth_get_stats64(): what one end sent successfully is what the other received
    countTx(this, skb.data.length);
    countRx(peer, skb.data.length);
  }
}
