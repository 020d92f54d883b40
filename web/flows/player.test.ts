import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot } from '../../sim/snapshot';
import type { TraceEvent } from '../../sim/net/trace';
import { PRESETS } from '../../sim/labs/presets/article';
import { Player, HOP_MS } from './player';
import { topoOf } from './topo';
import { FlowGeometry, along } from './geometry';
import { buildDiagram } from '../model/diagram';

function failingPing() {
  const w = new World(1);
  const sh = new Shell(w);
  for (const l of PRESETS.find((p) => p.id === 'veth')!.commands) if (!l.startsWith('#')) sh.run(l);
  const events: TraceEvent[] = [];
  w.trace = (e) => events.push('bytes' in e ? { ...e, bytes: e.bytes.slice() } : e);
  sh.run('ping -c 1 -W 1 -I veth0 192.168.3.102');
  return { events, snap: takeSnapshot(w) };
}

/** The ping: ARP asks from br0 while the echo request waits, the reply releases it. */
function pingFromBr0() {
  const w = new World(1);
  const sh = new Shell(w);
  for (const l of PRESETS.find((p) => p.id === 'veth')!.commands) if (!l.startsWith('#')) sh.run(l);
  const events: TraceEvent[] = [];
  w.trace = (e) => events.push('bytes' in e ? { ...e, bytes: e.bytes.slice() } : e);
  sh.run('ping -c 1 -I br0 192.168.3.102');
  const p = new Player();
  p.add(events, topoOf(takeSnapshot(w)));
  return p;
}

/** A seeded walk of presses and frames: steps land whatever the play state and the time between presses. */
function walk(
  p: Player,
  dir: 1 | -1,
  speed: number,
  seed: number,
  playBetween = false,
): { seen: number[]; pairs: [number, number][] } {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  let t = 1000;
  const seen: number[] = [];
  const pairs: [number, number][] = [];
  p.setSpeed(speed);
  for (let i = 0; i < 200; i++) {
    const before = p.state().cursor;
    p.stepEvent(dir);
    const c = p.state().cursor;
    if (c === before) break;
    seen.push(c);
    pairs.push([before, c]);
    // some presses come while the step still plays, some after; sometimes the reader presses play between
    const frames = Math.floor(rnd() * 60);
    for (let k = 0; k < frames; k++) p.tick((t += 16));
    if (playBetween && rnd() < 0.3) {
      p.play();
      for (let k = 0; k < 5; k++) p.tick((t += 16));
    }
  }
  return { seen, pairs };
}

const now = (p: Player) => p.model.bySeq(p.state().cursor);

describe('player', () => {
  it('steps by frame and by event, playing forward and jumping back', () => {
    const { events, snap } = failingPing();
    const p = new Player();
    p.add(
      events.filter((e) => e.ns === 'host'),
      topoOf(snap),
    );
    p.seek(0);
    expect(p.state()).toMatchObject({ playing: false, cursor: -1 });
    p.stepFrame(1);
    expect(now(p)!.e.type).toBe('socket-send');
    // a forward step plays: the hop is under way until its time has passed
    expect(p.state().playing).toBe(true);
    for (let t = 0; t <= 3 * HOP_MS; t += 16) p.tick(t);
    expect(p.state().playing).toBe(false);
    p.stepFrame(1);
    expect(now(p)!.e).toMatchObject({ type: 'xmit', dev: 'veth0' });
    p.stepFrame(1);
    expect(now(p)!.e).toMatchObject({ type: 'xmit', dev: 'veth1' });
    p.stepEvent(1);
    p.stepEvent(1);
    expect(now(p)!.e).toMatchObject({ type: 'br-port-rx', dev: 'veth0' });
    // back is at once, and by frame goes to the previous frame's first step
    p.stepEvent(-1);
    expect(now(p)!.e).toMatchObject({ type: 'rx', dev: 'veth0' });
    expect(p.state().playing).toBe(false);
    p.stepFrame(-1);
    expect(now(p)!.e).toMatchObject({ type: 'xmit', dev: 'veth0' });
    expect(p.p).toBe(now(p)!.start + now(p)!.dur);
  });

  it('plays at the chosen speed and follows the simulation when caught up', () => {
    const { events, snap } = failingPing();
    const p = new Player();
    p.add(events, topoOf(snap));
    p.setSpeed(10);
    p.tick(0);
    p.tick(HOP_MS / 10);
    expect(p.p).toBeCloseTo(1);
    for (let t = 0; t < 200 * HOP_MS; t += 100) p.tick(HOP_MS / 10 + t);
    expect(p.state().live).toBe(true);
    p.pause();
    expect(p.state().live).toBe(false);
    p.toLive();
    expect(p.state()).toMatchObject({ live: true, playing: true });
  });
});

describe('stepping follows the event list', () => {
  for (const speed of [0.25, 1, 10]) {
    it(`visits every event once, in the list's order, forward then back, at ${speed}x`, () => {
      const p = pingFromBr0();
      const list = p.model.events.map((ev) => ev.seq);
      expect(list.length).toBeGreaterThan(20);
      p.seek(0);
      expect(walk(p, 1, speed, 7).seen).toEqual(list);
      expect(walk(p, -1, speed, 11).seen).toEqual(list.slice(0, -1).reverse());
    });

    it(`steps to the next event of the list from wherever playing left it, at ${speed}x`, () => {
      const p = pingFromBr0();
      p.seek(0);
      const { pairs } = walk(p, 1, speed, 5, true);
      expect(pairs.length).toBeGreaterThan(5);
      for (const [before, after] of pairs) expect(after).toBe(before + 1);
    });
  }

  it('pauses when a step is pressed while playing, and goes on from the event shown', () => {
    const p = pingFromBr0();
    p.seek(0);
    p.play();
    for (let t = 0; t < 40 * 16; t += 16) p.tick(t);
    const shown = p.state().cursor;
    expect(shown).toBeGreaterThanOrEqual(p.model.base);
    p.stepEvent(1);
    expect(p.state()).toMatchObject({ cursor: shown + 1, stepping: true });
    for (let t = 1000; t < 1000 + 200 * 16; t += 16) p.tick(t);
    expect(p.state()).toMatchObject({ cursor: shown + 1, playing: false, stepping: false });
    const ev = p.model.bySeq(shown + 1)!;
    expect(p.p).toBe(ev.start + ev.dur);
  });

  it('visits only the rows the list shows, and steps by frame in list order', () => {
    const p = pingFromBr0();
    const hop = (ev: { e: TraceEvent }) => ev.e.type === 'xmit' || ev.e.type === 'rx';
    p.setStepFilter(hop);
    p.seek(0);
    const { seen } = walk(p, 1, 10, 3);
    expect(seen).toEqual(p.model.events.filter(hop).map((ev) => ev.seq));
    p.setStepFilter(null);
    p.seek(0);
    const births: number[] = [];
    for (;;) {
      const before = p.state().cursor;
      p.stepFrame(1);
      if (p.state().cursor === before) break;
      births.push(p.state().cursor);
    }
    const firsts = [...p.model.frames.values()].map((f) => f.first).sort((a, b) => a - b);
    // the last press goes to the end of the list
    expect(births.filter((s) => firsts.includes(s))).toEqual(firsts);
  });

  it('lays a packet ARP held back after the reply that releases it', () => {
    const p = pingFromBr0();
    const evs = p.model.events;
    const reply = evs.findIndex(
      (ev) => ev.e.type === 'rx' && ev.e.dev === 'br0' && p.model.frames.get(ev.frame)?.kind === 'arp-rep',
    );
    expect(reply).toBeGreaterThan(0);
    const released = evs.find(
      (ev) => ev.seq > evs[reply].seq && ev.e.type === 'xmit' && p.model.frames.get(ev.frame)?.kind === 'icmp-req',
    )!;
    expect(released.start).toBeGreaterThanOrEqual(evs[reply].start + evs[reply].dur);
    // the echo reply looped over lo is named from its bytes, though its first step carried none
    const overLo = evs.find((ev) => ev.e.type === 'loopback')!;
    expect(p.model.frames.get(overLo.frame)).toMatchObject({ kind: 'icmp-rep', label: 'ICMP reply' });
  });
});

describe('geometry', () => {
  it('puts a frame on the line the reader sees: down the stack arrow, along the veth cable', () => {
    const { snap } = failingPing();
    const d = buildDiagram(snap, {}, null);
    const g = new FlowGeometry(d.nodes, d.edges);
    const down = g.path('s|host|veth0', 'd|host|veth0')!;
    expect(new Set(down.pts.map(([x]) => x)).size).toBe(1);
    const wire = g.path('d|host|veth0', 'd|host|veth1')!;
    // under the row: the middle of the trip is below both devices
    const mid = along(wire, 0.5);
    expect(mid[1]).toBeGreaterThan(g.point('d|host|veth0')![1] + 40);
    // the physical network is drawn as stations: the switch's ports are the switch
    expect(g.point('d|lan|p1')).toEqual(g.point('d|lan|sw0'));
    expect(g.path('d|host|eth0', 'd|lan|p1')!.len).toBeGreaterThan(100);
  });
});
