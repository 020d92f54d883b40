// npm run bench: the simulator's flood ping against the kernel's, measured as an outsider would.
//
// Both sides run the whole command and are timed by the wall clock from outside, in alternating pairs:
// - kernel: `ip netns exec <c1> ping -f -q -c N 10.99.0.2` over veth -> br0 -> veth in throw-away namespaces
//   (root only), from spawn to exit;
// - simulator: the simulator bundled as the browser gets it (as Vite builds the worker: rolldown, minified,
//   into a temp file; not tsx, which is ~1.45x slower) run by plain node: process start, module load,
//   building the same topology and `ping -f -q -c N`, from spawn to exit. The ping command's own time is
//   printed beside it.
// Each pair alternates which side goes first; the table gives every pair, then the median ratio and its
// spread, with the machine's load average before and after (two cores shared: a loaded machine moves both).
// Then the simulator with packet flow on (the worker's Lab streaming every event) against real time: the
// flood's virtual duration over its wall time. Then the wall time of each public conformance scenario.
// BENCH_PINGS=N (default 50000), BENCH_PAIRS=K (default 5); BENCH_ROOT=DIR bundles the simulator of another
// checkout (its bench/floodSim.ts) for before/after figures in the same window.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { bundleFloodSim } from './floodBundle';
import { runScenario } from '../sim/transcript/scenario';
import { FLOOD_TOPOLOGY } from './floodTopology';

const N = Number(process.env.BENCH_PINGS ?? 50000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);

interface Run {
  wallMs: number;
  rx: number;
  stats: string;
  pingMs?: number;
  virtualMs?: number;
  cpuMs?: number;
  events?: number;
}

const received = (stats: string) => Number(/(\d+) received/.exec(stats)?.[1] ?? 0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
/** round trips a millisecond of wall time */
const rate = (r: Run) => r.rx / r.wallMs;
const krate = (r: Run) => rate(r).toFixed(1).padStart(6);

/** This environment without NODE_EXTRA_CA_CERTS. Node 20 loads that file at its start, before any script runs
 *  (node's own test-tls-env-extra-ca-file-load: "extra certificates are loaded at startup"). This project's
 *  machine sets it to the system's 144 certificates: `node -e 0` takes ~75 ms with it and ~25 ms without.
 *  The simulator makes no TLS connection; the kernel's side never starts node. */
const WITHOUT_EXTRA_CA = (() => {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
})();

/** Median wall time of `node -e 0` in `env` over 9 runs: node's own start, which the simulator's time includes. */
function nodeStartMs(env: NodeJS.ProcessEnv): number {
  const xs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env });
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

function simRun(file: string, mode: 'off' | 'trace' | 'steady', env: NodeJS.ProcessEnv = process.env): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [file, String(N), mode], { encoding: 'utf8', env });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`simulator exited ${r.status}: ${r.stderr}`);
  const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    stats: string;
    pingMs: number;
    cpuMs?: number;
    virtualMs?: number;
    events?: number;
  };
  return {
    wallMs,
    rx: received(j.stats),
    stats: j.stats,
    pingMs: j.pingMs,
    cpuMs: j.cpuMs,
    virtualMs: j.virtualMs,
    events: j.events,
  };
}

function sh(args: string[]): string {
  return execFileSync(args[0], args.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Throw-away namespaces holding the topology; returns the client's namespace and the cleanup. */
function kernelLab(): { c1: string; done: () => void } | { skipped: string } {
  if (process.getuid?.() !== 0) return { skipped: 'not root' };
  try {
    sh(['ip', 'netns', 'list']);
  } catch {
    return { skipped: 'ip netns unavailable' };
  }
  const p = `nlb${process.pid}`;
  const made: string[] = [];
  const done = () => {
    for (const ns of made.reverse()) {
      try {
        sh(['ip', 'netns', 'del', ns]);
      } catch {
        /* already gone */
      }
    }
  };
  try {
    sh(['ip', 'netns', 'add', `${p}h`]);
    made.push(`${p}h`);
    for (const c of FLOOD_TOPOLOGY(p)) {
      const w = c.split(' ');
      if (w[1] === 'netns' && w[2] === 'add') {
        sh(w);
        made.push(w[3]);
        continue;
      }
      sh(['ip', 'netns', 'exec', `${p}h`, ...w]);
    }
    for (const ns of [`${p}h`, `${p}c1`, `${p}c2`]) sh(['ip', 'netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']);
    execFileSync('sleep', ['1.5']);
    sh(['ip', 'netns', 'exec', `${p}c1`, 'ping', '-c', '1', '-W', '2', '10.99.0.2']);
    return { c1: `${p}c1`, done };
  } catch (e) {
    done();
    return { skipped: `kernel setup failed: ${(e as Error).message.split('\n')[0]}` };
  }
}

function kernelRun(c1: string): Run {
  const t0 = performance.now();
  const out = sh(['ip', 'netns', 'exec', c1, 'ping', '-f', '-q', '-c', String(N), '10.99.0.2']);
  const wallMs = performance.now() - t0;
  const stats = out.split('\n').find((l) => l.includes('packets transmitted')) ?? '';
  return { wallMs, rx: received(stats), stats };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'netlab-bench-'));
  try {
    const file = await bundleFloodSim(
      process.env.BENCH_ROOT ?? join(import.meta.dirname, '..'),
      join(dir, 'floodSim.mjs'),
    );
    console.log(`flood ping -f -q -c ${N}, veth -> br0 -> veth; whole command, wall clock, ${PAIRS} alternating pairs`);
    console.log(`load average before: ${load()}`);
    const k = kernelLab();
    if ('skipped' in k) console.log(`kernel: skipped (${k.skipped}); the simulator alone`);
    const extraCa = process.env.NODE_EXTRA_CA_CERTS;
    const ratios: number[] = [];
    const ratiosBare: number[] = [];
    const simRates: number[] = [];
    const kRates: number[] = [];
    const simWalls: number[] = [];
    const kWalls: number[] = [];
    try {
      console.log(
        'pair  kernel ms  k rtt/ms   sim ms  sim rtt/ms (ping alone ms)  ratio sim/kernel' +
          (extraCa ? '   without NODE_EXTRA_CA_CERTS: sim ms  ratio' : ''),
      );
      for (let i = 0; i < PAIRS; i++) {
        let kr: Run | null = null;
        let bare: Run | null = null;
        // the kernel first in even pairs, last in odd ones; the simulator's two runs between
        if (i % 2 === 0 && !('skipped' in k)) kr = kernelRun(k.c1);
        if (extraCa && i % 2 === 1) bare = simRun(file, 'off', WITHOUT_EXTRA_CA);
        const sr = simRun(file, 'off');
        if (extraCa && i % 2 === 0) bare = simRun(file, 'off', WITHOUT_EXTRA_CA);
        if (i % 2 === 1 && !('skipped' in k)) kr = kernelRun(k.c1);
        if (sr.rx !== N) console.log(`  simulator: ${sr.stats}`);
        if (bare && bare.rx !== N) console.log(`  simulator without NODE_EXTRA_CA_CERTS: ${bare.stats}`);
        if (kr && kr.rx !== N) console.log(`  kernel: ${kr.stats}`);
        simRates.push(rate(sr));
        simWalls.push(sr.wallMs);
        if (kr) kWalls.push(kr.wallMs);
        const ratio = kr ? rate(sr) / rate(kr) : NaN;
        const ratioBare = kr && bare ? rate(bare) / rate(kr) : NaN;
        if (kr) {
          kRates.push(rate(kr));
          ratios.push(ratio);
          if (bare) ratiosBare.push(ratioBare);
        }
        console.log(
          `${String(i + 1).padStart(4)}  ${kr ? kr.wallMs.toFixed(0).padStart(9) : '        -'}  ${kr ? krate(kr) : '     -'}   ` +
            `${sr.wallMs.toFixed(0).padStart(6)}  ${krate(sr)}      (${sr.pingMs!.toFixed(0).padStart(5)})           ${kr ? ratio.toFixed(2) : '-'}` +
            (bare
              ? `                                    ${bare.wallMs.toFixed(0).padStart(6)}  ${kr ? ratioBare.toFixed(2) : '-'}`
              : ''),
        );
      }
    } finally {
      if (!('skipped' in k)) k.done();
    }
    const spread = (xs: number[], f = (x: number) => x.toFixed(1)) =>
      `median ${f(median(xs))} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;
    console.log(
      `simulator: ${spread(
        simRates.map((x) => x * 1000),
        (x) => x.toFixed(0),
      )} rtt/s`,
    );
    if (kRates.length) {
      console.log(
        `kernel:    ${spread(
          kRates.map((x) => x * 1000),
          (x) => x.toFixed(0),
        )} rtt/s`,
      );
      console.log(`ratio simulator/kernel: ${spread(ratios, (x) => x.toFixed(2))}`);
      if (ratiosBare.length)
        console.log(
          `ratio simulator/kernel, the simulator's node started without NODE_EXTRA_CA_CERTS (${extraCa}): ` +
            `${spread(ratiosBare, (x) => x.toFixed(2))}`,
        );
    }
    console.log(`load average after: ${load()}`);
    const nodeMs = nodeStartMs(process.env);
    console.log(
      `node's own start (node -e 0, median of 9): ${nodeMs.toFixed(0)} ms` +
        (extraCa ? `; without NODE_EXTRA_CA_CERTS ${nodeStartMs(WITHOUT_EXTRA_CA).toFixed(0)} ms` : ''),
    );
    // What 2x leaves the simulator on this machine: the kernel's half, less what node takes to start and exit
    // with nothing to run; against what the simulator's work takes now, and at its pace once optimized.
    const steady = median([0, 1, 2].map(() => simRun(file, 'steady').pingMs!));
    if (kWalls.length) {
      const half = median(kWalls) / 2;
      const work = median(simWalls) - nodeMs;
      console.log(
        `for 2x, the simulator's whole run within ${half.toFixed(0)} ms (the kernel's median / 2); node's own start ` +
          `and exit take ${nodeMs.toFixed(0)} ms of it, leaving ${(half - nodeMs).toFixed(0)} ms for loading the ` +
          `simulator, building the lab and ${N} round trips; they take ${work.toFixed(0)} ms now (the simulator's ` +
          `median less node's own)`,
      );
    }
    console.log(
      `the simulator's steady pace (the same flood again in one process, median of 3): ${steady.toFixed(0)} ms, ` +
        `${((1000 * steady) / N).toFixed(2)} µs a round trip`,
    );
    const t = simRun(file, 'trace');
    console.log(
      `packet flow on (the worker's Lab, every event streamed): ${t.rx} round trips, ${t.events} events, ` +
        `${t.virtualMs!.toFixed(0)} ms of virtual time in ${t.pingMs!.toFixed(0)} ms wall = ${(t.virtualMs! / t.pingMs!).toFixed(2)}x real time ` +
        `(CPU ${t.cpuMs!.toFixed(0)} ms: ${(t.virtualMs! / t.cpuMs!).toFixed(2)}x)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const scen = join(process.cwd(), '..', 'shared', 'conformance', 'scenarios');
  if (existsSync(scen)) {
    let total = 0;
    for (const f of readdirSync(scen)
      .filter((x) => x.endsWith('.sh'))
      .sort()) {
      const text = readFileSync(join(scen, f), 'utf8');
      const t0 = performance.now();
      runScenario(text);
      const ms = performance.now() - t0;
      total += ms;
      console.log(`scenario ${f}: ${ms.toFixed(1)} ms`);
    }
    console.log(`public scenarios total: ${total.toFixed(1)} ms`);
  }
}

await main();
