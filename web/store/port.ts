// The store's way out to the simulation worker; the client installs it, tests install a fake.
import type { ToWorker } from '../protocol';

type Send = (m: ToWorker) => void;
let send: Send = () => {};
let watchers: { types: readonly string[]; done: () => void }[] = [];

export function setPort(fn: Send): void {
  send = fn;
}

export function post(m: ToWorker): void {
  send(m);
  if (!watchers.length) return;
  const due = watchers.filter((w) => w.types.includes(m.type));
  if (!due.length) return;
  watchers = watchers.filter((w) => !due.includes(w));
  for (const w of due) w.done();
}

/** Resolves when a message of one of these kinds is next posted (main.tsx: the first lab on its way). */
export function whenPosted(types: readonly ToWorker['type'][]): Promise<void> {
  return new Promise((done) => watchers.push({ types, done }));
}
