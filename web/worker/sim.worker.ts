// The simulation's module worker: messages in, the clock advanced in step with real time, messages out.
import { Lab } from './lab';
import { fromWorker, isToWorker, type FromWorker } from '../protocol';

/** The part of a worker's global scope used here (avoids mixing the DOM and webworker libs). */
interface WorkerScope {
  addEventListener(type: 'message', fn: (e: { data: unknown }) => void): void;
  postMessage(m: FromWorker, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;
const TICK_MS = 20;

const lab = new Lab((m, transfer) => scope.postMessage(m, transfer ?? []));
let last = performance.now();

scope.addEventListener('message', (e) => {
  if (!isToWorker(e.data)) {
    scope.postMessage(fromWorker({ type: 'error', message: `unexpected message ${JSON.stringify(e.data)}` }));
    return;
  }
  tick();
  lab.handle(e.data);
  last = performance.now();
});

function tick(): void {
  const t = performance.now();
  lab.advance(Math.round((t - last) * 1000));
  last = t;
}

setInterval(tick, TICK_MS);
scope.postMessage(fromWorker({ type: 'ready' }));
