// A load replays at most a bounded number of events: a flood left running, or a clock far ahead, stops
// where the bound is reached and the page is told which entries were kept; a normal load is not cut.
import { describe, expect, it } from 'vitest';
import { Lab } from './lab';
import { toWorker, type FromWorker, type LogEntry } from '../protocol';

const entry = (id: number, line: string, at: number): LogEntry => ({
  id,
  group: `t${id}`,
  ns: 'host',
  line,
  at,
  mode: 'async',
});
const FLOOD = [
  entry(1, 'ip link add br0 type bridge', 1000),
  entry(2, 'ip addr add 10.9.9.1/24 dev br0', 2000),
  entry(3, 'ip link set br0 up', 3000),
  entry(4, 'ping -f 10.9.9.1', 4000),
];

function load(log: LogEntry[], now: number, maxReplayEvents: number) {
  const msgs: FromWorker[] = [];
  const execs: LogEntry[] = [];
  const lab = new Lab((m) => msgs.push(m), { maxReplayEvents, beforeExec: (e) => execs.push(e) });
  lab.handle(toWorker({ type: 'load', seed: 1, log, now }));
  const loaded = msgs.find((m): m is Extract<FromWorker, { type: 'loaded' }> => m.type === 'loaded')!;
  return { lab, loaded, execs };
}

describe('bounded replays', () => {
  it('a flood left running for ten minutes stops at the bound, short of the clock it named', () => {
    const { loaded, lab } = load(FLOOD, 600_000_000, 20_000);
    expect(loaded.cut).toEqual({ kept: 4, events: 20_000 });
    expect(loaded.now).toBeLessThan(600_000_000);
    expect(loaded.now).toBe(lab.now);
    expect(loaded.busy).toEqual(['host']); // the flood still runs: Ctrl-C ends it
  });

  it('a bound reached between two entries keeps those before it only', () => {
    const log = [...FLOOD, entry(5, 'ip link add late0 type bridge', 500_000_000)];
    const { loaded, execs } = load(log, 600_000_000, 20_000);
    expect(loaded.cut?.kept).toBe(4);
    expect(execs.map((e) => e.id)).toEqual([1, 2, 3, 4]);
  });

  it('the same lab within the bound loads whole, every command named before it runs', () => {
    const { loaded, execs } = load(FLOOD.slice(0, 3), 3_600_000_000, 20_000);
    expect(loaded.cut).toBeUndefined();
    expect(loaded.now).toBe(3_600_000_000);
    expect(execs.map((e) => e.line)).toEqual(FLOOD.slice(0, 3).map((e) => e.line));
  });

  it('a cut load is deterministic: the same lab stops at the same place', () => {
    const a = load(FLOOD, 600_000_000, 5_000).loaded;
    const b = load(FLOOD, 600_000_000, 5_000).loaded;
    expect(a.now).toBe(b.now);
  });
});
