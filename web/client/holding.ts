// A worker started before the page listens to it (web/boot.ts starts it from the HTML entry, before the
// page's own scripts are fetched): what it says meanwhile ('ready', beats, an error) is kept and handed
// to the first listener of each kind, in order, so starting it early loses nothing.
import type { SimWorker } from './simClient';

/** The part of a Worker this needs (a real one, or a stand-in in tests). */
export interface RawWorker {
  postMessage(m: unknown): void;
  addEventListener(type: string, fn: (e: Event) => void): void;
  removeEventListener(type: string, fn: (e: Event) => void): void;
  terminate(): void;
}

export function holding(w: RawWorker): SimWorker {
  const held: Record<'message' | 'error', Event[]> = { message: [], error: [] };
  const keep = (e: Event) => held[e.type as 'message' | 'error']?.push(e);
  w.addEventListener('message', keep);
  w.addEventListener('error', keep);
  const listen = (type: 'message' | 'error', fn: (e: never) => void) => {
    const f = fn as (e: Event) => void;
    w.addEventListener(type, f);
    w.removeEventListener(type, keep);
    // dispatched before now: handed on at once, ahead of anything the worker says from here on
    for (const e of held[type].splice(0)) f(e);
  };
  return {
    postMessage: (m) => w.postMessage(m),
    addEventListener: listen as SimWorker['addEventListener'],
    terminate: () => w.terminate(),
  };
}
