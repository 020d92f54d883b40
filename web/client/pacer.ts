// The worker's messages applied to the page at the pace it draws: at most one that changes the diagram (a
// snapshot) per frame. A long paste makes the worker report a part of 25 lines at a time, faster than the
// page draws a part; delivered as they came, each was a task that drew the diagram again, one after the
// other, and Chrome ran them ahead of timers (a 10 ms timer waited over a second). Held here, each message
// costs a push; the next frame applies what came meanwhile up to and including the next snapshot, in order,
// as one store update, and between two such frames the page is free for keys and timers.
// A message that arrives with nothing held and no snapshot drawn since the last frame is applied at once,
// as before (a typed command is drawn in the same frame as without this).

export interface Pacer<T> {
  /** A message from the worker: applied now, or held for the next frame. */
  push(m: T): void;
  /** Applies everything held now, in order (before the worker is ended or replaced). */
  drain(): void;
  /** How many messages are held. */
  readonly held: number;
}

/** Runs a function later, once. */
export type Schedule = (fn: () => void) => void;

/**
 * After the next frame, in a task of its own queued behind the timers already due (so a frame is drawn
 * between two snapshots, and a timer or key waits one snapshot at most: Chrome runs an overdue frame's
 * animation callbacks ahead of timers, so work done in them would starve timers as the messages did);
 * after `fallbackMs` when no frame comes (a hidden page draws none).
 */
export const nextFrame =
  (fallbackMs = 50): Schedule =>
  (fn) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(raf);
      clearTimeout(timer);
      fn();
    };
    const raf = requestAnimationFrame(() => setTimeout(run, 0));
    const timer = setTimeout(run, fallbackMs);
  };

/**
 * `apply(msgs)` applies messages in order as one update; `draws(m)` says whether a message changes the
 * diagram (it then ends what one frame applies).
 */
export function pacer<T>(apply: (msgs: T[]) => void, draws: (m: T) => boolean, schedule: Schedule): Pacer<T> {
  let held: T[] = [];
  // a snapshot was applied and the frame after it has not begun: the next one waits for it
  let drawn = false;
  let scheduled = false;

  const take = (): T[] => {
    const i = held.findIndex(draws);
    const out = i < 0 ? held : held.slice(0, i + 1);
    held = i < 0 ? [] : held.slice(i + 1);
    return out;
  };
  const later = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(frame);
  };
  function frame(): void {
    scheduled = false;
    drawn = false;
    try {
      if (held.length) run(take());
    } finally {
      // a message that threw is not held again, and what follows it still comes
      if (held.length || drawn) later();
    }
  }
  const run = (msgs: T[]) => {
    if (msgs.some(draws)) drawn = true;
    apply(msgs);
  };

  return {
    push(m) {
      if (!held.length && !drawn) {
        run([m]);
        if (drawn) later();
        return;
      }
      held.push(m);
      later();
    },
    drain() {
      if (!held.length) return;
      const msgs = held;
      held = [];
      run(msgs);
    },
    get held() {
      return held.length;
    },
  };
}
