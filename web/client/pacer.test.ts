// The worker's messages at the page's pace: one that changes the diagram at a time per frame, the others
// with it, all in the order sent; at once when the page is idle; everything held applied by drain().
import { describe, expect, it } from 'vitest';
import { pacer, type Schedule } from './pacer';

type Msg = { id: number; snap: boolean };

/** A pacer whose frames the test runs by hand, recording each update applied. */
function make() {
  const updates: number[][] = [];
  const frames: (() => void)[] = [];
  const schedule: Schedule = (fn) => frames.push(fn);
  const p = pacer<Msg>(
    (msgs) => updates.push(msgs.map((m) => m.id)),
    (m) => m.snap,
    schedule,
  );
  const frame = () => {
    const due = frames.splice(0);
    for (const f of due) f();
  };
  let n = 0;
  const say = (snap: boolean) => p.push({ id: ++n, snap });
  return { p, updates, frames, frame, say };
}

describe('pacer', () => {
  it('applies a message at once when nothing is held and no snapshot was drawn this frame', () => {
    const { updates, say, frames } = make();
    say(false);
    say(false);
    expect(updates).toEqual([[1], [2]]);
    expect(frames).toHaveLength(0);
    say(true);
    expect(updates).toEqual([[1], [2], [3]]);
    // the frame after the snapshot is awaited before the next one is drawn
    expect(frames).toHaveLength(1);
  });

  it('draws at most one snapshot per frame, what came between with it, in order', () => {
    const { p, updates, say, frame } = make();
    for (let i = 0; i < 3; i++) {
      say(false); // output
      say(true); // its snapshot
    }
    say(false);
    // the first output and snapshot at once; the rest held
    expect(updates).toEqual([[1], [2]]);
    expect(p.held).toBe(5);
    frame();
    expect(updates).toEqual([[1], [2], [3, 4]]);
    frame();
    expect(updates).toEqual([[1], [2], [3, 4], [5, 6]]);
    frame();
    expect(updates).toEqual([[1], [2], [3, 4], [5, 6], [7]]);
    expect(p.held).toBe(0);
    // every message applied once, in the order sent
    expect(updates.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // idle again after a frame with no snapshot: the next message goes at once
    frame();
    say(true);
    expect(updates.at(-1)).toEqual([8]);
  });

  it('drain applies everything held now, as one update, in order', () => {
    const { p, updates, say, frame } = make();
    say(true);
    say(true);
    say(false);
    say(true);
    expect(updates).toEqual([[1]]);
    p.drain();
    expect(updates).toEqual([[1], [2, 3, 4]]);
    expect(p.held).toBe(0);
    p.drain();
    expect(updates).toHaveLength(2);
    frame();
    say(false);
    expect(updates.at(-1)).toEqual([5]);
  });

  it('a message that throws while applied does not stop the ones after it', () => {
    const frames: (() => void)[] = [];
    const seen: number[] = [];
    const p = pacer<Msg>(
      (msgs) => {
        for (const m of msgs) {
          if (m.id === 2) throw new Error('bad message');
          seen.push(m.id);
        }
      },
      (m) => m.snap,
      (fn) => frames.push(fn),
    );
    p.push({ id: 1, snap: true });
    p.push({ id: 2, snap: true });
    p.push({ id: 3, snap: true });
    const runFrame = () => {
      for (const f of frames.splice(0)) f();
    };
    expect(runFrame).toThrow('bad message');
    runFrame();
    expect(seen).toEqual([1, 3]);
  });
});
