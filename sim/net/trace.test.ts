// Packet-flow events tell why the article's ping -I veth0 fails: the ARP reply is taken by br0.
import { describe, expect, it } from 'vitest';
import { Lab } from '../testing/lab';
import { TraceBuffer, type TraceEvent } from './trace';

const ARTICLE = `
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.accept_local=1
ip link add name br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip addr add 192.168.3.101/24 dev veth0
ip addr add 192.168.3.102/24 dev veth1
ip link set veth0 up
ip link set veth1 up
ip link set dev veth0 master br0`;

describe('trace', () => {
  it('explains the failing ping -I veth0 step by step', () => {
    const lab = new Lab(ARTICLE);
    // br0's IGMP reports for 224.0.0.106 go out within a second of it coming up
    lab.advance(2_000_000);
    const buf = new TraceBuffer();
    lab.world.trace = (e) => buf.push(e);
    lab.run('ping -c 1 -W 5 -I veth0 192.168.3.102');
    const ev = buf.events();
    const types = ev.map((e) => `${e.type}@${e.dev}`);
    expect(types.slice(0, 3)).toEqual(['socket-send@veth0', 'route@veth0', 'neigh@veth0']);
    const up = ev.find((e): e is Extract<TraceEvent, { type: 'br-up' }> => e.type === 'br-up')!;
    expect(up.dev).toBe('veth0');
    // the reply is for veth0's MAC, a local address of br0: it goes up br0's stack, not veth0's
    expect(up).toMatchObject({ bridge: 'br0', local: true, pktType: 'unicast' });
    expect(ev.some((e) => e.type === 'arp-reply' && e.dev === 'veth1')).toBe(true);
    expect(ev.filter((e) => e.type === 'xmit' && e.dev === 'veth0')).toHaveLength(3);
    for (let i = 1; i < ev.length; i++) expect(ev[i].time).toBeGreaterThanOrEqual(ev[i - 1].time);
  });

  it('says why a stock kernel does not answer: a martian source', () => {
    const lab = new Lab(ARTICLE.replace('default.accept_local=1', 'default.accept_local=0'));
    const buf = new TraceBuffer();
    lab.world.linkWatch.settle();
    const start = lab.world.now;
    lab.world.trace = (e) => buf.push(e);
    lab.run('ping -c 1 -W 1 -I veth0 192.168.3.102');
    // the echo request's ARP, not the bridge's IGMP reports that veth1 also drops
    const d = buf.events().find((e) => e.type === 'drop' && e.dev === 'veth1' && e.time >= start);
    expect(d).toMatchObject({ reason: 'IP_LOCAL_SOURCE', src: '192.168.3.101', fn: 'fib_validate_source' });
  });

  it('keeps only the newest events when full', () => {
    const b = new TraceBuffer(3);
    for (let i = 0; i < 5; i++)
      b.push({ type: 'loopback', time: i, ns: 'host', dev: 'lo', frameId: i, fn: 'f', dst: '127.0.0.1' });
    expect(b.events().map((e) => e.time)).toEqual([2, 3, 4]);
    expect(b.dropped).toBe(2);
  });
});
