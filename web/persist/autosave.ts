// Autosave: the open lab in IndexedDB (storage.ts), written shortly after every change and when the page
// hides; a save that fails is said at once, with the lab file offered for download. On start, the saved
// lab comes back, then a shared link in the fragment is opened over it (asked first when the saved lab
// holds work), else the caller's default lab is built.
import { useLab, type LabState } from '../store';
import { checkLab, type LabFile } from './format';
import { PRESETS } from '../../sim/index';
import { applyLab, currentLab } from './lab';
import { decodeShare } from './share';
import { t, tf } from '../i18n/strings';
import { migrateLegacy, readKey, writeKey, LOCAL_MAX_BYTES, type SaveError } from './storage';
import { EMPTY_LAB, labChanged, replaceLab, startReplacing, whatText } from './replace';
import { mayWrite, slot, startTabs } from './tabs';

const DELAY_MS = 250;

// a stopped playback position is saved; a flow playing on is not followed frame by frame
const watched = (s: LabState) =>
  [
    s.seed,
    s.log,
    s.now,
    s.positions,
    s.presetId,
    s.lesson,
    s.lessonStep,
    s.lessonMarks,
    s.flow.playing && !s.flow.stepping ? -1 : s.flow.cursor,
    s.flow.speed,
  ] as const;

/**
 * A lab always holds its preset's commands once built. One that holds fewer is still being built (the
 * worker's log arrives a message at a time, and a page can be left between two): not worth keeping over
 * the lab saved before.
 */
export function presetBuilt(lab: LabFile): boolean {
  if (lab.presetId === EMPTY_LAB) return true;
  const p = PRESETS.find((x) => x.id === lab.presetId);
  if (!p) return lab.log.length > 0;
  const want = p.commands.filter((l) => l.trim() && !l.trim().startsWith('#')).length;
  return lab.log.filter((e) => e.group === `preset:${p.id}`).length >= want;
}

let failed: SaveError | null = null;

function saveFailedText(why: SaveError): string {
  const lang = useLab.getState().lang;
  const reason =
    why === 'full'
      ? t('storageFull', lang)
      : why === 'large'
        ? tf('tooLarge', lang, { mb: LOCAL_MAX_BYTES / 1024 / 1024 })
        : t('storageOff', lang);
  return tf('saveFailed', lang, { why: reason });
}

/** Says at once that saving failed (once per failure, not on every retry), and when it works again. */
function report(err: SaveError | null): void {
  if (err === failed) return;
  const s = useLab.getState();
  const was = failed;
  failed = err;
  if (err) {
    s.setNotice({
      kind: 'error',
      text: saveFailedText(err),
      actions: [{ label: t('download', s.lang), run: () => void import('./files').then((f) => f.saveLabFile()) }],
    });
  } else if (was) s.setNotice({ kind: 'info', text: t('saveAgain', s.lang) });
}

/** Saves the open lab now (when this tab is the one saving it); resolves when written. */
export async function saveNow(): Promise<void> {
  const lab = currentLab();
  if (!presetBuilt(lab) || !mayWrite()) return;
  report(await writeKey(slot(), lab));
}

function startAutosave(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = watched(useLab.getState());
  useLab.subscribe((s) => {
    const w = watched(s);
    if (w.every((x, i) => x === last[i])) return;
    last = w;
    if (timer === null) timer = setTimeout(() => ((timer = null), void saveNow()), DELAY_MS);
  });
  addEventListener('pagehide', () => void saveNow());
}

/** The lab saved in this tab's slot: checked like a file (storage is input too). */
export async function readSaved(): Promise<ReturnType<typeof checkLab> | null> {
  const v = await readKey(slot());
  return v === undefined ? null : checkLab(v);
}

const notify = (kind: 'error' | 'info', text: string) => useLab.getState().setNotice({ kind, text });

/** Opens the lab of a shared link: over a changed lab only once the reader agrees. */
function openShared(lab: LabFile): void {
  replaceLab({ kind: 'link' }, () => {
    applyLab(lab);
    const lang = useLab.getState().lang;
    notify('info', tf('openedPlain', lang, { what: whatText({ kind: 'link' }, lang) }));
  });
}

/** The fragment's shared lab, if any; the fragment is dropped so that a reload keeps later edits. */
async function takeFragment(): Promise<ReturnType<typeof checkLab> | null> {
  const r = await decodeShare(location.hash);
  if (!r) return null;
  history.replaceState(null, '', location.pathname + location.search);
  if (!r.ok) {
    const lang = useLab.getState().lang;
    notify('error', tf('refused', lang, { what: t('refusedLink', lang), problems: r.problems.slice(0, 3).join('; ') }));
  }
  return r;
}

/** Opens a shared link if the fragment holds one; a broken one leaves the open lab as it is. */
export async function openSharedFragment(): Promise<void> {
  const r = await takeFragment();
  if (r?.ok) openShared(r.lab);
}

/** Builds the first lab: the autosaved lab (or `fallback()`), then the shared link over it, if any. */
export async function startLab(fallback: () => void): Promise<void> {
  await migrateLegacy();
  await startTabs();
  const shared = location.hash ? await takeFragment() : null;
  const r = await readSaved();
  const saved = r?.ok && r.lab.log.length ? r.lab : null;
  if (shared?.ok && !(saved && labChanged(saved))) {
    // nothing of the user's to keep: the link's lab straight away, without building another first
    applyLab(shared.lab);
    const lang = useLab.getState().lang;
    notify('info', tf('openedPlain', lang, { what: whatText({ kind: 'link' }, lang) }));
  } else {
    if (saved) applyLab(saved);
    else {
      fallback();
      if (r && !r.ok) {
        const lang = useLab.getState().lang;
        notify(
          'error',
          tf('refused', lang, { what: t('refusedAutosave', lang), problems: r.problems.slice(0, 3).join('; ') }),
        );
      }
    }
    if (shared?.ok) openShared(shared.lab);
  }
  await startReplacing();
  startAutosave();
  addEventListener('hashchange', () => void openSharedFragment());
}
