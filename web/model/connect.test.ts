import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot } from '../../sim/snapshot';
import { FIRST_PRESET } from '../../sim/labs/presets/article';
import { actionSteps, addedIds, type LabAction } from './actions';
import { wireAction } from './connect';
import { buildDiagram } from './diagram';
import { wireEndAt } from './hit';

/** A lab of the article's first diagram plus `extra`, and a way to type into it as the page does. */
function lab(extra: string[] = []) {
  const w = new World(1);
  const sh = new Shell(w);
  const out: string[] = [];
  const run = (ns: string, l: string) => out.push(...sh.run(l, ns).lines);
  for (const l of [...FIRST_PRESET.commands, ...extra]) if (!l.startsWith('#')) run('host', l);
  const snap = () => takeSnapshot(w);
  const act = (a: LabAction) => {
    for (const s of actionSteps(a, snap())) run(s.ns, s.line);
  };
  const dev = (ns: string, name: string) =>
    snap()
      .namespaces.find((n) => n.name === ns)
      ?.devices.find((d) => d.name === name);
  return { snap, act, dev, out };
}

describe('a wire drawn from a device', () => {
  it('onto a bridge of its box makes it a port (ip link set ... master), and the kernel has it so', () => {
    const l = lab(['ip link add veth0 type veth peer name veth1']);
    const r = wireAction(l.snap(), { ns: 'host', dev: 'veth0' }, { type: 'dev', ns: 'host', dev: 'br0' });
    expect(r).toEqual({ ok: true, action: { type: 'enslave', ns: 'host', dev: 'veth0', br: 'br0' } });
    if (r.ok) l.act(r.action);
    expect(l.dev('host', 'veth0')?.master).toBe('br0');
    // again: refused, it already is
    expect(wireAction(l.snap(), { ns: 'host', dev: 'veth0' }, { type: 'dev', ns: 'host', dev: 'br0' })).toMatchObject({
      ok: false,
      reason: 'alreadyPort',
    });
  });

  it('into a container box (or onto a device in it) moves the veth end there', () => {
    const l = lab(['ip link add veth0 type veth peer name veth1', 'ip netns add c1']);
    const r = wireAction(l.snap(), { ns: 'host', dev: 'veth1' }, { type: 'ns', ns: 'c1' });
    expect(r).toEqual({ ok: true, action: { type: 'moveToNs', ns: 'host', dev: 'veth1', to: 'c1' } });
    if (r.ok) l.act(r.action);
    expect(l.dev('c1', 'veth1')).toBeDefined();
    expect(l.dev('host', 'veth1')).toBeUndefined();
    const onDev = wireAction(l.snap(), { ns: 'host', dev: 'veth0' }, { type: 'dev', ns: 'c1', dev: 'lo' });
    expect(onDev).toEqual({ ok: true, action: { type: 'moveToNs', ns: 'host', dev: 'veth0', to: 'c1' } });
  });

  it('onto the LAN switch cables a NIC to a free port, and adds a port when none is free', () => {
    const l = lab(['lab nic add eth1']);
    const r = wireAction(l.snap(), { ns: 'host', dev: 'eth1' }, { type: 'station', ns: 'lan' });
    expect(r.ok).toBe(true);
    if (r.ok) l.act(r.action);
    const peer = l.dev('host', 'eth1')?.peer;
    expect(peer?.ns).toBe('lan');
    expect(l.dev('lan', peer!.name)?.master).toBe('sw0');
    // the switch's free ports taken: the next cable gets a port of its own, on the switch, up
    const l2 = lab(['lab nic add eth1', 'lab nic add eth2', 'lab nic add eth3']);
    for (const n of ['eth1', 'eth2', 'eth3']) {
      const x = wireAction(l2.snap(), { ns: 'host', dev: n }, { type: 'station', ns: 'lan' });
      if (x.ok) l2.act(x.action);
      expect(l2.dev('host', n)?.peer?.ns).toBe('lan');
    }
    const p = l2.dev('host', 'eth3')!.peer!.name;
    expect(l2.dev('lan', p)).toMatchObject({ master: 'sw0', up: true });
    expect(l2.out.filter((o) => o.startsWith('lab:') || o.includes('RTNETLINK'))).toEqual([]);
  });

  it('refuses what the gesture cannot mean, with the reason', () => {
    const l = lab([
      'ip link add veth0 type veth peer name veth1',
      'ip netns add c1',
      'ip -n c1 link add br9 type bridge',
    ]);
    const s = l.snap();
    const from = { ns: 'host', dev: 'veth0' };
    expect(wireAction(s, from, null)).toMatchObject({ ok: false, reason: 'nothing' });
    expect(wireAction(s, from, { type: 'dev', ns: 'host', dev: 'veth0' })).toMatchObject({ ok: false, reason: 'self' });
    expect(wireAction(s, from, { type: 'dev', ns: 'host', dev: 'veth1' })).toMatchObject({
      ok: false,
      reason: 'notBridge',
      vars: { to: 'veth1' },
    });
    expect(wireAction(s, from, { type: 'dev', ns: 'c1', dev: 'br9' })).toMatchObject({
      ok: false,
      reason: 'bridgeElsewhere',
      vars: { br: 'br9', netns: 'c1' },
    });
    expect(wireAction(s, from, { type: 'ns', ns: 'host' })).toMatchObject({ ok: false, reason: 'sameBox' });
    expect(wireAction(s, from, { type: 'station', ns: 'lan' })).toMatchObject({ ok: false, reason: 'notNic' });
    expect(wireAction(s, from, { type: 'station', ns: 'gw' })).toMatchObject({ ok: false, reason: 'onlySwitch' });
    expect(wireAction(s, { ns: 'host', dev: 'eth0' }, { type: 'station', ns: 'lan' })).toMatchObject({
      ok: false,
      reason: 'plugged',
    });
    expect(wireAction(s, { ns: 'host', dev: 'nope' }, { type: 'ns', ns: 'c1' })).toMatchObject({
      ok: false,
      reason: 'gone',
    });
  });

  it('finds what lies under the pointer on the drawn diagram: a device before its box', () => {
    const l = lab(['ip netns add c1']);
    const { nodes } = buildDiagram(l.snap(), {}, null);
    const abs = (id: string) => {
      const n = nodes.find((x) => x.id === id)!;
      const p = nodes.find((x) => x.id === n.parentId);
      return {
        x: (p?.position.x ?? 0) + n.position.x + n.width / 2,
        y: (p?.position.y ?? 0) + n.position.y + n.height / 2,
      };
    };
    expect(wireEndAt(nodes, abs('dev:host:br0'))).toEqual({ type: 'dev', ns: 'host', dev: 'br0' });
    expect(wireEndAt(nodes, abs('ns:lan'))).toEqual({ type: 'station', ns: 'lan' });
    const c1 = nodes.find((x) => x.id === 'ns:c1')!;
    expect(wireEndAt(nodes, { x: c1.position.x + c1.width - 3, y: c1.position.y + c1.height - 3 })).toEqual({
      type: 'ns',
      ns: 'c1',
    });
    expect(wireEndAt(nodes, { x: -1e6, y: -1e6 })).toBeNull();
  });
});

describe('what an action adds', () => {
  it('names the devices and box the commands create', () => {
    const l = lab();
    for (const a of [
      { type: 'addBridge', ns: 'host' },
      { type: 'addVethPair', ns: 'host' },
      { type: 'addTap', ns: 'host' },
      { type: 'addNetns' },
    ] as LabAction[]) {
      const ids = addedIds(a, l.snap());
      expect(ids.length).toBeGreaterThan(0);
      l.act(a);
      const { nodes } = buildDiagram(l.snap(), {}, null);
      for (const id of ids) expect(nodes.some((n) => n.id === id)).toBe(true);
    }
  });
});
