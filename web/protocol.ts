// The messages between the page and the simulation worker: commands in; snapshots, output, trace events
// and captures out. Versioned so that a page and a worker from different builds refuse each other instead
// of misreading.
import type { StormReport, Snapshot, TraceEvent } from '../sim/index';
import type { SnapshotDiff } from './model/snapDiff';

export const PROTOCOL_VERSION = 5;
/** How often the worker says it is alive. */
export const BEAT_MS = 250;
type V = typeof PROTOCOL_VERSION;

/**
 * A terminal: the namespace it runs in, or `NS#NAME` for another terminal open in that namespace (a
 * capture started from the diagram gets one, so the namespace's own terminal stays free for the ping).
 */
export type TermId = string;

/** One command the lab ran, with the virtual times that let a fresh World replay it exactly. */
/** The lines a terminal keeps (the page), and so the most one flush need send it (the worker). */
export const SCROLLBACK = 3000;

export interface LogEntry {
  id: number;
  /** the user action it belongs to: undo removes a whole group */
  group: string;
  /** the terminal it ran in (its namespace is termNs(ns)) */
  ns: TermId;
  line: string;
  /** virtual µs when it started */
  at: number;
  /** 'sync': ran to its end at once (presets); 'async': ran on the clock in real time (the terminal) */
  mode: 'sync' | 'async';
  /** virtual µs when Ctrl-C stopped it */
  stopAt?: number;
}

/**
 * One trace event, named so that a replay of the same log finds it again: events at the same virtual µs
 * with the same type, place and frame are told apart by their order (`nth`).
 */
export interface EventRef {
  time: number;
  type: TraceEvent['type'];
  ns: string;
  dev: string;
  frameId: number;
  nth: number;
}

/** A tcpdump process: what it captured since `from` (frames and the lines `tcpdump -n -e` prints for them). */
export interface CaptureUpdate {
  /** the log entry of the command that started it (stable across rebuilds) */
  id: number;
  term: TermId;
  ns: string;
  dev: string;
  running: boolean;
  /** index of the first frame below in the whole capture; earlier ones are kept, later ones replaced */
  from: number;
  /** frames the capture took in all; the page keeps the last CAPTURE_RING of them, as the capture does */
  total: number;
  frames: { time: number; data: Uint8Array }[];
  lines: string[];
}

export type ToWorker =
  /**
   * (Re)build the lab: a fresh World(seed), the log replayed, the clock run to `now`. With `traceFrom`,
   * the replay's trace events from that virtual time on are sent (a restored playback position needs
   * the flow it points into), after the snapshot and before `loaded`.
   */
  | { v: V; type: 'load'; seed: number; log: LogEntry[]; now: number; traceFrom?: number }
  /** Queue lines on a terminal; they start one after another as each one ends. */
  /** `quiet`: run without echo or output on the terminal (the world around the host a preset builds) */
  | { v: V; type: 'run'; ns: TermId; lines: string[]; group: string; mode: 'sync' | 'async'; quiet?: boolean }
  | { v: V; type: 'interrupt'; ns: TermId }
  /** Stream trace events (someone watches packet flows) or stop. */
  | { v: V; type: 'trace'; on: boolean }
  /** The kernel's tables at event `at`, from a fresh World(seed) replaying `log` (the live lab is untouched). */
  | { v: V; type: 'probe'; id: number; seed: number; log: LogEntry[]; at: EventRef };

export type FromWorker =
  | { v: V; type: 'ready' }
  /**
   * the lab was rebuilt; `busy` lists the terminals whose process still runs. `cut`: the replay reached its
   * bound (MAX_REPLAY_EVENTS) at `now`, and the log's entries from `kept` on were not replayed
   */
  | { v: V; type: 'loaded'; now: number; busy: string[]; cut?: { kept: number; events: number } }
  /** what changed in the kernel's state (web/model/snapDiff.ts); `full` after a (re)load */
  | { v: V; type: 'snapshot'; diff: SnapshotDiff }
  /** a line starts on a terminal: the page echoes it after the prompt */
  | { v: V; type: 'started'; ns: TermId; line: string; at: number }
  /** lines a process printed, at virtual µs `at` (packet flow shows them when its playback gets there) */
  | { v: V; type: 'output'; ns: TermId; lines: string[]; at: number }
  /** the terminal's queue is empty and nothing runs */
  | { v: V; type: 'idle'; ns: TermId }
  | { v: V; type: 'logged'; entry: LogEntry }
  | { v: V; type: 'stopped'; id: number; at: number }
  /** events since the last batch, oldest first; `dropped` were left out to keep the batch bounded */
  | { v: V; type: 'trace'; events: TraceEvent[]; dropped: number }
  /** the answer to a probe; `exact` false: the event was not found, the tables are those at the end of its µs */
  | { v: V; type: 'probe'; id: number; snap: Snapshot; exact: boolean }
  | { v: V; type: 'capture'; cap: CaptureUpdate }
  /** a broadcast storm: the CPU's backlog is full and drops frames (null: it ran empty, the storm is over) */
  | { v: V; type: 'storm'; storm: StormReport | null }
  | { v: V; type: 'error'; message: string }
  /** the worker is alive: its event loop ran a timer (every BEAT_MS); every message sent before was handled */
  | { v: V; type: 'beat' }
  /** a command is about to run (live or replayed): if the worker stops answering now, this is why */
  | { v: V; type: 'exec'; entry: LogEntry }
  /** what one message or one tick of the worker produced, in order (web/worker/outbox.ts): applied as one update */
  | { v: V; type: 'batch'; msgs: FromWorker[] };

type Body<U> = U extends unknown ? Omit<U, 'v'> : never;

export function toWorker(m: Body<ToWorker>): ToWorker {
  return { ...m, v: PROTOCOL_VERSION } as ToWorker;
}

export function fromWorker(m: Body<FromWorker>): FromWorker {
  return { ...m, v: PROTOCOL_VERSION } as FromWorker;
}

const TO_TYPES: ReadonlySet<string> = new Set(['load', 'run', 'interrupt', 'trace', 'probe']);
const FROM_TYPES: ReadonlySet<string> = new Set([
  'ready',
  'loaded',
  'snapshot',
  'started',
  'output',
  'idle',
  'logged',
  'stopped',
  'trace',
  'probe',
  'capture',
  'storm',
  'error',
  'beat',
  'exec',
  'batch',
]);

function isMsg(x: unknown, types: ReadonlySet<string>): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { v?: unknown; type?: unknown };
  return m.v === PROTOCOL_VERSION && typeof m.type === 'string' && types.has(m.type);
}

export const isToWorker = (x: unknown): x is ToWorker => isMsg(x, TO_TYPES);
export const isFromWorker = (x: unknown): x is FromWorker => isMsg(x, FROM_TYPES);

/** The namespace a terminal runs in. */
export const termNs = (t: TermId): string => t.split('#')[0];
