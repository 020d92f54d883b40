import { describe, expect, it } from 'vitest';
import { World } from './net/world';
import { Shell } from './shell/shell';
import { SnapshotCache, takeSnapshot } from './snapshot';

function lab(lines: string[]) {
  const w = new World(7);
  const sh = new Shell(w);
  for (const l of lines) sh.run(l);
  return { w, sh };
}

const dev = (w: World, ns: string, name: string) =>
  takeSnapshot(w)
    .namespaces.find((n) => n.name === ns)!
    .devices.find((d) => d.name === name)!;

describe('takeSnapshot', () => {
  it('draws the article: an address gives a two-way link, a port one way, no address none, a bridge always both', () => {
    const { w, sh } = lab([
      'ip link add name br0 type bridge',
      'ip link set br0 up',
      'ip link add veth0 type veth peer name veth1',
      'ip addr add 192.168.3.101/24 dev veth0',
      'ip addr add 192.168.3.102/24 dev veth1',
      'ip link set veth0 up',
      'ip link set veth1 up',
    ]);
    expect(dev(w, 'host', 'veth0').stackLink).toBe('both');
    // diagram 1: a new bridge with no address and no port already has its link to the stack
    expect(dev(w, 'host', 'br0').stackLink).toBe('both');
    sh.run('ip link set dev veth0 master br0');
    const v0 = dev(w, 'host', 'veth0');
    expect(v0.stackLink).toBe('tx');
    expect(v0.master).toBe('br0');
    expect(v0.portState).toBe('forwarding');
    expect(dev(w, 'host', 'br0').mac).toBe(v0.mac);
    sh.run('ip addr del 192.168.3.101/24 dev veth0');
    sh.run('ip addr add 192.168.3.101/24 dev br0');
    expect(dev(w, 'host', 'veth0').stackLink).toBe('none');
    expect(dev(w, 'host', 'br0').stackLink).toBe('both');
    expect(dev(w, 'host', 'br0').addrs).toEqual([{ local: '192.168.3.101', prefixlen: 24 }]);
    // experiment 7: the bridge keeps its link when its address goes; a port without one has none
    sh.run('ip addr del 192.168.3.101/24 dev br0');
    expect(dev(w, 'host', 'br0').stackLink).toBe('both');
    expect(dev(w, 'host', 'veth0').stackLink).toBe('none');
  });

  it('names a veth peer across namespaces and lists routes as ip route prints them', () => {
    const { w } = lab([
      'ip netns add lan',
      'ip link add eth0 type veth peer name gw netns lan',
      'ip addr add 192.168.3.21/24 dev eth0',
      'ip link set eth0 up',
      'ip -n lan link set gw up',
    ]);
    const s = takeSnapshot(w);
    expect(s.namespaces.map((n) => n.name)).toEqual(['host', 'lan']);
    expect(dev(w, 'host', 'eth0').peer).toEqual({ ns: 'lan', name: 'gw' });
    expect(dev(w, 'lan', 'gw').peer).toEqual({ ns: 'host', name: 'eth0' });
    const host = s.namespaces[0];
    expect(host.routes.map((r) => r.line)).toEqual([
      '192.168.3.0/24 dev eth0 proto kernel scope link src 192.168.3.21',
    ]);
  });

  it('reports neighbours and the FDB after a ping, and taking it changes nothing', () => {
    const { w, sh } = lab([
      'sysctl -w net.ipv4.conf.default.accept_local=1',
      'ip link add name br0 type bridge',
      'ip link set br0 up',
      'ip link add veth0 type veth peer name veth1',
      'ip link set veth0 up',
      'ip link set veth1 up',
      'ip link set dev veth0 master br0',
      'ip addr add 192.168.3.101/24 dev br0',
      'ip addr add 192.168.3.102/24 dev veth1',
    ]);
    const r = sh.run('ping -c 1 -I br0 192.168.3.102');
    expect(r.lines.join('\n')).toContain('1 received');
    const a = takeSnapshot(w);
    const b = takeSnapshot(w);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const host = a.namespaces[0];
    expect(host.neigh.some((n) => n.ip === '192.168.3.102' && n.dev === 'br0' && n.lladdr)).toBe(true);
    expect(host.fdb.some((f) => f.dev === 'veth0' && !f.local)).toBe(true);
    expect(host.fdb.some((f) => f.dev === 'veth0' && f.local)).toBe(true);
    expect(dev(w, 'host', 'veth1').conf.accept_local).toBe(1);
  });

  it('hands on the same FDB list while its entries are the same, and a new one, sorted, when one comes', () => {
    const lines = ['ip link add br0 type bridge', 'ip link set br0 up'];
    for (let i = 0; i < 12; i++)
      lines.push(`ip link add v${i} type veth peer name w${i}`, `ip link set v${i} master br0`, `ip link set v${i} up`);
    const { w, sh } = lab(lines);
    const cache = new SnapshotCache();
    const fdb = () => takeSnapshot(w, cache).namespaces[0]!.fdb;
    const a = fdb();
    // each port's own address (the bridge took one of them as its own: no entry of its own)
    expect(a).toHaveLength(12);
    // nothing changed: the very list, so the differ compares nothing
    expect(fdb()).toBe(a);
    sh.run('bridge fdb add 02:00:00:00:00:09 dev v3 master static');
    const b = fdb();
    expect(b).not.toBe(a);
    expect(b).toHaveLength(13);
    // the rows of the entries that stayed are the same objects, and the list is in the order `bridge fdb` gives
    expect(b.filter((r) => a.includes(r))).toHaveLength(12);
    expect(JSON.stringify(b)).toBe(JSON.stringify(takeSnapshot(w).namespaces[0]!.fdb));
    // an entry that moved to another port is a new row in its new place
    sh.run('bridge fdb replace 02:00:00:00:00:09 dev v5 master static');
    const c = fdb();
    expect(c.find((r) => r.mac === '02:00:00:00:00:09')).toMatchObject({ dev: 'v5', static: true });
    expect(JSON.stringify(c)).toBe(JSON.stringify(takeSnapshot(w).namespaces[0]!.fdb));
  });

  it('joins a tap to the VM behind it and a NIC to its cable partner', () => {
    const { w } = lab([
      'ip netns add lan',
      'lab nic add p1 netns lan',
      'lab nic add eth0',
      'lab cable eth0 lan:p1',
      'ip tuntap add dev tap1 mode tap',
      'lab vm add vm1 tap tap1',
    ]);
    expect(dev(w, 'host', 'eth0')).toMatchObject({ kind: 'nic', peer: { ns: 'lan', name: 'p1' } });
    expect(dev(w, 'lan', 'p1').peer).toEqual({ ns: 'host', name: 'eth0' });
    expect(dev(w, 'host', 'tap1').peer).toEqual({ ns: 'vm1', name: 'eth0' });
    expect(dev(w, 'vm1', 'eth0').peer).toEqual({ ns: 'host', name: 'tap1' });
  });
});
