// The per-CPU backlog (net/core/dev.c: enqueue_to_backlog, process_backlog) of the machine's one CPU:
// frames handed to netif_rx() wait here until the CPU processes them, one after another. It holds at
// most net.core.netdev_max_backlog frames; beyond that enqueue_to_backlog() drops the frame and counts
// it on the receiving device (dev_core_stats_rx_dropped_inc). That bound, and the CPU's time per frame,
// are what bound a broadcast storm on Linux: measured on 6.18 with three veth pairs between two bridges
// and STP off, every veth sends ~135k frames a second and as many are dropped (fan-out 2, a full queue).
import type { Scheduler } from '../core/scheduler';
import { Prng } from '../core/prng';
import type { NetDevice } from './netdevice';

/** Time a frame waits in the backlog between netif_rx() and its processing when the CPU is idle (µs). */
export const BACKLOG_DELAY = 4;
/** net.core.netdev_max_backlog (default 1000): enqueue_to_backlog() takes a frame while qlen <= this */
export const NETDEV_MAX_BACKLOG = 1000;
/** The virtual CPU time process_backlog() spends on one frame (µs): at most 250,000 frames a second
 *  (6.18 on this project's machine: ~800,000 over two CPUs), which keeps a storm's cost per virtual second bounded. */
export const BACKLOG_COST = 4;
/** weight_p: the frames one poll of the backlog processes together */
export const NAPI_QUOTA = 64;
/** The most time the CPU spends elsewhere between two polls of a busy backlog (µs): net_rx_action() gives
 *  the CPU back after netdev_budget frames (ksoftirqd, timer and other interrupts), for a time that varies.
 *  Without it the storm and the bridges' hello timers would run in lockstep, and a hello that arrives while
 *  the queue is full would be dropped at every hello, for ever; on Linux STP ends the storm (6.18: ~2.8 s). */
export const POLL_JITTER = (NAPI_QUOTA * BACKLOG_COST) / 4;

/** A broadcast storm as the page shows it: plain data (it crosses to the page). */
export interface StormReport {
  /** virtual µs it began */
  since: number;
  /** the devices whose received frames the full backlog drops, with the bridge each is a port of */
  devs: { ns: string; dev: string; master: string | null }[];
  framesPerSec: number;
  droppedPerSec: number;
}

/** A frame waiting in the backlog: what processes it, and the queue's generation and batch when it came. */
interface Queued<T> {
  fn: (skb: T) => void;
  skb: T;
  gen: number;
  batch: number;
}

const noop = (): void => {};

export class Backlog {
  /** frames waiting, in both queues */
  len = 0;
  /** frames in sd->input_pkt_queue: what enqueue_to_backlog() compares with netdev_max_backlog */
  private inputLen = 0;
  /** the input queue's current batch: process_backlog() splices it whole to process_queue when it starts on it */
  private inputBatch = 0;
  /** when the CPU is free to process the next frame */
  private cpuFree = 0;
  /** frames of an older generation were flushed: they are not processed */
  private gen = 0;
  /** frames queued behind a busy CPU since the last poll's pause */
  private sincePause = 0;
  /** its own seeded draws, so that a storm does not change what the rest of the world draws */
  private readonly prng: Prng;
  /** devices whose frames the full backlog dropped since it last ran empty: a storm, with the drops */
  readonly storming = new Map<NetDevice, number>();
  /** frames processed and dropped since the world began, and when the current storm began */
  processed = 0;
  dropped = 0;
  stormSince = 0;
  private stormProcessed0 = 0;
  private stormDropped0 = 0;
  /** the backlog ran empty after a storm: these devices stopped dropping */
  onCalm: ((devs: NetDevice[]) => void) | null = null;

  constructor(
    private readonly sched: Scheduler,
    seed = 0,
  ) {
    this.prng = new Prng(seed ^ 0x6b6c6f67);
  }

  /** processed entries, reused: a frame in the backlog allocates nothing (the skb sits on a list in the kernel) */
  private free: Queued<unknown>[] = [];
  /** process_backlog() for one frame, made once */
  private readonly run = (q: Queued<unknown>): void => {
    const { fn, skb } = q;
    const stale = q.gen !== this.gen;
    const batch = q.batch;
    q.fn = noop;
    q.skb = null;
    this.free.push(q);
    if (stale) return;
    // process_backlog(): the first frame of a batch takes the whole input queue (skb_queue_splice_tail_init)
    if (batch === this.inputBatch) {
      this.inputBatch++;
      this.inputLen = 0;
    }
    this.len--;
    this.processed++;
    fn(skb);
    if (this.len === 0 && this.storming.size) this.calm();
  };

  /** enqueue_to_backlog(): false when the input queue is full and the frame is dropped; else `fn(skb)` runs
   *  when the CPU comes to it. */
  enqueue<T>(dev: NetDevice, fn: (skb: T) => void, skb: T): boolean {
    if (this.inputLen > NETDEV_MAX_BACKLOG) {
      dev.stats.rxDropped++;
      if (!this.storming.size) {
        this.stormSince = this.sched.now;
        this.stormProcessed0 = this.processed;
        this.stormDropped0 = this.dropped;
      }
      this.dropped++;
      this.storming.set(dev, (this.storming.get(dev) ?? 0) + 1);
      return false;
    }
    this.len++;
    this.inputLen++;
    const now = this.sched.now;
    // the CPU's work: a burst of up to a NAPI quota of frames shares one instant (a flood's copies
    // arrive together); beyond that, frames wait for the CPU
    this.cpuFree = Math.max(this.cpuFree, now) + BACKLOG_COST;
    const late = this.cpuFree - NAPI_QUOTA * BACKLOG_COST;
    // a backlog deeper than one poll: every NAPI quota of frames, the CPU is away for a while
    if (late > now && ++this.sincePause >= NAPI_QUOTA) {
      this.sincePause = 0;
      this.cpuFree += this.prng.range(0, POLL_JITTER + 1);
    }
    const t = Math.max(now + BACKLOG_DELAY, late);
    let q = this.free.pop() as Queued<T> | undefined;
    if (q) {
      q.fn = fn;
      q.skb = skb;
      q.gen = this.gen;
      q.batch = this.inputBatch;
    } else q = { fn, skb, gen: this.gen, batch: this.inputBatch };
    this.sched.post(t, this.run, q as Queued<unknown>);
    return true;
  }

  /** The storm going on (null: none): since when, the devices whose frames are dropped, and the CPU's frames
   *  processed and dropped a second on average since it began. */
  report(): StormReport | null {
    if (!this.storming.size) return null;
    const secs = Math.max(this.sched.now - this.stormSince, 1) / 1e6;
    return {
      since: this.stormSince,
      devs: [...this.storming.keys()].map((d) => ({ ns: d.ns.name, dev: d.name, master: d.brport?.br.name ?? null })),
      framesPerSec: Math.round((this.processed - this.stormProcessed0) / secs),
      droppedPerSec: Math.round((this.dropped - this.stormDropped0) / secs),
    };
  }

  /** Empties both queues at once (as flush_backlog() drops what waits); returns how many frames waited. */
  flush(): number {
    const n = this.len;
    this.gen++;
    this.len = 0;
    this.inputLen = 0;
    this.inputBatch++;
    this.cpuFree = this.sched.now;
    if (this.storming.size) this.calm();
    return n;
  }

  private calm(): void {
    const devs = [...this.storming.keys()];
    this.storming.clear();
    this.onCalm?.(devs);
  }
}
