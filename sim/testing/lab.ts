// Test helpers: a lab built from shell commands, with captures that record frame times.
import { World } from '../world';
import { Shell } from '../shell/shell';
import { Capture } from '../apps/capture';
import { formatFrame } from '../apps/tcpdump_print';
import { observesLinks } from '../transcript/commands';

export class Lab {
  world: World;
  sh: Shell;
  constructor(script = '', seed = 1) {
    this.world = new World(seed, { loUpInNewNetns: true });
    this.sh = new Shell(this.world);
    for (const l of script
      .split('\n')
      .map((x) => x.trim())
      .filter((x) => x && !x.startsWith('#'))) {
      const r = this.sh.run(l);
      if (r.code !== 0) throw new Error(`setup failed: ${l}\n${r.lines.join('\n')}`);
    }
  }
  /** Like a person at a terminal (and the conformance runner), a command that looks at links finds them settled. */
  run(line: string, ns = 'host'): string[] {
    if (observesLinks(line)) this.world.linkWatch.settle();
    return this.sh.run(line, ns).lines;
  }
  /** tcpdump on [NS:]DEV; promisc false is tcpdump -p (no observer effect on a bridge) */
  capture(spec: string, promisc = true): { lines: () => string[]; times: () => number[]; stop: () => void } {
    const [ns, dev] = spec.includes(':') ? spec.split(':') : ['host', spec];
    const c = new Capture(this.world.netns(ns)!.dev(dev)!, { withE: true, promisc });
    c.start();
    return {
      lines: () => c.frames.map((f) => formatFrame(f.data, false)),
      times: () => c.frames.map((f) => f.time),
      stop: () => c.stop(),
    };
  }
  advance(us: number): void {
    this.world.sched.runUntil(this.world.now + us);
  }
}

/** Two namespaces a and b joined by a veth pair, 192.0.2.1/24 and .2/24, default neighbour timers. */
export const PAIR = `
ip netns add a
ip netns add b
ip link add ea type veth peer name eb
ip link set ea netns a
ip link set eb netns b
ip -n a addr add 192.0.2.1/24 dev ea
ip -n b addr add 192.0.2.2/24 dev eb
ip -n a link set ea up
ip -n b link set eb up
`;
