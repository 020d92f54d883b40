// Whole labs, as opposed to edits within one: the labs replaced by another (undo brings them back), the
// recent labs the Lab menu offers, the question asked before a changed lab is replaced, and the state of
// saving (this tab saving or not, the last failure) and of the worker's heartbeat.
import type { StateCreator } from 'zustand';
import type { LabFile } from '../persist/format';
import type { RecentLab } from '../persist/storage';
import type { LabState } from './index';

/** What would replace the open lab, for the question and the notices. */
export type Replacement =
  | { kind: 'preset'; name: string }
  | { kind: 'lesson'; name: string }
  | { kind: 'link' }
  | { kind: 'file'; name: string }
  | { kind: 'new' }
  | { kind: 'recent'; name: string }
  | { kind: 'import' };

/** A worker that stopped answering: since when (page ms) and the command it was running, if known. */
export interface Hung {
  since: number;
  line: string | null;
  /** the page offers to stop it */
  offer: boolean;
}

/** Labs undo can bring back, at most. */
export const UNDO_LABS_MAX = 10;

export interface LabsSlice {
  /** labs replaced by another, newest last: undo brings the last one back once the open lab has no edits left */
  undoLabs: LabFile[];
  recent: RecentLab[];
  /** the question on screen before a changed lab is replaced */
  replacing: Replacement | null;
  /** two tabs on the same lab: 'ask' this tab waits for the reader's choice, 'lost' another tab took it over */
  tabs: 'alone' | 'ask' | 'lost';
  hung: Hung | null;
  setReplacing: (r: Replacement | null) => void;
  setRecent: (r: RecentLab[]) => void;
  pushUndoLab: (lab: LabFile) => void;
  setTabs: (t: LabsSlice['tabs']) => void;
  setHung: (h: Hung | null) => void;
}

export const createLabsSlice: StateCreator<LabState, [], [], LabsSlice> = (set) => ({
  undoLabs: [],
  recent: [],
  replacing: null,
  tabs: 'alone',
  hung: null,
  setReplacing: (replacing) => set({ replacing }),
  setRecent: (recent) => set({ recent }),
  pushUndoLab: (lab) => set((s) => ({ undoLabs: [...s.undoLabs, lab].slice(-UNDO_LABS_MAX) })),
  setTabs: (tabs) => set({ tabs }),
  setHung: (hung) => set({ hung }),
});
