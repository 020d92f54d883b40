// The simulation in the page itself, for embeds: the same Lab the module worker runs, behind the same
// message interface (copied as a worker's messages are, delivered asynchronously, the clock ticked and the
// heartbeat sent on timers). A page opened from file:// may not start a worker, and an embed's lab is small.
import { Lab } from '../worker/lab';
import { BEAT_MS, fromWorker, isToWorker, type FromWorker } from '../protocol';
import type { SimWorker } from '../client/simClient';
import { Outbox } from '../worker/outbox';

const TICK_MS = 20;

export class InPageWorker implements SimWorker {
  private listeners: ((e: MessageEvent<unknown>) => void)[] = [];
  private timers: ReturnType<typeof setInterval>[] = [];
  private last = performance.now();
  private out = new Outbox((m) => this.emit(m));
  private lab = new Lab(this.out.post);
  private ended = false;

  constructor() {
    this.timers.push(setInterval(() => this.tick(), TICK_MS));
    this.timers.push(setInterval(() => this.emit(fromWorker({ type: 'beat' })), BEAT_MS));
    this.emit(fromWorker({ type: 'ready' }));
  }

  postMessage(m: unknown): void {
    const copy = structuredClone(m);
    setTimeout(() => {
      if (this.ended) return;
      if (!isToWorker(copy))
        return this.emit(fromWorker({ type: 'error', message: `unexpected message ${JSON.stringify(copy)}` }));
      this.tick();
      this.lab.handle(copy);
      this.out.flush();
      this.last = performance.now();
    });
  }

  addEventListener(
    type: 'message' | 'error',
    fn: ((e: MessageEvent<unknown>) => void) | ((e: ErrorEvent) => void),
  ): void {
    // the Lab reports its own errors as messages; nothing in the page raises a worker's error event
    if (type === 'message') this.listeners.push(fn as (e: MessageEvent<unknown>) => void);
  }

  terminate(): void {
    this.ended = true;
    for (const t of this.timers) clearInterval(t);
  }

  private tick(): void {
    const t = performance.now();
    this.lab.advance(Math.round((t - this.last) * 1000));
    this.last = t;
    this.out.flush();
  }

  private emit(m: FromWorker): void {
    const copy = structuredClone(m);
    setTimeout(() => {
      if (this.ended) return;
      for (const fn of this.listeners) fn({ data: copy } as MessageEvent<unknown>);
    });
  }
}
