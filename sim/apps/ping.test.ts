// A long ping holds a bounded amount of state: no list that grows with every request it sends.
import { describe, expect, it } from 'vitest';
import { Lab, PAIR } from '../testing/lab';

const S = 1_000_000;

/** The entries of every array, typed array, Map and Set the object holds in its own fields. */
function collections(o: object): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v) || ArrayBuffer.isView(v)) out[k] = (v as { length: number }).length;
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
    lab.advance(1000 * S); // 5,000 more: nothing it holds grows with them
    expect(collections(proc!)).toEqual(sizes);
    // by icmp_seq at most, as ping's rcvd_tbl is: never more than the 16-bit sequence space
    for (const [k, n] of Object.entries(sizes)) expect(n, k).toBeLessThanOrEqual(65536);
    proc!.interrupt();
    expect(out.join('\n')).toMatch(/10001 packets transmitted, 1000[01] received/);
    lab.advance(S);
    expect(lab.world.sched.pending).toBeLessThanOrEqual(base + 2);
  });
});

describe('a flood past the 16-bit sequence space', () => {
  it('counts every reply once after icmp_seq wraps', () => {
    const lab = new Lab(PAIR);
    const r = lab.sh.run('ping -f -q -c 70000 192.0.2.2', 'a');
    const stats = r.lines.find((l) => l.includes('packets transmitted')) ?? '';
    expect(stats).toMatch(/^70000 packets transmitted, 70000 received, 0% packet loss/);
    expect(stats).not.toMatch(/duplicates/);
  });
});
