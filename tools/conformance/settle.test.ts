import { describe, it, expect } from 'vitest';
import { Settler } from './settle';

/** A fake clock; read() returns the state in force at the current time. */
function world(changesAt: number[]) {
  let t = 0;
  const clock = {
    now: () => t,
    wait: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    reads: 0,
    read: async () => {
      clock.reads++;
      t += 5; // a read takes a little time
      return String(changesAt.filter((c) => c <= t).length);
    },
  };
  return clock;
}

describe('Settler', () => {
  it('does not read when no link changed', async () => {
    const w = world([]);
    const s = new Settler(w.now, w.wait);
    expect(await s.settle(w.read)).toBe(0);
    expect(w.reads).toBe(0);
  });

  it('does not wait when two linkwatch rounds have passed since the change', async () => {
    const w = world([]);
    const s = new Settler(w.now, w.wait);
    s.changed();
    w.advance(2500);
    expect(await s.settle(w.read)).toBe(0);
  });

  it('waits one round after the change when nothing moves', async () => {
    const w = world([]);
    const s = new Settler(w.now, w.wait);
    s.changed();
    await s.settle(w.read);
    expect(w.now()).toBeGreaterThanOrEqual(1000);
    expect(w.now()).toBeLessThan(1300);
  });

  it('waits a further round after a change it sees (a cascade)', async () => {
    const w = world([900, 1900]);
    const s = new Settler(w.now, w.wait);
    s.changed();
    await s.settle(w.read);
    expect(w.now()).toBeGreaterThan(2900);
    expect(await w.read()).toBe('2');
  });

  it('gives up 3 s after the change', async () => {
    const w = world(Array.from({ length: 100 }, (_, i) => i * 50));
    const s = new Settler(w.now, w.wait);
    s.changed();
    await s.settle(w.read);
    expect(w.now()).toBeGreaterThanOrEqual(3000);
    expect(w.now()).toBeLessThan(3300);
  });
});
