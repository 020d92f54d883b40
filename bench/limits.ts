// npm run bench:limits — what each known hazard costs: a command built to eat time or memory, run through
// the interpreter (Shell.run, as the worker runs a typed command). For each it prints the wall time, the
// growth of the heap plus array buffers, the exit code and the first line printed (or how the run ended).
// Each hazard runs in its own child process (a hazard may exhaust the heap or the stack of its process),
// killed after LIMITS_TIMEOUT_S seconds (default 60).
//
//   npm run bench:limits                        this tree's sim/
//   npm run bench:limits -- --root /work/main   another checkout's sim/ (the "before" figures)
//   npm run bench:limits -- --only regex        one hazard (names as printed)
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

interface Hazard {
  name: string;
  /** lines run first (not measured) */
  setup: () => string[];
  /** the measured command */
  line: () => string;
}

const NEST = (n: number) => 'ip netns exec a '.repeat(n) + 'ip -br link show lo';

const HAZARDS: Hazard[] = [
  { name: 'ping-s-2147483647', setup: () => ['ip link set lo up'], line: () => 'ping -c 1 -s 2147483647 127.0.0.1' },
  { name: 'ping-s-65527', setup: () => ['ip link set lo up'], line: () => 'ping -c 1 -s 65527 127.0.0.1' },
  { name: 'regex', setup: () => [], line: () => "sysctl -a -r '(.*)(.*)(.*)(.*)(.*)(.*)(.*)X'" },
  { name: 'regex-nested', setup: () => [], line: () => "sysctl -a -r '((a*)*)*b'" },
  { name: 'netns-exec-2000', setup: () => ['ip netns add a'], line: () => NEST(2000) },
  { name: 'netns-exec-10000', setup: () => ['ip netns add a'], line: () => NEST(10_000) },
  { name: 'arg-1M', setup: () => [], line: () => `ip route add ${'a'.repeat(1_000_000)}` },
  { name: 'arg-1M-dev', setup: () => [], line: () => `ip link add ${'b'.repeat(1_000_000)} type veth` },
  { name: 'args-2M-total', setup: () => [], line: () => `ping ${'abcdefghijklmnopqrstuvw '.repeat(90_000)}` },
  {
    name: 'sysctl-a-20000-devices',
    setup: () => Array.from({ length: 10_000 }, (_, i) => `ip link add a${i} type veth peer name b${i}`),
    line: () => 'sysctl -a',
  },
  { name: 'dotted-sysctl-a', setup: () => ['ip link add eth0.10 type veth peer name x'], line: () => 'sysctl -a' },
  {
    name: 'dotted-sysctl-key',
    setup: () => ['ip link add eth0.10 type veth peer name x'],
    line: () => 'sysctl net.ipv4.conf.eth0/10.forwarding',
  },
];

const args = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const rootArg = args.indexOf('--root');
const root = path.resolve(rootArg >= 0 ? args[rootArg + 1] : path.join(here, '..'));
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : null;
const childArg = args.indexOf('--child');
const TIMEOUT_S = Number(process.env.LIMITS_TIMEOUT_S ?? 60);

interface Result {
  ms: number;
  growMb: number;
  code: number;
  first: string;
  lines: number;
}

async function child(name: string): Promise<void> {
  const h = HAZARDS.find((x) => x.name === name)!;
  const { World } = await import(pathToFileURL(path.join(root, 'sim/world.ts')).href);
  const { Shell } = await import(pathToFileURL(path.join(root, 'sim/shell/shell.ts')).href);
  const world = new World(1, { loUpInNewNetns: true });
  const sh = new Shell(world);
  for (const l of h.setup()) sh.run(l);
  const line = h.line();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const mem = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const m0 = mem();
  let peak = m0;
  const t0 = performance.now();
  const r = sh.run(line) as { lines: string[]; code: number };
  const t = performance.now() - t0;
  peak = Math.max(peak, mem());
  const out: Result = {
    ms: t,
    growMb: (peak - m0) / 2 ** 20,
    code: r.code,
    first: (r.lines[0] ?? '').slice(0, 90),
    lines: r.lines.length,
  };
  process.stdout.write('RESULT ' + JSON.stringify(out) + '\n');
}

function parent(): void {
  console.log(`sim under test: ${root}/sim (each hazard in its own process, killed after ${TIMEOUT_S} s)`);
  console.log(`${'hazard'.padEnd(24)} ${'wall'.padStart(10)} ${'heap+buf'.padStart(10)}  exit  first line printed`);
  for (const h of HAZARDS) {
    if (only && h.name !== only) continue;
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--stack-size=984',
        '--max-old-space-size=3072',
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--child',
        h.name,
        '--root',
        root,
      ],
      {
        encoding: 'utf8',
        timeout: TIMEOUT_S * 1000,
        maxBuffer: 64 * 2 ** 20,
      },
    );
    const wall = performance.now() - t0;
    const m = /^RESULT (.*)$/m.exec(r.stdout ?? '');
    if (m) {
      const x = JSON.parse(m[1]) as Result;
      console.log(
        `${h.name.padEnd(24)} ${(x.ms.toFixed(1) + ' ms').padStart(10)} ${(x.growMb.toFixed(1) + ' MB').padStart(10)}  ${String(x.code).padStart(4)}  ${x.first}${x.lines > 1 ? ` (+${x.lines - 1} lines)` : ''}`,
      );
    } else {
      const why =
        r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
          ? `killed: still running after ${TIMEOUT_S} s`
          : `process died (${r.signal ?? `exit ${r.status}`}): ${(r.stderr ?? '').split('\n').filter((l) => /Error|heap|memory/i.test(l))[0] ?? ''}`;
      console.log(
        `${h.name.padEnd(24)} ${('>' + (wall / 1000).toFixed(0) + ' s').padStart(10)} ${'-'.padStart(10)}     -  ${why.slice(0, 110)}`,
      );
    }
  }
}

if (childArg >= 0) await child(args[childArg + 1]);
else parent();
