// The worker tells the page of a broadcast storm as it starts, while it lasts and when it ends; a lab
// loaded into a storm says so at once. The store turns the report into the diagram's marks and the
// command that ends it.
import { describe, expect, it } from 'vitest';
import { Lab } from './lab';
import { BRIDGE_LOOP } from '../../sim/testing/bridgeLoop';
import { toWorker, type FromWorker, type LogEntry } from '../protocol';
import { stormBridge, stormView, stopLine } from '../store/storm';

const LOOP = [...BRIDGE_LOOP];
/** one broadcast starts it: an ARP request, then Ctrl+C (arping would wait a second for a reply) */
const ARPING = 'arping -c 1 10.9.0.2';

const storms = (msgs: FromWorker[]) => msgs.flatMap((m) => (m.type === 'storm' ? [m.storm] : []));

describe('a storm in the worker', { timeout: 60_000 }, () => {
  it('is reported with its devices and rate, again while it lasts, and its end once', () => {
    const msgs: FromWorker[] = [];
    const lab = new Lab((m) => msgs.push(m));
    lab.handle(toWorker({ type: 'run', ns: 'host', lines: [...LOOP, ARPING], group: 'g', mode: 'async' }));
    lab.advance(2000);
    lab.handle(toWorker({ type: 'interrupt', ns: 'host' }));
    for (let i = 0; i < 30; i++) lab.advance(20_000);
    const r = storms(msgs);
    expect(r.length).toBeGreaterThan(1);
    expect(r.length).toBeLessThan(10);
    const last = r.at(-1)!;
    expect(last).not.toBeNull();
    expect(last!.devs.map((d) => d.dev).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
    expect(last!.framesPerSec).toBeGreaterThan(0);
    // what the page makes of it: both bridges and their ports marked; Ctrl+C in host types br0 down
    const v = stormView(last!);
    expect([...v.ids].sort()).toEqual([
      'dev:host:a1',
      'dev:host:a2',
      'dev:host:a3',
      'dev:host:b1',
      'dev:host:b2',
      'dev:host:b3',
      'dev:host:br0',
      'dev:host:br1',
    ]);
    const b = stormBridge(v, 'host')!;
    expect(stopLine(b.br)).toBe('ip link set br0 down');
    msgs.length = 0;
    lab.handle(toWorker({ type: 'run', ns: 'host', lines: [stopLine(b.br)], group: 'h', mode: 'async' }));
    for (let i = 0; i < 5; i++) lab.advance(20_000);
    // perhaps a last report of the storm as the command ran, then its end, once
    const after = storms(msgs);
    expect(after.at(-1)).toBeNull();
    expect(after.filter((x) => x === null)).toHaveLength(1);
    expect(after.length).toBeLessThanOrEqual(2);
  });

  it('a lab loaded into a storm reports it with the load', () => {
    const msgs: FromWorker[] = [];
    const lab = new Lab((m) => msgs.push(m));
    const log: LogEntry[] = [...LOOP, ARPING].map((line, i) => ({
      id: i + 1,
      group: `t${i}`,
      ns: 'host',
      line,
      at: 1000 * (i + 1),
      mode: 'async' as const,
    }));
    log[log.length - 1] = { ...log[log.length - 1], stopAt: log[log.length - 1].at + 2000 };
    lab.handle(toWorker({ type: 'load', seed: 1, log, now: 60_000 }));
    const i = msgs.findIndex((m) => m.type === 'loaded');
    const before = storms(msgs.slice(0, i));
    expect(before.at(-1)?.devs.length).toBe(6);
  });

  it('a tick whose time ran out stops the clock where it got: a storm slows the clock, not the answers', () => {
    const msgs: FromWorker[] = [];
    const lab = new Lab((m) => msgs.push(m));
    lab.handle(toWorker({ type: 'run', ns: 'host', lines: LOOP, group: 'g', mode: 'async' }));
    let asked = 0;
    lab.handle(toWorker({ type: 'run', ns: 'host', lines: [ARPING], group: 'h', mode: 'async' }));
    lab.advance(2000);
    lab.handle(toWorker({ type: 'interrupt', ns: 'host' }));
    lab.advance(20_000);
    // in the storm: asked every 256 events, the slice ends at the first "over"
    const t1 = lab.now;
    asked = 0;
    lab.advance(40_000, () => ++asked >= 2);
    expect(asked).toBe(2);
    expect(lab.now).toBeGreaterThan(t1);
    expect(lab.now).toBeLessThan(t1 + 40_000);
    // and a command typed then runs at once
    msgs.length = 0;
    lab.handle(toWorker({ type: 'run', ns: 'host', lines: ['ip -br link show dev a1'], group: 'k', mode: 'async' }));
    expect(msgs.some((m) => m.type === 'output' && /^a1@b1\s+UP/.test(m.lines[0]))).toBe(true);
  });

  it('a lab saved during a long storm loads calm and within its bound; its later commands are replayed', () => {
    const msgs: FromWorker[] = [];
    const lab = new Lab((m) => msgs.push(m));
    const log: LogEntry[] = [...LOOP, ARPING].map((line, i) => ({
      id: i + 1,
      group: `t${i}`,
      ns: 'host',
      line,
      at: 1000 * (i + 1),
      mode: 'async' as const,
    }));
    log[log.length - 1] = { ...log[log.length - 1], stopAt: log[log.length - 1].at + 2000 };
    // ten virtual seconds of storm (some 5M events) before the next command
    log.push({
      id: 99,
      group: 'tz',
      ns: 'host',
      line: 'ip link add later0 type bridge',
      at: 10_000_000,
      mode: 'async',
    });
    lab.handle(toWorker({ type: 'load', seed: 1, log, now: 10_050_000 }));
    const loaded = msgs.find((m) => m.type === 'loaded');
    expect(loaded && loaded.type === 'loaded' && loaded.cut).toBeUndefined();
    expect(lab.liveWorld.host.dev('later0')).toBeTruthy();
    expect(lab.liveWorld.storming.size).toBe(0);
    // it did storm for a while: the ports dropped frames
    expect(lab.liveWorld.host.dev('a1')!.stats.rxDropped).toBeGreaterThan(1000);
  });
});
