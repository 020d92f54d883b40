// One interpreter for every command: the terminal, the lessons, the diagram's actions and the conformance
// runner all type into it. Commands that take time (ping, arping, tcpdump) become processes on the clock.
import type { World } from '../net/world';
import type { Netns } from '../net/netns';
import type { Proc } from '../apps/proc';
import { Ping } from '../apps/ping';
import { Arping } from '../apps/arping';
import { Tcpdump } from '../apps/tcpdump';
import { splitWords } from './lexer';
import { CmdError } from './errors';
import { ipMain } from './ip/ip';
import { bridgeMain } from './bridge_cmd';
import { sysctlMain } from './sysctl_cmd';
import { routeMain } from './route_cmd';
import { iptablesMain } from './iptables_cmd';
import { iptablesSaveMain } from './iptables_save_cmd';
import { conntrackMain } from './conntrack_cmd';
import { labMain } from './lab_cmd';
import { arpMain } from './arp_cmd';
import { helpMain } from './help_cmd';

export type Sink = (line: string) => void;

export interface StartResult {
  /** a process still running on the virtual clock, or null when the command already finished */
  proc: Proc | null;
  code: number;
}

export const COMMANDS = ['ip', 'bridge', 'sysctl', 'ping', 'arping', 'route', 'arp', 'iptables', 'iptables-save', 'conntrack', 'tcpdump', 'lab', 'sleep', 'echo', 'true', 'false', 'help'] as const;

export class Shell {
  readonly world: World;
  constructor(world: World) {
    this.world = world;
  }

  /** Starts one command line in namespace `nsName`; what it prints goes to `sink`. Never throws. */
  start(line: string, sink: Sink, nsName = 'host'): StartResult {
    const ns = this.world.netns(nsName) ?? this.world.host;
    const lex = splitWords(line);
    if (!lex.ok) {
      sink(`bash: ${lex.error}`);
      return { proc: null, code: 2 };
    }
    if (!lex.words.length) return { proc: null, code: 0 };
    try {
      return this.exec(lex.words, ns, sink);
    } catch (e) {
      if (e instanceof CmdError) {
        for (const l of e.lines) sink(l);
        return { proc: null, code: e.code };
      }
      sink(`netlab: internal error running "${line}": ${e instanceof Error ? e.message : String(e)}`);
      return { proc: null, code: 70 };
    }
  }

  private exec(argv: string[], ns: Netns, sink: Sink): StartResult {
    const cmd = argv[0];
    let spawned: StartResult | null = null;
    const print = (lines: string[]) => {
      for (const l of lines) sink(l);
    };
    switch (cmd) {
      case 'ip': {
        const host = {
          world: this.world,
          exec: (nsName: string, rest: string[]) => {
            spawned = this.exec(rest, this.world.netns(nsName)!, sink);
          },
        };
        print(ipMain(argv, ns, host));
        return spawned ?? { proc: null, code: 0 };
      }
      case 'bridge':
        print(bridgeMain(argv, ns));
        return { proc: null, code: 0 };
      case 'sysctl': {
        const r = sysctlMain(argv, ns);
        print(r.lines);
        return { proc: null, code: r.code };
      }
      case 'route':
        print(routeMain(argv, ns));
        return { proc: null, code: 0 };
      case 'lab':
        print(labMain(argv, ns));
        return { proc: null, code: 0 };
      case 'arp':
        print(arpMain(argv, ns));
        return { proc: null, code: 0 };
      case 'iptables':
      case 'iptables-save':
      case 'conntrack': {
        const r = (cmd === 'iptables' ? iptablesMain : cmd === 'conntrack' ? conntrackMain : iptablesSaveMain)(argv, ns);
        print(r.lines);
        return { proc: null, code: r.code };
      }
      case 'ping':
        return procResult(new Ping(ns, argv, sink));
      case 'arping':
        return procResult(new Arping(ns, argv, sink));
      case 'tcpdump':
        return procResult(new Tcpdump(ns, argv, sink));
      case 'sleep':
        return procResult(new Sleep(ns, argv, sink));
      case 'echo':
        sink(argv.slice(1).join(' '));
        return { proc: null, code: 0 };
      case 'true':
        return { proc: null, code: 0 };
      case 'false':
        return { proc: null, code: 1 };
      case 'help':
        print(helpMain(argv));
        return { proc: null, code: 0 };
      default:
        sink(`bash: ${cmd}: command not found`);
        return { proc: null, code: 127 };
    }
  }

  /**
   * Runs a command to its end on the virtual clock (scripts, lessons, transcripts). A process that would
   * run past `limitUs` is interrupted there, as Ctrl-C would.
   */
  run(line: string, nsName = 'host', limitUs = 600_000_000): { lines: string[]; code: number } {
    const lines: string[] = [];
    const r = this.start(line, (l) => lines.push(l), nsName);
    const p = r.proc;
    // work the command left for this same instant (linkwatch) is done before the next command
    if (!p) {
      this.world.sched.runUntil(this.world.now);
      return { lines, code: r.code };
    }
    const sched = this.world.sched;
    const end = sched.now + limitUs;
    sched.runWhile(() => !p.done, end);
    if (!p.done) p.interrupt();
    return { lines, code: p.exitCode };
  }
}

function procResult(p: Proc): StartResult {
  return { proc: p.done ? null : p, code: p.exitCode };
}

import { Proc as ProcBase } from '../apps/proc';
import type { Timer } from '../core/scheduler';

/** sleep N: lets the virtual clock run (timers fire, neighbours age). */
class Sleep extends ProcBase {
  private t: Timer | null = null;
  constructor(ns: Netns, argv: string[], sink: Sink) {
    super(ns, sink);
    const s = Number(argv[1]);
    if (argv.length !== 2 || !Number.isFinite(s) || s < 0) {
      this.print(argv.length < 2 ? 'sleep: missing operand' : `sleep: invalid time interval '${argv[1]}'`);
      this.exit(1);
      return;
    }
    this.t = ns.world.sched.after(Math.round(s * 1e6), () => this.exit(0));
  }
  interrupt(): void {
    this.exit(130);
  }
  protected override cleanup(): void {
    this.ns.world.sched.cancel(this.t);
  }
}
