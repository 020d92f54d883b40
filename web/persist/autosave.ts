// Autosave: the open lab in localStorage, written shortly after every change and when the page hides;
// on start, a shared link in the fragment wins, then the saved lab, then the caller's default.
import { useLab, type LabState } from '../store';
import { checkLab, problemsText, type LabFile } from './format';
import { PRESETS } from '../presets/article';
import { applyLab, currentLab } from './lab';
import { decodeShare, shareRefused } from './share';

export const STORAGE_KEY = 'netlab:lab:v1';
const DELAY_MS = 250;

// a stopped playback position is saved; a flow playing on is not followed frame by frame
const watched = (s: LabState) => [s.seed, s.log, s.now, s.positions, s.presetId, s.lesson, s.lessonStep, s.lessonMarks, s.flow.playing && !s.flow.stepping ? -1 : s.flow.cursor, s.flow.speed] as const;

/**
 * A lab always holds its preset's commands once built. One that holds fewer is still being built (the
 * worker's log arrives a message at a time, and a page can be left between two): not worth keeping over
 * the lab saved before.
 */
export function presetBuilt(lab: LabFile): boolean {
  const p = PRESETS.find((x) => x.id === lab.presetId);
  if (!p) return lab.log.length > 0;
  const want = p.commands.filter((l) => l.trim() && !l.trim().startsWith('#')).length;
  return lab.log.filter((e) => e.group === `preset:${p.id}`).length >= want;
}

function save(): void {
  const lab = currentLab();
  if (!presetBuilt(lab)) return;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(lab));
  } catch {
    /* storage full or off: the lab still works, unsaved */
  }
}

function startAutosave(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = watched(useLab.getState());
  useLab.subscribe((s) => {
    const w = watched(s);
    if (w.every((x, i) => x === last[i])) return;
    last = w;
    if (timer === null) timer = setTimeout(() => ((timer = null), save()), DELAY_MS);
  });
  addEventListener('pagehide', save);
}

function saved(): ReturnType<typeof checkLab> | null {
  let text: string | null = null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    return checkLab(JSON.parse(text));
  } catch {
    return { ok: false, problems: ['not JSON'] };
  }
}

/** Opens a shared link if the fragment holds one; a broken one leaves the open lab as it is. */
export async function openSharedFragment(): Promise<boolean> {
  const r = await decodeShare(location.hash);
  if (!r) return false;
  history.replaceState(null, '', location.pathname + location.search); // a reload keeps later edits
  if (!r.ok) {
    useLab.getState().setNotice({ kind: 'error', text: shareRefused(r.problems) });
    return false;
  }
  applyLab(r.lab);
  useLab.getState().setNotice({ kind: 'info', text: 'Opened the shared lab.' });
  return true;
}

/** Builds the first lab: the shared link, else the autosaved lab, else `fallback()`. */
export async function startLab(fallback: () => void): Promise<void> {
  let opened = false;
  if (location.hash) opened = await openSharedFragment();
  if (!opened) {
    const r = saved();
    if (r?.ok && r.lab.log.length) applyLab(r.lab);
    else {
      fallback();
      if (r && !r.ok) useLab.getState().setNotice({ kind: 'error', text: problemsText('The autosaved lab', r.problems) });
    }
  }
  startAutosave();
  addEventListener('hashchange', () => void openSharedFragment());
}
