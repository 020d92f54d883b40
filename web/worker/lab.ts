// The lab inside the worker: one World and its Shell, per-terminal queues, the command log and its replay.
// No DOM and no timers of its own: the worker entry feeds it messages and the passing of real time.
import {
  World,
  Shell,
  type Proc,
  type TraceEvent,
  takeSnapshot,
  SnapshotCache,
  type Snapshot,
} from '../../sim/runtime';
import {
  fromWorker,
  SCROLLBACK,
  termNs,
  toWorker,
  type EventRef,
  type FromWorker,
  type LogEntry,
  type TermId,
  type ToWorker,
} from '../protocol';
import { TraceStream } from './traceStream';
import { MAX_EVENTS } from '../model/flow';
import { CaptureWatch } from './captures';
import { SnapshotDiffer } from '../model/snapDiff';

/** A replay in progress: entries run so far, the Ctrl-Cs still due, the events it may still run. */
interface Replay {
  next: number;
  stops: { at: number; ns: string }[];
  budget: number;
  events: number;
  cut: boolean;
  log: LogEntry[];
}

const sameEntry = (a: LogEntry, b: LogEntry) =>
  a === b ||
  (a.id === b.id &&
    a.at === b.at &&
    a.line === b.line &&
    a.ns === b.ns &&
    a.mode === b.mode &&
    a.group === b.group &&
    a.stopAt === b.stopAt);

interface Queued {
  line: string;
  group: string;
  mode: 'sync' | 'async';
  /** neither echoed nor printed on the terminal */
  quiet?: boolean;
}

interface Term {
  queue: Queued[];
  proc: Proc | null;
  /** the log entry of the running process, for its stop time */
  entryId: number | null;
}

/** Posts a message; `transfer` lists buffers the message hands over rather than copies. */
export type Post = (m: FromWorker, transfer?: ArrayBuffer[]) => void;

export interface LabOptions {
  /** sees every trace event, replays included (probes use it); the page's stream is then off */
  observe?: (e: TraceEvent, world: World) => void;
  /** told of every command just before it runs, replays included (the worker's heartbeat names it) */
  beforeExec?: (e: LogEntry) => void;
  /** events one load may replay (tests lower it) */
  maxReplayEvents?: number;
}

/**
 * Events a load may replay: a lab whose log or clock would take longer (hours of flood, a clock set far
 * ahead) stops there and says so, rather than hanging every later visit. About a second of work (a
 * flood ping costs 4-10 µs an event here); an hour of a ping a second fits (about 110,000 events).
 */
/** Output messages one terminal sends in one flush before its lines join the latest one. */
export const OUTPUT_MESSAGES_PER_FLUSH = 200;

export const MAX_REPLAY_EVENTS = 250_000;

/** The most virtual time of a broadcast storm a load replays before it flushes the backlog (µs): a link that
 *  opens on a loop shows the storm, a lab saved while one raged for minutes loads without replaying them. */
export const STORM_REPLAY_US = 100_000;

/** Flushes between two reports of a storm that goes on (a flush every 20 ms: five a second). */
const STORM_EVERY = 10;

export class Lab {
  private world!: World;
  private shell!: Shell;
  private nextId = 1;
  private terms = new Map<TermId, Term>();
  /** messages in the order they happened, flushed together */
  private pending: FromWorker[] = [];
  /** per terminal: its output messages in this flush, and the latest */
  private printed = new Map<TermId, { count: number; msg: Extract<FromWorker, { type: 'output' }> }>();
  private replaying = false;
  /** what the page has of the kernel's state: only changes cross */
  private differ = new SnapshotDiffer();
  /** the rows of the last snapshot, reused for the devices a command did not change */
  private snapCache = new SnapshotCache();
  /** the replay of the last load (probes run it on) */
  private replay: Replay | null = null;
  /** the lab probes read the tables from, kept between probes */
  private prober = new Prober();
  private tracing = false;
  private stream = new TraceStream();
  private captures = new CaptureWatch();
  /** a storm was reported and not yet its end */
  private storming = false;
  /** flushes since the storm was last reported */
  private stormAge = 0;
  private readonly post: Post;
  private readonly observe: LabOptions['observe'];
  private readonly beforeExec: LabOptions['beforeExec'];
  private readonly maxReplay: number;

  constructor(post: Post, opts: LabOptions = {}) {
    this.post = post;
    this.observe = opts.observe;
    this.beforeExec = opts.beforeExec;
    this.maxReplay = opts.maxReplayEvents ?? MAX_REPLAY_EVENTS;
    this.reset(1);
  }

  get now(): number {
    return this.world.sched.now;
  }

  /** The live world (probes and tests read it; nothing outside the lab changes it). */
  get liveWorld(): World {
    return this.world;
  }

  handle(m: ToWorker): void {
    switch (m.type) {
      case 'load':
        this.load(m.seed, m.log, m.now, m.traceFrom);
        break;
      case 'run':
        for (const line of m.lines) this.term(m.ns).queue.push({ line, group: m.group, mode: m.mode, quiet: m.quiet });
        this.pump(m.ns);
        break;
      case 'interrupt':
        this.interrupt(m.ns);
        break;
      case 'trace':
        this.tracing = m.on;
        this.stream.clear();
        this.installTrace();
        break;
      case 'probe': {
        const r = this.prober.probe(m.seed, m.log, m.at);
        this.post(fromWorker({ type: 'probe', id: m.id, snap: r.snap, exact: r.exact }));
        return;
      }
      default: {
        const never: never = m;
        throw new Error(`unknown message ${JSON.stringify(never)}`);
      }
    }
    this.flush();
  }

  /** Lets `us` microseconds of virtual time pass, starting queued lines as the processes before them end. */
  advance(us: number, over?: () => boolean): void {
    const target = this.now + Math.max(0, us);
    const sched = this.world.sched;
    const before = sched.nextTime();
    // `over` (the worker's time for this tick ran out) is asked every 256 events: then the clock stops
    // where it got, so that a storm slows the virtual clock rather than the answers
    let n = 0;
    let cut = false;
    const inTime = () => !over || (++n & 255) !== 0 || !(cut = over());
    for (;;) {
      const running = [...this.terms.entries()].filter(([, t]) => t.proc && !t.proc.done);
      if (!running.length) break;
      sched.runWhile(() => running.every(([, t]) => !t.proc!.done) && inTime(), target);
      const ended = running.filter(([, t]) => t.proc!.done);
      if (!ended.length) break;
      sched.runUntil(sched.now); // the rest of this instant, as a replay will see it
      for (const [ns] of ended) this.pump(ns);
    }
    if (!cut) {
      while (inTime() && sched.step(target)) {
        /* run */
      }
      if (!cut && target > sched.now) sched.now = target;
    }
    if (before !== undefined && before <= target) this.flush();
    else this.flushOutput();
  }

  private reset(seed: number): void {
    this.world = new World(seed);
    this.shell = new Shell(this.world);
    this.terms = new Map();
    this.captures.clear();
    this.differ.reset();
    this.snapCache = new SnapshotCache();
    this.storming = false;
    this.installTrace();
  }

  private installTrace(): void {
    const world = this.world;
    const observe = this.observe;
    if (observe) world.trace = (e) => observe(e, world);
    else if (this.tracing) {
      const push = this.stream.push;
      const stream = this.stream;
      world.trace = (e) => {
        if (this.replaying) return;
        // in a broadcast storm the page cannot follow every frame (a quarter of a million a second): the
        // storm's own events go, the others are counted as left out
        if (world.rxBacklog.storming.size && e.type !== 'storm') stream.skip();
        else push(e);
      };
    } else world.trace = null;
  }

  /**
   * A fresh World, the log replayed at its recorded virtual times, then the clock run on to `now`; at most
   * `maxReplay` events: past that the replay stops where it is, and `loaded` says which entries were kept.
   */
  private load(seed: number, log: LogEntry[], now: number, traceFrom?: number): void {
    this.reset(seed);
    // the replay's own events, from `traceFrom` on: as many as the page's flow keeps, the oldest first
    const replayed = traceFrom === undefined ? null : new TraceStream(MAX_EVENTS);
    if (replayed && !this.observe) this.world.trace = (e) => void (e.time >= traceFrom! && replayed.push(e));
    this.replay = { next: 0, stops: [], budget: this.maxReplay, events: 0, cut: false, log: [] };
    this.replayTo(log, now);
    const { next: kept, events, cut } = this.replay;
    this.nextId = log.reduce((m, e) => Math.max(m, e.id + 1), this.nextId);
    this.replaying = false;
    this.pending = [];
    this.printed.clear();
    if (replayed) {
      this.installTrace();
      // the snapshot first: the page lays the events out on the devices it names
      this.postSnapshot();
      this.postTrace(replayed);
    }
    // a lab replayed into a storm (or out of one) says so at once
    this.post(fromWorker({ type: 'storm', storm: this.world.rxBacklog.report() }));
    this.storming = this.world.rxBacklog.report() !== null;
    const busy = [...this.terms].filter(([, t]) => t.proc).map(([ns]) => ns);
    this.post(
      fromWorker(
        cut ? { type: 'loaded', now: this.now, busy, cut: { kept, events } } : { type: 'loaded', now: this.now, busy },
      ),
    );
  }

  /**
   * Runs the replay on: the entries of `log` from `replay.next` at their recorded times, the Ctrl-Cs due,
   * then the clock to `now`, within the replay's budget of events.
   */
  private replayTo(log: readonly LogEntry[], now: number): void {
    const rp = this.replay!;
    this.replaying = true;
    const sched = this.world.sched;
    const backlog = this.world.rxBacklog;
    /** runs events up to `t` within the budget; false once it ran out (the clock stays where it got) */
    const runTo = (t: number): boolean => {
      while (rp.budget > 0 && sched.step(t)) {
        rp.budget--;
        rp.events++;
        // a broadcast storm replays at a quarter of a million frames a virtual second: past STORM_REPLAY_US of
        // it, the replay drops what waits in the backlog (flush_backlog), which ends it; the lab loads calm
        if ((rp.events & 1023) === 0 && backlog.storming.size && sched.now - backlog.stormSince > STORM_REPLAY_US)
          backlog.flush();
      }
      if (rp.budget <= 0) return false;
      sched.runUntil(t);
      return true;
    };
    const stops = rp.stops;
    const stopUntil = (t: number): boolean => {
      stops.sort((a, b) => a.at - b.at);
      while (stops.length && stops[0].at <= t) {
        const s = stops.shift()!;
        if (!runTo(s.at)) return false;
        const term = this.term(s.ns);
        term.proc?.interrupt();
        this.finish(s.ns);
      }
      return true;
    };
    for (; rp.next < log.length; rp.next++) {
      const e = log[rp.next]!;
      if (!stopUntil(e.at) || !runTo(e.at)) {
        rp.cut = true;
        break;
      }
      for (const [ns, t] of this.terms) if (t.proc?.done) this.finish(ns);
      this.exec(e.ns, { line: e.line, group: e.group, mode: e.mode }, e.id, e.at);
      if (e.stopAt !== undefined) stops.push({ at: e.stopAt, ns: e.ns });
      rp.log.push(e);
    }
    if (!rp.cut && !(stopUntil(now) && runTo(Math.max(now, sched.now)))) rp.cut = true;
    for (const [ns, t] of this.terms) if (t.proc?.done) this.finish(ns);
    this.replaying = false;
  }

  /**
   * Runs a replayed lab on to `now` with `log`, when `log` begins with exactly the entries replayed so far
   * and `now` lies after the clock (a probe at a later event continues from the one before); false when
   * it cannot, and the caller replays from the start.
   */
  resume(log: readonly LogEntry[], now: number): boolean {
    const rp = this.replay;
    if (!rp || rp.cut || now <= this.now || log.length < rp.log.length) return false;
    for (let i = 0; i < rp.log.length; i++) if (!sameEntry(rp.log[i]!, log[i]!)) return false;
    if (log.slice(rp.log.length).some((e) => e.at < this.now)) return false;
    this.replayTo(log, now);
    return !rp.cut;
  }

  private term(ns: TermId): Term {
    let t = this.terms.get(ns);
    if (!t) {
      t = { queue: [], proc: null, entryId: null };
      this.terms.set(ns, t);
    }
    return t;
  }

  /** Starts queued lines until one keeps running on the clock or the queue is empty. */
  private pump(ns: TermId): void {
    const t = this.term(ns);
    if (t.proc?.done) this.finish(ns);
    while (!t.proc && t.queue.length) {
      const q = t.queue.shift()!;
      if (!q.quiet) this.emit(fromWorker({ type: 'started', ns, line: q.line, at: this.now }));
      if (q.line.trim().startsWith('#') || !q.line.trim()) continue;
      if (!this.world.netns(termNs(ns))) {
        this.print(ns, `netlab: network namespace "${termNs(ns)}" no longer exists`);
        continue;
      }
      this.exec(ns, q, null);
    }
    if (!t.proc) this.emit(fromWorker({ type: 'idle', ns }));
  }

  /** Runs one line now; a new line is logged, a replayed one keeps its id. */
  private exec(ns: TermId, q: Queued, replayedId: number | null, replayedAt?: number): void {
    let id = replayedId;
    if (id === null) {
      id = this.nextId++;
      const entry: LogEntry = { id, group: q.group, ns, line: q.line, at: this.now, mode: q.mode };
      this.emit(fromWorker({ type: 'logged', entry }));
      this.beforeExec?.(entry);
    } else this.beforeExec?.({ id, group: q.group, ns, line: q.line, at: replayedAt ?? this.now, mode: q.mode });
    const sink = q.quiet ? () => {} : (l: string) => this.print(ns, l);
    if (q.mode === 'sync') {
      for (const l of this.shell.run(q.line, termNs(ns)).lines) sink(l);
      return;
    }
    const r = this.shell.start(q.line, sink, termNs(ns));
    this.captures.add(id, ns, r.proc);
    if (r.proc && !r.proc.done) {
      const t = this.term(ns);
      t.proc = r.proc;
      t.entryId = id;
    }
  }

  private finish(ns: TermId): void {
    const t = this.term(ns);
    t.proc = null;
    t.entryId = null;
  }

  private interrupt(ns: TermId): void {
    const t = this.terms.get(ns);
    if (!t?.proc || t.proc.done) {
      if (t) t.queue = [];
      this.print(ns, '^C');
      this.pump(ns);
      return;
    }
    this.print(ns, '^C');
    t.proc.interrupt();
    this.emit(fromWorker({ type: 'stopped', id: t.entryId!, at: this.now }));
    t.queue = [];
    this.finish(ns);
    this.pump(ns);
  }

  private print(ns: TermId, line: string): void {
    if (this.replaying) return;
    const last = this.pending[this.pending.length - 1];
    // the sim's clock when the process printed it: one message per terminal and µs
    if (last?.type === 'output' && last.ns === ns && last.at === this.now) return void last.lines.push(line);
    // a terminal that prints faster than a person reads (tcpdump in a storm): past a few hundred messages
    // in one flush its lines join the latest message, and only a scrollback's worth of them is kept (the
    // page shows no more), so the page gets a bounded batch however fast the lab prints
    const mine = this.printed.get(ns);
    if (mine && mine.count >= OUTPUT_MESSAGES_PER_FLUSH) {
      mine.msg.lines.push(line);
      mine.msg.at = this.now;
      if (mine.msg.lines.length > 2 * SCROLLBACK) mine.msg.lines.splice(0, mine.msg.lines.length - SCROLLBACK);
      return;
    }
    const msg = fromWorker({ type: 'output', ns, lines: [line], at: this.now }) as Extract<
      FromWorker,
      { type: 'output' }
    >;
    this.printed.set(ns, { count: (mine?.count ?? 0) + 1, msg });
    this.emit(msg);
  }

  private emit(m: FromWorker): void {
    if (!this.replaying) this.pending.push(m);
  }

  private flushOutput(): void {
    const msgs = this.pending;
    this.pending = [];
    this.printed.clear();
    for (const m of msgs)
      if (m.type === 'output' && m.lines.length > SCROLLBACK) m.lines.splice(0, m.lines.length - SCROLLBACK);
    // the events first: the page then knows the flow a line belongs to when the line comes
    this.postTrace(this.stream);
    for (const m of msgs) this.post(m);
    for (const cap of this.captures.updates()) this.post(fromWorker({ type: 'capture', cap }));
    this.postStorm();
  }

  /** A storm as it starts, every few flushes while it lasts (its rate), and its end. */
  private postStorm(force = false): void {
    const r = this.world.rxBacklog.report();
    if (!r && !this.storming) return;
    if (r && this.storming && !force && ++this.stormAge < STORM_EVERY) return;
    this.stormAge = 0;
    this.storming = !!r;
    this.post(fromWorker({ type: 'storm', storm: r }));
  }

  /** Sends output, trace events, captures and, when the kernel state changed, a snapshot. */
  flush(): void {
    this.flushOutput();
    this.postSnapshot();
  }

  /** A stream's batch of trace events, its buffer handed over rather than copied. */
  private postTrace(stream: TraceStream): void {
    const batch = stream.drain();
    if (batch) this.post(fromWorker({ type: 'trace', events: batch.events, dropped: batch.dropped }), batch.buffers);
  }

  /** What changed in the kernel's state since the last snapshot (the whole of it after a (re)load), if anything. */
  private postSnapshot(): void {
    const diff = this.differ.diff(takeSnapshot(this.world, this.snapCache));
    if (diff) this.post(fromWorker({ type: 'snapshot', diff }));
  }
}

/**
 * The kernel's tables as they were just after one trace event: a World(seed) replays the log up to the
 * event's virtual time and is read when the next step happens (or at the end of that µs). The simulation is
 * deterministic, so the replay meets the same event. The live lab is not touched. The probing lab is kept:
 * a probe at a later µs of the same log (a flow played forwards) runs it on from the last probe, a
 * checkpoint, instead of replaying from time 0; an earlier one, or a changed log, starts afresh.
 */
export class Prober {
  private lab: Lab | null = null;
  private seed = 0;
  private at: EventRef | null = null;
  private n = 0;
  private met = false;
  private snap: Snapshot | null = null;
  /** replays started from time 0 (the others ran on from the probe before) */
  fresh = 0;

  probe(seed: number, log: readonly LogEntry[], at: EventRef): { snap: Snapshot; exact: boolean } {
    this.at = at;
    this.n = 0;
    this.met = false;
    this.snap = null;
    const upTo = log.filter((e) => e.at <= at.time);
    if (!(this.lab && this.seed === seed && this.lab.resume(upTo, at.time))) {
      this.lab = new Lab(() => {}, { observe: (e, world) => this.see(e, world) });
      this.seed = seed;
      this.fresh++;
      this.lab.handle(toWorker({ type: 'load', seed, log: upTo, now: at.time }));
    }
    return { snap: this.snap ?? takeSnapshot(this.lab.liveWorld), exact: this.met };
  }

  private see(e: TraceEvent, world: World): void {
    const at = this.at;
    if (this.snap || !at) return;
    if (this.met) this.snap = takeSnapshot(world);
    else if (
      e.time === at.time &&
      e.type === at.type &&
      e.ns === at.ns &&
      e.dev === at.dev &&
      e.frameId === at.frameId &&
      this.n++ === at.nth
    )
      this.met = true;
  }
}

/** The tables at one event, from a fresh replay (web/worker/lab.ts Prober keeps its lab between probes). */
export function probe(seed: number, log: readonly LogEntry[], at: EventRef): { snap: Snapshot; exact: boolean } {
  return new Prober().probe(seed, log, at);
}
