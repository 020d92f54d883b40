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

describe('takeSnapshot with a cache: links read again only after an rtnetlink notification', () => {
  const ports = (n: number) => {
    const lines = ['ip link add br0 type bridge', 'ip link set br0 up', 'ip addr add 10.0.0.1/24 dev br0'];
    for (let i = 0; i < n; i++)
      lines.push(`ip link add v${i} type veth peer name w${i}`, `ip link set v${i} master br0`, `ip link set v${i} up`);
    lines.push(
      'ip netns add a',
      'ip link set w0 netns a',
      'ip -n a addr add 10.0.0.2/24 dev w0',
      'ip -n a link set w0 up',
    );
    return lines;
  };
  const host = (w: World, cache: SnapshotCache) => takeSnapshot(w, cache).namespaces[0]!.devices;
  /** the clock run on as the worker runs it, a snapshot per 20 ms tick (each checked: SnapshotCache.verify) */
  const ticks = (w: World, cache: SnapshotCache, us: number) => {
    for (const end = w.now + us; w.now < end; ) {
      w.sched.runUntil(Math.min(end, w.now + 20_000));
      takeSnapshot(w, cache);
    }
  };

  it('a tick that only moved packets hands on the very list of rows', () => {
    const { w, sh } = lab(ports(8));
    const cache = new SnapshotCache();
    sh.start('ping -i 0.02 10.0.0.2', () => {});
    w.sched.runUntil(w.now + 20_000);
    const a = host(w, cache);
    const seq = w.linkSeq;
    for (let i = 0; i < 10; i++) {
      w.sched.runUntil(w.now + 20_000);
      expect(host(w, cache)).toBe(a);
    }
    expect(w.linkSeq).toBe(seq);
    const routes = takeSnapshot(w, cache).namespaces[0]!.routes;
    w.sched.runUntil(w.now + 20_000);
    expect(takeSnapshot(w, cache).namespaces[0]!.routes).toBe(routes);
    // a namespace the pings do not touch is handed on as the very object (the differ passes it by)
    sh.run('ip netns add idle');
    const idle = () => takeSnapshot(w, cache).namespaces.find((n) => n.name === 'idle')!;
    const before = idle();
    w.sched.runUntil(w.now + 20_000);
    expect(idle()).toBe(before);
    sh.run('ip -n idle link set lo up');
    expect(idle()).not.toBe(before);
    // the pings went through: the neighbour is there, and the rows are what the devices show
    expect(takeSnapshot(w, cache).namespaces[0]!.neigh.map((n) => n.ip)).toContain('10.0.0.2');
    expect(JSON.stringify(host(w, cache))).toBe(JSON.stringify(takeSnapshot(w).namespaces[0]!.devices));
  });

  it("what the clock changes shows with no command typed: STP's forward delay, a tap's reader, linkwatch, an address's lifetime and its route", () => {
    const { w, sh } = lab(ports(2));
    const cache = new SnapshotCache();
    const state = () => host(w, cache).find((d) => d.name === 'v0')!.portState;
    sh.run('ip link set br0 type bridge stp_state 1 forward_delay 400');
    sh.run('ip link set v0 down');
    sh.run('ip link set v0 up');
    expect(state()).toBe('listening');
    // br_forward_delay_timer_expired(): 4 s to learning, 4 more to forwarding
    ticks(w, cache, 4_100_000);
    expect(state()).toBe('learning');
    ticks(w, cache, 4_100_000);
    expect(state()).toBe('forwarding');
    // a process lets go of a tap: its carrier goes at once, its operstate when linkwatch runs
    sh.run('ip tuntap add dev tap0 mode tap');
    sh.run('lab vm add vm1 tap tap0');
    sh.run('ip link set tap0 up');
    ticks(w, cache, 2_000_000);
    const tap = () => host(w, cache).find((d) => d.name === 'tap0')!;
    expect(tap()).toMatchObject({ carrier: true, operstate: 'UP', peer: { ns: 'vm1', name: 'eth0' } });
    const vm = w.netns('vm1')!;
    const tapDev = w.host.dev('tap0')! as unknown as { attach(r: null): void };
    tapDev.attach(null);
    expect(tap()).toMatchObject({ carrier: false, peer: null });
    ticks(w, cache, 2_000_000);
    expect(tap().operstate).toBe('DOWN');
    expect(vm.name).toBe('vm1');
    // check_lifetime(): an address whose valid lifetime ran out goes
    sh.run('ip addr add 10.0.3.1/24 dev v1 valid_lft 3 preferred_lft 3');
    const addrs = () =>
      host(w, cache)
        .find((d) => d.name === 'v1')!
        .addrs.map((a) => a.local);
    const routes = () => takeSnapshot(w, cache).namespaces[0]!.routes.map((r) => r.line);
    expect(addrs()).toEqual(['10.0.3.1']);
    expect(routes()).toContain('10.0.3.0/24 dev v1 proto kernel scope link src 10.0.3.1 linkdown');
    ticks(w, cache, 4_000_000);
    expect(addrs()).toEqual([]);
    expect(routes().filter((l) => l.startsWith('10.0.3.'))).toEqual([]);
  });

  it('the FDB: kept while nothing learnt or aged, a station learnt or aged out with no command typed', () => {
    const { w, sh } = lab([...ports(3), 'ip link set br0 type bridge ageing_time 300']);
    const cache = new SnapshotCache();
    const fdb = () => takeSnapshot(w, cache).namespaces[0]!.fdb;
    const macs = () => fdb().map((r) => `${r.mac} ${r.dev}`);
    const w0 = takeSnapshot(w)
      .namespaces.find((n) => n.name === 'a')!
      .devices.find((d) => d.name === 'w0')!.mac;
    // what the namespace sent as it came up ages out first
    ticks(w, cache, 4_000_000);
    expect(macs().filter((m) => m.startsWith(w0))).toEqual([]);
    // a ping from a: w0's address is learnt on v0 from its first frame, on the clock
    sh.start('ping -i 0.5 -c 3 10.0.0.1', () => {}, 'a');
    ticks(w, cache, 100_000);
    expect(macs()).toContain(`${w0} v0`);
    // while it pings the entry is refreshed, and the list handed on is the same array
    const a = fdb();
    ticks(w, cache, 200_000);
    expect(fdb()).toBe(a);
    // the pings stop: 3 s after its last frame the entry ages out; the host's neighbour probe (DELAY -> PROBE)
    // brings it back while br_fdb_cleanup() has not yet taken it, and 3 s later it goes for good
    const runs: boolean[] = [];
    for (let i = 0; i < 500; i++) {
      ticks(w, cache, 20_000);
      const there = macs().includes(`${w0} v0`);
      if (runs.at(-1) !== there) runs.push(there);
      expect(JSON.stringify(fdb())).toBe(JSON.stringify(takeSnapshot(w).namespaces[0]!.fdb));
    }
    expect(runs).toEqual([true, false, true, false]);
  });

  it('in tests, a change with no notification fails the next snapshot instead of leaving a stale row', () => {
    const { w } = lab(ports(1));
    const cache = new SnapshotCache();
    expect(SnapshotCache.verify).toBe(true);
    host(w, cache);
    // a write no notification follows (every real path notifies; this one is made up)
    w.host.dev('v0')!.mtu = 1400;
    expect(() => host(w, cache)).toThrow(/host's links changed with no notification/);
    const br = w.host.dev('br0') as unknown as { fdb: Map<number, { static: boolean }> };
    takeSnapshot(w, new SnapshotCache());
    const c2 = new SnapshotCache();
    takeSnapshot(w, c2);
    for (const f of br.fdb.values()) f.static = !f.static;
    expect(() => takeSnapshot(w, c2)).toThrow(/br0's FDB changed with no notification/);
  });
});
