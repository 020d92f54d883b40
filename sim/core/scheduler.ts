// A discrete-event scheduler on a virtual clock, ordered by (time, sequence) so that ties run
// in the order they were scheduled, like the kernel's per-CPU backlog (net/core/dev.c:enqueue_to_backlog).
// Time is in microseconds and is only ever passed in, never read from the host.

export type Micros = number;

export interface Timer {
  readonly time: Micros;
  cancelled: boolean;
}

interface Entry extends Timer {
  time: Micros;
  seq: number;
  /** its place in the heap: (time, seq) when it was pushed; a re-armed timer's (time, seq) are later, and it
   *  moves there when it comes to the top (rearm()) */
  kt: Micros;
  ks: number;
  fn: (arg: unknown) => void;
  /** what fn is called with (post()); undefined for at() */
  arg: unknown;
  /** still in the heap */
  queued: boolean;
  /** posted: nobody holds it, so it goes back to the free list once run */
  pooled: boolean;
}

/** Cancelled entries wait in the heap until they reach its top; beyond this many (and half the heap) they are
 *  swept out at once, so a timer re-armed per packet (ping -f's 10 ms wait) holds no garbage (del_timer frees). */
const SWEEP_AT = 64;

export class Scheduler {
  private heap: Entry[] = [];
  private seq = 0;
  /** cancelled entries still in the heap */
  private stale = 0;
  /** run posted entries, reused by post() (a softirq's work item is not a timer anyone can cancel) */
  private free: Entry[] = [];
  now: Micros = 0;

  at(time: Micros, fn: () => void): Timer {
    const t = Math.max(time, this.now);
    const seq = this.seq++;
    const e: Entry = {
      time: t,
      seq,
      kt: t,
      ks: seq,
      fn,
      arg: undefined,
      cancelled: false,
      queued: true,
      pooled: false,
    };
    this.push(e);
    return e;
  }

  /** Runs `fn(arg)` at `time`, ordered as at() would order it, with no handle to cancel it: its entry is
   *  reused once run, so a per-packet event (the backlog's) allocates nothing. */
  post<A>(time: Micros, fn: (arg: A) => void, arg: A): void {
    let e = this.free.pop();
    const t = Math.max(time, this.now);
    const seq = this.seq++;
    if (e) {
      e.time = e.kt = t;
      e.seq = e.ks = seq;
      e.fn = fn as (arg: unknown) => void;
      e.arg = arg;
      e.queued = true;
    } else
      e = {
        time: t,
        seq,
        kt: t,
        ks: seq,
        fn: fn as (arg: unknown) => void,
        arg,
        cancelled: false,
        queued: true,
        pooled: true,
      };
    this.push(e);
  }

  after(delay: Micros, fn: () => void): Timer {
    return this.at(this.now + delay, fn);
  }

  /** mod_timer(): `t` (pending, or cancelled since it was armed) runs `fn` at `time` instead, ordered as a
   *  timer armed now. A later time keeps the entry where it is in the heap until it reaches the top, where
   *  it moves to its new place: a timer pushed back per packet (ping -f's 10 ms wait) allocates nothing.
   *  The returned handle replaces `t`, which may be the same object. */
  rearm(t: Timer, time: Micros, fn: () => void): Timer {
    const e = t as Entry;
    const at = Math.max(time, this.now);
    if (!e.queued || e.pooled || at < e.kt) {
      this.cancel(t);
      return this.at(at, fn);
    }
    if (e.cancelled) {
      e.cancelled = false;
      this.stale--;
    }
    e.time = at;
    e.seq = this.seq++;
    e.fn = fn;
    return e;
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
    for (const e of live) {
      e.kt = e.time;
      e.ks = e.seq;
    }
    live.sort((a, b) => a.time - b.time || a.seq - b.seq);
    // a sorted array is a heap
    this.heap = live;
    this.stale = 0;
  }

  get pending(): number {
    return this.heap.length;
  }

  nextTime(): Micros | undefined {
    const h = this.heap;
    while (h.length) {
      const top = h[0];
      if (top.cancelled) this.pop();
      else if (top.kt !== top.time || top.ks !== top.seq) {
        // a re-armed timer reached its old place: on to its new one
        this.pop();
        top.kt = top.time;
        top.ks = top.seq;
        top.queued = true;
        this.push(top);
      } else return top.time;
    }
    return undefined;
  }

  /** Runs one event; false when none is left at or before `limit`. */
  step(limit = Infinity): boolean {
    // the top as it nearly always is (live, at its place) is read here; else nextTime() clears the way
    const top = this.heap[0];
    if (top === undefined || top.cancelled || top.kt !== top.time || top.ks !== top.seq) {
      const t = this.nextTime();
      if (t === undefined || t > limit) return false;
    } else if (top.time > limit) return false;
    const e = this.pop()!;
    this.now = e.time;
    if (e.pooled) {
      const fn = e.fn;
      const arg = e.arg;
      e.fn = noop;
      e.arg = undefined;
      this.free.push(e);
      fn(arg);
    } else e.fn(e.arg);
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
    let i = h.length;
    h.push(e);
    // sift up: the parents that come after `e` move down a level, `e` is written once where it stops
    // (the comparison written out: before the JIT has inlined anything, a call per step is what costs)
    const kt = e.kt;
    const ks = e.ks;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const q = h[p];
      if (q.kt < kt || (q.kt === kt && q.ks < ks)) break;
      h[i] = q;
      i = p;
    }
    h[i] = e;
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    top.queued = false;
    if (top.cancelled) this.stale--;
    const last = h.pop()!;
    const n = h.length;
    if (n) {
      // sift down: the smaller child moves up while it comes before `last`, which is written once at the end
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        let m = l;
        let c = h[l];
        if (l + 1 < n) {
          const rc = h[l + 1];
          if (rc.kt < c.kt || (rc.kt === c.kt && rc.ks < c.ks)) {
            m = l + 1;
            c = rc;
          }
        }
        if (c.kt > last.kt || (c.kt === last.kt && c.ks > last.ks)) break;
        h[i] = c;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}

const noop = (): void => {};
