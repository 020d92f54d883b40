// A running tcpdump: an ETH_P_ALL packet socket on one device that makes it promiscuous
// (packet_dev_mc(PACKET_MR_PROMISC) -> dev_set_promiscuity), as tcpdump does without -p.
import type { NetDevice } from '../net/netdevice';
import type { Skb } from '../net/skb';
import type { PacketSocket } from '../net/packet_socket';
import { formatFrame, matchesArpOrIcmp } from './tcpdump_print';

export interface CapturedFrame {
  time: number;
  data: Uint8Array;
  outgoing: boolean;
  id: number;
}

export interface CaptureOptions {
  promisc?: boolean;
  filter?: (data: Uint8Array) => boolean;
  withE?: boolean;
}

export class Capture implements PacketSocket {
  readonly dev: NetDevice;
  readonly protocol = 'all' as const;
  frames: CapturedFrame[] = [];
  private promisc: boolean;
  private filter: (data: Uint8Array) => boolean;
  private withE: boolean;
  /** frames seen by the filter (tcpdump's "received by filter") */
  seen = 0;
  running = false;
  onFrame: ((f: CapturedFrame, line: string) => void) | null = null;

  constructor(dev: NetDevice, opts: CaptureOptions = {}) {
    this.dev = dev;
    this.promisc = opts.promisc ?? true;
    this.filter = opts.filter ?? matchesArpOrIcmp;
    this.withE = opts.withE ?? true;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.dev.taps.push(this);
    if (this.promisc) this.dev.promiscuity++;
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.dev.taps = this.dev.taps.filter((t) => t !== this);
    if (this.promisc) this.dev.promiscuity = Math.max(0, this.dev.promiscuity - 1);
  }

  deliver(skb: Skb, outgoing: boolean): void {
    // libpcap drops outgoing packets on loopback: each comes back in and is seen then
    if (outgoing && this.dev.isLoopback) return;
    this.seen++;
    if (!this.filter(skb.data)) return;
    const f = { time: this.dev.ns.world.now, data: skb.data.slice(), outgoing, id: skb.id };
    this.frames.push(f);
    this.onFrame?.(f, this.format(f));
  }

  format(f: CapturedFrame): string {
    return formatFrame(f.data, this.withE);
  }

  lines(): string[] {
    return this.frames.map((f) => this.format(f));
  }
}
