import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { CONF_KEYS, takeSnapshot, type Snapshot } from '../../sim/snapshot';
import { PRESETS, FIRST_PRESET } from '../../sim/labs/presets/article';
import { actionSteps, dropAction, freeName, type LabAction } from './actions';
import { buildDiagram } from './diagram';
import { devWidth, deviceOrder, layoutSnapshot, type BoxLayout } from './layout';
import { COMMAND_WORDS, complete } from './complete';
import { INSPECTED_CONF } from './conf';
import { COMMANDS } from '../../sim/shell/shell';
import { parseId, devId } from './ids';

function snapOf(lines: readonly string[]): Snapshot {
  const w = new World(1);
  const sh = new Shell(w);
  for (const l of lines) if (!l.startsWith('#')) sh.run(l);
  return takeSnapshot(w);
}

const preset = (id: string) => PRESETS.find((p) => p.id === id)!.commands;

describe('layout', () => {
  it('orders devices as the article draws them: eth0, br0, veth0 with veth1 beside it', () => {
    const s = snapOf(preset('veth'));
    const host = s.namespaces[0];
    expect(deviceOrder(host, new Set(['lan'])).map((d) => d.name)).toEqual(['eth0', 'br0', 'veth0', 'veth1']);
  });

  it("hangs a macvlan under its parent NIC, clear of the NIC's cable, and wires it across boxes once moved", () => {
    const s = snapOf([
      ...FIRST_PRESET.commands,
      'ip link add mv1 link eth0 type macvlan mode bridge',
      'ip link add mv2 link eth0 type macvlan mode vepa',
    ]);
    const host = layoutSnapshot(s)[0]!;
    const at = (n: string) => host.devices.find((d) => d.name === n)!;
    expect(at('mv1').row).toBe(at('eth0').row + 1);
    expect(at('mv2').row).toBe(at('eth0').row + 1);
    // half a column to the right: the cable down from eth0's middle passes left of mv1
    expect(at('mv1').pos.x).toBeGreaterThan(at('eth0').pos.x + devWidth() / 2);
    expect(at('mv1').pos.x).toBeLessThan(at('eth0').pos.x + devWidth());
    expect(at('mv2').pos.x).toBeGreaterThan(at('mv1').pos.x + devWidth());
    const edges = buildDiagram(s, {}, null).edges.map((e) => e.id);
    expect(edges).toContain('lower:dev:host:eth0:dev:host:mv1');
    const moved = snapOf([
      ...FIRST_PRESET.commands,
      'ip link add mv1 link eth0 type macvlan mode bridge',
      'ip netns add c1',
      'ip link set mv1 netns c1',
    ]);
    const wires = buildDiagram(moved, {}, null).edges.filter((e) => e.id === 'lower:dev:host:eth0:dev:c1:mv1');
    expect(wires.map((e) => e.type)).toEqual(['wire']);
  });

  it('draws the physical network below the host as one box of stations, the switch under eth0', () => {
    const s = snapOf(FIRST_PRESET.commands);
    const boxes = layoutSnapshot(s);
    expect(boxes.map((b) => b.ns)).toEqual(['host', 'lan']);
    const [host, phys] = boxes;
    expect(phys.stations.map((x) => x.ns)).toEqual(['lan', 'gw', 'internet']);
    expect(phys.devices).toEqual([]);
    const eth0 = host.devices.find((d) => d.name === 'eth0')!;
    const sw = phys.stations[0];
    expect(phys.pos.x + sw.pos.x + sw.width / 2).toBeCloseTo(host.pos.x + eth0.pos.x + 52);
    const nodes = buildDiagram(s, {}, null).nodes;
    expect(nodes.find((n) => n.id === 'ns:gw')).toMatchObject({
      type: 'station',
      parentId: 'phys:lan',
      data: { label: 'gateway', detail: '192.168.3.1' },
    });
    expect(nodes.some((n) => n.id.startsWith('dev:lan:') || n.id.startsWith('dev:gw:'))).toBe(false);
  });

  it('puts containers right of the host and the physical network below', () => {
    const boxes = layoutSnapshot(snapOf(preset('docker')));
    const by = Object.fromEntries(boxes.map((b) => [b.ns, b]));
    expect(by.c1.pos.x).toBeGreaterThan(by.host.pos.x + by.host.width - 1);
    expect(by.c2.pos.x).toBeGreaterThan(by.c1.pos.x);
    expect(by.lan.pos.y).toBeGreaterThan(by.host.pos.y + by.host.height);
    // devices never overlap inside a box
    for (const b of boxes) {
      const at = b.devices.map((d) => `${d.pos.x},${d.pos.y}`);
      expect(new Set(at).size).toBe(at.length);
      for (const d of b.devices) expect(d.pos.x + 104).toBeLessThanOrEqual(b.width);
    }
  });

  it('compact (classroom): containers in a column beside the host, a smaller drawing, nothing overlapping', () => {
    const s = snapOf(preset('docker'));
    const extent = (bs: BoxLayout[]) => ({
      w: Math.max(...bs.map((b) => b.pos.x + b.width)) - Math.min(...bs.map((b) => b.pos.x)),
      h: Math.max(...bs.map((b) => b.pos.y + b.height)),
    });
    const article = layoutSnapshot(s);
    const compact = layoutSnapshot(s, 'compact');
    const by = Object.fromEntries(compact.map((b) => [b.ns, b]));
    expect(by.c1.pos.x).toBe(by.c2.pos.x);
    expect(by.c2.pos.y).toBeGreaterThanOrEqual(by.c1.pos.y + by.c1.height);
    expect(by.c1.pos.x).toBeGreaterThanOrEqual(by.host.pos.x + by.host.width);
    expect(by.lan.pos.y).toBeGreaterThan(by.c2.pos.y + by.c2.height);
    // a projector's pane is about 4:3: the compact drawing's longer side is far shorter than the article's width
    const a = extent(article);
    const c = extent(compact);
    expect(Math.max(c.w, c.h)).toBeLessThan(a.w * 0.6);
    const boxesMeet = (x: BoxLayout, y: BoxLayout) =>
      x.pos.x < y.pos.x + y.width &&
      y.pos.x < x.pos.x + x.width &&
      x.pos.y < y.pos.y + y.height &&
      y.pos.y < x.pos.y + x.height;
    for (const x of compact)
      for (const y of compact) if (x !== y) expect(boxesMeet(x, y), `${x.ns} and ${y.ns}`).toBe(false);
    const w = devWidth('compact');
    for (const b of compact) for (const d of b.devices) expect(d.pos.x + w).toBeLessThanOrEqual(b.width);
    const nodes = buildDiagram(s, {}, null, 'compact').nodes;
    expect(nodes.find((n) => n.id === 'dev:host:br0')).toMatchObject({ width: w });
  });
});

describe('diagram', () => {
  const edges = (s: Snapshot) => buildDiagram(s, {}, null).edges;

  it('draws the first diagram: two-way eth0, br0 two-way too though it has no address, eth0 wired to the LAN', () => {
    const e = edges(snapOf(FIRST_PRESET.commands));
    const eth0 = e.find((x) => x.id === 'stack:host:eth0')!;
    expect(eth0.data.link).toBe('both');
    expect(eth0.markerStart && eth0.markerEnd).toBeTruthy();
    expect(e.find((x) => x.id === 'stack:host:br0')?.data.link).toBe('both');
    // eth0 is cabled to the switch of the physical network, which is drawn as its parts, not their devices
    expect(e.some((x) => x.type === 'wire' && x.source === 'dev:host:eth0' && x.target === 'ns:lan')).toBe(true);
    expect(e.map((x) => x.id).filter((id) => id.startsWith('wire:ns:'))).toEqual([
      'wire:ns:lan:ns:gw',
      'wire:ns:gw:ns:internet',
    ]);
  });

  it('a port with an address gets the one-way arrow and a bridge link; without an address no arrow', () => {
    let e = edges(snapOf(preset('veth')));
    const v0 = e.find((x) => x.id === 'stack:host:veth0')!;
    expect(v0.data.link).toBe('tx');
    expect(v0.markerStart).toBeUndefined();
    expect(v0.markerEnd).toBeTruthy();
    expect(e.some((x) => x.type === 'bridge' && x.source === 'dev:host:br0' && x.target === 'dev:host:veth0')).toBe(
      true,
    );
    expect(e.some((x) => x.type === 'wire' && x.source === 'dev:host:veth0' && x.target === 'dev:host:veth1')).toBe(
      true,
    );
    e = edges(snapOf(preset('br-address')));
    expect(e.find((x) => x.id === 'stack:host:veth0')).toBeUndefined();
    expect(e.find((x) => x.id === 'stack:host:br0')?.data.link).toBe('both');
  });

  it('keeps a position the user dragged and gives children their box as parent', () => {
    const s = snapOf(preset('veth'));
    const { nodes } = buildDiagram(s, { 'dev:host:veth1': { x: 7, y: 9 } }, null);
    expect(nodes.find((n) => n.id === 'dev:host:veth1')!.position).toEqual({ x: 7, y: 9 });
    const ids = nodes.map((n) => n.id);
    for (const n of nodes) if (n.parentId) expect(ids.indexOf(n.parentId)).toBeLessThan(ids.indexOf(n.id));
    expect(ids).not.toContain('dev:host:lo');
  });

  it('builds every preset without dangling edges', () => {
    for (const p of PRESETS) {
      const { nodes, edges: es } = buildDiagram(snapOf(p.commands), {}, null);
      const ids = new Set(nodes.map((n) => n.id));
      for (const e of es) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    }
  });
});

describe('actions', () => {
  const s = snapOf(FIRST_PRESET.commands);
  const lines = (a: LabAction, snap = s) => actionSteps(a, snap).map((x) => `${x.ns}$ ${x.line}`);

  it('turns palette drops into the commands a Linux user types', () => {
    expect(lines({ type: 'addVethPair', ns: 'host' })).toEqual(['host$ ip link add veth0 type veth peer name veth1']);
    expect(lines({ type: 'addBridge', ns: 'host' })).toEqual([
      'host$ ip link add name br1 type bridge',
      'host$ ip link set br1 up',
    ]);
    expect(lines({ type: 'addTap', ns: 'host' })).toEqual(['host$ ip tuntap add dev tap0 mode tap']);
    expect(lines({ type: 'addNetns' })).toEqual(['host$ ip netns add c1', 'c1$ ip link set lo up']);
    expect(lines({ type: 'addLan', ns: 'host' })).toEqual([
      'host$ ip netns add lan2',
      'lan2$ lab nic add gw',
      'lan2$ ip addr add 192.168.4.1/24 dev gw',
      'lan2$ ip link set gw up',
      'host$ lab nic add eth1',
      'host$ lab cable eth1 lan2:gw',
      'host$ ip link set eth1 up',
    ]);
  });

  it('turns inspector edits into ip, bridge and sysctl lines', () => {
    expect(lines({ type: 'enslave', ns: 'host', dev: 'veth0', br: 'br0' })).toEqual([
      'host$ ip link set dev veth0 master br0',
    ]);
    expect(lines({ type: 'release', ns: 'host', dev: 'veth0' })).toEqual(['host$ ip link set dev veth0 nomaster']);
    expect(lines({ type: 'moveToNs', ns: 'host', dev: 'veth1', to: 'c1' })).toEqual([
      'host$ ip link set veth1 netns c1',
    ]);
    expect(lines({ type: 'addAddr', ns: 'host', dev: 'br0', cidr: '192.168.3.101/24' })).toEqual([
      'host$ ip addr add 192.168.3.101/24 dev br0',
    ]);
    expect(lines({ type: 'delAddr', ns: 'host', dev: 'eth0', cidr: '192.168.3.21/24' })).toEqual([
      'host$ ip addr del 192.168.3.21/24 dev eth0',
    ]);
    expect(lines({ type: 'setMac', ns: 'host', dev: 'veth1', mac: '08:00:27:3b:0d:b9' })).toEqual([
      'host$ ip link set dev veth1 address 08:00:27:3b:0d:b9',
    ]);
    expect(lines({ type: 'setUp', ns: 'c1', dev: 'eth0', up: false })).toEqual(['c1$ ip link set eth0 down']);
    expect(lines({ type: 'setConf', ns: 'host', dev: 'veth1', key: 'accept_local', value: 1 })).toEqual([
      'host$ sysctl -w net.ipv4.conf.veth1.accept_local=1',
    ]);
    expect(lines({ type: 'setIpForward', ns: 'host', value: 1 })).toEqual(['host$ sysctl -w net.ipv4.ip_forward=1']);
    expect(lines({ type: 'deleteNs', ns: 'c1' })).toEqual(['host$ ip netns del c1']);
  });

  it('reads a drop: onto a bridge enslaves, into another box moves, out of every box releases', () => {
    const v = snapOf(preset('veth'));
    expect(dropAction(v, { ns: 'host', dev: 'veth1' }, { ns: 'host', bridge: 'br0' })).toEqual({
      type: 'enslave',
      ns: 'host',
      dev: 'veth1',
      br: 'br0',
    });
    expect(dropAction(v, { ns: 'host', dev: 'veth0' }, { ns: 'host', bridge: 'br0' })).toBeNull();
    expect(dropAction(v, { ns: 'host', dev: 'veth0' }, { ns: null, bridge: null })).toEqual({
      type: 'release',
      ns: 'host',
      dev: 'veth0',
    });
    expect(dropAction(v, { ns: 'host', dev: 'veth1' }, { ns: null, bridge: null })).toBeNull();
    expect(dropAction(v, { ns: 'host', dev: 'veth1' }, { ns: 'c1', bridge: null })).toEqual({
      type: 'moveToNs',
      ns: 'host',
      dev: 'veth1',
      to: 'c1',
    });
    expect(dropAction(v, { ns: 'host', dev: 'veth1' }, { ns: 'lan', bridge: null })).toBeNull();
  });

  it('picks free names', () => {
    expect(freeName(new Set(['br0', 'br1']), 'br')).toBe('br2');
  });
});

describe('complete', () => {
  const ctx = { devices: ['br0', 'eth0', 'veth0', 'veth1'], namespaces: ['c1', 'lan'] };
  it('completes commands, objects, keywords and names', () => {
    expect(complete('pi', ctx)).toEqual({ text: 'ping ', choices: [] });
    expect(complete('ip l', ctx)).toEqual({ text: 'ip link ', choices: [] });
    expect(complete('ip link s', ctx).choices).toEqual(['set', 'show']);
    expect(complete('ip link se', ctx)).toEqual({ text: 'ip link set ', choices: [] });
    expect(complete('ip link set dev ve', ctx)).toEqual({ text: 'ip link set dev veth', choices: [] });
    expect(complete('ip link set dev veth', ctx)).toEqual({
      text: 'ip link set dev veth',
      choices: ['veth0', 'veth1'],
    });
    expect(complete('ip link set dev veth0 mas', ctx)).toEqual({ text: 'ip link set dev veth0 master ', choices: [] });
    expect(complete('ip link set veth1 netns ', ctx).choices).toEqual(['c1', 'lan']);
    expect(complete('ip netns exec c', ctx).text).toBe('ip netns exec c1 ');
    expect(complete('xyz', ctx)).toEqual({ text: 'xyz', choices: [] });
  });
});

describe('ids', () => {
  it('round-trips', () => {
    expect(parseId(devId('c1', 'eth0'))).toEqual({ type: 'dev', ns: 'c1', dev: 'eth0' });
    expect(parseId('ns:host')).toEqual({ type: 'ns', ns: 'host' });
    expect(parseId('junk')).toBeNull();
  });
});

describe('conf', () => {
  it('edits the keys the snapshot reports', () => expect([...INSPECTED_CONF]).toEqual([...CONF_KEYS]));
});

describe('layout of a large lab', () => {
  it('wraps a box with many devices into rows that do not overlap', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `ip link add a${i} type veth peer name b${i}`);
    const [host] = layoutSnapshot(snapOf(lines));
    expect(host.devices).toHaveLength(100);
    const seen = new Set(host.devices.map((d) => `${d.pos.x},${d.pos.y}`));
    expect(seen.size).toBe(100);
    for (const d of host.devices) expect(d.pos.y + 64).toBeLessThanOrEqual(host.height);
  });
});

describe('completion words', () => {
  it('offers only commands the shell runs', () => {
    for (const c of COMMAND_WORDS) expect(COMMANDS as readonly string[]).toContain(c);
  });
});
