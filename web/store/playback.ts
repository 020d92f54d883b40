// Playback: the command log (kept here, outside the worker, so a dead worker loses nothing), undo and
// redo by replaying the log on a fresh World with the same seed, and presets. Moves of the diagram's
// nodes are edits too: undo takes back whichever came last, a command group or a move.
import type { StateCreator } from 'zustand';
import type { LogEntry } from '../protocol';
import { toWorker } from '../protocol';
import { actionSteps, type LabAction, type Step } from '../model/actions';
import { PRESETS } from '../../sim/labs/presets/article';
import { post } from './port';
import { labSwap } from './labPort';
import type { LabFile } from '../persist/format';
import type { XY } from '../model/layout';
import type { LabState } from './index';
import { own } from '../../sim/core/own';
import { isOutsideWorldLine } from '../../sim/labs/outside_world';
import { tf } from '../i18n/strings';

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
export type Redo = { kind: 'steps'; steps: Step[] } | { kind: 'move'; id: string; to: XY } | { kind: 'lab'; lab: LabFile };

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
  runTyped: (ns: string, text: string) => void;
  runAction: (a: LabAction) => void;
  /** the user dragged a node to `to`: kept, and undoable */
  moveNode: (id: string, to: XY) => void;
  interrupt: (ns: string) => void;
  undo: () => void;
  redo: () => void;
  loadPreset: (id: string) => void;
  /** a new worker: rebuild the lab from the log */
  rebuild: () => void;
}

const isPreset = (g: string) => g.startsWith('preset:');

/** Sends steps as runs, one message per run of consecutive steps in the same terminal. */
function sendSteps(steps: Step[], group: string): void {
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
  stopped: (id, at) => set((s) => ({ log: s.log.map((e) => (e.id === id ? { ...e, stopAt: at } : e)), now: Math.max(s.now, at) })),
  clockAt: (now) => set((s) => (now > s.now ? { now } : s)),
  runTyped: (ns, text) => {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (!lines.length) {
      get().termStarted(ns, '');
      get().termIdle(ns);
      return;
    }
    const g = get().groupSeq + 1;
    set({ groupSeq: g, redoStack: [] });
    for (const l of lines) get().pushHistory(ns, l);
    post(toWorker({ type: 'run', ns, lines, group: `t${g}`, mode: 'async' }));
  },
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
  undo: () => {
    const { log, seed, now, moves } = get();
    const last = lastEdit(log, moves);
    if (!last) {
      // no edit left in this lab: the replacement of the lab before it is the next step back
      if (get().undoLabs.length) labSwap().undo();
      return;
    }
    if (last.kind === 'move') {
      const { id, from, to } = last.move;
      set((s) => {
        const positions = { ...s.positions };
        if (from) positions[id] = from;
        else delete positions[id];
        return { positions, moves: s.moves.slice(0, -1), redoStack: [...s.redoStack, { kind: 'move', id, to }] };
      });
      return;
    }
    const { group } = last;
    const undone = log.filter((e) => e.group === group);
    const rest = log.filter((e) => e.group !== group);
    set((s) => ({ log: rest, redoStack: [...s.redoStack, { kind: 'steps', steps: undone.map((e) => ({ ns: e.ns, line: e.line })) }] }));
    for (const ns of new Set(undone.map((e) => e.ns))) get().termInfo(ns, `# undo: ${undone.filter((e) => e.ns === ns).map((e) => e.line).join('; ')}`);
    get().flowReset();
    post(toWorker({ type: 'load', seed, log: rest, now }));
  },
  redo: () => {
    const stack = get().redoStack;
    const top = stack.at(-1);
    if (!top) return;
    if (top.kind === 'lab') {
      set({ redoStack: stack.slice(0, -1) });
      labSwap().redo(top.lab);
      return;
    }
    const g = get().groupSeq + 1;
    if (top.kind === 'move') {
      const { id, to } = top;
      set((s) => ({
        redoStack: stack.slice(0, -1),
        groupSeq: g,
        moves: [...s.moves, { id, from: own(s.positions, id) ?? null, to, order: g }],
        positions: { ...s.positions, [id]: to },
      }));
      return;
    }
    set({ redoStack: stack.slice(0, -1), groupSeq: g });
    sendSteps(top.steps, `a${g}`);
  },
  loadPreset: (id) => {
    const p = PRESETS.find((x) => x.id === id);
    if (!p) return;
    const { seed } = get();
    set({ log: [], redoStack: [], moves: [], now: 0, presetId: id, positions: {}, selectedId: null, selectedNs: 'host', activeTerm: 'host' });
    get().termsReset();
    get().flowReset();
    post(toWorker({ type: 'load', seed, log: [], now: 0 }));
    // the world around the host (LAN, gateway, internet) is built without a line on the host's terminal
    const runs = quietRuns(p.commands);
    if (runs.some((r) => r.quiet)) get().termInfo('host', tf('term.worldQuiet', get().lang, {}));
    for (const r of runs) post(toWorker({ type: 'run', ns: 'host', lines: r.lines, group: `preset:${id}`, mode: 'sync', quiet: r.quiet }));
  },
  rebuild: () => {
    const { seed, log, now } = get();
    post(toWorker({ type: 'load', seed, log, now }));
  },
});
