import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot } from '../../sim/snapshot';
import type { TraceEvent } from '../../sim/net/trace';
import { PRESETS } from '../presets/article';
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

const now = (p: Player) => p.model.bySeq(p.state().cursor);

describe('player', () => {
  it('steps by frame and by event, playing forward and jumping back', () => {
    const { events, snap } = failingPing();
    const p = new Player();
    p.add(events.filter((e) => e.ns === 'host'), topoOf(snap));
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
