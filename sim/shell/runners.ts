// What runs each command of ./commands/index.ts: the Record's type asks for one runner per name, so a
// command with a spec and no runner (or the reverse) does not compile.
import type { Netns } from '../net/netns';
import type { World } from '../net/world';
import type { Proc } from '../apps/proc';
import { Ping } from '../apps/ping';
import { Arping } from '../apps/arping';
import { Tcpdump } from '../apps/tcpdump';
import type { COMMAND_SPECS } from './commands';
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
import { Sleep } from './sleep_cmd';

export type Sink = (line: string) => void;

export interface StartResult {
  /** a process still running on the virtual clock, or null when the command already finished */
  proc: Proc | null;
  code: number;
}

export interface RunCtx {
  world: World;
  ns: Netns;
  sink: Sink;
  /** where the command's own words start in argv (`ip netns exec` passes the whole line on, not a copy) */
  from: number;
  /** ip netns exec: run argv[at..] in namespace `nsName` once this command returns */
  exec(nsName: string, argv: string[], at: number): void;
}

/** Runs argv[ctx.from..] (argv[ctx.from] is the command's name). */
export type Runner = (argv: string[], ctx: RunCtx) => StartResult;

type CommandName = (typeof COMMAND_SPECS)[number]['name'];

const done = (code: number): StartResult => ({ proc: null, code });
const printed = (ctx: RunCtx, lines: string[], code = 0): StartResult => {
  for (const l of lines) ctx.sink(l);
  return done(code);
};
/** the command's own words, for runners that read them from 0 (only ip reads from `from` on, so nested ip netns exec copies nothing) */
const own = (argv: string[], ctx: RunCtx): string[] => (ctx.from ? argv.slice(ctx.from) : argv);
const proc = (p: Proc): StartResult => ({ proc: p.done ? null : p, code: p.exitCode });

export const RUNNERS: Readonly<Record<CommandName, Runner>> = {
  ip: (argv, ctx) => printed(ctx, ipMain(argv, ctx.ns, ctx, ctx.from)),
  bridge: (whole, ctx) => printed(ctx, bridgeMain(own(whole, ctx), ctx.ns)),
  sysctl: (whole, ctx) => {
    const argv = own(whole, ctx);
    const r = sysctlMain(argv, ctx.ns);
    return printed(ctx, r.lines, r.code);
  },
  ping: (whole, ctx) => proc(new Ping(ctx.ns, own(whole, ctx), ctx.sink)),
  arping: (whole, ctx) => proc(new Arping(ctx.ns, own(whole, ctx), ctx.sink)),
  tcpdump: (whole, ctx) => proc(new Tcpdump(ctx.ns, own(whole, ctx), ctx.sink)),
  route: (whole, ctx) => printed(ctx, routeMain(own(whole, ctx), ctx.ns)),
  arp: (whole, ctx) => printed(ctx, arpMain(own(whole, ctx), ctx.ns)),
  iptables: (whole, ctx) => {
    const argv = own(whole, ctx);
    const r = iptablesMain(argv, ctx.ns);
    return printed(ctx, r.lines, r.code);
  },
  'iptables-save': (whole, ctx) => {
    const argv = own(whole, ctx);
    const r = iptablesSaveMain(argv, ctx.ns);
    return printed(ctx, r.lines, r.code);
  },
  conntrack: (whole, ctx) => {
    const argv = own(whole, ctx);
    const r = conntrackMain(argv, ctx.ns);
    return printed(ctx, r.lines, r.code);
  },
  lab: (whole, ctx) => printed(ctx, labMain(own(whole, ctx), ctx.ns)),
  sleep: (whole, ctx) => proc(new Sleep(ctx.ns, own(whole, ctx), ctx.sink)),
  echo: (whole, ctx) => printed(ctx, [own(whole, ctx).slice(1).join(' ')]),
  true: () => done(0),
  false: () => done(1),
  help: (whole, ctx) => printed(ctx, helpMain(own(whole, ctx))),
};

/** The runner of `name`, or undefined when the shell has no such command. */
export const runnerOf = (name: string): Runner | undefined =>
  Object.hasOwn(RUNNERS, name) ? RUNNERS[name as CommandName] : undefined;
