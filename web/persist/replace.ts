// One way for anything to replace the open lab (a preset, a lesson, a shared link, a lab file, a new lab, a
// recent lab, an imported script): a lab the user changed is asked about first; the replaced lab is kept
// (one undo step away, and in Lab › Recent labs when it held work), so opening something never loses work.
import { useLab, type LabState } from '../store';
import type { Replacement } from '../store/labs';
import { setLabSwap } from '../store/labPort';
import { lastEdit } from '../store/playback';
import { post } from '../store/port';
import { toWorker } from '../protocol';
import { PRESETS } from '../../sim/index';
import { BUILT_IN_LESSONS } from '../lessons/builtin';
import { tf } from '../i18n/strings';
import type { Lang } from '../i18n/lang';
import { checkLab, type LabFile } from './format';
import { applyLab, currentLab } from './lab';
import { pushHistory, readHistory, type RecentLab } from './storage';

/** The presetId of a lab started empty. */
export const EMPTY_LAB = 'empty';

let pending: (() => void) | null = null;

/** A lab holds the user's work: an edit undo could take back, a dragged node, or commands beyond its base. */
export function labChanged(lab: LabFile, s?: Pick<LabState, 'moves'>): boolean {
  return lastEdit(lab.log, s?.moves ?? []) !== null || Object.keys(lab.positions).length > 0;
}

/** A lab's name in the recent list: its diagram or lesson and how many commands it ran. */
export function labName(lab: LabFile, lang: Lang): string {
  const preset = PRESETS.find((p) => p.id === lab.presetId);
  const lesson = lab.presetId.startsWith('lesson:') ? BUILT_IN_LESSONS[lab.presetId.slice(7)] : undefined;
  const name =
    preset?.title ?? lesson?.title ?? (lab.presetId === EMPTY_LAB ? tf('emptyLabName', lang, {}) : lab.presetId);
  const n = lab.log.filter((e) => !e.line.trim().startsWith('#')).length;
  return tf('labName', lang, { name, n });
}

/** "the diagram ...", "the shared link", ... in the reader's language. */
export function whatText(r: Replacement, lang: Lang): string {
  switch (r.kind) {
    case 'preset':
      return tf('whatPreset', lang, { name: r.name });
    case 'lesson':
      return tf('whatLesson', lang, { name: r.name });
    case 'link':
      return tf('whatLink', lang, {});
    case 'file':
      return tf('whatFile', lang, { name: r.name });
    case 'new':
      return tf('whatNew', lang, {});
    case 'recent':
      return tf('whatRecent', lang, { name: r.name });
    case 'import':
      return tf('whatImport', lang, {});
  }
}

/** Keeps the open lab: one undo step back, and among the recent labs when it held work. */
async function keep(old: LabFile, changed: boolean): Promise<void> {
  useLab.getState().pushUndoLab(old);
  if (changed) useLab.getState().setRecent(await pushHistory(old).catch(() => useLab.getState().recent));
}

/**
 * Replaces the open lab by running `run` (which applies the new one), asking first when the open lab
 * holds work. Returns at once; `run` runs now or once the reader accepts.
 */
export function replaceLab(what: Replacement, run: () => void): void {
  const s = useLab.getState();
  const old = currentLab(s);
  const changed = labChanged(old, s);
  if (!changed) {
    if (old.log.length) void keep(old, false);
    run();
    return;
  }
  pending = () => {
    void keep(old, true);
    run();
  };
  s.setReplacing(what);
}

export function acceptReplace(): void {
  const run = pending;
  pending = null;
  useLab.getState().setReplacing(null);
  run?.();
}

export function declineReplace(): void {
  pending = null;
  useLab.getState().setReplacing(null);
}

/** A new lab with nothing in it: a fresh World with the lab's seed. */
export function newEmptyLab(): void {
  const s = useLab.getState();
  useLab.setState({
    log: [],
    redoStack: [],
    moves: [],
    now: 0,
    presetId: EMPTY_LAB,
    positions: {},
    selectedId: null,
    selectedNs: 'host',
    activeTerm: 'host',
  });
  s.termsReset();
  s.flowReset();
  s.clearCaptures();
  s.setLesson(null);
  post(toWorker({ type: 'load', seed: s.seed, log: [], now: 0 }));
}

/** Opens a recent lab (checked again: storage is input too). */
export function openRecent(item: RecentLab): void {
  const lang = useLab.getState().lang;
  const r = checkLab(item.lab);
  if (!r.ok) {
    useLab.getState().setNotice({
      kind: 'error',
      text: tf('refused', lang, { what: labName(item.lab, lang), problems: r.problems.slice(0, 3).join('; ') }),
    });
    return;
  }
  replaceLab({ kind: 'recent', name: labName(r.lab, lang) }, () => applyLab(r.lab));
}

/** Undo and redo across a replacement: the lab it replaced comes back whole, and can go again. */
function installSwap(): void {
  setLabSwap({
    undo: () => {
      const s = useLab.getState();
      const prev = s.undoLabs.at(-1);
      if (!prev) return;
      const cur = currentLab(s);
      const redo = s.redoStack;
      useLab.setState({ undoLabs: s.undoLabs.slice(0, -1) });
      applyLab(prev);
      useLab.setState({ redoStack: [...redo, { kind: 'lab', lab: cur }] });
    },
    redo: (lab) => {
      const s = useLab.getState();
      const redo = s.redoStack;
      s.pushUndoLab(currentLab(s));
      applyLab(lab);
      useLab.setState({ redoStack: redo });
    },
  });
}

/** Wires undo across replacements and reads the recent labs for the Lab menu. */
export async function startReplacing(): Promise<void> {
  installSwap();
  useLab.getState().setRecent(await readHistory().catch(() => []));
}
