// npm run conformance -- [--record] [--require-kernel] [--kernel-only] [--jobs N] [FILES...]
//
// Runs each scenario (default: conformance/scenarios/*.sh and ../shared/conformance/scenarios/*.sh)
// on the real kernel, in throw-away namespaces, and through the simulator's transcript CLI, and
// shows a unified diff where the two transcripts differ; ends with `N passed, M failed`.
// See conformance/FORMAT.md.
//   --record          write the kernel transcript to conformance/expected/NAME.txt (repo scenarios only)
//   --kernel-only     no simulator: compare the kernel with the scenario's expected file, or print it
//   --require-kernel  fail instead of skipping when not root or namespaces cannot be made
//   --jobs N          scenarios at a time (4)
// CONFORMANCE_DEBUG=1 logs every wait for link state to settle.

import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unifiedDiff } from './diff';
import { type KernelRun, runOnKernel } from './kernel';
import { deleteAllNamespacesSync, Namespaces } from './netns';
import { pool } from './pool';
import { killAll } from './proc';
import { runOnSimulator } from './simulator';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OWN_SCENARIOS = join(REPO, 'conformance', 'scenarios');
const SHARED_SCENARIOS = resolve(REPO, '..', 'shared', 'conformance', 'scenarios');

interface Options {
  record: boolean;
  requireKernel: boolean;
  kernelOnly: boolean;
  jobs: number;
  files: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { record: false, requireKernel: false, kernelOnly: false, jobs: 4, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--record') o.record = true;
    else if (a === '--require-kernel') o.requireKernel = true;
    else if (a === '--kernel-only') o.kernelOnly = true;
    else if (a === '--jobs') o.jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run conformance -- [--record] [--require-kernel] [--kernel-only] [--jobs N] [FILES...]');
      process.exit(0);
    } else if (a.startsWith('--')) {
      console.error(`unknown option ${a}`);
      process.exit(2);
    } else o.files.push(resolve(a));
  }
  return o;
}

const scenariosIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.sh'))
        .sort()
        .map((f) => join(dir, f))
    : [];

const isOwn = (file: string): boolean => dirname(file) === OWN_SCENARIOS;

/** conformance/scenarios/NAME.sh -> conformance/expected/NAME.txt */
const expectedFile = (file: string): string => join(dirname(dirname(file)), 'expected', `${basename(file, '.sh')}.txt`);

const shown = (file: string): string => relative(process.cwd(), file) || file;

/** Root, and namespaces can be made: why not, or undefined. */
async function kernelUnavailable(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'not running as root';
  const probe = new Namespaces(`nl${process.pid}probe-`);
  try {
    for (const ns of ['host', 'x']) {
      const r = await probe.add(ns);
      if (r.code !== 0) return `cannot make a network namespace: ${r.output.trim()}`;
    }
  } catch (e) {
    return `cannot make a network namespace: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await probe.deleteAll();
  }
  return undefined;
}

function cleanUp(): void {
  killAll();
  deleteAllNamespacesSync();
}

interface Outcome {
  passed: boolean;
  report: string;
  /** passed on the kernel's second run */
  rerun?: true;
  /** differed: to be run once more on the kernel alone */
  retry?: Retry;
}

interface Retry {
  text: string;
  expected: string[];
  secs: string;
  diff: string;
}

async function one(file: string, k: number, o: Options): Promise<Outcome> {
  const name = shown(file);
  const text = await readFile(file, 'utf8');
  const t0 = Date.now();
  const simulated = o.record || o.kernelOnly ? undefined : runOnSimulator(file, REPO);
  let kernel: KernelRun;
  try {
    kernel = await runOnKernel(text, `nl${process.pid}s${k}-`);
  } catch (e) {
    await simulated;
    return {
      passed: false,
      report: `FAIL ${name}: the kernel run failed: ${e instanceof Error ? e.message : String(e)}\n`,
    };
  }
  const secs = `kernel ${((Date.now() - t0) / 1000).toFixed(1)} s, settling ${(kernel.settleMs / 1000).toFixed(1)} s`;
  const warn = kernel.warnings.map((w) => `  warning: ${w}\n`).join('');

  if (o.record) {
    if (!isOwn(file))
      return { passed: false, report: `SKIP ${name}: only scenarios in ${shown(OWN_SCENARIOS)} are recorded\n` };
    const out = expectedFile(file);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, kernel.lines.map((l) => `${l}\n`).join(''));
    return { passed: kernel.warnings.length === 0, report: `recorded ${shown(out)} (${secs})\n${warn}` };
  }

  let other: string[] | undefined;
  let label: string;
  if (o.kernelOnly) {
    label = 'expected';
    if (!existsSync(expectedFile(file))) {
      return { passed: true, report: `== ${name} (${secs}, no expected file)\n${warn}${kernel.lines.join('\n')}\n` };
    }
    other = (await readFile(expectedFile(file), 'utf8')).split('\n');
    if (other[other.length - 1] === '') other.pop();
  } else {
    label = 'simulator';
    const sim = (await simulated)!;
    if (sim.error !== undefined) return { passed: false, report: `FAIL ${name} (${secs}): ${sim.error}\n${warn}` };
    other = sim.lines!;
  }
  if (other.join('\n') === kernel.lines.join('\n')) return { passed: true, report: `PASS ${name} (${secs})\n${warn}` };
  const diff = await unifiedDiff(kernel.lines, other, `${name} (kernel)`, `${name} (${label})`);
  // A kernel run shares the machine with the other scenarios of the pool and their simulators: a timer at a
  // boundary (an ARP retransmit, a neighbour's reachable time) can land on the other side of a command when
  // the machine is busy. Such a scenario is run once more on the kernel after the pool has drained, one at a
  // time (see main); the simulator's transcript is not rerun, and it passes only if the kernel then prints it
  // to the character. Both runs are said.
  const failed = `FAIL ${name} (${secs})\n${warn}${diff}`;
  if (o.kernelOnly) return { passed: false, report: failed };
  return { passed: false, report: failed, retry: { text, expected: other, secs, diff: `${warn}${diff}` } };
}

/** The differing scenario's second kernel run, alone on the machine. */
async function retryAlone(file: string, k: number, r: Retry): Promise<Outcome> {
  const name = shown(file);
  try {
    const again = await runOnKernel(r.text, `nl${process.pid}r${k}-`);
    if (r.expected.join('\n') === again.lines.join('\n'))
      return {
        passed: true,
        rerun: true,
        report: `PASS ${name} (${r.secs}; the kernel's first run differed under load, its second, alone, matched)\n${r.diff}`,
      };
    const diff = await unifiedDiff(again.lines, r.expected, `${name} (kernel, run alone)`, `${name} (simulator)`);
    return {
      passed: false,
      report: `FAIL ${name} (${r.secs}; differs again when run alone)\nunder load:\n${r.diff}alone:\n${diff}`,
    };
  } catch (e) {
    return {
      passed: false,
      report: `FAIL ${name}: the kernel's second run failed: ${e instanceof Error ? e.message : String(e)}\n`,
    };
  }
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      cleanUp();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('exit', cleanUp);

  const files =
    o.files.length > 0 ? o.files : [...scenariosIn(OWN_SCENARIOS), ...(o.record ? [] : scenariosIn(SHARED_SCENARIOS))];
  if (files.length === 0) {
    console.log('no scenarios');
    return 0;
  }
  const why = await kernelUnavailable();
  if (why !== undefined) {
    if (o.requireKernel) {
      console.error(`conformance: the kernel is required but unavailable (${why})`);
      return 1;
    }
    console.log(`conformance: kernel part skipped (${why}); run as root with ip netns to compare with the kernel`);
    return 0;
  }

  const t0 = Date.now();
  const outcomes = await pool(files, o.jobs, async (file, k) => {
    const r = await one(file, k, o).catch(
      (e: unknown): Outcome => ({
        passed: false,
        report: `FAIL ${shown(file)}: ${e instanceof Error ? e.message : String(e)}\n`,
      }),
    );
    if (r.retry) process.stdout.write(`DIFFERS ${shown(file)}: run again on the kernel once the others are done\n`);
    else process.stdout.write(r.report);
    return r;
  });
  for (const [i, r] of outcomes.entries()) {
    if (!r.retry) continue;
    outcomes[i] = await retryAlone(files[i]!, i, r.retry);
    process.stdout.write(outcomes[i]!.report);
  }
  const passed = outcomes.filter((r) => r.passed).length;
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const rerun = outcomes.filter((r) => r.rerun).length;
  console.log(
    `${passed} passed, ${outcomes.length - passed} failed${rerun ? ` (${rerun} passed on the kernel's second run)` : ''}`,
  );
  return passed === outcomes.length ? 0 : 1;
}

main().then(
  (code) => {
    cleanUp();
    process.exit(code);
  },
  (e: unknown) => {
    console.error(e);
    cleanUp();
    process.exit(1);
  },
);
