// What the simulation reports about a frame's life, for packet flows: one event per step, each with
// the kernel function it mirrors and one plain sentence of why. Nothing is built when nobody watches.

interface Base {
  time: number;
  ns: string;
  dev: string;
  frameId: number;
  /** the kernel (or tool) function this step mirrors */
  fn: string;
  /** one plain sentence of why */
  why: string;
}

export type TraceEvent =
  | (Base & { type: 'socket-send'; app: string; bytes: Uint8Array })
  | (Base & { type: 'route'; dst: string; src: string; via: string | null })
  | (Base & { type: 'neigh'; ip: string; state: string; queued: boolean })
  | (Base & { type: 'xmit'; bytes: Uint8Array })
  | (Base & { type: 'rx'; bytes: Uint8Array })
  | (Base & { type: 'br-port-rx'; bridge: string })
  | (Base & { type: 'fdb-learn'; bridge: string; mac: string })
  | (Base & { type: 'br-forward'; bridge: string; to: string })
  | (Base & { type: 'br-flood'; bridge: string })
  | (Base & { type: 'br-up'; bridge: string })
  | (Base & { type: 'deliver'; proto: string })
  | (Base & { type: 'arp-reply'; ip: string })
  | (Base & { type: 'arp-ignore'; ip: string; sysctl: string })
  | (Base & { type: 'loopback' })
  | (Base & { type: 'nat'; hook: string; from: string; to: string })
  | (Base & { type: 'drop'; reason: string })
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
