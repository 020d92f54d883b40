// Playback: the command log (kept here, outside the worker, so a dead worker loses nothing), the edits
// undo takes back and redo runs again (web/store/actions/lab.ts does both, by replaying the log on a fresh
// World with the same seed), and the moves of the diagram's nodes, which are edits too.
import type { StateCreator } from 'zustand';
import type { LogEntry } from '../protocol';
import { toWorker } from '../protocol';
import { actionSteps, type LabAction, type Step } from '../model/actions';
import { post } from './port';
import type { LabFile } from '../persist/format';
import type { XY } from '../model/layout';
import type { LabState } from './index';
import { own, isOutsideWorldLine } from '../../sim/index';

/** A preset's lines in runs, each quiet (the world around the host) or shown, in their order. */
export function quietRuns(lines: readonly string[]): { quiet: boolean; lines: string[] }[] {
  const runs: { quiet: boolean; lines: string[] }[] = [];
  for (const line of lines) {
    const quiet = isOutsideWorldLine(line);
    const last = runs.at(-1);
    if (last && last.quiet === quiet) last.lines.push(line);
    else runs.push({ quiet, lines: [line] });
  }
  return runs;
}

/** A node dragged on the diagram: where it was (null: where the layout put it) and where it went. */
export interface Move {
  id: string;
  from: XY | null;
  to: XY;
  /** from the same counter as the command groups, so that moves and commands interleave */
  order: number;
}

/** What redo runs again: a command group's steps, or a move. */
/** A lab undone back to the one it replaced is a redo too. */
export type Redo =
  | { kind: 'steps'; steps: Step[] }
  | { kind: 'move'; id: string; to: XY }
  | { kind: 'lab'; lab: LabFile };

export interface PlaybackSlice {
  seed: number;
  log: LogEntry[];
  /** undone edits, newest last */
  redoStack: Redo[];
  /** the diagram's moves, oldest first */
  moves: Move[];
  /** virtual µs the worker last reported */
  now: number;
  groupSeq: number;
  logged: (e: LogEntry) => void;
  stopped: (id: number, at: number) => void;
  clockAt: (now: number) => void;
  runAction: (a: LabAction) => void;
  /** the user dragged a node to `to`: kept, and undoable */
  moveNode: (id: string, to: XY) => void;
  interrupt: (ns: string) => void;
  /** a new worker: rebuild the lab from the log */
  rebuild: () => void;
}

const isPreset = (g: string) => g.startsWith('preset:');

/** Sends steps as runs, one message per run of consecutive steps in the same terminal. */
export function sendSteps(steps: Step[], group: string): void {
  let i = 0;
  while (i < steps.length) {
    const ns = steps[i].ns;
    const lines: string[] = [];
    while (i < steps.length && steps[i].ns === ns) lines.push(steps[i++].line);
    post(toWorker({ type: 'run', ns, lines, group, mode: 'async' }));
  }
}

/** The group undo would take back: the newest one that is not the preset the lab started from. */
export function lastUndoable(log: readonly LogEntry[]): string | null {
  for (let i = log.length - 1; i >= 0; i--) if (!isPreset(log[i].group)) return log[i].group;
  return null;
}

/** The number a group was given (t12, a3, l7); a group from elsewhere counts as the oldest. */
const groupOrder = (g: string) => Number(/^[a-z](\d+)$/.exec(g)?.[1] ?? 0);

export type LastEdit = { kind: 'group'; group: string } | { kind: 'move'; move: Move } | null;

/** The edit undo would take back: the newest command group or move. */
export function lastEdit(log: readonly LogEntry[], moves: readonly Move[]): LastEdit {
  const group = lastUndoable(log);
  const move = moves.at(-1);
  if (move && (group === null || move.order > groupOrder(group))) return { kind: 'move', move };
  return group === null ? null : { kind: 'group', group };
}

export const createPlaybackSlice: StateCreator<LabState, [], [], PlaybackSlice> = (set, get) => ({
  seed: 1,
  log: [],
  redoStack: [],
  moves: [],
  now: 0,
  groupSeq: 0,
  logged: (e) => set((s) => ({ log: [...s.log, e], now: Math.max(s.now, e.at) })),
  stopped: (id, at) =>
    set((s) => ({ log: s.log.map((e) => (e.id === id ? { ...e, stopAt: at } : e)), now: Math.max(s.now, at) })),
  clockAt: (now) => set((s) => (now > s.now ? { now } : s)),
  runAction: (a) => {
    const snap = get().snap;
    if (!snap) return;
    const g = get().groupSeq + 1;
    set({ groupSeq: g, redoStack: [] });
    sendSteps(actionSteps(a, snap), `a${g}`);
  },
  interrupt: (ns) => post(toWorker({ type: 'interrupt', ns })),
  moveNode: (id, to) => {
    const g = get().groupSeq + 1;
    set((s) => ({
      groupSeq: g,
      redoStack: [],
      moves: [...s.moves, { id, from: own(s.positions, id) ?? null, to, order: g }],
      positions: { ...s.positions, [id]: to },
    }));
  },
  rebuild: () => {
    const { seed, log, now } = get();
    post(toWorker({ type: 'load', seed, log, now }));
  },
});
