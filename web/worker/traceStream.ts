// Trace events on their way to the page: collected while someone watches, each frame's bytes copied at
// once (the kernel may change them later: a TTL, a NAT rewrite) into a few large buffers that are then
// transferred, not cloned; at most MAX_BATCH events between two flushes, the rest only counted.
import type { TraceEvent } from '../../sim/net/trace';

/** Events per batch (a flush every 20 ms of real time): a flood cannot swamp the page. */
export const MAX_BATCH = 4000;
const CHUNK = 64 * 1024;

export interface TraceBatch {
  events: TraceEvent[];
  dropped: number;
  /** the buffers the events' bytes live in: hand them to postMessage as transferables */
  buffers: ArrayBuffer[];
}

export class TraceStream {
  private events: TraceEvent[] = [];
  private dropped = 0;
  private chunks: ArrayBuffer[] = [];
  private chunk: Uint8Array = new Uint8Array(0);
  private used = 0;
  /** every event seen, counted or kept (the benchmark's figure) */
  seen = 0;

  constructor(private readonly maxBatch = MAX_BATCH) {}

  /** The world's trace hook: keeps the event, with its bytes copied. */
  readonly push = (e: TraceEvent): void => {
    this.seen++;
    if (this.events.length >= this.maxBatch) {
      this.dropped++;
      return;
    }
    if ('bytes' in e) (e as { bytes: Uint8Array }).bytes = this.copy(e.bytes);
    this.events.push(e);
  };

  private copy(b: Uint8Array): Uint8Array {
    if (this.used + b.length > this.chunk.length) {
      const buf = new ArrayBuffer(Math.max(CHUNK, b.length));
      this.chunks.push(buf);
      this.chunk = new Uint8Array(buf);
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + b.length);
    view.set(b);
    this.used += b.length;
    return view;
  }

  /** Hands the batch over and starts a new one; null when nothing happened. */
  drain(): TraceBatch | null {
    if (!this.events.length && !this.dropped) return null;
    const batch = { events: this.events, dropped: this.dropped, buffers: this.chunks };
    this.events = [];
    this.dropped = 0;
    this.chunks = [];
    this.chunk = new Uint8Array(0);
    this.used = 0;
    return batch;
  }

  clear(): void {
    this.drain();
  }
}
