// The page's entry: the simulation worker starts first, while the page's own scripts (main.tsx, then the
// UI) are still being fetched and run, so its script loads and the first lab builds in parallel with them.
// main.tsx takes this worker over; a worker started again after a crash is made there.
import type { SimWorker } from './client/simClient';
import { holding } from './client/holding';

let early: SimWorker | null = holding(new Worker(new URL('./worker/sim.worker.ts', import.meta.url), { type: 'module' }));

/** The worker started at load, the first time; null after, when a new one must be made. */
export function takeEarlyWorker(): SimWorker | null {
  const w = early;
  early = null;
  return w;
}

void import('./main');
