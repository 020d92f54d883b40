import { describe, expect, it } from 'vitest';
import { Lab } from './lab';
import { toWorker, type FromWorker, type LogEntry } from '../protocol';
import { FIRST_PRESET, PRESETS } from '../../sim/labs/presets/article';
import { probe, Prober } from './lab';
import { MAX_BATCH } from './traceStream';
import type { Snapshot } from '../../sim/snapshot';
import { applySnapshotDiff } from '../model/snapDiff';

function harness() {
  const msgs: FromWorker[] = [];
  const lab = new Lab((m) => msgs.push(m));
  const output = (ns = 'host') => msgs.flatMap((m) => (m.type === 'output' && m.ns === ns ? m.lines : []));
  const log = () => msgs.flatMap((m) => (m.type === 'logged' ? [m.entry] : []));
  // the page's view: every diff applied in order, as the store does
  const lastSnap = () =>
    msgs.reduce<Snapshot | null>((s, m) => (m.type === 'snapshot' ? applySnapshotDiff(s, m.diff) : s), null)!;
  const run = (lines: string[], ns = 'host', mode: 'sync' | 'async' = 'async', group = 'g') =>
    lab.handle(toWorker({ type: 'run', ns, lines, group, mode }));
  return { lab, msgs, output, log, lastSnap, run };
}

const state = (s: Snapshot) => JSON.stringify({ ...s, time: 0 });
const dev = (s: Snapshot, ns: string, name: string) =>
  s.namespaces.find((n) => n.name === ns)!.devices.find((d) => d.name === name)!;

describe('Lab', () => {
  it('runs lines, echoes them, logs them and reports the new state', () => {
    const h = harness();
    h.run(['ip link add name br0 type bridge', 'ip link set br0 up', 'ip -br link show dev br0']);
    const started = h.msgs.filter((m) => m.type === 'started').map((m) => (m as { line: string }).line);
    expect(started).toEqual(['ip link add name br0 type bridge', 'ip link set br0 up', 'ip -br link show dev br0']);
    expect(h.output().join('\n')).toMatch(/^br0\s+UNKNOWN/);
    expect(h.log().map((e) => e.line)).toHaveLength(3);
    expect(dev(h.lastSnap(), 'host', 'br0').up).toBe(true);
  });

  it('keeps output in order with the echo of each line', () => {
    const h = harness();
    h.run(['echo one', 'echo two']);
    const seq = h.msgs
      .filter((m) => m.type === 'started' || m.type === 'output')
      .map((m) => (m.type === 'started' ? `$ ${m.line}` : m.lines.join('|')));
    expect(seq).toEqual(['$ echo one', 'one', '$ echo two', 'two']);
  });

  it('prints a ping line per second of virtual time and starts the next line when it ends', () => {
    const h = harness();
    h.run(['ip link set lo up', 'ping -c 3 127.0.0.1', 'echo after']);
    h.lab.advance(10_000);
    expect(h.output().filter((l) => l.startsWith('64 bytes'))).toHaveLength(1);
    h.lab.advance(1_000_000);
    expect(h.output().filter((l) => l.startsWith('64 bytes'))).toHaveLength(2);
    expect(h.output()).not.toContain('after');
    h.lab.advance(1_100_000);
    expect(h.output().filter((l) => l.startsWith('64 bytes'))).toHaveLength(3);
    expect(h.output()).toContain('after');
    expect(h.msgs.at(-1)?.type === 'idle' || h.msgs.some((m) => m.type === 'idle')).toBe(true);
  });

  it('tells when each line was printed, in virtual time, after the trace events of that time', () => {
    const h = harness();
    h.lab.handle(toWorker({ type: 'trace', on: true }));
    h.run(['ip link set lo up', 'ping -c 2 127.0.0.1']);
    h.lab.advance(1_500_000);
    h.lab.flush();
    const outs = h.msgs.flatMap((m, i) => (m.type === 'output' ? [{ ...m, i }] : []));
    const traces = h.msgs.flatMap((m, i) => (m.type === 'trace' ? m.events.map((e) => ({ e, i })) : []));
    const replies = outs.filter((o) => o.lines.some((l) => l.startsWith('64 bytes')));
    expect(replies).toHaveLength(2);
    for (const r of replies) {
      // the echo reply reached ping's socket at that µs, and the page had that event before the line
      const delivered = traces.filter(({ e }) => e.type === 'deliver' && e.time === r.at);
      expect(delivered.length).toBeGreaterThan(0);
      expect(delivered[0].i).toBeLessThan(r.i);
    }
    expect(replies[1].at - replies[0].at).toBeGreaterThanOrEqual(999_000);
    const summary = outs.find((o) => o.lines.some((l) => l.includes('2 packets transmitted')))!;
    expect(summary.at).toBe(replies[1].at);
    const started = h.msgs.find((m) => m.type === 'started' && m.line.startsWith('ping'))!;
    expect(started).toMatchObject({ at: expect.any(Number) });
    expect((started as { at: number }).at).toBeLessThanOrEqual(replies[0].at);
  });

  it('stops a running ping with Ctrl-C and records when, so a replay stops it at the same time', () => {
    const h = harness();
    h.run(['ip link set lo up', 'ping 127.0.0.1']);
    h.lab.advance(2_500_000);
    h.lab.handle(toWorker({ type: 'interrupt', ns: 'host' }));
    expect(h.output()).toContain('^C');
    expect(h.output().some((l) => l.includes('3 packets transmitted, 3 received'))).toBe(true);
    const stopped = h.msgs.find((m) => m.type === 'stopped') as { id: number; at: number };
    expect(stopped.at).toBe(2_500_000);
    const log: LogEntry[] = h.log().map((e) => (e.id === stopped.id ? { ...e, stopAt: stopped.at } : e));
    const r = harness();
    r.lab.handle(toWorker({ type: 'load', seed: 1, log, now: h.lab.now }));
    expect(r.output()).toEqual([]);
    expect(r.msgs.find((m) => m.type === 'loaded')).toMatchObject({ busy: [] });
    expect(r.lab.now).toBe(h.lab.now);
    expect(state(r.lastSnap())).toBe(state(h.lastSnap()));
  });

  it('rebuilds the same lab from its log (a restarted worker, or undo)', () => {
    const h = harness();
    h.run([...FIRST_PRESET.commands], 'host', 'sync', 'preset');
    h.run(
      [
        'ip link add veth0 type veth peer name veth1',
        'ip addr add 192.168.3.101/24 dev veth0',
        'ip link set veth0 up',
        'ip link set veth1 up',
      ],
      'host',
      'async',
      'a1',
    );
    h.run(['ip link set dev veth0 master br0'], 'host', 'async', 'a2');
    h.lab.advance(3_000_000);
    const live = h.lastSnap();
    expect(dev(live, 'host', 'br0').mac).toBe(dev(live, 'host', 'veth0').mac);
    const r = harness();
    r.lab.handle(toWorker({ type: 'load', seed: 1, log: h.log(), now: h.lab.now }));
    expect(state(r.lastSnap())).toBe(state(live));
    // undo: everything but the last group
    const u = harness();
    u.lab.handle(toWorker({ type: 'load', seed: 1, log: h.log().filter((e) => e.group !== 'a2'), now: h.lab.now }));
    expect(dev(u.lastSnap(), 'host', 'veth0').master).toBeNull();
  });

  it("a load with traceFrom sends the replay's events from then on, after the snapshot and before loaded", () => {
    const h = harness();
    h.run([...PRESETS.find((p) => p.id === 'veth')!.commands], 'host', 'sync', 'preset');
    h.lab.handle(toWorker({ type: 'trace', on: true }));
    h.run(['ping -c 1 -W 1 -I veth0 192.168.3.102'], 'host', 'async', 't1');
    h.lab.advance(3_000_000);
    const live = h.msgs.flatMap((m) => (m.type === 'trace' ? m.events : []));
    expect(live.length).toBeGreaterThan(10);
    const from = live[0].time;
    const r = harness();
    r.lab.handle(toWorker({ type: 'load', seed: 1, log: h.log(), now: h.lab.now, traceFrom: from }));
    const kinds = r.msgs.map((m) => m.type);
    expect(kinds.indexOf('snapshot')).toBeLessThan(kinds.indexOf('trace'));
    expect(kinds.indexOf('trace')).toBeLessThan(kinds.indexOf('loaded'));
    const replayed = r.msgs.flatMap((m) => (m.type === 'trace' ? m.events : []));
    const key = (e: (typeof live)[number]) => `${e.time} ${e.type} ${e.ns} ${e.dev} ${e.frameId}`;
    expect(replayed.map(key)).toEqual(live.map(key));
    // without traceFrom a rebuild sends no events of its past
    const q = harness();
    q.lab.handle(toWorker({ type: 'load', seed: 1, log: h.log(), now: h.lab.now }));
    expect(q.msgs.some((m) => m.type === 'trace')).toBe(false);
  });

  it('a process still running when the lab is rebuilt keeps running and printing', () => {
    const h = harness();
    h.run(['ip link set lo up', 'ping 127.0.0.1'], 'host', 'async', 't1');
    h.lab.advance(1_500_000);
    const r = harness();
    r.lab.handle(toWorker({ type: 'load', seed: 1, log: h.log(), now: h.lab.now }));
    expect(r.msgs.find((m) => m.type === 'loaded')).toMatchObject({ busy: ['host'] });
    r.lab.advance(1_000_000);
    expect(r.output().filter((l) => l.includes('icmp_seq=3'))).toHaveLength(1);
  });

  it('refuses to run in a namespace that is gone instead of running in host', () => {
    const h = harness();
    h.run(['ip link show'], 'c9');
    expect(h.output('c9')).toEqual(['netlab: network namespace "c9" no longer exists']);
  });

  it('forwards trace events only when asked', () => {
    const h = harness();
    h.run(['ip link set lo up', 'ping -c 1 127.0.0.1']);
    expect(h.msgs.some((m) => m.type === 'trace')).toBe(false);
    h.lab.handle(toWorker({ type: 'trace', on: true }));
    h.run(['ping -c 1 127.0.0.1']);
    h.lab.advance(10_000);
    const t = h.msgs.find((m) => m.type === 'trace');
    expect(t && t.type === 'trace' && t.events.length).toBeGreaterThan(0);
    h.lab.handle(toWorker({ type: 'trace', on: false }));
    const n = h.msgs.length;
    h.run(['ping -c 1 127.0.0.1']);
    h.lab.advance(10_000);
    expect(h.msgs.slice(n).some((m) => m.type === 'trace')).toBe(false);
  });

  it('sends trace batches bounded, with the bytes copied into a few transferable buffers', () => {
    const msgs: { m: FromWorker; transfer?: ArrayBuffer[] }[] = [];
    const lab = new Lab((m, transfer) => msgs.push({ m, transfer }));
    lab.handle(toWorker({ type: 'run', ns: 'host', lines: [...PRESETS[1].commands], group: 'p', mode: 'sync' }));
    lab.handle(toWorker({ type: 'trace', on: true }));
    lab.handle(
      toWorker({
        type: 'run',
        ns: 'host',
        lines: ['ping -c 1 -W 1 -I veth0 192.168.3.102'],
        group: 't',
        mode: 'async',
      }),
    );
    lab.advance(10_000);
    const sent = msgs.filter((x) => x.m.type === 'trace');
    const events = sent.flatMap((x) => (x.m.type === 'trace' ? x.m.events : []));
    const withBytes = events.filter((e): e is Extract<typeof e, { bytes: Uint8Array }> => 'bytes' in e);
    expect(withBytes.length).toBeGreaterThan(3);
    const buffers = new Set(sent.flatMap((x) => x.transfer ?? []));
    for (const e of withBytes) expect(buffers.has(e.bytes.buffer as ArrayBuffer)).toBe(true);
    expect(buffers.size).toBeLessThanOrEqual(sent.length);
    // a flood: at most MAX_BATCH events a batch, the rest counted
    msgs.length = 0;
    lab.handle(
      toWorker({
        type: 'run',
        ns: 'host',
        lines: ['ping -f -c 3000 -I veth1 192.168.3.101'],
        group: 'f',
        mode: 'async',
      }),
    );
    lab.advance(5_000_000);
    const flood = msgs.filter((x) => x.m.type === 'trace').map((x) => x.m as Extract<FromWorker, { type: 'trace' }>);
    expect(Math.max(...flood.map((b) => b.events.length))).toBeLessThanOrEqual(MAX_BATCH);
    expect(flood.reduce((a, b) => a + b.dropped, 0)).toBeGreaterThan(0);
  });

  it('runs a second terminal in a namespace (NS#NAME) and reports the tcpdump it runs as a capture', () => {
    const h = harness();
    h.run([...PRESETS[1].commands], 'host', 'sync', 'p');
    h.run(['tcpdump -n -e -i veth0'], 'host#veth0', 'async', 'a1');
    h.run(['ping -c 1 -W 1 -I veth0 192.168.3.102'], 'host', 'async', 't1');
    h.lab.advance(1_500_000);
    h.lab.handle(toWorker({ type: 'interrupt', ns: 'host#veth0' }));
    const caps = h.msgs.flatMap((m) => (m.type === 'capture' ? [m.cap] : []));
    expect(caps[0]).toMatchObject({ term: 'host#veth0', ns: 'host', dev: 'veth0', running: true, from: 0 });
    const lines = caps.flatMap((c) => c.lines);
    const printed = h.output('host#veth0').filter((l) => /^\d\d:\d\d:/.test(l));
    expect(lines).toEqual(printed);
    expect(lines[0]).toMatch(
      / > ff:ff:ff:ff:ff:ff, ethertype ARP \(0x0806\), length 42: Request who-has 192\.168\.3\.102 tell 192\.168\.3\.101, length 28$/,
    );
    expect(lines[1]).toContain('Reply 192.168.3.102 is-at');
    expect(caps.at(-1)!.running).toBe(false);
    expect(caps.flatMap((c) => c.frames)).toHaveLength(lines.length);
    // the observer effect is real: the capture made veth0 promiscuous, and the ping still fails
    expect(h.output().join('\n')).toContain('0 received');
  });

  it('probes the tables as they were at an event, on a fresh World, leaving the live lab alone', () => {
    const h = harness();
    h.run([...PRESETS[1].commands], 'host', 'sync', 'p');
    h.lab.handle(toWorker({ type: 'trace', on: true }));
    h.run(['ping -c 1 -W 1 -I veth0 192.168.3.102'], 'host', 'async', 't1');
    h.lab.advance(4_000_000);
    const events = h.msgs.flatMap((m) => (m.type === 'trace' ? m.events : []));
    const at = (type: string, dev: string) => {
      const e = events.find((x) => x.type === type && x.dev === dev)!;
      return { time: e.time, type: e.type, ns: e.ns, dev: e.dev, frameId: e.frameId, nth: 0 };
    };
    const neigh = (s: Snapshot) => s.namespaces[0].neigh.map((n) => `${n.ip} ${n.dev} ${n.state}`);
    const live = neigh(h.lastSnap());
    expect(live).toContain('192.168.3.102 veth0 FAILED');
    const asked = probe(1, h.log(), at('neigh', 'veth0'));
    expect(asked.exact).toBe(true);
    expect(neigh(asked.snap)).toEqual(['192.168.3.102 veth0 INCOMPLETE']);
    const answered = probe(1, h.log(), at('br-up', 'veth0'));
    expect(neigh(answered.snap)).toContain('192.168.3.101 veth1 STALE');
    expect(neigh(answered.snap)).toContain('192.168.3.102 veth0 INCOMPLETE');
    expect(answered.snap.namespaces[0].fdb.some((f) => f.dev === 'veth0' && !f.local)).toBe(true);
    expect(neigh(h.lastSnap())).toEqual(live);
    // through the worker's messages
    h.lab.handle(toWorker({ type: 'probe', id: 7, seed: 1, log: h.log(), at: at('neigh', 'veth0') }));
    expect(h.msgs.at(-1)).toMatchObject({ type: 'probe', id: 7, exact: true });
  });
});

describe('probes from the last probe', () => {
  it('a flow stepped forwards, backwards and past a new command gives at every event the tables a fresh replay gives', () => {
    const h = harness();
    h.run([...PRESETS[1].commands], 'host', 'sync', 'p');
    h.lab.handle(toWorker({ type: 'trace', on: true }));
    h.run(['ping -c 2 -I veth0 192.168.3.102'], 'host', 'async', 't1');
    h.lab.advance(3_000_000);
    const events = h.msgs.flatMap((m) => (m.type === 'trace' ? m.events : []));
    // each event named as the page names it: the nth of its kind at its µs
    const seen = new Map<string, number>();
    const refs = events.map((e) => {
      const k = `${e.time} ${e.type} ${e.ns} ${e.dev} ${e.frameId}`;
      const nth = seen.get(k) ?? 0;
      seen.set(k, nth + 1);
      return { time: e.time, type: e.type, ns: e.ns, dev: e.dev, frameId: e.frameId, nth };
    });
    expect(refs.length).toBeGreaterThan(20);
    const kept = new Prober();
    const log = h.log();
    // forwards through every fifth event, then back to the start, then forwards again
    const order = [...refs.filter((_, i) => i % 5 === 0), refs[1]!, refs[refs.length - 1]!];
    for (const [i, at] of order.entries()) {
      const a = kept.probe(1, log, at);
      // forwards, only the first probe replays from time 0; the step back starts afresh once
      if (i === order.length - 3) expect(kept.fresh).toBe(1);
      if (i === order.length - 2) expect(kept.fresh).toBe(2);
      const b = probe(1, log, at);
      expect(a.exact).toBe(b.exact);
      expect(state(a.snap)).toEqual(state(b.snap));
    }
    // a later command joins the log: the kept lab runs on with it, as a fresh replay would
    h.run(['ip neigh flush dev veth0', 'ping -c 1 -I veth0 192.168.3.102'], 'host', 'async', 't2');
    h.lab.advance(2_000_000);
    const later = h.msgs.flatMap((m) => (m.type === 'trace' ? m.events : [])).at(-1)!;
    const at = { time: later.time, type: later.type, ns: later.ns, dev: later.dev, frameId: later.frameId, nth: 0 };
    const a = kept.probe(1, h.log(), at);
    const b = probe(1, h.log(), at);
    expect(a.exact).toBe(true);
    expect(state(a.snap)).toEqual(state(b.snap));
    expect(kept.fresh).toBe(2);
  });
});

describe('a terminal that prints faster than anyone reads', () => {
  it('sends a bounded batch per flush: at most a few hundred messages, at most a scrollback of lines, the newest kept', async () => {
    const { OUTPUT_MESSAGES_PER_FLUSH } = await import('./lab');
    const { SCROLLBACK } = await import('../protocol');
    const h = harness();
    // every reply printed at its own µs, thousands in one flush
    h.run(['ping -c 5000 -i 0.001 127.0.0.1']);
    h.lab.advance(20_000_000);
    const out = h.msgs.filter((m) => m.type === 'output');
    expect(out.length).toBeLessThanOrEqual(OUTPUT_MESSAGES_PER_FLUSH + 2);
    expect(h.output().length).toBeLessThanOrEqual(SCROLLBACK + OUTPUT_MESSAGES_PER_FLUSH);
    expect(h.output().length).toBeGreaterThan(SCROLLBACK / 2);
    // the newest lines are the ones kept: the ping's summary
    expect(h.output().some((l) => l.includes('5000 packets transmitted, 5000 received'))).toBe(true);
  });
});
