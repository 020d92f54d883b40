import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot, type Snapshot } from '../../sim/snapshot';
import type { TraceEvent } from '../../sim/net/trace';
import { PRESETS } from '../../sim/labs/presets/article';
import { bytesAt, FlowModel, MOVE, type FlowEvent, type Topo } from './flow';
import { frameKind } from './frameKind';

/** A preset built, then `line` run with the trace on; the events and the diagram's topology. */
function traced(preset: string, line: string): { events: TraceEvent[]; snap: Snapshot } {
  const w = new World(1);
  const sh = new Shell(w);
  for (const l of PRESETS.find((p) => p.id === preset)!.commands) if (!l.startsWith('#')) sh.run(l);
  w.linkWatch.settle();
  // frames are numbered from 1 for the line under test (the settling lab sent a few of its own)
  const base = w.nextFrameId();
  const events: TraceEvent[] = [];
  w.trace = (e) =>
    events.push({
      ...e,
      frameId: e.frameId > base ? e.frameId - base : e.frameId,
      ...('bytes' in e ? { bytes: e.bytes.slice() } : {}),
    } as TraceEvent);
  sh.run(line);
  return { events, snap: takeSnapshot(w) };
}

function topoOf(snap: Snapshot): Topo {
  const dev = (ns: string, name: string) =>
    snap.namespaces.find((n) => n.name === ns)?.devices.find((d) => d.name === name);
  return { peer: (ns, d) => dev(ns, d)?.peer ?? null, master: (ns, d) => dev(ns, d)?.master ?? null };
}

const hop = (x: FlowEvent) => `${x.e.type}@${x.e.dev}#${x.frame} ${x.from ?? '·'} -> ${x.to}`;

describe('flow model', () => {
  it('lays out the article failing ping -I veth0: the reply is taken by br0 instead of the stack', () => {
    const { events, snap } = traced('veth', 'ping -c 1 -W 2 -I veth0 192.168.3.102');
    const m = new FlowModel();
    m.add(events, topoOf(snap));
    expect([...m.frames.values()].slice(0, 3).map((f) => [f.id, f.kind])).toEqual([
      [1, 'icmp-req'],
      [2, 'arp-req'],
      [3, 'arp-rep'],
    ]);
    const host = m.events.filter((x) => x.e.ns === 'host');
    expect(host.slice(0, 12).map(hop)).toEqual([
      'socket-send@veth0#1 · -> s|host|veth0',
      'route@veth0#1 · -> s|host|veth0',
      'neigh@veth0#1 · -> s|host|veth0',
      'xmit@veth0#2 s|host|veth0 -> d|host|veth0',
      'rx@veth1#2 d|host|veth0 -> d|host|veth1',
      // told in causal order: veth1's stack answers, then the reply leaves
      'arp-reply@veth1#2 d|host|veth1 -> s|host|veth1',
      'xmit@veth1#3 s|host|veth1 -> d|host|veth1',
      'rx@veth0#3 d|host|veth1 -> d|host|veth0',
      'br-port-rx@veth0#3 · -> d|host|veth0',
      'fdb-learn@veth0#3 · -> d|host|veth0',
      'br-up@veth0#3 d|host|veth0 -> d|host|br0',
      'rx@br0#3 · -> d|host|br0',
    ]);
    // one hop after another, the reply only once the request's answer is given
    for (let k = 1; k < m.timeline.length; k++)
      expect(m.timeline[k].start).toBeGreaterThanOrEqual(m.timeline[k - 1].start);
    for (const x of m.events)
      if (x.parent >= 0) expect(x.start).toBeGreaterThanOrEqual(m.bySeq(x.parent)!.start + m.bySeq(x.parent)!.dur);
    for (let k = 1; k < 12; k++) expect(host[k].start).toBeGreaterThanOrEqual(host[k - 1].start);
    const answer = host[5];
    expect(host[6].start).toBeGreaterThanOrEqual(answer.start + answer.dur);
    // the echo request waits at the stack while ARP asks, so it stays on the diagram
    expect(host[2].visEnd).toBeGreaterThan(host[10].start);
    // ARP asks again a second later: a new burst, after a pause
    const retry = host.find(
      (x, k) => k > 11 && x.e.type === 'xmit' && x.e.dev === 'veth0' && m.frames.get(x.frame)!.kind === 'arp-req',
    )!;
    expect(retry.from).toBe('s|host|veth0');
    expect(retry.start).toBeGreaterThan(host[11].start + host[11].dur);
  });

  it('lets a flood travel at once: br0 sends the ARP request out of eth0 and veth0 together', () => {
    const { events, snap } = traced('eth0', 'ping -c 1 -W 1 -I br0 192.168.3.1');
    const m = new FlowModel();
    m.add(events, topoOf(snap));
    const outs = m.events.filter((x) => x.frame === 2 && x.e.type === 'xmit' && x.e.ns === 'host' && x.e.dev !== 'br0');
    expect(outs.map((x) => x.e.dev).sort()).toEqual(['eth0', 'veth0']);
    expect(outs.map((x) => x.from)).toEqual(['d|host|br0', 'd|host|br0']);
    expect(outs[0].start).toBe(outs[1].start);
    const shown = m.visibleAt(outs[0].start + MOVE / 2).filter((x) => x.frame === 2);
    expect(shown.map((x) => x.e.dev).sort()).toEqual(['eth0', 'veth0']);
    // across the cable into the physical network, and the gateway's answer comes back to br0's stack
    expect(m.events.find((x) => x.e.type === 'rx' && x.e.ns === 'lan' && x.frame === 2)?.from).toBe('d|host|eth0');
    const delivered = m.events.find((x) => x.e.type === 'deliver' && x.e.ns === 'host')!;
    expect(m.frames.get(delivered.frame)!.kind).toBe('icmp-rep');
    expect(delivered.from).toBe('d|host|br0');
    expect(delivered.to).toBe('s|host|br0');
    // the FDB updates belong to the frames that taught them
    for (const x of m.events.filter((y) => y.e.type === 'fdb-learn')) expect(x.frame).toBeGreaterThan(0);
  });

  it('shows ARP flux: two replies for one request, each after the answer that sends it', () => {
    const { events, snap } = traced('eth0', 'ip netns exec gw arping -c 1 -I eth0 192.168.3.101');
    const m = new FlowModel();
    m.add(events, topoOf(snap));
    const answers = m.events.filter((x) => x.e.type === 'arp-reply' && x.e.ns === 'host');
    expect(answers.map((x) => x.e.dev)).toEqual(['br0', 'veth1']);
    const replies = [...m.frames.values()].filter((f) => f.kind === 'arp-rep');
    expect(replies).toHaveLength(2);
    for (const [i, r] of replies.entries()) {
      const first = m.bySeq(r.first)!;
      expect(first.seq).toBeGreaterThan(answers[i].seq);
      expect(first.start).toBeGreaterThanOrEqual(answers[i].start + answers[i].dur);
    }
    // both replies are on their way back to the gateway at the same time
    const arrival = m.eventsOf(replies[0].id).find((x) => x.e.type === 'rx' && x.e.ns === 'gw')!;
    expect(m.bySeq(replies[1].first)!.start).toBeLessThan(arrival.start);
    expect(m.eventsOf(replies[1].id).some((x) => x.e.type === 'rx' && x.e.ns === 'gw')).toBe(true);
  });

  it('plays the copies of a flood and the answers they draw at once, not one after the other', () => {
    const lines = Array.from({ length: 40 }, (_, i) => [
      `ip link add a${i} type veth peer name b${i}`,
      `ip link set a${i} master br0`,
      `ip link set a${i} up`,
      `ip link set b${i} up`,
      `ip addr add 10.0.0.${i + 1}/16 dev b${i}`,
    ]).flat();
    const w = new World(1);
    const sh = new Shell(w);
    for (const l of [...PRESETS[0].commands, ...lines]) if (!l.startsWith('#')) sh.run(l);
    const events: TraceEvent[] = [];
    w.trace = (e) => events.push(e);
    // every b end answers for 10.0.0.2 (ARP flux: any local address, on any device)
    sh.run('arping -c 1 -w 1 -I b0 10.0.0.2');
    const m = new FlowModel();
    m.add(events, topoOf(takeSnapshot(w)));
    expect([...m.frames.values()].filter((f) => f.kind === 'arp-rep').length).toBe(40);
    const most = Math.max(...Array.from({ length: Math.ceil(m.end * 4) }, (_, k) => m.visibleAt(k / 4).length));
    expect(most).toBeGreaterThanOrEqual(40);
    expect(m.end).toBeLessThan(20);
  });

  it('names each event so a replay finds it again, and keeps the bytes as they were', () => {
    const { events, snap } = traced('eth0', 'ping -c 1 -W 1 baidu.com');
    const m = new FlowModel();
    m.add(events, topoOf(snap));
    const refs = new Set(m.events.map((x) => JSON.stringify(x.ref)));
    expect(refs.size).toBe(m.events.length);
    // the gateway forwards: the TTL the internet sees is one less than the one that left the host
    const req = [...m.frames.values()].find((f) => f.kind === 'icmp-req')!;
    const out = m.eventsOf(req.id).find((x) => x.e.type === 'xmit' && x.e.ns === 'host')!;
    const there = m.eventsOf(req.id).find((x) => x.e.type === 'rx' && x.e.ns === 'internet')!;
    expect(bytesAt(m, req.id, there.seq)!.bytes[22]).toBe(bytesAt(m, req.id, out.seq)!.bytes[22] - 1);
    expect(frameKind(bytesAt(m, req.id, out.seq)!.bytes)).toBe('icmp-req');
  });

  it('keeps only the newest events, with their numbers', () => {
    const { events, snap } = traced('veth', 'ping -c 1 -W 2 -I veth0 192.168.3.102');
    const m = new FlowModel();
    for (let k = 0; k < 1200; k++) m.add(events, topoOf(snap));
    expect(m.count).toBeLessThanOrEqual(20_000);
    expect(m.bySeq(m.base)!.seq).toBe(m.base);
    expect(m.events.at(-1)!.seq).toBe(1200 * events.length - 1);
  });
});
