import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot } from '../../sim/snapshot';
import type { TraceEvent } from '../../sim/net/trace';
import { PRESETS } from '../../sim/labs/presets/article';
import { Player } from './player';
import { topoOf } from './topo';
import { findPosition, positionOf } from './position';

/** The article's failing ping, its events as a fresh World reports them (the same on every replay). */
function failingPing(): { events: TraceEvent[]; topo: ReturnType<typeof topoOf> } {
  const w = new World(1);
  const sh = new Shell(w);
  for (const l of PRESETS.find((p) => p.id === 'veth')!.commands) sh.run(l);
  const events: TraceEvent[] = [];
  w.trace = (e) => events.push('bytes' in e ? { ...e, bytes: e.bytes.slice() } : e);
  sh.run('ping -c 1 -W 1 -I veth0 192.168.3.102');
  return { events, topo: topoOf(takeSnapshot(w)) };
}

describe('playback position', () => {
  it('names the stopped-at event so that a player fed the same events finds it again', () => {
    const { events, topo } = failingPing();
    const a = new Player();
    a.add(events, topo);
    a.seek(0);
    for (let i = 0; i < 5; i++) a.stepFrame(1);
    a.stepEvent(-1);
    const here = a.model.bySeq(a.state().cursor)!;
    const pos = positionOf(a.model, a.state())!;
    expect(pos).toMatchObject({ from: events[0].time, time: here.e.time, type: here.e.type, speed: 1 });
    // another page: other seq numbers (events came before), the same events from the same replay
    const b = new Player();
    b.add(events.slice(0, 3), topo);
    b.clear();
    b.add(events, topo);
    const seq = findPosition(b.model, pos)!;
    expect(seq).not.toBe(here.seq);
    const there = b.model.bySeq(seq)!;
    expect([there.e.time, there.e.type, there.e.ns, there.e.dev, there.e.frameId]).toEqual([
      here.e.time,
      here.e.type,
      here.e.ns,
      here.e.dev,
      here.e.frameId,
    ]);
    // and it is the same one of several alike
    const alike = (m: Player['model'], s: number) =>
      m.events.filter(
        (x) =>
          x.seq <= s &&
          x.e.time === here.e.time &&
          x.e.type === here.e.type &&
          x.e.dev === here.e.dev &&
          x.e.frameId === here.e.frameId,
      ).length;
    expect(alike(b.model, seq)).toBe(alike(a.model, here.seq));
  });

  it('is not kept while the flow plays on, nor for an empty flow', () => {
    const { events, topo } = failingPing();
    const p = new Player();
    expect(positionOf(p.model, p.state())).toBeUndefined();
    p.add(events, topo);
    p.toLive();
    expect(positionOf(p.model, p.state())).toBeUndefined();
    p.stepEvent(-1);
    expect(positionOf(p.model, p.state())).toBeDefined();
  });

  it('an event that did not come back is not found', () => {
    const { events, topo } = failingPing();
    const p = new Player();
    p.add(events, topo);
    expect(
      findPosition(p.model, { from: 0, time: 1, frame: 999, type: 'xmit', ns: 'host', dev: 'veth0', nth: 0, speed: 1 }),
    ).toBeNull();
  });
});
