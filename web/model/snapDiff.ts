// What crosses from the worker to the page after a command: the snapshot's changes only. Every list of
// a namespace (devices, routes, neighbours, FDB) is a list of rows with stable keys (a device's ifindex,
// a neighbour's device and address, ...); the worker sends the rows that are new or changed and, when
// rows came, went or moved, the one stretch of keys that differs (the common head and tail stay). The
// page rebuilds the snapshot from the previous one, reusing every unchanged row, list and namespace
// object, so React's memo and the diagram see unchanged things as the same objects.
import type { DevSnap, FdbSnap, NeighSnap, NsSnap, RouteSnap, Snapshot } from '../../sim/index';

/** keys[start .. start+deleteCount) replaced by `insert` */
export interface KeySplice {
  start: number;
  deleteCount: number;
  insert: string[];
}

export interface ListDiff<T> {
  splice?: KeySplice;
  /** rows new or changed, with their keys */
  rows: [string, T][];
}

export interface NsDiff {
  name: string;
  devices?: ListDiff<DevSnap>;
  routes?: ListDiff<RouteSnap>;
  neigh?: ListDiff<NeighSnap>;
  fdb?: ListDiff<FdbSnap>;
  ipForward?: number;
}

export interface SnapshotDiff {
  /** virtual time, µs */
  time: number;
  /** start from nothing (the first snapshot of a lab, after a (re)load) */
  full: boolean;
  /** the namespaces' names in order, when one came, went or moved */
  order?: string[];
  changed: NsDiff[];
}

type Lists = 'devices' | 'routes' | 'neigh' | 'fdb';
const LISTS: Lists[] = ['devices', 'routes', 'neigh', 'fdb'];

/** The stable key of each row; repeats (two equal route lines) get `#n`. */
const BASE_KEY: { [K in Lists]: (row: NsSnap[K][number]) => string } = {
  devices: (d) => String(d.ifindex),
  routes: (r) => r.line,
  neigh: (n) => `${n.dev} ${n.ip}`,
  fdb: (f) => `${f.br} ${f.mac} ${f.dev}`,
};

export function keysOf(list: Lists, rows: readonly unknown[]): string[] {
  const base = BASE_KEY[list] as (row: unknown) => string;
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const k = base(r);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n === 0 ? k : `${k}#${n}`;
  });
}

/** The one stretch where `next` differs from `prev` (common head and tail left out), or undefined. */
export function keySplice(prev: readonly string[], next: readonly string[]): KeySplice | undefined {
  let head = 0;
  const min = Math.min(prev.length, next.length);
  while (head < min && prev[head] === next[head]) head++;
  if (head === prev.length && head === next.length) return undefined;
  let tail = 0;
  while (tail < min - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { start: head, deleteCount: prev.length - head - tail, insert: next.slice(head, next.length - tail) };
}

function applySplice(keys: readonly string[], s: KeySplice): string[] {
  return [...keys.slice(0, s.start), ...s.insert, ...keys.slice(s.start + s.deleteCount)];
}

/** What the worker remembers of one list: its keys and rows in order (as sent). */
interface ListState {
  keys: string[];
  rows: readonly unknown[];
}

/** Equal plain data (what a snapshot holds: strings, numbers, booleans, null, arrays, objects). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** The same row objects in the same order (a snapshot taken with a cache reuses every unchanged row). */
function sameRows(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The places whose row is another object with the same base key as before, when every other place holds the
 * same object (a command changed a few rows of thousands and moved none); else undefined. Every place's base key
 * is then what it was, so the list's keys (a repeat's `#n` included) are the previous ones: none is made again.
 */
export function changedInPlace(list: Lists, prev: readonly unknown[], rows: readonly unknown[]): number[] | undefined {
  if (prev.length !== rows.length) return undefined;
  const base = BASE_KEY[list] as (row: unknown) => string;
  const at: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (prev[i] === rows[i]) continue;
    if (base(prev[i]) !== base(rows[i])) return undefined;
    at.push(i);
  }
  return at;
}

/** One list's keys, the stretch of keys that differs from `prev`'s and the rows new or changed. */
function listDiff<T>(
  list: Lists,
  prev: ListState,
  rows: readonly T[],
): { keys: string[]; splice: KeySplice | undefined; out: [string, T][] } {
  // the same objects: the same keys, nothing to send (the keys follow from the rows alone)
  if (sameRows(prev.rows, rows)) return { keys: prev.keys, splice: undefined, out: [] };
  const inPlace = changedInPlace(list, prev.rows, rows);
  if (inPlace) {
    const out: [string, T][] = [];
    for (const i of inPlace) if (!sameData(prev.rows[i], rows[i])) out.push([prev.keys[i]!, rows[i]!]);
    return { keys: prev.keys, splice: undefined, out };
  }
  const keys = keysOf(list, rows);
  const splice = keySplice(prev.keys, keys);
  const out: [string, T][] = [];
  const was = rowsBefore(prev.keys, prev.rows, splice);
  for (let i = 0; i < rows.length; i++) if (!sameData(was(i, keys[i]!), rows[i])) out.push([keys[i]!, rows[i]!]);
  return { keys, splice, out };
}

/**
 * The row each place of a list held before `s` was applied to it: a place in the common head or tail held the
 * row of its key at the same place (shifted by the stretch, in the tail); one in the stretch the row of its key
 * among those the stretch replaced, if any. One answer per place, no Map over the whole list.
 */
function rowsBefore<T>(
  prevKeys: readonly string[],
  prevRows: readonly T[],
  s: KeySplice | undefined,
): (i: number, key: string) => T | undefined {
  if (!s) return (i) => prevRows[i];
  const tailFrom = s.start + s.insert.length;
  const shift = s.deleteCount - s.insert.length;
  const gone = new Map<string, T>();
  for (let j = s.start; j < s.start + s.deleteCount; j++) gone.set(prevKeys[j]!, prevRows[j]!);
  return (i, key) => (i < s.start ? prevRows[i] : i >= tailFrom ? prevRows[i + shift] : gone.get(key));
}

interface NsState {
  lists: Record<Lists, ListState>;
  ipForward: number;
  /** the namespace's picture this state was made from: the same object again has nothing new */
  snap: NsSnap;
}

const emptyList = (): ListState => ({ keys: [], rows: [] });

/** The worker's side: remembers what the page has and says what changed. */
export class SnapshotDiffer {
  private state = new Map<string, NsState>();
  private order: string[] = [];
  private sent = false;

  /** The next diff starts from nothing (the page drops what it had). */
  reset(): void {
    this.state = new Map();
    this.order = [];
    this.sent = false;
  }

  /** The changes since the last call, or null when nothing the page shows changed. */
  diff(snap: Snapshot): SnapshotDiff | null {
    const full = !this.sent;
    const names = snap.namespaces.map((n) => n.name);
    const orderChanged = full || names.length !== this.order.length || names.some((n, i) => n !== this.order[i]);
    const changed: NsDiff[] = [];
    const next = new Map<string, NsState>();
    for (const ns of snap.namespaces) {
      const old = this.state.get(ns.name);
      // a cache's snapshot hands on an unchanged namespace as the same object (sim/snapshot.ts)
      if (old && old.snap === ns) {
        next.set(ns.name, old);
        continue;
      }
      const st: NsState = { lists: {} as Record<Lists, ListState>, ipForward: ns.ipForward, snap: ns };
      const d: NsDiff = { name: ns.name };
      let any = false;
      for (const list of LISTS) {
        const rows = ns[list] as NsSnap[typeof list][number][];
        const prev = old?.lists[list] ?? emptyList();
        const { keys, splice, out } = listDiff(list, prev, rows);
        st.lists[list] = { keys, rows };
        if (!old || splice || out.length) {
          (d as unknown as Record<Lists, ListDiff<unknown>>)[list] = splice ? { splice, rows: out } : { rows: out };
          any = true;
        }
      }
      if (!old || old.ipForward !== ns.ipForward) {
        d.ipForward = ns.ipForward;
        any = true;
      }
      if (any) changed.push(d);
      next.set(ns.name, st);
    }
    this.state = next;
    this.order = names;
    if (!full && !orderChanged && changed.length === 0) return null;
    this.sent = true;
    return orderChanged ? { time: snap.time, full, order: names, changed } : { time: snap.time, full, changed };
  }
}

/** The keys of each list the page built (a list is never changed in place), so the next diff need not key it again. */
const pageKeys = new WeakMap<readonly unknown[], string[]>();

function applyList<T>(list: Lists, old: readonly T[], d: ListDiff<T> | undefined): T[] {
  if (!d || (!d.splice && d.rows.length === 0)) return old as T[];
  const oldKeys = pageKeys.get(old) ?? keysOf(list, old);
  const changed = new Map<string, T>(d.rows);
  const s = d.splice;
  const keys = s ? applySplice(oldKeys, s) : oldKeys;
  // a row the worker left out is unchanged: the one its place held before
  const was = rowsBefore(oldKeys, old, s);
  const rows = keys.map((k, i) => {
    const row = changed.get(k) ?? was(i, k);
    if (row === undefined) throw new Error(`snapshot diff: no row for ${list} key ${k}`);
    return row;
  });
  pageKeys.set(rows, keys);
  return rows;
}

/** The page's side: the snapshot after `d`, every unchanged object of `prev` kept as it is. */
export function applySnapshotDiff(prev: Snapshot | null, d: SnapshotDiff): Snapshot {
  const base = new Map<string, NsSnap>(d.full || !prev ? [] : prev.namespaces.map((n) => [n.name, n]));
  const names = d.order ?? (prev ? prev.namespaces.map((n) => n.name) : []);
  const changed = new Map(d.changed.map((c) => [c.name, c]));
  const namespaces = names.map((name): NsSnap => {
    const old = base.get(name);
    const c = changed.get(name);
    if (!c) {
      if (!old) throw new Error(`snapshot diff: namespace ${name} was never sent`);
      return old;
    }
    return {
      name,
      devices: applyList('devices', old?.devices ?? [], c.devices),
      routes: applyList('routes', old?.routes ?? [], c.routes),
      neigh: applyList('neigh', old?.neigh ?? [], c.neigh),
      fdb: applyList('fdb', old?.fdb ?? [], c.fdb),
      ipForward: c.ipForward ?? old?.ipForward ?? 0,
    };
  });
  return { time: d.time, namespaces };
}
