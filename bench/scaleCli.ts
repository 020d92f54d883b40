// The command-line half of `npm run bench:scale`: N veth pairs, one end of each a port of br0, built and
// listed through the conformance scenario runner exactly as `npm run -s transcript -- FILE.sh` runs a file
// (normalized transcript, the MAC namer after every command, 20 ms of virtual time between commands).
// Per N: the build, `ip -br link`, `sysctl -a`, `bridge fdb show`, a ping across br0 (its ARP request
// floods every port), the whole run, the transcript's size and the heap the lab holds (with --expose-gc).
import { performance } from 'node:perf_hooks';
import { runScenario } from '../sim/transcript/scenario';

const gc = (globalThis as { gc?: () => void }).gc;

/** The lab both halves build: n veth pairs, one end of each a port of br0, two ends in namespaces a and b. */
export function scaleLabLines(n: number): string[] {
  const lines = ['ip netns add a', 'ip netns add b', 'ip link add br0 type bridge', 'ip link set br0 up'];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `ip link add va${i} type veth peer name vb${i}`,
      `ip link set va${i} master br0`,
      `ip link set va${i} up`,
    );
  }
  lines.push(
    'ip link set vb1 netns a',
    'ip link set vb2 netns b',
    'ip -n a addr add 10.0.0.1/24 dev vb1',
    'ip -n b addr add 10.0.0.2/24 dev vb2',
    'ip -n a link set vb1 up',
    'ip -n b link set vb2 up',
  );
  return lines;
}

/** `pairs` veth pairs whose a-ends are ports of br0, each b-end up with an address of 10.0.0.0/16: the page
 *  benches' large lab (flows, frames). */
export function addressedPortLines(pairs: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < pairs; i++) {
    lines.push(
      `ip link add a${i} type veth peer name b${i}`,
      `ip link set a${i} master br0`,
      `ip link set a${i} up`,
      `ip link set b${i} up`,
      `ip addr add 10.0.${Math.floor(i / 200)}.${(i % 200) + 1}/16 dev b${i}`,
    );
  }
  return lines;
}

export function scaleScenario(n: number): { text: string; buildSteps: number } {
  const lines = scaleLabLines(n);
  const buildSteps = lines.length;
  lines.push('ip -br link', 'sysctl -a', 'bridge fdb show', 'ip netns exec a ping -c 1 -W 1 10.0.0.2');
  return { text: lines.join('\n') + '\n', buildSteps };
}

const fmtMs = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(7) + ' ms';

export function cliScale(n: number): void {
  const { text, buildSteps } = scaleScenario(n);
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const at: number[] = [];
  const cpu: number[] = [];
  const cpuNow = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  let heapBuilt = 0;
  const t0 = performance.now();
  const c0 = cpuNow();
  const r = runScenario(text, {
    beforeStep: (i) => {
      at[i] = performance.now();
      cpu[i] = cpuNow();
      if (i === buildSteps) {
        gc?.();
        heapBuilt = process.memoryUsage().heapUsed - heap0;
        at[i] = performance.now(); // the collection is not the listing's
        cpu[i] = cpuNow();
      }
    },
  });
  const totalMs = performance.now() - t0;
  const totalCpu = cpuNow() - c0;
  // wall and CPU: on a shared machine the CPU time is what the process itself spent
  const step = (i: number) => `${fmtMs(at[i + 1] - at[i])} (cpu ${fmtMs(cpu[i + 1] - cpu[i]).trim()})`;
  const outLines = (cmd: string) => {
    const k = r.lines.indexOf(`$ ${cmd}`);
    let j = k + 1;
    while (j < r.lines.length && !r.lines[j].startsWith('$ ')) j++;
    return j - k - 1;
  };
  const b = buildSteps;
  console.log(`\n${n} veth pairs (${2 * n + 3} devices), through the transcript runner`);
  console.log(`  build (${buildSteps} commands)   ${fmtMs(at[b] - at[0])} (cpu ${fmtMs(cpu[b] - cpu[0]).trim()})`);
  console.log(`  ip -br link           ${step(b)}  (${outLines('ip -br link')} lines)`);
  console.log(`  sysctl -a             ${step(b + 1)}  (${outLines('sysctl -a')} lines)`);
  console.log(`  bridge fdb show       ${step(b + 2)}  (${outLines('bridge fdb show')} lines)`);
  console.log(`  ping across br0       ${step(b + 3)}`);
  console.log(`  whole transcript      ${fmtMs(totalMs)} (cpu ${fmtMs(totalCpu).trim()})  (${r.lines.length} lines)`);
  console.log(
    `  heap used by the lab  ${gc ? `${(heapBuilt / 1024 / 1024).toFixed(1)} MB` : 'n/a (run with --expose-gc)'}`,
  );
}
