// The simulator's side of `npm run bench`, bundled by bench/flood.ts (rolldown, minified, as the browser gets
// it) and run under plain node: `node floodSim.mjs N off|trace|steady`. Builds veth -> br0 -> veth and runs the
// flood as the terminal would, then prints one JSON line: the ping's stats line, the time of the ping
// command alone (wall and CPU), and (trace) the virtual time the flood took and the events the page would have been sent.
// steady: the same flood twice in one process, the second timed: the simulator's pace once V8 has optimized it.
import { performance } from 'node:perf_hooks';
import { World } from '../sim/world';
import { Shell } from '../sim/shell/shell';
import { Lab } from '../web/worker/lab';
import { toWorker, type FromWorker } from '../web/protocol';
import { FLOOD_TOPOLOGY } from './floodTopology';

const n = Number(process.argv[2] ?? 50000);
const mode = process.argv[3] ?? 'off';

function off(runs = 1): void {
  const world = new World(7, { loUpInNewNetns: true });
  const sh = new Shell(world);
  for (const c of FLOOD_TOPOLOGY('')) sh.run(c);
  for (let i = 1; i < runs; i++) sh.run(`ping -f -q -c ${n} 10.99.0.2`, 'c1');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = sh.run(`ping -f -q -c ${n} 10.99.0.2`, 'c1');
  const pingMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const stats = r.lines.find((l) => l.includes('packets transmitted')) ?? '';
  process.stdout.write(JSON.stringify({ stats, pingMs, cpuMs: (c.user + c.system) / 1000 }) + '\n');
}

/** Packet flow on, as the app runs it: the worker's Lab streaming every event, a flush per 20 ms of virtual time. */
function trace(): void {
  let events = 0;
  const out: string[] = [];
  const lab = new Lab((m: FromWorker) => {
    if (m.type === 'trace') events += m.events.length + m.dropped;
    else if (m.type === 'output') out.push(...m.lines);
  });
  lab.handle(toWorker({ type: 'run', ns: 'host', lines: FLOOD_TOPOLOGY(''), group: 'b', mode: 'sync' }));
  lab.advance(2_000_000);
  lab.handle(toWorker({ type: 'trace', on: true }));
  lab.handle(toWorker({ type: 'run', ns: 'c1', lines: [`ping -f -q -c ${n} 10.99.0.2`], group: 'f', mode: 'async' }));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let virtualUs = 0;
  for (let i = 0; i < 1_000_000 && !out.some((l) => l.includes('packets transmitted')); i++) {
    lab.advance(20_000);
    virtualUs += 20_000;
  }
  const pingMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const stats = out.find((l) => l.includes('packets transmitted')) ?? '';
  process.stdout.write(
    JSON.stringify({ stats, pingMs, cpuMs: (c.user + c.system) / 1000, virtualMs: virtualUs / 1000, events }) + '\n',
  );
}

if (mode === 'trace') trace();
else off(mode === 'steady' ? 2 : 1);
