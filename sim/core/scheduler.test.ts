// The scheduler runs events in (time, sequence) order, and cancelled timers do not pile up in its heap.
import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler';
import { Prng } from './prng';

describe('Scheduler', () => {
  it('sweeps cancelled timers out of the heap without changing what runs, or when', () => {
    const prng = new Prng(3);
    const ran: string[] = [];
    const ref: string[] = [];
    const a = new Scheduler();
    // the same random schedule twice: b never cancels, it just skips what a cancelled
    const b = new Scheduler();
    const skip = new Set<string>();
    let peak = 0;
    for (let i = 0; i < 20_000; i++) {
      const t = prng.range(0, 50_000);
      const name = `e${i}`;
      const ta = a.at(t, () => ran.push(`${name}@${a.now}`));
      b.at(t, () => skip.has(name) || ref.push(`${name}@${b.now}`));
      // a timer re-armed per packet: most are cancelled before they fire
      if (prng.range(0, 10) < 9) {
        a.cancel(ta);
        skip.add(name);
      }
      peak = Math.max(peak, a.pending);
    }
    // 18,000 cancelled entries, 2,000 live ones: the heap never held them all
    expect(peak).toBeLessThan(10_000);
    a.runUntil(60_000);
    b.runUntil(60_000);
    expect(ran).toEqual(ref);
    expect(ran.length).toBeGreaterThan(1500);
  });

  it('a cancelled timer that already ran, or is cancelled twice, does not upset the count', () => {
    const s = new Scheduler();
    let n = 0;
    const t = s.after(1, () => n++);
    s.runUntil(2);
    s.cancel(t);
    s.cancel(t);
    for (let i = 0; i < 10_000; i++) s.cancel(s.after(5, () => n++));
    expect(s.pending).toBeLessThan(4096);
    s.after(10, () => n++);
    s.runUntil(20);
    expect(n).toBe(2);
    expect(s.pending).toBe(0);
  });
});
