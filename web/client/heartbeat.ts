// The page's watch on the worker: the worker beats every BEAT_MS from a timer, which runs only when no
// command holds it. No beat for BUSY_AFTER_MS: the toolbar says "busy"; for OFFER_AFTER_MS: the page offers
// to stop it; at HUNG_LIMIT_MS (or when the reader asks, or presses Ctrl-C) the worker is ended and a new
// one rebuilds the lab from the log without the command that was running, and the page says which.
import { useLab } from '../store';
import { lastUndoable } from '../store/playback';
import { tf } from '../i18n/strings';
import type { LogEntry } from '../protocol';

export const BUSY_AFTER_MS = 1000;
export const OFFER_AFTER_MS = 4000;
export const HUNG_LIMIT_MS = 20_000;
const CHECK_MS = 250;
/** A check this late means the page itself was stalled or throttled: no verdict on the worker from it. */
const STALLED_CHECK_MS = 1500;

export interface Heartbeat {
  beat(): void;
  exec(e: LogEntry): void;
  /** a new worker: everything it is asked starts from here */
  reset(): void;
  stop(): void;
}

let stopFn: () => void = () => {};

/** Ends a hung worker now (the dialog's button, Ctrl-C while busy). */
export const stopHung = (): void => stopFn();

/**
 * The log without the command that hung: the one that started last before the beats stopped (commands
 * that ran before it in the same message are kept, though their `logged` never arrived), else the newest
 * action (a runaway process that went on in the worker's clock).
 */
export function withoutOffender(
  log: readonly LogEntry[],
  execs: readonly LogEntry[],
): { log: LogEntry[]; dropped: LogEntry[] } {
  const known = new Set(log.map((e) => e.id));
  const offender = execs.at(-1);
  if (offender) {
    const ranBefore = execs.slice(0, -1).filter((e) => !known.has(e.id));
    return { log: [...log, ...ranBefore].filter((e) => e.id !== offender.id), dropped: [offender] };
  }
  const group = lastUndoable(log);
  if (group === null) return { log: [...log], dropped: [] };
  return { log: log.filter((e) => e.group !== group), dropped: log.filter((e) => e.group === group) };
}

/**
 * Starts watching; `rebuild(log)` must end the worker and build a new one from `log`; `settle()` applies
 * what the page holds of the worker's messages, before the log is read.
 */
export function startHeartbeat(rebuild: (log: LogEntry[]) => void, settle: () => void = () => {}): Heartbeat {
  let lastBeat = performance.now();
  let lastCheck = lastBeat;
  let execs: LogEntry[] = [];
  const setHung = useLab.getState().setHung;

  const recover = () => {
    settle();
    const s = useLab.getState();
    const { log, dropped } = withoutOffender(s.log, execs);
    execs = [];
    lastBeat = performance.now();
    setHung(null);
    const line = dropped.map((e) => e.line).join('; ') || '?';
    useLab.setState({ log, redoStack: [] });
    rebuild(log);
    for (const e of dropped) s.termInfo(e.ns, tf('droppedTerm', s.lang, { line: e.line }));
    s.setNotice({ kind: 'error', text: tf('dropped', s.lang, { line }) });
  };
  stopFn = () => {
    if (useLab.getState().hung) recover();
  };

  const check = () => {
    const now = performance.now();
    const late = now - lastCheck > STALLED_CHECK_MS;
    lastCheck = now;
    if (late) {
      lastBeat = Math.max(lastBeat, now - CHECK_MS);
      return;
    }
    const quiet = now - lastBeat;
    const s = useLab.getState();
    if (quiet < BUSY_AFTER_MS) {
      if (s.hung) setHung(null);
      return;
    }
    if (quiet >= HUNG_LIMIT_MS) return recover();
    const offer = quiet >= OFFER_AFTER_MS;
    const line = execs.at(-1)?.line ?? null;
    if (!s.hung || s.hung.offer !== offer || s.hung.line !== line) setHung({ since: lastBeat, line, offer });
  };
  const timer = setInterval(check, CHECK_MS);

  return {
    beat: () => {
      lastBeat = performance.now();
      execs = [];
      if (useLab.getState().hung) setHung(null);
    },
    exec: (e) => {
      execs.push(e);
    },
    reset: () => {
      lastBeat = performance.now();
      execs = [];
    },
    stop: () => clearInterval(timer),
  };
}
