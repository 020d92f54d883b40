import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot, type RouteSnap, type Snapshot } from '../../sim/snapshot';
import { applySnapshotDiff, changedInPlace, keySplice, SnapshotDiffer, type SnapshotDiff } from './snapDiff';
import { buildDiagram, reuseUnchanged } from './diagram';
import { createLabStore } from '../store/index';

/** A world, the worker's differ and the page's copy, kept in step command by command. */
function pair() {
  const world = new World(1);
  const shell = new Shell(world);
  const differ = new SnapshotDiffer();
  let page: Snapshot | null = null;
  let last: SnapshotDiff | null = null;
  const sync = () => {
    last = differ.diff(takeSnapshot(world));
    if (last) page = applySnapshotDiff(page, last);
    return last;
  };
  const run = (...lines: string[]) => {
    for (const l of lines) shell.run(l);
    return sync();
  };
  return { world, run, sync, page: () => page!, last: () => last };
}

const same = (a: Snapshot, b: Snapshot) =>
  expect(JSON.stringify({ ...a, time: 0 })).toBe(JSON.stringify({ ...b, time: 0 }));

describe('snapshot diffs', () => {
  it('rebuild on the page exactly the snapshot the worker took, command after command', () => {
    const p = pair();
    const steps = [
      ['ip link add br0 type bridge', 'ip link set br0 up'],
      ['ip netns add a', 'ip netns add b', 'ip link add va type veth peer name vb', 'ip link set vb netns a'],
      [
        'ip link set va master br0',
        'ip link set va up',
        'ip -n a link set vb up',
        'ip -n a addr add 10.0.0.2/24 dev vb',
      ],
      ['ip addr add 10.0.0.1/24 dev br0', 'ip route add 10.9.0.0/16 via 10.0.0.2'],
      ['ping -c 1 -W 1 10.0.0.2'],
      ['ip link set va name port0', 'sysctl -w net.ipv4.ip_forward=1'],
      ['ip link set port0 nomaster', 'ip netns del b', 'ip netns add c'],
      ['ip link add d1 type bridge', 'ip link del d1', 'ip -n a link set vb netns c'],
      ['ip neigh flush all', 'ip route del 10.9.0.0/16'],
    ];
    for (const s of steps) {
      p.run(...s);
      same(p.page(), takeSnapshot(p.world));
    }
  });

  it('send only what changed: one device for a one-device command, nothing when nothing changed', () => {
    const p = pair();
    p.run(
      'ip link add br0 type bridge',
      ...Array.from({ length: 50 }, (_, i) => `ip link add v${i} type veth peer name w${i}`),
    );
    const before = p.page();
    const d = p.run('ip link set v7 mtu 1400')!;
    expect(d.full).toBe(false);
    expect(d.order).toBeUndefined();
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.devices!.rows.map(([, r]) => r.name)).toEqual(['v7']);
    expect(d.changed[0]!.devices!.splice).toBeUndefined();
    expect(d.changed[0]!.routes).toBeUndefined();
    // the page keeps every other device, and the other lists, as the same objects
    const after = p.page();
    const host = (s: Snapshot) => s.namespaces[0]!;
    for (const [i, dev] of host(after).devices.entries()) {
      if (dev.name === 'v7') expect(dev).not.toBe(host(before).devices[i]);
      else expect(dev).toBe(host(before).devices[i]);
    }
    expect(host(after).routes).toBe(host(before).routes);
    expect(host(after).fdb).toBe(host(before).fdb);
    expect(p.run('ip link show v7')).toBeNull();
  });

  it('a row changed in place keeps the keys the differ has: the same key list, one row sent', () => {
    const p = pair();
    p.run(...Array.from({ length: 40 }, (_, i) => `ip link add d${i} type bridge`));
    // two routes with the same line get keys `line` and `line#1`; a change in place keeps both
    p.run('ip link set d3 up', 'ip addr add 10.5.0.1/24 dev d3', 'ip link set d4 up', 'ip addr add 10.5.0.2/24 dev d4');
    const d = p.run('ip link set d20 mtu 1400')!;
    expect(d.changed[0]!.devices).toEqual({ rows: [[expect.any(String), expect.objectContaining({ name: 'd20' })]] });
    expect(changedInPlace('devices', [{ ifindex: 1 }, { ifindex: 2 }], [{ ifindex: 1 }, { ifindex: 2 }])).toEqual([
      0, 1,
    ]);
    const row = { ifindex: 1 };
    expect(changedInPlace('devices', [row, { ifindex: 2 }], [row, { ifindex: 3 }])).toBeUndefined();
    expect(changedInPlace('devices', [row], [row, { ifindex: 2 }])).toBeUndefined();
    same(p.page(), takeSnapshot(p.world));
  });

  it('a device that came or went crosses as one stretch of keys, not the whole list', () => {
    const p = pair();
    p.run(...Array.from({ length: 30 }, (_, i) => `ip link add d${i} type bridge`));
    const d = p.run('ip link del d10')!;
    expect(d.changed[0]!.devices).toEqual({ splice: { start: 11, deleteCount: 1, insert: [] }, rows: [] });
    same(p.page(), takeSnapshot(p.world));
  });

  it('rows that only moved within the stretch that differs cross as keys, and the page finds them', () => {
    const route = (dst: string): RouteSnap => ({ dst, gw: null, dev: 'eth0', line: `${dst} dev eth0` });
    const [a, b, c, d] = ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16'].map(route);
    const snap = (routes: RouteSnap[]): Snapshot => ({
      time: 0,
      namespaces: [{ name: 'host', devices: [], routes, neigh: [], fdb: [], ipForward: 0 }],
    });
    const differ = new SnapshotDiffer();
    const first = snap([a!, b!, c!, d!]);
    let page = applySnapshotDiff(null, differ.diff(first)!);
    const moved = snap([a!, c!, b!, d!]);
    const diff = differ.diff(moved)!;
    // b and c are the same rows, in another order: their keys cross, not the rows
    expect(diff.changed[0]!.routes!.rows).toEqual([]);
    expect(diff.changed[0]!.routes!.splice).toEqual({ start: 1, deleteCount: 2, insert: [c!.line, b!.line] });
    page = applySnapshotDiff(page, diff);
    same(page, moved);
    const next = snap([c!, { ...b!, gw: '10.0.0.1' }, d!]);
    page = applySnapshotDiff(page, differ.diff(next)!);
    same(page, next);
  });

  it('the first diff, and the first after reset, is whole', () => {
    const p = pair();
    expect(p.sync()!.full).toBe(true);
    const differ = new SnapshotDiffer();
    const w = new World(1);
    expect(differ.diff(takeSnapshot(w))!.full).toBe(true);
    expect(differ.diff(takeSnapshot(w))).toBeNull();
    differ.reset();
    const again = differ.diff(takeSnapshot(w))!;
    expect(again.full).toBe(true);
    same(applySnapshotDiff(null, again), takeSnapshot(w));
  });

  it('keySplice turns any key list into any other', () => {
    const keys = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 12 });
    fc.assert(
      fc.property(keys, keys, (prev, next) => {
        const s = keySplice(prev, next);
        const got = s ? [...prev.slice(0, s.start), ...s.insert, ...prev.slice(s.start + s.deleteCount)] : prev;
        expect(got).toEqual(next);
        if (!s) expect(prev).toEqual(next);
      }),
    );
  });

  it('through the store to the diagram: a one-device change leaves every other node and edge the same object', () => {
    const world = new World(1);
    const shell = new Shell(world);
    const differ = new SnapshotDiffer();
    const store = createLabStore();
    const push = () => {
      const d = differ.diff(takeSnapshot(world));
      if (d) store.getState().applySnapshot(d);
    };
    shell.run('ip link add br0 type bridge');
    for (let i = 0; i < 40; i++)
      shell.run(`ip link add v${i} type veth peer name w${i}`), shell.run(`ip link set v${i} master br0`);
    push();
    const first = buildDiagram(store.getState().drawn!, {}, null);
    const drawn = store.getState().drawn;
    // a table change only: the drawn part is the same object, so the diagram is not even rebuilt
    shell.run('ip route add 10.1.0.0/16 dev br0');
    push();
    expect(store.getState().drawn).toBe(drawn);
    shell.run('ip link set v3 up');
    push();
    expect(store.getState().drawn).not.toBe(drawn);
    const next = buildDiagram(store.getState().drawn!, {}, null);
    const nodes = reuseUnchanged(next.nodes, first.nodes);
    const edges = reuseUnchanged(next.edges, first.edges);
    const changed = nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['dev:host:v3']);
    expect(edges.filter((e, i) => e !== first.edges[i])).toEqual([]);
    // and what it draws is what a fresh build draws
    expect(JSON.stringify(nodes)).toBe(JSON.stringify(next.nodes));
  });
});
