// Runs a conformance scenario in the simulator and builds its transcript (conformance/FORMAT.md).
import { fmtMac } from '../core/addr';
import { World } from '../world';
import { Shell } from '../shell/shell';
import { Capture, type CapturedFrame } from '../apps/capture';
import { changesLinks, observesLinks } from './commands';
import { MacNamer, type DeviceMac, parseScenario, transcriptBlock } from './normalize';

/** Virtual time between two commands of a script (a person or a script is never instant). */
export const COMMAND_GAP_US = 20_000;
/** How long tcpdump takes to start and stop around a command in the kernel runner (measured: 20 captured
 *  commands take 7.4 s, 300 ms of tail and some 20 ms of command each). */
export const CAPTURE_START_US = 40_000;
/** How long a capture keeps listening after its command ends, as the kernel runner does. */
export const CAPTURE_TAIL_US = 300_000;

/** How long the kernel runner lets pass after a link change before a command that observes links. */
export const SETTLE_QUIET_US = 1_100_000;

export interface CaptureRecord {
  spec: string;
  ns: string;
  dev: string;
  frames: CapturedFrame[];
}

export interface ScenarioResult {
  lines: string[];
  captures: CaptureRecord[];
}

export function allDeviceMacs(world: World): DeviceMac[] {
  const out: DeviceMac[] = [];
  for (const ns of world.namespaces) for (const d of ns.devicesByIndex()) out.push({ ns: ns.name, name: d.name, mac: fmtMac(d.mac) });
  return out;
}

export function runScenario(text: string, opts: { seed?: number; raw?: boolean } = {}): ScenarioResult {
  const world = new World(opts.seed ?? 1, { loUpInNewNetns: true });
  const shell = new Shell(world);
  const namer = new MacNamer();
  const lines: string[] = [];
  const records: CaptureRecord[] = [];
  let lastLinkChange: number | null = null;
  for (const step of parseScenario(text)) {
    if (observesLinks(step.cmd)) {
      world.linkWatch.settle();
      // the kernel runner waits a linkwatch round (and a margin) after the last link change
      if (lastLinkChange !== null) world.sched.runUntil(Math.max(world.now, lastLinkChange + SETTLE_QUIET_US));
      lastLinkChange = null;
    }
    const caps: { spec: string; cap: Capture | null; ns: string; dev: string; error?: string }[] = [];
    for (const spec of step.capture) {
      const [nsName, devName] = spec.includes(':') ? spec.split(':', 2) : ['host', spec];
      const dev = world.netns(nsName)?.dev(devName);
      if (!dev || !dev.up) {
        caps.push({ spec, cap: null, ns: nsName, dev: devName, error: `tcpdump: ${devName}: ${dev ? 'That device is not up' : 'No such device exists'}` });
        continue;
      }
      const cap = new Capture(dev, { withE: true });
      cap.start();
      caps.push({ spec, cap, ns: nsName, dev: devName });
    }
    // the kernel runner waits for tcpdump to listen before the command starts
    if (caps.length) world.sched.runUntil(world.now + CAPTURE_START_US);
    const r = shell.run(step.cmd);
    if (caps.length) world.sched.runUntil(world.now + CAPTURE_TAIL_US);
    for (const c of caps) c.cap?.stop();
    if (changesLinks(step.cmd)) lastLinkChange = world.now;
    world.sched.runUntil(world.now + COMMAND_GAP_US);
    namer.observe(allDeviceMacs(world));
    const captures = caps.map((c) => ({ iface: c.spec, lines: c.cap ? c.cap.lines() : [c.error!] }));
    for (const c of caps) if (c.cap) records.push({ spec: c.spec, ns: c.ns, dev: c.dev, frames: c.cap.frames });
    if (opts.raw) {
      lines.push(`$ ${step.cmd}`, ...r.lines);
      for (const c of captures) lines.push(`-- tcpdump -i ${c.iface}`, ...c.lines);
    } else lines.push(...transcriptBlock(step.cmd, r.lines.join('\n'), captures, namer));
  }
  return { lines, captures: records };
}
