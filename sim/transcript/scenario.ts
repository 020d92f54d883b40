// Runs a conformance scenario in the simulator and builds its transcript (conformance/FORMAT.md).
import { fmtMac } from '../core/addr';
import { World } from '../world';
import type { Netns } from '../net/netns';
import type { NetDevice } from '../net/netdevice';
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
  for (const ns of world.namespaces)
    for (const d of ns.devicesByIndex()) out.push({ ns: ns.name, name: d.name, mac: fmtMac(d.mac) });
  return out;
}

export interface ScenarioOptions {
  seed?: number;
  raw?: boolean;
  /** told before each command and once at the end (index = the number of commands): benches time the steps */
  beforeStep?: (index: number, cmd: string | null) => void;
}

/**
 * The devices to show the MAC namer after a command: all of them the first time, then only those registered
 * or readdressed since (a MAC not yet named can only be on one of those), in allDeviceMacs' order.
 * Keeps a 10,000-device transcript linear in its commands rather than commands x devices.
 */
class MacChanges {
  private dirty = new Set<NetDevice>();
  private first = true;

  constructor(private readonly world: World) {
    world.macWatch = (d) => this.dirty.add(d);
  }

  take(): DeviceMac[] {
    if (this.first) {
      this.first = false;
      this.dirty.clear();
      return allDeviceMacs(this.world);
    }
    if (!this.dirty.size) return [];
    const order = new Map<Netns, number>();
    for (const [i, ns] of this.world.namespaces.entries()) order.set(ns, i);
    const devs = [...this.dirty].filter((d) => order.has(d.ns) && d.ns.byIndex.get(d.ifindex) === d);
    this.dirty.clear();
    devs.sort((a, b) => order.get(a.ns)! - order.get(b.ns)! || a.ifindex - b.ifindex);
    return devs.map((d) => ({ ns: d.ns.name, name: d.name, mac: fmtMac(d.mac) }));
  }
}

export function runScenario(text: string, opts: ScenarioOptions = {}): ScenarioResult {
  const world = new World(opts.seed ?? 1, { loUpInNewNetns: true });
  const shell = new Shell(world);
  const namer = new MacNamer();
  const macs = new MacChanges(world);
  const lines: string[] = [];
  const records: CaptureRecord[] = [];
  let lastLinkChange: number | null = null;
  let index = 0;
  for (const step of parseScenario(text)) {
    opts.beforeStep?.(index++, step.cmd);
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
      if (!dev?.up) {
        caps.push({
          spec,
          cap: null,
          ns: nsName,
          dev: devName,
          error: `tcpdump: ${devName}: ${dev ? 'That device is not up' : 'No such device exists'}`,
        });
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
    namer.observe(macs.take());
    const captures = caps.map((c) => ({ iface: c.spec, lines: c.cap ? c.cap.lines() : [c.error!] }));
    for (const c of caps) if (c.cap) records.push({ spec: c.spec, ns: c.ns, dev: c.dev, frames: c.cap.frames });
    if (opts.raw) {
      lines.push(`$ ${step.cmd}`);
      for (const l of r.lines) lines.push(l);
      for (const c of captures) lines.push(`-- tcpdump -i ${c.iface}`, ...c.lines);
    } else {
      // a loop, not push(...): a listing of a million lines would overflow the call stack's arguments
      for (const l of transcriptBlock(step.cmd, r.lines.join('\n'), captures, namer)) lines.push(l);
    }
  }
  opts.beforeStep?.(index, null);
  return { lines, captures: records };
}
