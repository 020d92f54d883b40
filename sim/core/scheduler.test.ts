// The scheduler runs events in (time, sequence) order, and cancelled timers do not pile up in its heap.
import { describe, expect, it } from 'vitest';
import { Scheduler, type Timer } from './scheduler';
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

  it('a re-armed timer and a posted event run exactly where a cancel + a new timer would have', () => {
    const prng = new Prng(11);
    // a re-arms and posts; b does the same with cancel() and at() only: both must run the same names at the same times
    const a = new Scheduler();
    const b = new Scheduler();
    const ranA: string[] = [];
    const ranB: string[] = [];
    const SLOTS = 8;
    const ha: (Timer | null)[] = new Array(SLOTS).fill(null);
    const hb: (Timer | null)[] = new Array(SLOTS).fill(null);
    let reused = 0;
    for (let i = 0; i < 30_000; i++) {
      const op = prng.range(0, 10);
      const k = prng.range(0, SLOTS);
      // later than now mostly, sometimes now or earlier (a re-arm to an earlier time takes a new entry)
      const t = a.now + prng.range(-50, 400);
      const name = `e${i}`;
      if (op < 3) {
        ha[k] = a.at(t, () => ranA.push(`${name}@${a.now}`));
        hb[k] = b.at(t, () => ranB.push(`${name}@${b.now}`));
      } else if (op < 5) {
        a.post(t, (n: string) => ranA.push(`${n}@${a.now}`), name);
        b.at(t, () => ranB.push(`${name}@${b.now}`));
      } else if (op < 6) {
        a.cancel(ha[k]);
        b.cancel(hb[k]);
      } else if (op < 8 && ha[k]) {
        // del_timer() then mod_timer(), or mod_timer() on a pending (or already run) timer
        if (op === 6) {
          a.cancel(ha[k]);
          b.cancel(hb[k]);
        }
        const old = ha[k];
        ha[k] = a.rearm(ha[k]!, t, () => ranA.push(`${name}@${a.now}`));
        if (ha[k] === old) reused++;
        b.cancel(hb[k]);
        hb[k] = b.at(t, () => ranB.push(`${name}@${b.now}`));
      } else {
        expect(a.nextTime()).toBe(b.nextTime());
        a.step();
        b.step();
      }
    }
    a.runUntil(Number.MAX_SAFE_INTEGER);
    b.runUntil(Number.MAX_SAFE_INTEGER);
    expect(ranA).toEqual(ranB);
    expect(ranA.length).toBeGreaterThan(5_000);
    // most re-arms kept their entry: the case a flood's timer takes
    expect(reused).toBeGreaterThan(1_000);
  });
});
