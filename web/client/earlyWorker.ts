// The worker boot.ts started at load, handed to main.tsx once (apart from both, so neither imports the other).
import type { SimWorker } from './simClient';

let early: SimWorker | null = null;

/** boot.ts: the worker it started before the page's own scripts. */
export function setEarlyWorker(w: SimWorker): void {
  early = w;
}

/** The worker started at load, the first time; null after, when a new one must be made. */
export function takeEarlyWorker(): SimWorker | null {
  const w = early;
  early = null;
  return w;
}
