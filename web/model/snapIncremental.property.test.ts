// Property: the worker's incremental path (a snapshot taken with a SnapshotCache, which keeps a namespace's rows
// while no rtnetlink notification came and reuses the row of every device whose values it compares equal, then
// the differ's identity shortcuts) and the page's diff applier give, after every command of random sequences and
// as the clock runs on after it, exactly what a snapshot taken from scratch gives. So a value the cache's
// comparison forgot, a change nobody notified, or a shortcut that skips a change, cannot drift silently.
// PROPERTY_RUNS sets the number of sequences (default 60); PROPERTY_SEED replays one failure.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { SnapshotCache, takeSnapshot, type Snapshot } from '../../sim/snapshot';
import { command as grammarCommand, SETUPS } from '../../sim/fuzz/grammar';
import { applySnapshotDiff, SnapshotDiffer } from './snapDiff';
import { buildDiagram, DiagramCache, reuseUnchanged, type DiagramEdge, type DiagramNode } from './diagram';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const LIMIT_US = 5_000_000;
const MAX_EVENTS = 50_000;

const dev = fc.constantFrom('v0', 'v1', 'br0', 'tap0', 'm0', 'x0', 'lo');
const nsArg = fc.constantFrom('', '-n ns1 ');
const octet = fc.integer({ min: 1, max: 3 });
const addr = fc.tuple(octet, octet).map(([a, b]) => `10.0.${a - 1}.${b}/24`);

/** Commands that change what a snapshot shows, on the few names the setups use (most act on something). */
const changing: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(nsArg, dev, fc.constantFrom('up', 'down')).map(([n, d, s]) => `ip ${n}link set ${d} ${s}`),
  fc.tuple(nsArg, dev, fc.constantFrom(1280, 1400, 1500, 9000)).map(([n, d, m]) => `ip ${n}link set ${d} mtu ${m}`),
  fc.tuple(nsArg, dev, dev).map(([n, a, b]) => `ip ${n}link set ${a} name ${b === a ? `${a}n` : b}`),
  fc
    .tuple(nsArg, dev, fc.integer({ min: 1, max: 255 }))
    .map(([n, d, x]) => `ip ${n}link set ${d} address 02:00:00:00:00:${x.toString(16).padStart(2, '0')}`),
  fc.tuple(dev, fc.constantFrom('master br0', 'nomaster')).map(([d, m]) => `ip link set ${d} ${m}`),
  fc.tuple(dev, fc.constantFrom('netns ns1', 'netns ns2')).map(([d, n]) => `ip link set ${d} ${n}`),
  dev.map((d) => `ip -n ns1 link set ${d} netns 1`),
  fc.tuple(nsArg, addr, dev, fc.constantFrom('add', 'del')).map(([n, a, d, op]) => `ip ${n}addr ${op} ${a} dev ${d}`),
  fc.tuple(nsArg, dev).map(([n, d]) => `ip ${n}addr flush dev ${d}`),
  fc.tuple(nsArg, dev, fc.constantFrom('add', 'del')).map(([n, d, op]) => `ip ${n}route ${op} 10.9.0.0/16 dev ${d}`),
  fc
    .tuple(nsArg, dev, octet)
    .map(([n, d, x]) => `ip ${n}neigh replace 10.0.0.${x} lladdr 02:00:00:00:01:0${x} dev ${d}`),
  fc
    .tuple(
      dev,
      fc.constantFrom('rp_filter', 'arp_ignore', 'forwarding', 'proxy_arp', 'accept_local'),
      fc.constantFrom(0, 1, 2),
    )
    .map(([d, k, v]) => `sysctl -w net.ipv4.conf.${d}.${k}=${v}`),
  fc.constantFrom('sysctl -w net.ipv4.ip_forward=1', 'sysctl -w net.ipv4.conf.all.forwarding=0'),
  fc.tuple(dev, fc.integer({ min: 1, max: 200 })).map(([d, c]) => `bridge link set dev ${d} cost ${c}`),
  fc.tuple(nsArg, dev).map(([n, d]) => `ip ${n}link del ${d}`),
  fc.constantFrom(
    'ip link add v0 type veth peer name v1',
    'ip link add x0 type veth peer name v1 netns ns1',
    'ip link add br0 type bridge',
    'ip link add m0 link v0 type macvlan mode bridge',
    'ip tuntap add dev tap0 mode tap',
    'ip netns add ns1',
    'ip netns add ns2',
    'ip netns del ns1',
    'ip link set br0 type bridge stp_state 1',
    'ip link set br0 type bridge forward_delay 400',
    // left running (the worker's async mode): it sends while the clock runs with no command typed
    '&ping -i 0.5 -c 20 10.0.0.2',
    'ip link set br0 type bridge ageing_time 100',
    'ping -c 2 -W 1 10.0.0.2',
    'ip netns exec ns1 ping -c 1 -W 1 10.0.0.1',
    'bridge fdb add 02:00:00:00:00:09 dev v0 master static',
    'ip neigh flush all',
    'sleep 3',
  ),
);

/** Commands whose effects go on with the clock (STP's timers, linkwatch, address lifetimes, a VM holding a tap):
 *  what changes then changes with no command typed. */
const clocked: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'ip link set br0 type bridge stp_state 1 forward_delay 400',
    'ip link set br0 type bridge stp_state 0',
    'lab vm add vm1 tap tap0',
    'lab vm del vm1',
    'ip link set tap0 up',
    'ip link add v0 type veth peer name v1',
  ),
  fc
    .tuple(fc.constantFrom('v0', 'v1', 'tap0', 'br0'), fc.constantFrom('up', 'down'))
    .map(([d, s]) => `ip link set ${d} ${s}`),
  fc.constantFrom('v0', 'tap0').map((d) => `ip link set ${d} master br0`),
  fc
    .tuple(dev, octet, fc.integer({ min: 1, max: 6 }))
    .map(([d, x, t]) => `ip addr add 10.0.3.${x}/24 dev ${d} valid_lft ${t} preferred_lft ${t}`),
);

/** Time passing after a command with none typed: nothing, a tick, linkwatch's second, STP's forward delays. */
const idle = fc.constantFrom(0, 0, 40_000, 2_000_000, 4_000_000, 32_000_000);

/** Runs one line as the worker does: start, then the clock until it ends or the limit. */
function runBounded(sh: Shell, line: string): void {
  const sched = sh.world.sched;
  const r = sh.start(line, () => {});
  const p = r.proc;
  let events = 0;
  const end = sched.now + LIMIT_US;
  if (p) {
    while (!p.done && events < MAX_EVENTS && sched.step(end)) events++;
    if (!p.done) p.interrupt();
  }
  while (events < MAX_EVENTS && sched.step(sched.now)) events++;
}

const plain = (s: Snapshot) => JSON.stringify(s);

describe('incremental snapshots (a cache of rows, the differ, the page) against one taken from scratch', () => {
  it(`${RUNS} random sequences: the same snapshot after every command`, {
    timeout: Math.max(60_000, RUNS * 2_000),
  }, () => {
    const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;
    fc.assert(
      fc.property(
        fc.nat(SETUPS.length - 1),
        fc.nat(),
        fc.array(
          fc.tuple(
            fc.oneof(
              { weight: 6, arbitrary: changing },
              { weight: 3, arbitrary: clocked },
              { weight: 1, arbitrary: grammarCommand },
            ),
            idle,
          ),
          { minLength: 1, maxLength: 14 },
        ),
        (setup, worldSeed, steps) => {
          const world = new World(worldSeed, { loUpInNewNetns: true });
          const sh = new Shell(world);
          for (const l of SETUPS[setup]!) sh.run(l);
          const cache = new SnapshotCache();
          const differ = new SnapshotDiffer();
          let page: Snapshot | null = null;
          // the page's diagram, built with its cache and handed on as Canvas does, against one built from scratch
          const diagram = new DiagramCache();
          const memo = new WeakMap<object, object>();
          let shown: { nodes: DiagramNode[]; edges: DiagramEdge[] } = { nodes: [], edges: [] };
          let k = 0;
          const step = (line: string) => {
            const fresh = takeSnapshot(world);
            const cached = takeSnapshot(world, cache);
            expect(plain(cached), `cache after: ${line}`).toBe(plain(fresh));
            const d = differ.diff(cached);
            if (d) page = applySnapshotDiff(page, d);
            expect(plain(page!), `page after: ${line}`).toBe(plain({ ...fresh, time: page!.time }));
            // a selection and a dragged position that move from device to device, and the two styles
            const ids = shown.nodes.filter((n) => n.type === 'device').map((n) => n.id);
            const sel = ids.length && k % 3 ? ids[k % ids.length]! : null;
            const positions = ids.length && k % 2 ? { [ids[(k * 7) % ids.length]!]: { x: k, y: 2 * k } } : {};
            const style = k % 5 === 4 ? 'compact' : 'article';
            k++;
            const scratch = buildDiagram(fresh, positions, sel, style);
            const next = buildDiagram(page!, positions, sel, style, diagram);
            expect(plain(next as never), `diagram after: ${line}`).toBe(plain(scratch as never));
            shown = {
              nodes: reuseUnchanged(next.nodes, shown.nodes, memo),
              edges: reuseUnchanged(next.edges, shown.edges, memo),
            };
            expect(JSON.stringify(shown), `handed on after: ${line}`).toBe(JSON.stringify(scratch));
            // React Flow replaces the nodes it measured (a copy, `measured` a new object of the same size) and one it
            // moved (a drag): an unchanged node is then its copy, a moved one is not taken for unchanged
            shown.nodes = shown.nodes.map((n, i) =>
              n.type !== 'device' || i % 2
                ? n
                : i % 4 === k % 4
                  ? { ...n, position: { x: n.position.x + 5, y: n.position.y } }
                  : { ...n, measured: { width: n.width, height: n.height } },
            );
          };
          step('(setup)');
          for (const [line, after] of steps) {
            if (line.startsWith('&')) sh.start(line.slice(1), () => {});
            else runBounded(sh, line);
            step(line);
            // the clock alone (timers, background pings), a snapshot every 1/16 of it as the worker's ticks take
            // them: no command comes between, so only the notifications of what changed make it read links again
            for (let i = 1; i <= 16 && after > 0; i++) {
              world.sched.runUntil(world.now + after / 16);
              step(`${line}, then ${(i * after) / 16} µs more`);
            }
          }
        },
      ),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
  });

  it('reuses the row object of every device a command left alone, and only those', () => {
    const world = new World(3);
    const sh = new Shell(world);
    for (let i = 0; i < 20; i++) sh.run(`ip link add a${i} type veth peer name b${i}`);
    const cache = new SnapshotCache();
    const before = takeSnapshot(world, cache).namespaces[0]!.devices;
    sh.run('ip link set a5 up');
    sh.run('ip addr add 10.1.0.1/24 dev b7');
    const after = takeSnapshot(world, cache).namespaces[0]!.devices;
    const reused = after.filter((d, i) => d === before[i]).map((d) => d.name);
    // the devices whose values differ, found by comparing the printed rows: exactly those got a new object
    const differ = after.filter((d, i) => JSON.stringify(d) !== JSON.stringify(before[i])).map((d) => d.name);
    expect(differ).toContain('a5');
    expect(differ).toContain('b7');
    expect(after.filter((d, i) => d !== before[i]).map((d) => d.name)).toEqual(differ);
    expect(reused).toHaveLength(after.length - differ.length);
    expect(plain(takeSnapshot(world))).toBe(plain(takeSnapshot(world, cache)));
  });
});
