// The messages between the page and the simulation worker: commands in; snapshots, output and trace out.
// Versioned so that a page and a worker from different builds refuse each other instead of misreading.
import type { Snapshot } from '../sim/snapshot';
import type { TraceEvent } from '../sim/net/trace';

export const PROTOCOL_VERSION = 1;

/** One command the lab ran, with the virtual times that let a fresh World replay it exactly. */
export interface LogEntry {
  id: number;
  /** the user action it belongs to: undo removes a whole group */
  group: string;
  /** the namespace (terminal) it ran in */
  ns: string;
  line: string;
  /** virtual µs when it started */
  at: number;
  /** 'sync': ran to its end at once (presets); 'async': ran on the clock in real time (the terminal) */
  mode: 'sync' | 'async';
  /** virtual µs when Ctrl-C stopped it */
  stopAt?: number;
}

export type ToWorker =
  /** (Re)build the lab: a fresh World(seed), the log replayed, the clock run to `now`. */
  | { v: 1; type: 'load'; seed: number; log: LogEntry[]; now: number }
  /** Queue lines on a terminal; they start one after another as each one ends. */
  | { v: 1; type: 'run'; ns: string; lines: string[]; group: string; mode: 'sync' | 'async' }
  | { v: 1; type: 'interrupt'; ns: string }
  | { v: 1; type: 'trace'; on: boolean };

export type FromWorker =
  | { v: 1; type: 'ready' }
  /** the lab was rebuilt; `busy` lists the terminals whose process still runs */
  | { v: 1; type: 'loaded'; now: number; busy: string[] }
  | { v: 1; type: 'snapshot'; snap: Snapshot }
  /** a line starts on a terminal: the page echoes it after the prompt */
  | { v: 1; type: 'started'; ns: string; line: string }
  | { v: 1; type: 'output'; ns: string; lines: string[] }
  /** the terminal's queue is empty and nothing runs */
  | { v: 1; type: 'idle'; ns: string }
  | { v: 1; type: 'logged'; entry: LogEntry }
  | { v: 1; type: 'stopped'; id: number; at: number }
  | { v: 1; type: 'trace'; events: TraceEvent[] }
  | { v: 1; type: 'error'; message: string };

type Body<U> = U extends unknown ? Omit<U, 'v'> : never;

export function toWorker(m: Body<ToWorker>): ToWorker {
  return { ...m, v: PROTOCOL_VERSION } as ToWorker;
}

export function fromWorker(m: Body<FromWorker>): FromWorker {
  return { ...m, v: PROTOCOL_VERSION } as FromWorker;
}

const TO_TYPES: ReadonlySet<string> = new Set(['load', 'run', 'interrupt', 'trace']);
const FROM_TYPES: ReadonlySet<string> = new Set(['ready', 'loaded', 'snapshot', 'started', 'output', 'idle', 'logged', 'stopped', 'trace', 'error']);

function isMsg(x: unknown, types: ReadonlySet<string>): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { v?: unknown; type?: unknown };
  return m.v === PROTOCOL_VERSION && typeof m.type === 'string' && types.has(m.type);
}

export const isToWorker = (x: unknown): x is ToWorker => isMsg(x, TO_TYPES);
export const isFromWorker = (x: unknown): x is FromWorker => isMsg(x, FROM_TYPES);
