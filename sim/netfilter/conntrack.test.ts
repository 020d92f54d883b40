import { describe, it, expect } from 'vitest';
import { parseIp4 } from '../core/addr';
import { emitIpv4 } from '../wire/ipv4';
import { emitIcmp } from '../wire/icmp';
import { ConntrackTable, GENERIC_TIMEOUT_US, ICMP_TIMEOUT_US, IPS_SEEN_REPLY } from './conntrack';

const ip = (s: string) => parseIp4(s)!;

function icmp(src: string, dst: string, type: number, id = 9): Uint8Array {
  const body =
    type === 0 || type === 8
      ? emitIcmp({ kind: 'echo', type: type as 0 | 8, id, seq: 1, data: new Uint8Array(8) })
      : emitIcmp({ kind: 'other', type, code: 0, body: new Uint8Array(8) });
  return emitIpv4({ tos: 0, id: 1, df: false, ttl: 64, protocol: 1, src: ip(src), dst: ip(dst) }, body);
}

describe('ICMP connection tracking', () => {
  it('an echo request opens a NEW connection whose reply tuple is the echo reply', () => {
    const t = new ConntrackTable();
    const c = t.classify(icmp('192.0.2.2', '198.51.100.1', 8, 77), 0);
    expect(c.ct && c.ctinfo).toBe('NEW');
    if (!c.ct) return;
    expect(c.ct.tuple[1]).toMatchObject({ src: ip('198.51.100.1'), dst: ip('192.0.2.2'), type: 0, id: 77 });
    expect(t.conns).toHaveLength(0);
  });

  it('states: NEW until a reply was seen, then ESTABLISHED both ways', () => {
    const t = new ConntrackTable();
    const c = t.classify(icmp('192.0.2.2', '198.51.100.1', 8), 0);
    t.confirm(c.ct!);
    expect(t.classify(icmp('192.0.2.2', '198.51.100.1', 8), 1).ct && 'seen').toBe('seen');
    const again = t.classify(icmp('192.0.2.2', '198.51.100.1', 8), 2);
    expect(again.ct && again.ctinfo).toBe('NEW');
    const reply = t.classify(icmp('198.51.100.1', '192.0.2.2', 0), 3);
    expect(reply.ct && reply.ctinfo).toBe('ESTABLISHED_REPLY');
    expect(c.ct!.status & IPS_SEEN_REPLY).toBeTruthy();
    const next = t.classify(icmp('192.0.2.2', '198.51.100.1', 8), 4);
    expect(next.ct && next.ctinfo).toBe('ESTABLISHED');
  });

  it('a reply without a request, or an unpaired type, is not tracked', () => {
    const t = new ConntrackTable();
    expect(t.classify(icmp('198.51.100.1', '192.0.2.2', 0), 0).ct).toBeNull();
    expect(t.classify(icmp('198.51.100.1', '192.0.2.2', 9), 0).ct).toBeNull();
  });

  it('times out 30 s after the last packet, each packet refreshing it', () => {
    const t = new ConntrackTable();
    const c = t.classify(icmp('192.0.2.2', '198.51.100.1', 8), 0);
    t.confirm(c.ct!);
    t.classify(icmp('198.51.100.1', '192.0.2.2', 0), 10_000_000);
    expect(t.find(c.ct!.tuple[0], 10_000_000 + ICMP_TIMEOUT_US - 1)).toBeDefined();
    expect(t.find(c.ct!.tuple[0], 10_000_000 + ICMP_TIMEOUT_US)).toBeUndefined();
    expect(t.conns).toHaveLength(0);
  });
});

describe('generic connection tracking (protocols without a tracker of their own)', () => {
  const igmp = (src: string) =>
    emitIpv4(
      { tos: 0xc0, id: 0, df: true, ttl: 1, protocol: 2, src: ip(src), dst: ip('224.0.0.22') },
      new Uint8Array(16),
    );

  it('any packet opens a connection keyed by addresses; the next one refreshes its 600 s timeout', () => {
    const t = new ConntrackTable();
    const c = t.classify(igmp('192.0.2.9'), 0);
    expect(c.ct && c.ctinfo).toBe('NEW');
    t.confirm(c.ct!);
    expect(c.ct!.tuple[1]).toMatchObject({ src: ip('224.0.0.22'), dst: ip('192.0.2.9'), proto: 2 });
    expect(c.ct!.expires).toBe(GENERIC_TIMEOUT_US);
    const again = t.classify(igmp('192.0.2.9'), 700_000);
    expect(again.ct).toBe(c.ct);
    expect(c.ct!.expires).toBe(700_000 + GENERIC_TIMEOUT_US);
    // another source is another connection
    expect(t.classify(igmp('0.0.0.0'), 800_000).ct).not.toBe(c.ct);
    expect(t.conns).toHaveLength(1);
  });

  it('a packet the other way is the reply', () => {
    const t = new ConntrackTable();
    const c = t.classify(igmp('192.0.2.9'), 0);
    t.confirm(c.ct!);
    const back = emitIpv4(
      { tos: 0, id: 0, df: false, ttl: 1, protocol: 2, src: ip('224.0.0.22'), dst: ip('192.0.2.9') },
      new Uint8Array(8),
    );
    const r = t.classify(back, 1);
    expect(r.ct && r.ctinfo).toBe('ESTABLISHED_REPLY');
    expect(c.ct!.status & IPS_SEEN_REPLY).toBeTruthy();
  });
});
