// One scenario on the real kernel, in namespaces of its own, as a normalized transcript.

import { MacNamer, parseScenario, transcriptBlock } from '../../sim/transcript/normalize';
import { CAPTURE_TAIL_MS, startCaptures } from './capture';
import { Namespaces } from './netns';
import { run, sleep, type RunResult } from './proc';
import { Settler } from './settle';
import {
  captureRefused,
  captureTarget,
  changesLinks,
  observesLinks,
  translateLine,
  untranslateOutput,
  type Translation,
} from './translate';

export const COMMAND_TIMEOUT_MS = 30_000;

export interface KernelRun {
  lines: string[];
  /** milliseconds spent waiting for link state to settle */
  settleMs: number;
  /** problems of the runner itself (a capture that did not start, a command that timed out) */
  warnings: string[];
}

async function execute(t: Translation & { ok: true }, ns: Namespaces): Promise<RunResult> {
  // `ip netns add|del` must run in the runner's own mount namespace: inside `ip netns exec`
  // the bind mount under /run/netns would stay private to that command.
  if (t.netns?.action === 'add') return ns.add(t.netns.ns);
  if (t.netns?.action === 'delete') return ns.delete(t.netns.ns);
  // argv straight to execve: no shell reads the scenario's words
  return run(ns.exec('host', t.argv), COMMAND_TIMEOUT_MS);
}

/**
 * Every line of the scenario translated before anything runs; the first refused line (shell
 * syntax, a tool the simulator does not model, an escape from the run's namespaces) throws with
 * its reason, and the scenario fails.
 */
export function translateScenario(
  text: string,
  prefix: string,
): { cmd: string; capture: string[]; run: Translation & { ok: true } }[] {
  return parseScenario(text).map((step) => {
    for (const spec of step.capture) {
      const why = captureRefused(spec);
      if (why !== undefined) throw new Error(`refused: ${why}`);
    }
    const t = translateLine(step.cmd, prefix);
    if (!t.ok) throw new Error(`refused: ${step.cmd}: ${t.reason}`);
    return { ...step, run: t };
  });
}

/** Runs the scenario text with namespaces named `${prefix}NS`; deletes them before returning. */
export async function runOnKernel(text: string, prefix: string): Promise<KernelRun> {
  const ns = new Namespaces(prefix);
  const namer = new MacNamer();
  const settler = new Settler();
  const lines: string[] = [];
  const warnings: string[] = [];
  let settleMs = 0;
  const steps = translateScenario(text, prefix);
  try {
    const host = await ns.add('host');
    if (host.code !== 0) throw new Error(`cannot make the namespace ${ns.file('host')}: ${host.output.trim()}`);
    for (const step of steps) {
      if (observesLinks(step.cmd)) {
        const ms = await settler.settle(() => ns.linkState());
        if (process.env.CONFORMANCE_DEBUG && ms > 0) console.error(`settled ${ms} ms before: ${step.cmd}`);
        settleMs += ms;
      }
      const targets = step.capture.map((spec) => {
        const t = captureTarget(spec);
        return { enter: (argv: string[]) => ns.exec(t.ns, argv), dev: t.dev };
      });
      const caps = await startCaptures(targets);
      const r = await execute(step.run, ns);
      if (r.timedOut) warnings.push(`timed out after ${COMMAND_TIMEOUT_MS} ms: ${step.cmd}`);
      if (changesLinks(step.cmd)) settler.changed();
      if (caps.length > 0) await sleep(CAPTURE_TAIL_MS);
      const captured = await Promise.all(caps.map((c) => c.stop()));
      namer.observe(await ns.devices());
      const output = untranslateOutput(step.cmd, r.output, prefix);
      const captures = step.capture.map((iface, i) => ({
        iface,
        lines: captured[i]!.map((l) => l.split(prefix).join('')),
      }));
      lines.push(...transcriptBlock(step.cmd, output, captures, namer));
    }
  } finally {
    await ns.deleteAll();
  }
  return { lines, settleMs, warnings };
}
