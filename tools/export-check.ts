// npx tsx tools/export-check.ts [--require-kernel] [PRESET_ID...] [--lesson FILE]
//
// Exports each preset of the app (sim/labs/presets/article.ts) as a script (sim/labs/export.ts), runs it
// on the real kernel in namespaces with a prefix of its own, and compares what the kernel then
// shows (`ip -br link`, `ip -br addr`, `ip route`, `bridge link` in every namespace) with what the
// simulator shows after the same commands. The script's `down` runs even when something fails.
// --lesson FILE checks a lesson's setup and all its steps' commands instead (about a minute: the
// pings that fail by design wait for their replies in real time).
// Needs root and ip netns; without them it says why and exits 0 (--require-kernel makes it fail).
//
// Normalization (as conformance/FORMAT.md, adapted to two machines that draw different random MACs):
// a bridge's MAC that is its lowest port's becomes {lowest port of BR} (which port that is depends on
// the random MACs each machine drew); a MAC set by a command of the lab stays as written; any other
// becomes {DEV}, its own device. Trailing spaces go. The devices
// the export builds differently (a NIC or a tap becomes a veth end: ExportResult.substitutions)
// lose their `@peer` suffix and their bridge port cost, and LOWERLAYERDOWN (a veth whose far end is
// down) reads DOWN (a NIC without its cable): the things that change with them. `ip -br` columns are
// joined by single spaces, since their padding follows the names' widths.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { World } from '../sim/world';
import { Shell } from '../sim/shell/shell';
import { COMMAND_GAP_US } from '../sim/transcript/scenario';
import { commandText, exportLab, WIRES_NS, type LabCommand, type Substitution } from '../sim/labs/export';
import { lessonCommands } from './export';
import { run, sleep } from './conformance/proc';
import { linkwatchPending } from './conformance/settle';

/** What is compared, in each namespace. */
export const STATE_COMMANDS = ['ip -br link', 'ip -br addr', 'ip route', 'bridge link'] as const;

/** Namespace -> command -> normalized lines. */
export type LabState = Record<string, Record<string, string[]>>;

export interface CheckResult {
  id: string;
  same: boolean;
  /** kernel and simulator, side by side where they differ */
  diff: string;
  kernel: LabState;
  simulator: LabState;
  /** the script's own complaints (a command that failed) */
  log: string;
}

interface Device {
  name: string;
  mac: string;
  master?: string;
}

/** `ip -o link` -> devices with MAC and master. */
export function parseOLink(text: string): Device[] {
  const out: Device[] = [];
  for (const line of text.split('\n')) {
    const m = /^\d+: ([^:@\s]+)(?:@\S+)?: .*?link\/\S+ ([0-9a-f]{2}(?::[0-9a-f]{2}){5})/i.exec(line);
    if (!m) continue;
    const master = / master (\S+) /.exec(line)?.[1];
    out.push({ name: m[1]!, mac: m[2]!.toLowerCase(), ...(master ? { master } : {}) });
  }
  return out;
}

const MAC_RE = /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/gi;

/** Normalizes the outputs of one namespace (see the header). */
export function normalizeState(
  outputs: Record<string, string>,
  oLink: string,
  fixedMacs: Set<string>,
  subs: Set<string>,
): Record<string, string[]> {
  const devs = parseOLink(oLink);
  const nameMac = (dev: string, mac: string): string => {
    const m = mac.toLowerCase();
    if (m === '00:00:00:00:00:00') return m;
    // which port is lowest depends on the random MACs each machine drew
    const ports = devs
      .filter((d) => d.master === dev)
      .map((d) => d.mac)
      .sort();
    if (ports[0] === m) return `{lowest port of ${dev}}`;
    if (ports.includes(m)) return `{port of ${dev}}`;
    if (fixedMacs.has(m)) return m;
    return `{${dev}}`;
  };
  const out: Record<string, string[]> = {};
  for (const cmd of STATE_COMMANDS) {
    out[cmd] = (outputs[cmd] ?? '')
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''))
      .filter((l) => l !== '')
      .map((l) => {
        if (cmd === 'ip -br link' || cmd === 'ip -br addr') {
          const m = /^(\S+?)(@\S+)?(\s.*)$/.exec(l);
          if (!m) return l;
          let [, name, peer, rest] = m as unknown as [string, string, string | undefined, string];
          if (subs.has(name)) {
            peer = undefined;
            // a veth whose far end is down says LOWERLAYERDOWN where a NIC without its cable says DOWN
            rest = rest.replace(/^(\s+)LOWERLAYERDOWN\b/, '$1DOWN');
          }
          if (cmd === 'ip -br link') rest = rest.replace(MAC_RE, (mac) => nameMac(name, mac));
          // the columns are padded to the name's width, which the suffix changed
          return `${name}${peer ?? ''}${rest}`.replace(/\s+/g, ' ');
        }
        if (cmd === 'bridge link') {
          const m = /^(\d+): ([^:@\s]+)(@\S+)?(: .*)$/.exec(l);
          if (!m || !subs.has(m[2]!)) return l;
          return `${m[1]}: ${m[2]}${m[4]!.replace(/ cost \d+$/, ' cost *')}`;
        }
        return l;
      });
  }
  return out;
}

function fixedMacsOf(commands: readonly string[]): Set<string> {
  return new Set(commands.join('\n').toLowerCase().match(MAC_RE) ?? []);
}

function subsByNs(subs: Substitution[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const s of subs) {
    if (!m.has(s.ns)) m.set(s.ns, new Set());
    m.get(s.ns)!.add(s.dev);
  }
  return m;
}

/** The lab's state in the simulator after its commands (namespaces come up with lo up, as the script makes them). */
export function simulatorState(
  commands: readonly string[],
  subs: Substitution[],
): { state: LabState; errors: string[] } {
  const world = new World(1, { loUpInNewNetns: true });
  const shell = new Shell(world);
  const errors: string[] = [];
  for (const c of commands) {
    if (c.trim() === '' || c.trim().startsWith('#')) continue;
    const r = shell.run(c);
    if (r.code !== 0 && !/^(?:ip netns exec \S+ )*(?:ping|arping)\b/.test(c))
      errors.push(`${c}: ${r.lines.join(' / ')}`);
    world.sched.runUntil(world.now + COMMAND_GAP_US);
  }
  // as long as the kernel side waits for link state to settle
  world.sched.runUntil(world.now + 2_000_000);
  const fixed = fixedMacsOf(commands);
  const bySub = subsByNs(subs);
  const state: LabState = {};
  for (const ns of world.namespaces) {
    const outputs: Record<string, string> = {};
    for (const cmd of STATE_COMMANDS) outputs[cmd] = shell.run(cmd, ns.name).lines.join('\n');
    state[ns.name] = normalizeState(
      outputs,
      shell.run('ip -o link', ns.name).lines.join('\n'),
      fixed,
      bySub.get(ns.name) ?? new Set(),
    );
  }
  return { state, errors };
}

/** Root and ip netns, or why not. */
export async function kernelUnavailable(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'not running as root';
  const probe = `nlxprobe${process.pid}`;
  try {
    const r = await run(['ip', 'netns', 'add', probe]);
    if (r.code !== 0) return `cannot make a network namespace: ${r.output.trim()}`;
  } catch (e) {
    return `cannot run ip: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await run(['ip', 'netns', 'del', probe]).catch(() => undefined);
  }
  return undefined;
}

const SCRIPT_TIMEOUT_MS = 60_000;

async function readNamespace(real: string): Promise<{ outputs: Record<string, string>; oLink: string }> {
  const sep = '@@netlab-export-check@@';
  const script = [...STATE_COMMANDS, 'ip -o link'].join(`; echo ${sep}; `);
  const r = await run(['ip', 'netns', 'exec', real, 'sh', '-c', script]);
  const parts = r.output.split(`${sep}\n`);
  const outputs: Record<string, string> = {};
  for (const [i, c] of STATE_COMMANDS.entries()) outputs[c] = parts[i] ?? '';
  return { outputs, oLink: parts[STATE_COMMANDS.length] ?? '' };
}

/** Waits until no device is between two link states and two reads agree (linkwatch, ~1 s rounds). */
async function settle(prefix: string, namespaces: string[]): Promise<void> {
  const read = async () =>
    (
      await Promise.all(
        namespaces.map((ns) => run(['ip', 'netns', 'exec', prefix + ns, 'sh', '-c', 'ip -o link; bridge link'])),
      )
    )
      .map((r) => r.output)
      .join('\n');
  await sleep(1100);
  let prev = await read();
  for (let i = 0; i < 30; i++) {
    await sleep(100);
    const cur = await read();
    if (cur === prev && !linkwatchPending(cur)) return;
    prev = cur;
  }
}

/** Deletes every namespace (and /etc/netns entry) whose name starts with the prefix: the safety net after `down`. */
export async function sweep(prefix: string): Promise<void> {
  const left = (dir: string) => {
    try {
      return readdirSync(dir).filter((n) => n.startsWith(prefix));
    } catch {
      return [];
    }
  };
  for (const n of left('/run/netns')) await run(['ip', 'netns', 'del', n]);
  for (const n of left('/etc/netns')) await rm(join('/etc/netns', n), { recursive: true, force: true });
}

/** Exports `commands`, runs the script on the kernel with `prefix`, compares with the simulator, and tears down. */
export async function checkOnKernel(
  id: string,
  labCommands: readonly LabCommand[],
  prefix: string,
): Promise<CheckResult> {
  const commands = labCommands.map(commandText);
  const exp = exportLab(commands, { prefix, title: id });
  if (exp.problems.length)
    throw new Error(
      `${id} cannot be exported:\n${exp.problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`,
    );
  const sim = simulatorState(commands, exp.substitutions);
  if (sim.errors.length) throw new Error(`${id}: commands fail in the simulator:\n${sim.errors.join('\n')}`);
  const dir = await mkdtemp(join(tmpdir(), 'netlab-export-'));
  const file = join(dir, `${id}.sh`);
  await writeFile(file, exp.script);
  const env = ['env', `NETLAB_PREFIX=${prefix}`];
  let log = '';
  try {
    const up = await run([...env, 'sh', file, 'up'], SCRIPT_TIMEOUT_MS, { separate: true });
    log = up.stderr;
    if (up.code !== 0)
      throw new Error(
        `${id}: sh ${id}.sh up failed (exit ${up.code}${up.timedOut ? ', timed out' : ''}):\n${up.stderr}`,
      );
    const names = Object.keys(sim.state);
    await settle(prefix, exp.namespaces);
    const fixed = fixedMacsOf(commands);
    const bySub = subsByNs(exp.substitutions);
    const kernel: LabState = {};
    for (const ns of names) {
      if (!exp.namespaces.includes(ns))
        throw new Error(`${id}: the simulator has a namespace ${ns} that the script does not make`);
      const { outputs, oLink } = await readNamespace(prefix + ns);
      kernel[ns] = normalizeState(outputs, oLink, fixed, bySub.get(ns) ?? new Set());
    }
    const living = readdirSync('/run/netns')
      .filter((f) => f.startsWith(prefix))
      .map((f) => f.slice(prefix.length));
    const extra = living.filter((ns) => ns !== WIRES_NS && !names.includes(ns));
    if (extra.length)
      throw new Error(`${id}: the script makes namespaces the simulator does not have: ${extra.join(', ')}`);
    const diff = diffStates(kernel, sim.state);
    return { id, same: diff === '', diff, kernel, simulator: sim.state, log };
  } finally {
    await run([...env, 'sh', file, 'down'], SCRIPT_TIMEOUT_MS).catch(() => undefined);
    await sweep(prefix);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Where the two differ: per namespace and command, the kernel's lines and the simulator's. */
export function diffStates(kernel: LabState, sim: LabState): string {
  const out: string[] = [];
  for (const ns of Object.keys(sim)) {
    for (const cmd of STATE_COMMANDS) {
      const k = kernel[ns]?.[cmd] ?? [];
      const s = sim[ns]![cmd] ?? [];
      if (k.join('\n') === s.join('\n')) continue;
      out.push(`[${ns}] $ ${cmd}`, ...k.map((l) => `  kernel    ${l}`), ...s.map((l) => `  simulator ${l}`));
    }
  }
  return out.join('\n');
}

/** The presets' command lists, as the app builds them. */
export async function presets(): Promise<{ id: string; commands: string[] }[]> {
  const mod = await import('../sim/labs/presets/article');
  return mod.PRESETS.map((p) => ({ id: p.id, commands: [...p.commands] }));
}

async function main(argv: string[]): Promise<number> {
  const require = argv.includes('--require-kernel');
  const li = argv.indexOf('--lesson');
  const lesson = li >= 0 ? argv[li + 1] : undefined;
  const ids = argv.filter((a, i) => !a.startsWith('--') && i !== li + 1);
  const why = await kernelUnavailable();
  if (why) {
    console.log(`export-check: kernel part skipped (${why})`);
    return require ? 1 : 0;
  }
  const all: { id: string; commands: LabCommand[] }[] = lesson
    ? [{ id: lesson, commands: lessonCommands(readFileSync(lesson, 'utf8'), lesson) }]
    : (await presets()).filter((p) => ids.length === 0 || ids.includes(p.id));
  const t0 = Date.now();
  const results = await Promise.all(
    all.map((p, i) =>
      checkOnKernel(p.id.replace(/[^A-Za-z0-9_.-]/g, '_'), p.commands, `nlx${process.pid}p${i}-`).catch(
        (e: unknown) => ({ id: p.id, same: false, diff: e instanceof Error ? e.message : String(e), log: '' }),
      ),
    ),
  );
  for (const r of results) console.log(r.same ? `PASS ${r.id}` : `FAIL ${r.id}\n${r.diff}${r.log ? `\n${r.log}` : ''}`);
  const passed = results.filter((r) => r.same).length;
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)\n${passed} passed, ${results.length - passed} failed`);
  return passed === results.length ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then((c) => process.exit(c));
}
