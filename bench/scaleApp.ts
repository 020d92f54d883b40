// The app half of npm run bench:scale, bundled by bench/scale.ts as the browser gets the worker (rolldown, minified:
// bench/floodBundle.ts) and run by plain node: `node --expose-gc scaleApp.mjs 100 1000 10000`. For each number
// of veth pairs (one end of each a port of br0, built line by line through the worker's Lab as the app's presets
// run commands) it prints the listings' times, what one one-line command costs in the app (the worker's run and
// snapshot, the structured clone that crosses to the page, the store applying it, the diagram), the worker's
// 20 ms tick with a ping running, and the heap; then, for the sizes up to 1,000, as many containers (a namespace
// each) on br0 and the tick while one of them pings. tsx, which the command line's half uses (it is what
// `npm run -s transcript` runs), is slower than the bundle the browser runs.
import { serialize } from 'node:v8';
import { Lab } from '../web/worker/lab';
import { Shell } from '../sim/shell/shell';
import { toWorker, type FromWorker } from '../web/protocol';
import { createLabStore } from '../web/store/index';
import { setPort } from '../web/store/port';
import { buildDiagram, DiagramCache, reuseUnchanged, type DiagramNode, type ReuseMemo } from '../web/model/diagram';
import { scaleLabLines as buildLines } from './scaleCli';

const ms = (t0: number) => performance.now() - t0;
const fmtMs = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2)).padStart(7) + ' ms';
const fmtKb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const gc = (globalThis as { gc?: () => void }).gc;

/** 100 of the worker's 20 ms ticks, each timed (then `after`, untimed), sorted. */
function tickTimes(lab: Lab, after: () => void = () => {}): number[] {
  const ticks: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    lab.advance(20_000);
    ticks.push(ms(t));
    after();
  }
  return ticks.sort((a, b) => a - b);
}

function one(n: number): void {
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let posted: FromWorker[] = [];
  const lab = new Lab((m) => posted.push(m));
  const store = createLabStore();

  // what crosses to the page: the structured clone postMessage makes (v8's serializer), then the store
  // the diagram the page draws: built again when the drawn part changed; nodes that are not the
  // previous objects are the ones React Flow renders again
  let drawn: unknown = null;
  let nodes: DiagramNode[] = [];
  const diagramCache = new DiagramCache();
  const memo: ReuseMemo = new WeakMap();
  const deliver = () => {
    let bytes = 0;
    let cloneMs = 0;
    let applyMs = 0;
    let diagramMs = 0;
    let snapshots = 0;
    let rendered = 0;
    for (const m of posted) {
      const t0 = performance.now();
      const wire = serialize(m);
      cloneMs += ms(t0);
      if (m.type !== 'snapshot') continue;
      snapshots++;
      bytes += wire.length;
      const t1 = performance.now();
      applySnapshotMessage(store, m);
      applyMs += ms(t1);
      const now = store.getState().drawn;
      if (now && now !== drawn) {
        const t2 = performance.now();
        // as Canvas builds it: with its DiagramCache, unchanged nodes handed on through its memo
        const next = buildDiagram(now, {}, null, 'article', diagramCache);
        const kept = reuseUnchanged(next.nodes, nodes, memo);
        diagramMs += ms(t2);
        const before = new Set(nodes);
        rendered += kept.filter((n) => !before.has(n)).length;
        nodes = kept;
        drawn = now;
      }
    }
    posted = [];
    return { bytes, cloneMs, applyMs, diagramMs, snapshots, rendered };
  };

  let t0 = performance.now();
  lab.handle(toWorker({ type: 'run', ns: 'host', lines: buildLines(n), group: 'build', mode: 'sync' }));
  lab.advance(2_000_000); // linkwatch settles, the ports learn and forward
  const buildMs = ms(t0);
  const first = deliver();
  gc?.();
  const heap = process.memoryUsage().heapUsed - heap0;

  const shell = new Shell(lab.liveWorld);
  const timed = (line: string, ns = 'host'): { ms: number; lines: number } => {
    const t = performance.now();
    const r = shell.run(line, ns);
    return { ms: ms(t), lines: r.lines.length };
  };
  const brLink = timed('ip -br link');
  const addr = timed('ip addr');
  const route = timed('ip route');
  const pingR = timed('ping -c 1 -W 1 10.0.0.2', 'a');
  const neigh = timed('ip -n a neigh');
  const fdb = timed('bridge fdb show');

  // what the listings above changed (the ping's neighbours and learnt MACs) goes to the page first
  lab.handle(toWorker({ type: 'trace', on: false }));
  deliver();
  // one one-line command in the app: the worker runs it and sends what changed, the page applies it; nine
  // such commands (on va1 .. va9), the median of each figure
  const runs: { workerMs: number; cmd: ReturnType<typeof deliver> }[] = [];
  for (let k = 1; k <= 9; k++) {
    t0 = performance.now();
    lab.handle(
      toWorker({ type: 'run', ns: 'host', lines: [`ip link set va${k} mtu 1400`], group: 'one', mode: 'async' }),
    );
    const workerMs = ms(t0);
    runs.push({ workerMs, cmd: deliver() });
  }
  const mid = (f: (r: (typeof runs)[number]) => number): number => runs.map(f).sort((a, b) => a - b)[runs.length >> 1]!;
  const workerMs = mid((r) => r.workerMs);
  const cmd = {
    bytes: mid((r) => r.cmd.bytes),
    snapshots: mid((r) => r.cmd.snapshots),
    cloneMs: mid((r) => r.cmd.cloneMs),
    applyMs: mid((r) => r.cmd.applyMs),
    diagramMs: mid((r) => r.cmd.diagramMs),
    rendered: mid((r) => r.cmd.rendered),
  };
  // time passing with timers due (fdb ageing, neighbour timers): the worker's 20 ms tick
  t0 = performance.now();
  lab.advance(5_000_000);
  const tickMs = ms(t0);
  const tick = deliver();
  // traffic as the worker runs it: a tick per 20 ms of virtual time, each ending with a snapshot of what changed
  lab.handle(toWorker({ type: 'run', ns: 'a', lines: ['ping -i 0.02 10.0.0.2'], group: 'p', mode: 'async' }));
  deliver();
  const ticks = tickTimes(lab, deliver);
  lab.handle(toWorker({ type: 'interrupt', ns: 'a' }));

  console.log(`\n${n} veth pairs (${2 * n + 3} devices)`);
  console.log(`  build (${buildLines(n).length} lines, sync) ${fmtMs(buildMs)}   first snapshot ${fmtKb(first.bytes)}`);
  console.log(`  ip -br link           ${fmtMs(brLink.ms)}  (${brLink.lines} lines)`);
  console.log(`  ip addr               ${fmtMs(addr.ms)}  (${addr.lines} lines)`);
  console.log(`  ip route              ${fmtMs(route.ms)}`);
  console.log(`  bridge fdb show       ${fmtMs(fdb.ms)}  (${fdb.lines} lines)`);
  console.log(`  ping across br0       ${fmtMs(pingR.ms)}  (${pingR.lines} lines)`);
  console.log(`  ip neigh              ${fmtMs(neigh.ms)}`);
  console.log(`  first diagram         ${fmtMs(first.diagramMs)}  (${first.rendered} nodes)`);
  console.log(`  one-line command (ip link set vaK mtu 1400) in the app, median of 9:`);
  console.log(`    worker run + snapshot ${fmtMs(workerMs)}`);
  console.log(
    `    crossing to the page  ${fmtKb(cmd.bytes)} in ${cmd.snapshots} message(s), structured clone ${fmtMs(cmd.cloneMs)}`,
  );
  console.log(`    store apply           ${fmtMs(cmd.applyMs)}`);
  console.log(`    diagram build         ${fmtMs(cmd.diagramMs)}, ${cmd.rendered} node(s) new to React Flow`);
  console.log(`  5 s of virtual time passing: worker ${fmtMs(tickMs)}, crossing ${fmtKb(tick.bytes)}`);
  console.log(
    `  a ping running (-i 0.02), the worker's 20 ms ticks: median ${fmtMs(ticks[50]!)}, p95 ${fmtMs(ticks[95]!)}`,
  );
  console.log(`  heap used by the lab  ${(heap / 1024 / 1024).toFixed(1)} MB`);
}

/**
 * The page's handling of a snapshot message, as web/client/simClient.ts does it (written loosely so
 * that the same bench runs on the code before snapshots became diffs, for the figures before).
 */
function applySnapshotMessage(store: ReturnType<typeof createLabStore>, m: FromWorker): void {
  const s = store.getState() as unknown as Record<string, (x: unknown) => void>;
  const msg = m as unknown as Record<string, unknown>;
  if ('diff' in msg) s.applySnapshot!(msg.diff);
  else s.setSnapshot!(msg.snap);
}

/** `n` containers (a namespace each, its eth0's veth peer a port of br0, an address each) and one of them pinging
 *  the host: the worker's 20 ms tick, where every namespace but two is unchanged. */
function containers(n: number): void {
  const lab = new Lab(() => {});
  const lines = ['ip link add br0 type bridge', 'ip link set br0 up', 'ip addr add 10.0.0.1/16 dev br0'];
  for (let i = 0; i < n; i++)
    lines.push(
      `ip netns add c${i}`,
      `ip link add v${i} type veth peer name eth0 netns c${i}`,
      `ip link set v${i} master br0`,
      `ip link set v${i} up`,
      `ip -n c${i} addr add 10.0.${(i + 2) >> 8}.${(i + 2) & 255}/16 dev eth0`,
      `ip -n c${i} link set eth0 up`,
    );
  const t0 = performance.now();
  lab.handle(toWorker({ type: 'run', ns: 'host', lines, group: 'build', mode: 'sync' }));
  lab.advance(2_000_000);
  const buildMs = ms(t0);
  lab.handle(toWorker({ type: 'run', ns: 'c0', lines: ['ping -i 0.02 10.0.0.1'], group: 'p', mode: 'async' }));
  lab.advance(200_000);
  const ticks = tickTimes(lab);
  console.log(`\n${n} containers on br0 (${n + 1} namespaces, ${2 * n + 2} devices)`);
  console.log(`  build (${lines.length} lines, sync) ${fmtMs(buildMs)}`);
  console.log(
    `  one of them pinging the host (-i 0.02), the worker's 20 ms ticks: median ${fmtMs(ticks[50]!)}, p95 ${fmtMs(ticks[95]!)}`,
  );
}

setPort(() => {});
if (!gc) console.log('  (no --expose-gc: heap figures include garbage)');
const sizes = process.argv.slice(2).map(Number);
for (const n of sizes) one(n);
// a namespace each: the sizes up to 1,000 (10,000 namespaces would take minutes to build line by line)
for (const n of sizes.filter((k) => k <= 1000)) containers(n);
