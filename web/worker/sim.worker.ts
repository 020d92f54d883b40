// The simulation's module worker: messages in, the clock advanced in step with real time, messages out.
// The same script is the lesson worker when started with the name 'lesson' (web/lessons/lessonWorker.ts):
// the page then fetches one copy of the simulator for both.
import { Lab } from './lab';
import { startLessonWorker, type LessonScope } from '../lessons/lessonWorker';
import { Outbox } from './outbox';
import { BEAT_MS, fromWorker, isToWorker, type FromWorker, type LogEntry } from '../protocol';

/** The part of a worker's global scope used here (avoids mixing the DOM and webworker libs). */
interface WorkerScope {
  name: string;
  addEventListener(type: 'message', fn: (e: { data: unknown }) => void): void;
  postMessage(m: FromWorker, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;
const TICK_MS = 20;

/**
 * e2e builds only (VITE_NETLAB_E2E=1, set by playwright.config.ts): this exact line keeps the worker busy
 * for ever, so that a spec can show the heartbeat finding a hung worker. In any other build the constant
 * is false and the bundler drops the branch: nothing a user types or opens can reach it.
 */
const E2E_HANG = import.meta.env.VITE_NETLAB_E2E === '1';
export const E2E_HANG_LINE = 'echo netlab-e2e-hang';

function beforeExec(entry: LogEntry): void {
  // posted at once (not with the batch): if the command never returns, the page knows which one it was
  scope.postMessage(fromWorker({ type: 'exec', entry }));
  if (E2E_HANG && entry.line === E2E_HANG_LINE)
    for (;;) {
      /* hang, as a runaway command would */
    }
}

function startSimWorker(): void {
  const out = new Outbox((m, transfer) => scope.postMessage(m, transfer));
  const lab = new Lab(out.post, { beforeExec });
  let last = performance.now();

  scope.addEventListener('message', (e) => {
    if (!isToWorker(e.data)) {
      scope.postMessage(fromWorker({ type: 'error', message: `unexpected message ${JSON.stringify(e.data)}` }));
      return;
    }
    tick(MSG_BUDGET_MS);
    lab.handle(e.data);
    out.flush();
    last = performance.now();
  });

  /** The most virtual time one tick runs: a storm (bounded work per virtual ms) then slows the clock instead of
   *  holding the worker, so a message (Ctrl+C, a command) waits for one slice at most. */
  const MAX_SLICE_US = 40_000;
  /** The most wall time one tick spends (ms), and one before a message is handled: a storm's events stop there
   *  and the virtual clock falls behind, so that the page's next message (a command, Ctrl+C) waits little. */
  const TICK_BUDGET_MS = 8;
  const MSG_BUDGET_MS = 2;

  function tick(budget = TICK_BUDGET_MS): void {
    const t = performance.now();
    lab.advance(Math.min(MAX_SLICE_US, Math.round((t - last) * 1000)), () => performance.now() - t > budget);
    last = t;
    out.flush();
  }

  setInterval(() => tick(), TICK_MS);
  // the heartbeat: a timer runs only when no message handler or tick holds the worker
  setInterval(() => scope.postMessage(fromWorker({ type: 'beat' })), BEAT_MS);
  scope.postMessage(fromWorker({ type: 'ready' }));
}

if (scope.name === 'lesson') startLessonWorker(scope as unknown as LessonScope);
else startSimWorker();
