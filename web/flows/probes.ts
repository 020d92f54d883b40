// The tables as they were at the flow's current event: while the reader is not caught up with the
// simulation (stepping, paused, scrubbing), ask the worker to replay the log up to that event and read
// the kernel there. One question at a time; the latest event wins.
import { toWorker, type FromWorker } from '../protocol';
import { useLab, type LabState } from '../store';
import { post } from '../store/port';
import { player } from './player';

type ProbeAnswer = Extract<FromWorker, { type: 'probe' }>;

export interface Probes {
  answer(m: ProbeAnswer): void;
  /** a new worker: whatever was asked is lost */
  reset(): void;
}

/** While the flow plays, the tables follow at most this often (a probe replays the whole log). */
const PLAYING_EVERY_MS = 300;

const wanted = (s: LabState) =>
  s.flow.live || s.flow.cursor < s.flow.base ? null : (player.model.bySeq(s.flow.cursor) ?? null);

export function startProbes(): Probes {
  let inFlight: { id: number; seq: number } | null = null;
  let nextId = 1;
  let lastAnswer = 0;
  let later: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    const s = useLab.getState();
    const ev = wanted(s);
    if (!ev) {
      if (s.tablesAt) s.setTablesAt(null);
      return;
    }
    if (inFlight || later || s.tablesAt?.seq === ev.seq) return;
    const wait = s.flow.playing ? lastAnswer + PLAYING_EVERY_MS - performance.now() : 0;
    if (wait > 0) {
      later = setTimeout(() => {
        later = null;
        check();
      }, wait);
      return;
    }
    inFlight = { id: nextId++, seq: ev.seq };
    post(toWorker({ type: 'probe', id: inFlight.id, seed: s.seed, log: s.log, at: ev.ref }));
  };
  useLab.subscribe(check);
  return {
    answer(m) {
      if (!inFlight || m.id !== inFlight.id) return;
      const seq = inFlight.seq;
      inFlight = null;
      lastAnswer = performance.now();
      const ev = player.model.bySeq(seq);
      if (ev) useLab.getState().setTablesAt({ seq, time: ev.e.time, snap: m.snap, exact: m.exact });
      check();
    },
    reset() {
      inFlight = null;
      check();
    },
  };
}
