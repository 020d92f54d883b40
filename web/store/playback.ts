// Playback: the command log (kept here, outside the worker, so a dead worker loses nothing), undo and
// redo by replaying the log on a fresh World with the same seed, and presets.
import type { StateCreator } from 'zustand';
import type { LogEntry } from '../protocol';
import { toWorker } from '../protocol';
import { actionSteps, type LabAction, type Step } from '../model/actions';
import { PRESETS } from '../presets/article';
import { post } from './port';
import type { LabState } from './index';

export interface PlaybackSlice {
  seed: number;
  log: LogEntry[];
  /** undone actions, newest last, as the steps to run again */
  redoStack: Step[][];
  /** virtual µs the worker last reported */
  now: number;
  groupSeq: number;
  logged: (e: LogEntry) => void;
  stopped: (id: number, at: number) => void;
  clockAt: (now: number) => void;
  runTyped: (ns: string, text: string) => void;
  runAction: (a: LabAction) => void;
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

export const createPlaybackSlice: StateCreator<LabState, [], [], PlaybackSlice> = (set, get) => ({
  seed: 1,
  log: [],
  redoStack: [],
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
  undo: () => {
    const { log, seed, now } = get();
    const group = lastUndoable(log);
    if (!group) return;
    const undone = log.filter((e) => e.group === group);
    const rest = log.filter((e) => e.group !== group);
    set((s) => ({ log: rest, redoStack: [...s.redoStack, undone.map((e) => ({ ns: e.ns, line: e.line }))] }));
    for (const ns of new Set(undone.map((e) => e.ns))) get().termInfo(ns, `# undo: ${undone.filter((e) => e.ns === ns).map((e) => e.line).join('; ')}`);
    get().flowReset();
    post(toWorker({ type: 'load', seed, log: rest, now }));
  },
  redo: () => {
    const stack = get().redoStack;
    const steps = stack.at(-1);
    if (!steps) return;
    const g = get().groupSeq + 1;
    set({ redoStack: stack.slice(0, -1), groupSeq: g });
    sendSteps(steps, `a${g}`);
  },
  loadPreset: (id) => {
    const p = PRESETS.find((x) => x.id === id);
    if (!p) return;
    const { seed } = get();
    set({ log: [], redoStack: [], now: 0, presetId: id, positions: {}, selectedId: null, selectedNs: 'host', activeTerm: 'host' });
    get().termsReset();
    get().flowReset();
    post(toWorker({ type: 'load', seed, log: [], now: 0 }));
    post(toWorker({ type: 'run', ns: 'host', lines: [...p.commands], group: `preset:${id}`, mode: 'sync' }));
  },
  rebuild: () => {
    const { seed, log, now } = get();
    post(toWorker({ type: 'load', seed, log, now }));
  },
});
