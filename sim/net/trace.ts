// What the simulation reports about a frame's life, for packet flows: one event per step, each with
// the kernel function it mirrors and the facts of the step (devices, addresses, a drop's reason as a
// closed union); the page words them in the reader's language. Nothing is built when nobody watches.

interface Base {
  time: number;
  ns: string;
  dev: string;
  frameId: number;
  /** the kernel (or tool) function this step mirrors */
  fn: string;
}

/**
 * Why a frame was dropped: the kernel's enum skb_drop_reason names (include/net/dropreason-core.h)
 * where one exists, the simulator's own otherwise (marked), each with the facts its sentence needs.
 */
export type Drop =
  /** __dev_queue_xmit(): the device is not up */
  | { reason: 'DEV_READY' }
  /** noop_enqueue(): no carrier, dev_deactivate() left noop_qdisc */
  | { reason: 'QDISC_DROP' }
  /** (simulator) a NIC's cable is unplugged or the other side is down */
  | { reason: 'NO_CARRIER' }
  /** (simulator) veth_xmit(): the peer is down */
  | { reason: 'PEER_DOWN' }
  /** ip_forward() with DF set, or is_skb_forwardable() into a veth peer (then `peer` is set) */
  | { reason: 'PKT_TOO_BIG'; mtu: number; peer?: string }
  /** enqueue_to_backlog(): the per-CPU backlog already holds netdev_max_backlog frames */
  | { reason: 'CPU_BACKLOG'; max: number }
  /** an iptables chain (or NAT) dropped it; `bridge` when br_netfilter ran it for a bridge */
  | { reason: 'NETFILTER_DROP'; table: string; chain: string; bridge?: string }
  /** (simulator) netfilter kept the packet: a fragment waiting for the rest of its packet */
  | { reason: 'NF_STOLEN' }
  /** ip_rcv_core(), ip_forward(): the frame was for another MAC */
  | { reason: 'OTHERHOST' }
  /** (simulator) ip_rcv_core(): the device has no in_device (IPv4 not configured) */
  | { reason: 'NO_IN_DEV' }
  /** ip_rcv_core(): a bad IPv4 header */
  | { reason: 'IP_INHDR' }
  /** fib_validate_source(): the route back to the source leaves through another device */
  | { reason: 'IP_RPFILTER'; src: string; value: number }
  /** fib_validate_source(): the source is one of this host's own addresses, accept_local=0 */
  | { reason: 'IP_LOCAL_SOURCE'; src: string }
  /** ip_route_input_slow(): a martian destination */
  | { reason: 'IP_INVALID_DEST'; dst: string }
  /** ip_error(): no route */
  | { reason: 'IP_INNOROUTES'; dst: string }
  /** ip_error() with forwarding off: not for this host */
  | { reason: 'IP_INADDRERRORS'; dst: string }
  /** (simulator) ip_forward(): the TTL ran out */
  | { reason: 'TTL_EXCEEDED' }
  /** br_handle_frame(): the source MAC is not a valid unicast address */
  | { reason: 'MAC_INVALID_SOURCE'; bridge: string }
  /** (simulator) br_handle_frame(): an 802.3x pause frame */
  | { reason: 'PAUSE_FRAME'; bridge: string }
  /** (simulator) br_handle_frame(): the port is not learning or forwarding */
  | { reason: 'PORT_STATE'; bridge: string; state: string }
  /** (simulator) br_handle_frame_finish(): a locked port and an unknown source */
  | { reason: 'PORT_LOCKED'; bridge: string; mac: string };

/** how the bridge classed a frame by its destination MAC */
export type L2Type = 'unicast' | 'multicast' | 'broadcast';

export type TraceEvent =
  | (Base & { type: 'socket-send'; app: string; bytes: Uint8Array; dst: string; seq?: number })
  | (Base & {
      type: 'route';
      dst: string;
      src: string;
      via: string | null;
      /** what the route is for: a socket's packet, an ICMP error, an echo reply, a forwarded packet */
      purpose: 'output' | 'icmp-error' | 'echo-reply' | 'forward';
      /** the destination is one of this host's own addresses (the packet goes over lo) */
      local: boolean;
      /** the socket is bound to its device (ping -I) */
      bound?: boolean;
      icmpType?: number;
      icmpCode?: number;
    })
  | (Base & { type: 'neigh'; ip: string; state: string; queued: boolean })
  | (Base & { type: 'xmit'; bytes: Uint8Array })
  | (Base & { type: 'rx'; bytes: Uint8Array })
  | (Base & { type: 'br-port-rx'; bridge: string })
  | (Base & { type: 'fdb-learn'; bridge: string; mac: string })
  | (Base & { type: 'br-forward'; bridge: string; to: string; mac: string })
  | (Base & { type: 'br-flood'; bridge: string; mac: string; pktType: L2Type })
  /** `local`: the destination MAC is the bridge's or a port's; else a copy (promiscuous, broadcast, multicast) */
  | (Base & { type: 'br-up'; bridge: string; mac: string; pktType: L2Type; local: boolean })
  | (Base & { type: 'deliver'; proto: string })
  /** `proxy`: answered for another host's address (proxy_arp, or proxy_arp_pvlan back out of `dev`), routed out of `out` */
  | (Base & { type: 'arp-reply'; ip: string; arpIgnore: number; proxy?: 'proxy_arp' | 'proxy_arp_pvlan'; out?: string })
  | (Base & { type: 'arp-ignore'; ip: string; sysctl: 'arp_ignore' | 'arp_filter'; value: number; asker: string })
  | (Base & { type: 'loopback'; dst: string })
  | (Base & { type: 'nat'; hook: string; which: 'source' | 'destination'; from: string; to: string })
  | (Base & { type: 'drop' } & Drop)
  /** the backlog began dropping what arrives on `dev` (start), or ran empty again (end) */
  | (Base & { type: 'storm'; state: 'start' | 'end' });

export type TraceType = TraceEvent['type'];
type Dist<T> = T extends unknown ? Omit<T, 'time'> : never;
export type TraceInput = Dist<TraceEvent>;

/** A bounded buffer of the latest events (the oldest are dropped first). */
export class TraceBuffer {
  private buf: TraceEvent[] = [];
  private start = 0;
  dropped = 0;
  constructor(readonly capacity = 20000) {}

  push(e: TraceEvent): void {
    if (this.buf.length < this.capacity) this.buf.push(e);
    else {
      this.buf[this.start] = e;
      this.start = (this.start + 1) % this.capacity;
      this.dropped++;
    }
  }

  events(): TraceEvent[] {
    return [...this.buf.slice(this.start), ...this.buf.slice(0, this.start)];
  }

  /** Hands the events over and empties the buffer (the worker drains it each tick). */
  drain(): TraceEvent[] {
    const e = this.events();
    this.buf = [];
    this.start = 0;
    return e;
  }
}
