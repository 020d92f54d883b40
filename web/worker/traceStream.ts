// Trace events on their way to the page: collected while someone watches, each frame's bytes copied at
// once (the kernel may change them later: a TTL, a NAT rewrite), then packed into one buffer of exactly
// their size per batch, which is transferred, not cloned; at most MAX_BATCH events between two flushes,
// the rest only counted.
import type { TraceEvent } from '../../sim/index';

/** Events per batch (a flush every 20 ms of real time): a flood cannot swamp the page. */
export const MAX_BATCH = 4000;

export interface TraceBatch {
  events: TraceEvent[];
  dropped: number;
  /** the buffer the events' bytes live in: hand it to postMessage as a transferable */
  buffers: ArrayBuffer[];
}

/** bytes of the staging buffer (a batch of flood frames fits in a few) */
const STAGE = 1 << 16;

type WithBytes = Extract<TraceEvent, { bytes: Uint8Array }>;

export class TraceStream {
  private events: TraceEvent[] = [];
  private dropped = 0;
  private bytes = 0;
  /** every event seen, counted or kept (the benchmark's figure) */
  seen = 0;
  /** where kept events' bytes wait for the drain; reused once the drain has repacked them */
  private stage = new Uint8Array(STAGE);
  private staged = 0;

  constructor(private readonly maxBatch = MAX_BATCH) {}

  /** The world's trace hook: keeps the event, with its bytes copied. */
  readonly push = (e: TraceEvent): void => {
    this.seen++;
    // a storm's start and end are kept past the bound: they are few, and the event list must show them
    if (this.events.length >= this.maxBatch && e.type !== 'storm') {
      this.dropped++;
      return;
    }
    if ('bytes' in e) {
      // copied into the staging buffer, not slice()d: a view costs no ArrayBuffer of its own per event
      const n = e.bytes.length;
      if (this.staged + n > this.stage.length) {
        // the kept views hold the old stage until the drain repacks them
        this.stage = new Uint8Array(Math.max(STAGE, n));
        this.staged = 0;
      }
      this.stage.set(e.bytes, this.staged);
      (e as WithBytes).bytes = this.stage.subarray(this.staged, this.staged + n);
      this.staged += n;
      this.bytes += n;
    }
    this.events.push(e);
  };

  /** An event seen and left out (counted in the batch's `dropped`). */
  skip(): void {
    this.seen++;
    this.dropped++;
  }

  /** Hands the batch over and starts a new one; null when nothing happened. */
  drain(): TraceBatch | null {
    if (!this.events.length && !this.dropped) return null;
    // one buffer per batch, exactly as large as its frames: what the page keeps holds nothing more
    const buf = new ArrayBuffer(this.bytes);
    const all = new Uint8Array(buf);
    let o = 0;
    for (const e of this.events) {
      if (!('bytes' in e)) continue;
      all.set(e.bytes, o);
      (e as WithBytes).bytes = all.subarray(o, o + e.bytes.length);
      o += e.bytes.length;
    }
    const batch = { events: this.events, dropped: this.dropped, buffers: this.bytes ? [buf] : [] };
    this.events = [];
    this.dropped = 0;
    this.bytes = 0;
    // every kept view now points into buf: the stage is free again
    this.staged = 0;
    return batch;
  }

  clear(): void {
    this.drain();
  }
}
