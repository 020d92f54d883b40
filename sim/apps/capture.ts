// A running tcpdump: an ETH_P_ALL packet socket on one device that makes it promiscuous
// (packet_dev_mc(PACKET_MR_PROMISC) -> dev_set_promiscuity), as tcpdump does without -p.
import type { NetDevice } from '../net/netdevice';
import type { Skb } from '../net/skb';
import type { PacketSocket } from '../net/packet_socket';
import { formatFrame, matchesArpOrIcmp } from './tcpdump_print';
import { CAPTURE_RING } from './capture_ring';

export { CAPTURE_RING };

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
  /** how many of the latest frames are kept (CAPTURE_RING) */
  ring?: number;
}

export class Capture implements PacketSocket {
  readonly dev: NetDevice;
  readonly protocol = 'all' as const;
  /** the kept frames: a ring whose oldest is at `head` once it is full */
  private ring: CapturedFrame[] = [];
  private head = 0;
  readonly ringSize: number;
  /** frames the filter passed since the start; the kept ones are the last `ringSize` of them */
  total = 0;
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
    this.ringSize = Math.max(1, opts.ring ?? CAPTURE_RING);
  }

  /** The kept frames, oldest first. */
  get frames(): CapturedFrame[] {
    return this.since(0).frames;
  }

  /** The kept frames numbered `from` on (0 is the first the capture ever took), and the number of the first of them. */
  since(from: number): { first: number; frames: CapturedFrame[] } {
    const kept = this.ring.length;
    const first = Math.max(from, this.total - kept);
    const out: CapturedFrame[] = [];
    // the frame numbered n sits at (head + n - (total - kept)) mod kept
    for (let n = first; n < this.total; n++) out.push(this.ring[(this.head + n - (this.total - kept)) % kept]);
    return { first: Math.min(first, this.total), frames: out };
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
    if (this.ring.length < this.ringSize) this.ring.push(f);
    else {
      this.ring[this.head] = f;
      this.head = (this.head + 1) % this.ringSize;
    }
    this.total++;
    this.onFrame?.(f, this.format(f));
  }

  format(f: CapturedFrame): string {
    return formatFrame(f.data, this.withE);
  }

  lines(): string[] {
    return this.frames.map((f) => this.format(f));
  }
}
