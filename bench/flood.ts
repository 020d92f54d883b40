// npm run bench: flood-ping round trips per second through veth -> br0 -> veth, in the simulator and,
// where the machine allows (root, ip netns), on the real kernel in the same run; then the wall time of
// the public conformance scenarios.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { World } from '../sim/world';
import { Shell } from '../sim/shell/shell';
import { runScenario } from '../sim/transcript/scenario';

const N = Number(process.env.BENCH_PINGS ?? 200000);

const TOPOLOGY = (p: string) => [
  `ip netns add ${p}c1`,
  `ip netns add ${p}c2`,
  `ip link add br0 type bridge`,
  `ip link set br0 up`,
  `ip link add vA type veth peer name eth0 netns ${p}c1`,
  `ip link add vB type veth peer name eth0 netns ${p}c2`,
  `ip link set vA master br0`,
  `ip link set vB master br0`,
  `ip link set vA up`,
  `ip link set vB up`,
  `ip -n ${p}c1 addr add 10.99.0.1/24 dev eth0`,
  `ip -n ${p}c2 addr add 10.99.0.2/24 dev eth0`,
  `ip -n ${p}c1 link set eth0 up`,
  `ip -n ${p}c2 link set eth0 up`,
];

function simFlood(): { rtts: number; wallMs: number; last: string } {
  const world = new World(7, { loUpInNewNetns: true });
  const sh = new Shell(world);
  for (const c of TOPOLOGY('')) sh.run(c);
  sh.run('ping -c 1 -W 1 10.99.0.2', 'c1');
  const t0 = performance.now();
  const r = sh.run(`ping -f -q -c ${N} 10.99.0.2`, 'c1');
  const wallMs = performance.now() - t0;
  const stats = r.lines.find((l) => l.includes('packets transmitted')) ?? '';
  const rx = Number(/(\d+) received/.exec(stats)?.[1] ?? 0);
  return { rtts: rx, wallMs, last: stats };
}

function sh(args: string[]): string {
  return execFileSync(args[0], args.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function kernelFlood(): { rtts: number; wallMs: number; last: string } | { skipped: string } {
  if (process.getuid?.() !== 0) return { skipped: 'not root' };
  try {
    sh(['ip', 'netns', 'list']);
  } catch {
    return { skipped: 'ip netns unavailable' };
  }
  const p = `nlb${process.pid}`;
  const made: string[] = [];
  try {
    sh(['ip', 'netns', 'add', `${p}h`]);
    made.push(`${p}h`);
    for (const c of TOPOLOGY(p)) {
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
    const t0 = performance.now();
    const out = sh(['ip', 'netns', 'exec', `${p}c1`, 'ping', '-f', '-q', '-c', String(N), '10.99.0.2']);
    const wallMs = performance.now() - t0;
    const stats = out.split('\n').find((l) => l.includes('packets transmitted')) ?? '';
    return { rtts: Number(/(\d+) received/.exec(stats)?.[1] ?? 0), wallMs, last: stats };
  } catch (e) {
    return { skipped: `kernel run failed: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    for (const ns of made.reverse()) {
      try {
        sh(['ip', 'netns', 'del', ns]);
      } catch { /* already gone */ }
    }
  }
}

const sim = simFlood();
const simRate = sim.rtts / (sim.wallMs / 1000);
console.log(`simulator: ${sim.rtts} round trips in ${sim.wallMs.toFixed(0)} ms = ${simRate.toFixed(0)} rtt/s   (${sim.last})`);
const k = kernelFlood();
if ('skipped' in k) console.log(`kernel: skipped (${k.skipped})`);
else {
  const kRate = k.rtts / (k.wallMs / 1000);
  console.log(`kernel:    ${k.rtts} round trips in ${k.wallMs.toFixed(0)} ms = ${kRate.toFixed(0)} rtt/s   (${k.last})`);
  console.log(`ratio simulator/kernel: ${(simRate / kRate).toFixed(2)}`);
}
const dir = join(process.cwd(), '..', 'shared', 'conformance', 'scenarios');
if (existsSync(dir)) {
  let total = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.sh')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    const t0 = performance.now();
    runScenario(text);
    const ms = performance.now() - t0;
    total += ms;
    console.log(`scenario ${f}: ${ms.toFixed(1)} ms`);
  }
  console.log(`public scenarios total: ${total.toFixed(1)} ms`);
}
