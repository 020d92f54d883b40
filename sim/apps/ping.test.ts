// A long ping holds a bounded amount of state: no list that grows with every request it sends.
import { describe, expect, it } from 'vitest';
import { Lab, PAIR } from '../testing/lab';

const S = 1_000_000;

/** The sizes of every array, Map and Set the object holds in its own fields. */
function collections(o: object): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v)) out[k] = v.length;
    else if (v instanceof Map || v instanceof Set) out[k] = v.size;
  }
  return out;
}

describe('a long ping', () => {
  it('keeps no per-request list beyond the 16-bit sequence space, and leaves no timer behind when stopped', () => {
    const lab = new Lab(PAIR);
    const base = lab.world.sched.pending;
    const out: string[] = [];
    const { proc } = lab.sh.start('ping -i 0.2 -q 192.0.2.2', (l) => out.push(l), 'a');
    expect(proc).not.toBeNull();
    lab.advance(1000 * S); // 5,000 requests
    const sizes = collections(proc!);
    // by icmp_seq, as ping's rcvd_tbl is: at most 65,536 entries however long it runs
    for (const k of ['received', 'sentAt']) {
      expect(sizes[k]).toBeGreaterThan(4000);
      delete sizes[k];
    }
    // anything else (a list of timers, say) must not grow with the requests sent
    for (const [k, n] of Object.entries(sizes)) expect(n, k).toBeLessThan(10);
    proc!.interrupt();
    expect(out.join('\n')).toMatch(/5001 packets transmitted, 500[01] received/);
    lab.advance(S);
    expect(lab.world.sched.pending).toBeLessThanOrEqual(base + 2);
  });
});
