// Runs the simulation worker for the page: feeds its messages to the store (trace events to the flow
// player), asks for trace events only while someone watches, and when the worker dies starts a new one
// and rebuilds the lab from the command log the store keeps.
import { isFromWorker, toWorker, type FromWorker } from '../protocol';
import { useLab } from '../store';
import { post, setPort } from '../store/port';
import { player } from '../flows/player';
import { startProbes, type Probes } from '../flows/probes';
import { topoOf } from '../flows/topo';
import { startHeartbeat, type Heartbeat } from './heartbeat';
import { currentLab } from '../persist/lab';
import { pushHistory } from '../persist/storage';
import { tf } from '../i18n/strings';
import { undo } from '../store/actions';
import { nextFrame, pacer } from './pacer';

function dispatch(m: FromWorker, probes: Probes, heart: Heartbeat): void {
  const s = useLab.getState();
  switch (m.type) {
    case 'ready':
      return;
    case 'batch':
      // one worker flush: one store update
      useLab.batch(() => {
        for (const x of m.msgs) dispatch(x, probes, heart);
      });
      return;
    case 'beat':
      heart.beat();
      return;
    case 'exec':
      heart.exec(m.entry);
      return;
    case 'loaded':
      if (m.cut) replayCut(m.now, m.cut);
      s.clockAt(m.now);
      s.termsBusy(m.busy);
      s.clearCaptures(); // the rebuilt lab reports its captures again, whole
      s.restorePosition();
      return;
    case 'snapshot':
      s.applySnapshot(m.diff);
      s.clockAt(m.diff.time);
      return;
    case 'started':
      s.termStarted(m.ns, m.line, m.at);
      return;
    case 'output':
      s.termOutput(m.ns, m.lines, m.at);
      return;
    case 'idle':
      s.termIdle(m.ns);
      return;
    case 'logged':
      s.logged(m.entry);
      return;
    case 'stopped':
      s.stopped(m.id, m.at);
      return;
    case 'trace':
      player.add(m.events, topoOf(s.snap));
      if (m.dropped) s.flowDropped(m.dropped);
      return;
    case 'probe':
      probes.answer(m);
      return;
    case 'capture':
      s.upsertCapture(m.cap);
      return;
    case 'storm':
      s.setStorm(m.storm);
      return;
    case 'error':
      console.warn(`simulation: ${m.message}`);
      return;
    default: {
      const never: never = m;
      return never;
    }
  }
}

/**
 * The worker's replay stopped at its bound: the page's lab becomes what the worker holds (the log up to
 * where it stopped, the clock where it got), the whole lab first kept among the recent labs.
 */
function replayCut(now: number, cut: { kept: number; events: number }): void {
  const s = useLab.getState();
  const dropped = s.log.length - cut.kept;
  const whole = currentLab(s);
  void pushHistory(whole)
    .then((r) => useLab.getState().setRecent(r))
    .catch(() => {});
  const log = s.log.slice(0, cut.kept).map((e) => {
    if (e.stopAt === undefined || e.stopAt <= now) return e;
    const { stopAt: _, ...running } = e; // its Ctrl-C lies beyond the cut: still running there
    return running;
  });
  useLab.setState({ log, now, redoStack: [] });
  s.setNotice({
    kind: 'error',
    text: tf('replayCut', s.lang, { events: cut.events, s: (now / 1e6).toFixed(1), n: dropped }),
  });
}

/** A message that changes the diagram: one such per frame (client/pacer.ts). */
const draws = (m: FromWorker): boolean => m.type === 'snapshot' || (m.type === 'batch' && m.msgs.some(draws));

export interface SimClient {
  /** Ends the worker as a crash would (tests and the status badge's "restart"). */
  crash(): void;
}

/** Crashes this close together mean the log itself kills the worker: the last action is dropped. */
const CRASH_WINDOW_MS = 5000;
const CRASHES_BEFORE_UNDO = 3;
const CRASHES_BEFORE_GIVING_UP = 6;

/** Someone watches packet flows: the flow view is on and the page is in front. */
const watching = () => useLab.getState().flowOn && document.visibilityState !== 'hidden';

/** What the page talks to: the simulation's module worker, or (in an embed) the same Lab in the page. */
export interface SimWorker {
  postMessage(m: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/**
 * Starts the worker and at once sends what the lab starts from (`init` the first time, the log after a
 * crash): a worker queues messages until its script runs, so no round trip is spent waiting for it.
 */
export function startSim(init: () => void, makeWorker: () => SimWorker): SimClient {
  let worker: SimWorker;
  let crashes: number[] = [];
  let tracing = false;
  const probes = startProbes();
  const syncTrace = (force = false) => {
    const on = watching();
    if (on === tracing && !force) return;
    tracing = on;
    post(toWorker({ type: 'trace', on }));
  };
  player.onChange = (st) => useLab.getState().flowSync(st);
  // the worker's messages, at most one snapshot drawn per frame (client/pacer.ts)
  const inbox = pacer<FromWorker>(
    (msgs) =>
      useLab.batch(() => {
        for (const m of msgs) {
          if (m.type === 'ready') useLab.getState().setWorkerStatus('ready');
          dispatch(m, probes, heart);
        }
      }),
    draws,
    nextFrame(),
  );
  // a worker that stops answering is ended and rebuilt without the command it was running
  const heart = startHeartbeat(
    (log) => {
      worker.terminate();
      useLab.getState().setWorkerStatus('restarting');
      spawn();
      const s = useLab.getState();
      post(toWorker({ type: 'load', seed: s.seed, log, now: s.now }));
      if (tracing) syncTrace(true);
      probes.reset();
    },
    // what the worker said before it stopped beating is in the log the rebuild starts from
    () => inbox.drain(),
  );
  const spawn = () => {
    heart.reset();
    worker = makeWorker();
    setPort((m) => worker.postMessage(m));
    const mine = worker;
    worker.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (mine !== worker || !isFromWorker(e.data)) return;
      inbox.push(e.data);
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (mine !== worker) return;
      restart();
    });
  };
  const restart = () => {
    // what the worker said before it failed is applied first, as when its messages came one by one
    inbox.drain();
    worker.terminate();
    const now = performance.now();
    crashes = [...crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (crashes.length >= CRASHES_BEFORE_GIVING_UP) {
      useLab.getState().setWorkerStatus('failed');
      console.warn('simulation: the worker keeps failing; reload the page');
      return;
    }
    useLab.getState().setWorkerStatus('restarting');
    spawn();
    const s = useLab.getState();
    if (crashes.length >= CRASHES_BEFORE_UNDO) {
      s.termInfo('host', '# the simulation kept crashing while rebuilding the lab: the last action was undone');
      undo();
    } else s.rebuild();
    if (tracing) syncTrace(true);
    probes.reset();
  };
  spawn();
  init();
  syncTrace();
  useLab.subscribe(() => syncTrace());
  document.addEventListener('visibilitychange', () => syncTrace());
  return { crash: restart };
}
