// npm run bench:instructions: the flood's cost counted in machine instructions (valgrind's callgrind), which
// a loaded machine does not move, unlike the wall clock of `npm run bench`. Two counts, each the ping's own
// (the same run with one request subtracted: node's start, module load and the topology cancel out):
// - interpreted: `node --jitless` with 3,000 round trips: what the flood's first thousands of round trips cost
//   before V8 has optimized the path (the warm-up, a third of the whole command's wall time);
// - one thread: `node --single-threaded` with BENCH_PINGS (50,000): the interpreter, V8's optimizing compiler
//   (on the main thread here, so counted) and the optimized code together.
// The simulator is bundled as `npm run bench` bundles it; BENCH_ROOT=DIR counts another checkout's beside it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { bundleFloodSim } from './floodBundle';

const N = Number(process.env.BENCH_PINGS ?? 50000);
const INTERPRETED = 3000;

/** Instructions callgrind counted for `node FLAGS file n off`. */
function instructions(dir: string, file: string, flags: string[], n: number): number {
  const out = join(dir, 'callgrind.out');
  const r = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--smc-check=all-non-file',
      `--callgrind-out-file=${out}`,
      'node',
      ...flags,
      file,
      String(n),
      'off',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`valgrind exited ${r.status}: ${r.stderr.slice(-400)}`);
  const m = /events:\s*Ir[\s\S]*?summary:\s*(\d+)/.exec(readFileSync(out, 'utf8'));
  if (!m) throw new Error('no instruction count in callgrind output');
  return Number(m[1]);
}

function ping(dir: string, file: string, flags: string[], n: number): number {
  return instructions(dir, file, flags, n) - instructions(dir, file, flags, 1);
}

const M = (x: number) => `${(x / 1e6).toFixed(0)}M`.padStart(8);

async function main(): Promise<void> {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('valgrind is not installed (apt-get install -y valgrind): nothing counted');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'netlab-instr-'));
  try {
    const sides: [string, string][] = [['this checkout', join(import.meta.dirname, '..')]];
    if (process.env.BENCH_ROOT) sides.unshift([process.env.BENCH_ROOT, process.env.BENCH_ROOT]);
    console.log(`flood ping -f -q, veth -> br0 -> veth: instructions of the ping alone (callgrind)`);
    console.log(`${'simulator'.padEnd(40)} interpreted ${INTERPRETED}  one thread ${N}`);
    for (const [i, [name, root]] of sides.entries()) {
      const file = await bundleFloodSim(root, join(dir, `${i}.mjs`));
      const a = ping(dir, file, ['--jitless', '--single-threaded'], INTERPRETED);
      const b = ping(dir, file, ['--single-threaded'], N);
      console.log(
        `${name.padEnd(40)} ${M(a)} (${(a / INTERPRETED / 1e3).toFixed(0)}k/rt)  ${M(b)} (${(b / N / 1e3).toFixed(1)}k/rt)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
