// Many setter calls as one store update: while `batch(fn)` runs, the slices' set() calls change a
// pending state that get() reads, and the listeners (React's selectors, autosave, probes) hear of it once
// at the end. The page applies a worker flush this way (a pasted script's lines, log entries, outputs
// and snapshot: one update, one render).
import type { StateCreator, StoreApi, StoreMutatorIdentifier } from 'zustand';

export interface Batch {
  /** runs `fn`; the store's listeners are told once, after it, if anything changed */
  batch(fn: () => void): void;
}

type Batched = <
  T,
  Mps extends [StoreMutatorIdentifier, unknown][] = [],
  Mcs extends [StoreMutatorIdentifier, unknown][] = [],
>(
  creator: StateCreator<T, Mps, Mcs>,
) => StateCreator<T, Mps, Mcs>;

type Impl = <T>(creator: StateCreator<T, [], []>) => StateCreator<T, [], []>;

const impl: Impl = (creator) => (set, get, api) => {
  let pending: ReturnType<typeof get> | null = null;
  const bSet: typeof set = ((partial: unknown, replace?: boolean) => {
    if (pending === null) return (set as (p: unknown, r?: boolean) => void)(partial, replace);
    const next = typeof partial === 'function' ? (partial as (s: typeof pending) => unknown)(pending) : partial;
    if (next === pending || next === null || next === undefined) return;
    pending = (replace ? next : Object.assign({}, pending, next)) as typeof pending;
  }) as typeof set;
  const bGet: typeof get = () => pending ?? get();
  api.setState = bSet;
  api.getState = bGet;
  (api as unknown as Batch).batch = (fn) => {
    if (pending !== null) return fn(); // inside a batch already: part of it
    const before = get();
    pending = before;
    try {
      fn();
    } finally {
      const after = pending;
      pending = null;
      if (after !== before) set(after, true);
    }
  };
  return creator(bSet, bGet, api);
};

export const batched = impl as unknown as Batched;

export type BatchedStore<T> = StoreApi<T> & Batch;
