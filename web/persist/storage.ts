// Where labs are kept in the browser: IndexedDB (idb-keyval), so that large labs fit; localStorage only
// where IndexedDB is missing or refuses (then a lab over ~5 MB cannot be kept, and the page says so). The
// autosave written by earlier versions in localStorage is moved over on first load.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { LabFile } from './format';

/** The key earlier versions kept the autosaved lab under, in localStorage. */
export const LEGACY_KEY = 'netlab:lab:v1';
/** The shared slot every tab saves to unless it chose to work on a copy. */
export const MAIN_SLOT = 'autosave';
const HISTORY_KEY = 'history';
/** Labs kept in Lab › Recent labs. */
export const HISTORY_MAX = 10;
/** localStorage's usual quota: a fallback save larger than this is refused before the browser does. */
export const LOCAL_MAX_BYTES = 5 * 1024 * 1024;

/** A lab that was replaced, kept to be restored from the Lab menu. */
export interface RecentLab {
  id: string;
  /** when it was replaced (ms since the epoch) */
  savedAt: number;
  lab: LabFile;
}

export type SaveError = 'full' | 'off' | 'large';

let store: UseStore | null | undefined;

function idb(): UseStore | null {
  if (store !== undefined) return store;
  try {
    store = typeof indexedDB === 'undefined' || !indexedDB ? null : createStore('netlab', 'labs');
  } catch {
    store = null;
  }
  return store;
}

const localKey = (key: string) => (key === MAIN_SLOT ? LEGACY_KEY : `netlab:${key}`);

function localGet(key: string): unknown {
  try {
    const text = localStorage.getItem(localKey(key));
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function localSet(key: string, value: unknown): SaveError | null {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return 'off';
  }
  if (text.length * 2 > LOCAL_MAX_BYTES) return 'large';
  try {
    localStorage.setItem(localKey(key), text);
    return null;
  } catch (e) {
    return (e as DOMException)?.name === 'QuotaExceededError' ? 'full' : 'off';
  }
}

/** Reads a key; undefined when missing or unreadable. */
export async function readKey(key: string): Promise<unknown> {
  const s = idb();
  if (s) {
    try {
      return await get(key, s);
    } catch {
      /* IndexedDB refused (private mode, disabled): the fallback */
    }
  }
  return localGet(key);
}

/** Writes a key; what went wrong, or null. */
export async function writeKey(key: string, value: unknown): Promise<SaveError | null> {
  const s = idb();
  if (s) {
    try {
      await set(key, value, s);
      return null;
    } catch (e) {
      if ((e as DOMException)?.name === 'QuotaExceededError') return 'full';
      /* IndexedDB refused: the fallback */
    }
  }
  return localSet(key, value);
}

/**
 * Moves the autosave of earlier versions (localStorage) into IndexedDB, once: kept where it is if
 * IndexedDB cannot take it, dropped from localStorage once it is safely there.
 */
export async function migrateLegacy(): Promise<void> {
  const s = idb();
  if (!s) return;
  let text: string | null = null;
  try {
    text = localStorage.getItem(LEGACY_KEY);
  } catch {
    return;
  }
  if (text === null) return;
  try {
    if ((await get(MAIN_SLOT, s)) === undefined) await set(MAIN_SLOT, JSON.parse(text), s);
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    /* left in localStorage, read from there */
  }
}

export async function readHistory(): Promise<RecentLab[]> {
  const h = await readKey(HISTORY_KEY);
  return Array.isArray(h) ? (h as RecentLab[]) : [];
}

/** Keeps `lab` first in the recent labs, the oldest dropped past HISTORY_MAX. */
export async function pushHistory(lab: LabFile, now = Date.now()): Promise<RecentLab[]> {
  const h = await readHistory();
  const item: RecentLab = { id: `${now}-${Math.random().toString(36).slice(2, 8)}`, savedAt: now, lab };
  const next = [item, ...h].slice(0, HISTORY_MAX);
  await writeKey(HISTORY_KEY, next);
  return next;
}
