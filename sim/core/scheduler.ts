// A discrete-event scheduler on a virtual clock, ordered by (time, sequence) so that ties run
// in the order they were scheduled, like the kernel's per-CPU backlog (net/core/dev.c:enqueue_to_backlog).
// Time is in microseconds and is only ever passed in, never read from the host.

export type Micros = number;

export interface Timer {
  readonly time: Micros;
  cancelled: boolean;
}

interface Entry extends Timer {
  seq: number;
  fn: () => void;
  /** still in the heap */
  queued: boolean;
}

/** Cancelled entries wait in the heap until they reach its top; beyond this many (and half the heap) they are
 *  swept out at once, so a timer re-armed per packet (ping -f's 10 ms wait) holds no garbage (del_timer frees). */
const SWEEP_AT = 64;

export class Scheduler {
  private heap: Entry[] = [];
  private seq = 0;
  /** cancelled entries still in the heap */
  private stale = 0;
  now: Micros = 0;

  at(time: Micros, fn: () => void): Timer {
    const e: Entry = { time: Math.max(time, this.now), seq: this.seq++, fn, cancelled: false, queued: true };
    this.push(e);
    return e;
  }

  after(delay: Micros, fn: () => void): Timer {
    return this.at(this.now + delay, fn);
  }

  cancel(t: Timer | null | undefined): void {
    if (!t || t.cancelled) return;
    t.cancelled = true;
    if (!(t as Entry).queued) return;
    this.stale++;
    if (this.stale >= SWEEP_AT && this.stale * 2 >= this.heap.length) this.sweep();
  }

  /** Drops every cancelled entry; (time, seq) order is total, so what runs next does not change. */
  private sweep(): void {
    const live = this.heap.filter((e) => !e.cancelled);
    for (const e of this.heap) if (e.cancelled) e.queued = false;
    live.sort((a, b) => a.time - b.time || a.seq - b.seq);
    // a sorted array is a heap
    this.heap = live;
    this.stale = 0;
  }

  get pending(): number {
    return this.heap.length;
  }

  nextTime(): Micros | undefined {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
    return this.heap.length ? this.heap[0].time : undefined;
  }

  /** Runs one event; false when none is left at or before `limit`. */
  step(limit = Infinity): boolean {
    const t = this.nextTime();
    if (t === undefined || t > limit) return false;
    const e = this.pop()!;
    this.now = e.time;
    e.fn();
    return true;
  }

  /** Runs events up to and including `time`, then sets the clock to `time`. */
  runUntil(time: Micros): void {
    while (this.step(time)) {
      /* run */
    }
    if (time > this.now) this.now = time;
  }

  /** Runs until `done()` holds after an event, or the clock would pass `limit`. */
  runWhile(notDone: () => boolean, limit: Micros): void {
    while (notDone()) {
      if (!this.step(limit)) {
        if (limit > this.now) this.now = limit;
        return;
      }
    }
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i], h[p])) break;
      const t = h[i];
      h[i] = h[p];
      h[p] = t;
      i = p;
    }
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    top.queued = false;
    if (top.cancelled) this.stale--;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < h.length && less(h[l], h[m])) m = l;
        if (r < h.length && less(h[r], h[m])) m = r;
        if (m === i) break;
        const t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
      }
    }
    return top;
  }
}

function less(a: Entry, b: Entry): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
