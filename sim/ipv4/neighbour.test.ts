// The neighbour state machine driven through the stack (net/core/neighbour.c timings).
import { describe, expect, it } from 'vitest';
import { Lab, PAIR } from '../testing/lab';

const S = 1_000_000;

describe('resolution of an address nobody has', () => {
  it('sends 3 broadcasts 1 s apart, fails at 3 s, and reports every queued packet', () => {
    const lab = new Lab(PAIR);
    const cap = lab.capture('a:ea');
    const t0 = lab.world.now;
    const out = lab.run('ping -c 4 -i 0.3 192.0.2.99', 'a');
    const arp = cap.lines().filter((l) => l.includes('who-has 192.0.2.99'));
    expect(arp).toHaveLength(3);
    expect(arp[0]).toBe('ARP, Request who-has 192.0.2.99 tell 192.0.2.1, length 28');
    // 1 s apart on the timer wheel (level 1: 8 jiffies of 4 ms), never early, at most 36 ms late
    const times = cap.times().map((t) => Math.round((t - t0) / 1000));
    expect(times[0]).toBe(0);
    for (const k of [1, 2]) {
      expect(times[k] - times[k - 1]).toBeGreaterThanOrEqual(1004);
      expect(times[k] - times[k - 1]).toBeLessThanOrEqual(1036);
    }
    expect(out.filter((l) => l.startsWith('From'))).toEqual(
      [1, 2, 3, 4].map((s) => `From 192.0.2.1 icmp_seq=${s} Destination Host Unreachable`),
    );
    expect(out).toContain('4 packets transmitted, 0 received, +4 errors, 100% packet loss, time 900ms');
    expect(out.at(-1)).toBe('pipe 4');
    expect(lab.run('ip neigh', 'a')).toEqual(['192.0.2.99 dev ea FAILED ']);
  });

  it('with ping -I DEV the error is not delivered to the bound socket', () => {
    const lab = new Lab(PAIR);
    const out = lab.run('ping -c 1 -W 4 -I ea 192.0.2.99', 'a');
    expect(out.some((l) => l.startsWith('From'))).toBe(false);
    expect(out).toContain('1 packets transmitted, 0 received, 100% packet loss, time 0ms');
  });
});

describe('confirmation cycle', () => {
  it('REACHABLE ages to STALE, use makes it DELAY, then unicast PROBEs and FAILED when the peer is gone', () => {
    const lab = new Lab(`${PAIR}
ip netns exec a sysctl -w net.ipv4.neigh.ea.base_reachable_time_ms=2000`);
    lab.run('ping -c 1 192.0.2.2', 'a');
    expect(lab.run('ip neigh', 'a')[0]).toMatch(/^192\.0\.2\.2 dev ea lladdr \S+ REACHABLE $/);
    // in use within delay_first_probe_time: DELAY, then a unicast probe confirms it again
    lab.advance(3 * S + 10);
    expect(lab.run('ip neigh', 'a')[0]).toMatch(/DELAY $/);
    lab.advance(60 * S);
    expect(lab.run('ip neigh', 'a')[0]).toMatch(/STALE $/);
    // the peer stops answering: its address goes away
    lab.run('ip -n b addr flush dev eb');
    const cap = lab.capture('a:ea');
    lab.run('ping -c 1 -W 1 192.0.2.2', 'a');
    expect(lab.run('ip neigh', 'a')[0]).toMatch(/DELAY $/);
    lab.advance(5 * S + 10);
    expect(lab.run('ip neigh', 'a')[0]).toMatch(/PROBE $/);
    lab.advance(3 * S);
    expect(lab.run('ip neigh', 'a')).toEqual(['192.0.2.2 dev ea FAILED ']);
    const probes = cap.lines().filter((l) => l.includes('who-has 192.0.2.2'));
    expect(probes).toHaveLength(3);
  });

  it('a request for one of our addresses leaves a STALE entry for the asker', () => {
    const lab = new Lab(PAIR);
    lab.run('ping -c 1 192.0.2.2', 'a');
    expect(lab.run('ip neigh', 'b')[0]).toMatch(/^192\.0\.2\.1 dev eb lladdr \S+ (STALE|DELAY|REACHABLE) $/);
  });

  it('ip neigh add ... permanent survives and is used without ARP', () => {
    const lab = new Lab(PAIR);
    lab.run('ip -n a neigh add 192.0.2.2 lladdr 02:11:22:33:44:55 dev ea');
    expect(lab.run('ip -n a neigh')).toEqual(['192.0.2.2 dev ea lladdr 02:11:22:33:44:55 PERMANENT ']);
    const cap = lab.capture('a:ea');
    lab.run('ping -c 1 -W 1 192.0.2.2', 'a');
    expect(cap.lines().some((l) => l.startsWith('ARP'))).toBe(false);
    expect(lab.run('ip -n a neigh add 192.0.2.2 lladdr 02:11:22:33:44:55 dev ea')).toEqual([
      'RTNETLINK answers: File exists',
    ]);
  });
});
