// The page words the simulator's facts: every event a real run reports reads as a whole sentence in
// both languages (no key left as it is, no {{place}} unfilled), and the English is today's sentence.
import { describe, expect, it } from 'vitest';
import { Lab } from '../../sim/testing/lab';
import type { TraceEvent } from '../../sim/net/trace';
import { i18n } from '../i18n/i18n';
import { what, why } from './eventText';

const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh');

const ARTICLE = (acceptLocal: number) => `
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.accept_local=${acceptLocal}
ip link add name br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip addr add 192.168.3.101/24 dev veth0
ip addr add 192.168.3.102/24 dev veth1
ip link set veth0 up
ip link set veth1 up
ip link set dev veth0 master br0`;

function events(setup: string, cmds: string[]): TraceEvent[] {
  const lab = new Lab(setup);
  lab.advance(2_000_000);
  const out: TraceEvent[] = [];
  lab.world.trace = (e) => out.push(e);
  for (const c of cmds) lab.run(c);
  return out;
}

function wordsOk(s: string) {
  expect(s).not.toMatch(/\{\{|\}\}|^(why|what|drop)\./);
  expect(s.length).toBeGreaterThan(3);
}

describe('event texts', () => {
  it('words every event of the failing ping -I veth0 and of a ping on br0 in both languages', () => {
    const ev = [
      ...events(ARTICLE(1), [
        'ping -c 1 -W 1 -I veth0 192.168.3.102',
        'ip addr add 192.168.3.1/24 dev br0',
        'ping -c 1 -W 1 192.168.3.102',
        'ping -c 1 -W 1 192.168.3.1',
      ]),
      ...events(ARTICLE(0), [
        'ping -c 1 -W 1 -I veth0 192.168.3.102',
        'ip link set veth1 down',
        'ping -c 1 -W 1 -I veth0 192.168.3.102',
      ]),
    ];
    const kinds = new Set(ev.map((e) => (e.type === 'drop' ? `drop:${e.reason}` : e.type)));
    // the runs above reach the bridge, the stack, ARP and drops
    for (const k of [
      'socket-send',
      'route',
      'neigh',
      'xmit',
      'rx',
      'br-port-rx',
      'fdb-learn',
      'br-up',
      'arp-reply',
      'deliver',
      'drop:IP_LOCAL_SOURCE',
    ])
      expect([...kinds]).toContain(k);
    for (const e of ev) {
      for (const t of [en, zh]) {
        wordsOk(what(e, t));
        wordsOk(why(e, t));
      }
      expect(why(e, zh)).toMatch(/[\u4e00-\u9fff]/);
      expect(why(e, en)).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const up = ev.find((e) => e.type === 'br-up' && e.local && e.dev === 'veth0')!;
    expect(why(up, en)).toMatch(
      /^[0-9a-f:]{17} is a local address of br0 \(its own or a port's\): the frame goes up the stack as if it arrived on br0, not on veth0\.$/,
    );
    expect(why(up, zh)).toContain('br0');
    const drop = ev.find((e) => e.type === 'drop' && e.reason === 'IP_LOCAL_SOURCE')!;
    expect(why(drop, en)).toBe(
      "The sender 192.168.3.101 is one of this host's own addresses and accept_local=0: a martian source, so nobody answers.",
    );
    expect(what(drop, zh)).toBe('丢弃:火星源地址:accept_local=0');
  });
});
