// The kernel runner's gate and rewriter: a scenario line becomes the argv of a program to run in
// the scenario's throw-away namespaces, or is refused with the reason. Lines are read with the
// simulator's own lexer and run without a shell (shell_words.ts); only the tools the simulator
// models are run, with every spelling of a namespace option rewritten to the run's prefix
// (`lan` -> `nl123s1-lan`), and anything that would reach outside those namespaces (another
// namespace by path or PID, every namespace at once, a file read or written, a program run) is
// refused. The prefix is taken off the output again (untranslateOutput).

import { COMMANDS } from '../../sim/shell/commands';
import { matches } from '../../sim/shell/iproute2_words';
import { isLinkObject, isNetnsObject, netnsSubcommand } from '../../sim/transcript/commands';
import { scenarioWords } from './shell_words';

export { changesLinks, observesLinks } from '../../sim/transcript/commands';

/** Where the runner keeps the scenario's `host` namespace (see netns.ts); iproute2 opens a path as is. */
export const HOST_DIR = '/run/netlab-conformance';

export type Translation =
  | {
      ok: true;
      /** the program and its arguments, names prefixed, for execve (no shell) */
      argv: string[];
      /** `ip netns add|del NS` at the top: the runner makes or removes the namespace itself */
      netns?: { action: 'add' | 'delete'; ns: string };
    }
  | { ok: false; reason: string };

type Argv = { ok: true; argv: string[] } | { ok: false; reason: string };

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

type OptKind = 'flag' | 'arg' | 'netns' | 'batch' | 'all' | 'unknown';

// ip/ip.c main() of iproute2 6.1: its option tests in order (the first match wins, so `-b` is
// -batch, `-n` is -netns and `-a` is -all).
const IP_OPTIONS: [string, OptKind, 'exact'?][] = [
  ['-loops', 'arg'],
  ['-family', 'arg'],
  ['-4', 'flag', 'exact'],
  ['-6', 'flag', 'exact'],
  ['-0', 'flag', 'exact'],
  ['-D', 'flag', 'exact'],
  ['-M', 'flag', 'exact'],
  ['-B', 'flag', 'exact'],
  ['-human', 'flag'],
  ['-human-readable', 'flag'],
  ['-iec', 'flag'],
  ['-stats', 'flag'],
  ['-statistics', 'flag'],
  ['-details', 'flag'],
  ['-resolve', 'flag'],
  ['-oneline', 'flag'],
  ['-timestamp', 'flag'],
  ['-tshort', 'flag'],
  ['-Version', 'flag'],
  ['-force', 'flag'],
  ['-batch', 'batch'],
  ['-brief', 'flag'],
  ['-json', 'flag'],
  ['-pretty', 'flag'],
  ['-rcvbuf', 'arg'],
  ['-color', 'flag'],
  ['-help', 'flag'],
  ['-netns', 'netns'],
  ['-Numeric', 'flag'],
  ['-all', 'all'],
];

// bridge/bridge.c main() of iproute2 6.1.
const BRIDGE_OPTIONS: [string, OptKind, 'exact'?][] = [
  ['-help', 'flag'],
  ['-Version', 'flag'],
  ['-stats', 'flag'],
  ['-statistics', 'flag'],
  ['-details', 'flag'],
  ['-oneline', 'flag'],
  ['-timestamp', 'flag'],
  ['-family', 'arg'],
  ['-4', 'flag', 'exact'],
  ['-6', 'flag', 'exact'],
  ['-netns', 'netns'],
  ['-color', 'flag'],
  ['-compressvlans', 'flag'],
  ['-force', 'flag'],
  ['-json', 'flag'],
  ['-pretty', 'flag'],
  ['-batch', 'batch'],
];

/** What an iproute2 main() makes of one option word (`--x` is read as `-x`). */
function optionKind(word: string, table: [string, OptKind, 'exact'?][]): OptKind {
  const opt = word[1] === '-' ? word.slice(1) : word;
  for (const [keyword, kind, exact] of table) {
    // matches_color() compares the part before `=`
    const w = keyword === '-color' ? opt.split('=')[0]! : opt;
    if (exact ? w === keyword : matches(w, keyword)) return kind;
  }
  return 'unknown';
}

/** A namespace name that iproute2 would open as a path (it joins it to /run/netns/ unchecked). */
function pathLike(name: string): boolean {
  return name.includes('/');
}

/**
 * The options of `ip`/`bridge` with -n/-netns (any abbreviation, - or --) prefixed; -batch
 * (commands from a file) and -all (every namespace of the machine) refused. Returns the index
 * of the object word.
 */
function iprouteOptions(
  w: string[],
  table: [string, OptKind, 'exact'?][],
  prefix: string,
): { ok: true; object: number } | { ok: false; reason: string } {
  let i = 1;
  for (; i < w.length; i++) {
    const opt = w[i]!;
    if (opt === '--') return { ok: true, object: i + 1 };
    if (!opt.startsWith('-')) break;
    const kind = optionKind(opt, table);
    if (kind === 'batch') return refuse(`${w[0]} ${opt} reads commands from a file`);
    if (kind === 'all') return refuse(`${w[0]} ${opt} acts on every namespace of the machine`);
    // the tool stops here with "Option ... is unknown": nothing after it is read
    if (kind === 'unknown') return { ok: true, object: w.length };
    if (kind === 'arg' || kind === 'netns') {
      i++;
      if (i >= w.length) break;
      if (kind === 'netns') {
        if (pathLike(w[i]!)) return refuse(`${w[0]} ${opt} ${w[i]}: a namespace given as a path`);
        w[i] = prefix + w[i]!;
      }
    }
  }
  return { ok: true, object: i };
}

function ip(words: string[], prefix: string, depth: number): Argv {
  const w = [...words];
  const opts = iprouteOptions(w, IP_OPTIONS, prefix);
  if (!opts.ok) return opts;
  const obj = opts.object;
  if (obj >= w.length) return { ok: true, argv: w };
  if (isNetnsObject(w[obj])) {
    const sub = netnsSubcommand(w[obj + 1]);
    const nameAt = obj + 2;
    if (sub === 'attach') return refuse('ip netns attach names the namespace of a process of the machine');
    if (sub === 'identify' && nameAt < w.length)
      return refuse('ip netns identify PID looks at a process of the machine');
    // ip itself refuses a name with `/` or `.`/`..` here (invalid_name)
    if (['add', 'set', 'delete', 'pids', 'exec'].includes(sub) && nameAt < w.length) w[nameAt] = prefix + w[nameAt]!;
    if (sub === 'exec' && nameAt + 1 < w.length) {
      const inner = command(w.slice(nameAt + 1), prefix, depth + 1);
      if (!inner.ok) return inner;
      return { ok: true, argv: [...w.slice(0, nameAt + 1), ...inner.argv] };
    }
    return { ok: true, argv: w };
  }
  if (isLinkObject(w[obj])) {
    for (let i = obj + 1; i + 1 < w.length; i++) {
      if (w[i] !== 'netns' && w[i] !== 'link-netns') continue;
      const v = w[i + 1]!;
      // netns_get_fd() opens a name with `/` as a path; a PID names that process's namespace:
      // PID 1's is the scenario's host (never the machine's own initial namespace)
      if (pathLike(v)) return refuse(`ip link ... ${w[i]} ${v}: a namespace given as a path`);
      w[i + 1] = /^\d+$/.test(v) ? `${HOST_DIR}/${prefix}host` : prefix + v;
      i++;
    }
  }
  return { ok: true, argv: w };
}

function bridge(words: string[], prefix: string): Argv {
  const w = [...words];
  const opts = iprouteOptions(w, BRIDGE_OPTIONS, prefix);
  return opts.ok ? { ok: true, argv: w } : opts;
}

/** Short option clusters (`-nvL`) of a getopt tool that contain one of `letters`, before any option argument. */
function shortCluster(word: string, letters: string): string | undefined {
  if (!/^-[^-]/.test(word)) return undefined;
  return [...word.slice(1)].find((c) => letters.includes(c));
}

/** A long option (`--file`, `--file=x`, getopt_long's unambiguous `--fi`) that abbreviates one of `names`. */
function longOption(word: string, names: string[], min = 4): string | undefined {
  if (!word.startsWith('--')) return undefined;
  const w = word.split('=')[0]!;
  return names.find((n) => w.length >= min && n.startsWith(w));
}

// procps-ng sysctl: -p/-f/--load/--system read settings from files; only net.* is per namespace.
const SYSCTL_FLAGS = 'aAXbeNnqwhVd';
const SYSCTL_LONG = [
  '--all',
  '--binary',
  '--ignore',
  '--names',
  '--values',
  '--quiet',
  '--write',
  '--help',
  '--version',
  '--pattern',
];

function sysctl(w: string[]): Argv {
  for (let i = 1; i < w.length; i++) {
    const a = w[i]!;
    if (a.startsWith('--')) {
      const name = a.split('=')[0]!;
      if (!SYSCTL_LONG.includes(name)) return refuse(`sysctl ${a}: only reading and writing net.* keys is run`);
      if (name === '--pattern' && !a.includes('=')) i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (c === 'r') {
          if (k === a.length - 1) i++;
          break;
        }
        if (!SYSCTL_FLAGS.includes(c))
          return refuse(`sysctl ${a}: -${c} is not run (only reading and writing net.* keys)`);
      }
      continue;
    }
    // a key or key=value: only the net.* tree belongs to a namespace
    const key = a.split('=')[0]!.replace(/\//g, '.');
    if (!key.startsWith('net.')) return refuse(`sysctl ${a}: only net.* keys belong to a network namespace`);
  }
  return { ok: true, argv: w };
}

// tcpdump 4.99: options that write or read files, run programs, or change user.
const TCPDUMP_REFUSED = 'wrFVzZCGWmMEK';
const TCPDUMP_WITH_ARG = 'BcCdEFGiIjmMQrsTVwWyzZ';
const TCPDUMP_LONG = [
  '--immediate-mode',
  '--number',
  '--print',
  '--list-interfaces',
  '--list-time-stamp-types',
  '--version',
  '--help',
];

function tcpdump(w: string[]): Argv {
  for (let i = 1; i < w.length; i++) {
    const a = w[i]!;
    if (a === '--') break;
    if (a.startsWith('--')) {
      if (!TCPDUMP_LONG.includes(a)) return refuse(`tcpdump ${a} is not run`);
      continue;
    }
    if (!a.startsWith('-') || a.length === 1) continue;
    for (let k = 1; k < a.length; k++) {
      const c = a[k]!;
      if (TCPDUMP_REFUSED.includes(c)) return refuse(`tcpdump -${c} reads or writes files or runs programs`);
      if (TCPDUMP_WITH_ARG.includes(c)) {
        if (k === a.length - 1) i++;
        break;
      }
    }
  }
  return { ok: true, argv: w };
}

function iptables(w: string[]): Argv {
  for (const a of w.slice(1)) {
    // --modprobe runs the program it names
    if (shortCluster(a, 'M') || longOption(a, ['--modprobe'])) return refuse(`${w[0]} ${a}: --modprobe runs a program`);
    if (w[0] === 'iptables-save' && (shortCluster(a, 'f') || longOption(a, ['--file'])))
      return refuse(`${w[0]} ${a} writes a file`);
  }
  return { ok: true, argv: w };
}

function arp(w: string[]): Argv {
  for (const a of w.slice(1)) {
    if (shortCluster(a, 'f') || longOption(a, ['--file'])) return refuse(`arp ${a} reads a file`);
  }
  return { ok: true, argv: w };
}

function sleep(w: string[]): Argv {
  for (const a of w.slice(1)) if (!/^\d+(\.\d+)?[smhd]?$/.test(a)) return refuse(`sleep ${a}: only a duration is run`);
  return { ok: true, argv: w };
}

const pass = (w: string[]): Argv => ({ ok: true, argv: w });

/** Every program the runner will start: the tools the simulator models (sim/shell/shell.ts), each with its rule. */
export const TOOLS: Record<string, (w: string[], prefix: string, depth: number) => Argv> = {
  ip: (w, prefix, depth) => ip(w, prefix, depth),
  bridge: (w, prefix) => bridge(w, prefix),
  sysctl,
  ping: pass,
  arping: pass,
  route: pass,
  arp,
  iptables,
  'iptables-save': iptables,
  conntrack: pass,
  tcpdump,
  sleep,
  echo: pass,
  true: pass,
  false: pass,
};

/** Deeper `ip netns exec` nesting than this is refused (each level is a process). */
const MAX_DEPTH = 8;

function command(w: string[], prefix: string, depth: number): Argv {
  const tool = w[0]!;
  if (depth > MAX_DEPTH) return refuse(`ip netns exec nested more than ${MAX_DEPTH} deep`);
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(tool)) return refuse(`${tool}: environment assignments are not run`);
  if (tool.includes('/')) return refuse(`${tool}: a program given by path is not run`);
  const rule = Object.hasOwn(TOOLS, tool) ? TOOLS[tool] : undefined;
  if (rule === undefined || !(COMMANDS as readonly string[]).includes(tool)) {
    return refuse(`${tool}: not a command the simulator models`);
  }
  return rule(w, prefix, depth);
}

/** `ip netns add NS` / `ip netns del NS` with no options: these run outside any namespace. */
function netnsAction(w: string[]): { action: 'add' | 'delete'; ns: string } | undefined {
  if (w[0] !== 'ip' || w.length !== 4 || !isNetnsObject(w[1])) return undefined;
  const sub = netnsSubcommand(w[2]);
  return sub === 'add' || sub === 'delete' ? { action: sub, ns: w[3]! } : undefined;
}

/** One scenario line for the kernel: argv with the namespace names prefixed, or why it is refused. */
export function translateLine(line: string, prefix: string): Translation {
  const lexed = scenarioWords(line);
  if (!lexed.ok) return lexed;
  const out = command(lexed.words, prefix, 0);
  if (!out.ok) return out;
  const netns = netnsAction(lexed.words);
  return netns ? { ok: true, argv: out.argv, netns } : { ok: true, argv: out.argv };
}

/** True for `ip netns` / `ip netns list`, whose output names every namespace of the machine. */
export function listsNetns(cmd: string): boolean {
  const lexed = scenarioWords(cmd);
  if (!lexed.ok) return false;
  const w = lexed.words;
  if (w[0] !== 'ip') return false;
  const opts = iprouteOptions([...w], IP_OPTIONS, '');
  if (!opts.ok) return false;
  return isNetnsObject(w[opts.object]) && netnsSubcommand(w[opts.object + 1]) === 'list';
}

/**
 * Output back in the scenario's names: the prefix removed. For `ip netns list`, lines of
 * namespaces that are not the scenario's own (other runs, the machine's, the runner's `host`)
 * are dropped.
 */
export function untranslateOutput(cmd: string, output: string, prefix: string): string {
  let text = output;
  if (listsNetns(cmd)) {
    text = text
      .split('\n')
      .filter((l) => l.startsWith(prefix) && !l.startsWith(`${prefix}host `) && l !== `${prefix}host`)
      .join('\n');
  }
  return text.split(prefix).join('');
}

/** `eth0` -> host's eth0, `lan:gw` -> gw in lan. */
export function captureTarget(spec: string): { ns: string; dev: string } {
  const i = spec.indexOf(':');
  return i < 0 ? { ns: 'host', dev: spec } : { ns: spec.slice(0, i), dev: spec.slice(i + 1) };
}

/** Why a `#> capture` target cannot be captured by the runner, or undefined. */
export function captureRefused(spec: string): string | undefined {
  const { ns, dev } = captureTarget(spec);
  if (ns === '' || pathLike(ns) || ns === '.' || ns === '..') return `capture ${spec}: not a namespace name`;
  if (dev === '' || dev.startsWith('-') || /[\s/]/.test(dev)) return `capture ${spec}: not a device name`;
  return undefined;
}
