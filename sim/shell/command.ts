// What a command of the shell declares about itself (its CommandSpec), as a kernel module fills in its ops:
// its name, what `help` says of it, where bash finds it, how Tab completes its words and what a lab export
// (sim/labs/export.ts) must refuse of it. Each command's spec is one file in ./commands/; the list is
// ./commands/index.ts and the runner of each name is in ./runners.ts (the compiler asks for one per name).
// Specs are pure data and small functions with no import of the interpreter, so that the page can complete
// words and vet a lab file without loading the simulator.

export interface CompletionContext {
  devices: readonly string[];
  namespaces: readonly string[];
}

export interface LabExportRule {
  /** why a real machine must not run these words (the whole command, after any ip netns exec), or undefined */
  refuse?(words: readonly string[]): string | undefined;
  /** a diagnostic that may fail (ping): the script goes on */
  mayFail?: true;
}

export interface CommandSpec {
  readonly name: string;
  /** its line in `help` */
  readonly help: string;
  /** where bash finds it (Debian 12) when it execs it; none for a builtin */
  readonly path?: string;
  /** false: Tab does not offer the name */
  readonly tab?: false;
  /** the words Tab may put after `words` (words[0] is the command); by default completeArgs() */
  complete?(words: readonly string[], ctx: CompletionContext): readonly string[];
  /** what a lab export refuses of it; every command may be exported otherwise */
  readonly labExport?: LabExportRule;
}

const KEYWORDS = [
  'address',
  'bridge',
  'default',
  'dev',
  'down',
  'master',
  'mode',
  'name',
  'netns',
  'nomaster',
  'peer',
  'tap',
  'tun',
  'type',
  'up',
  'veth',
  'via',
];
const DEV_AFTER = new Set(['dev', 'master', '-I', '-i', 'peer', 'name', 'set', 'del', 'delete', 'br']);
/** words after which a namespace name comes */
export const NS_AFTER: ReadonlySet<string> = new Set(['netns', 'exec', '-n', 'delete']);

/** Words after a keyword that names a namespace or device, or that picks a link type or tuntap mode; else `fallback`. */
export function completeArgs(
  words: readonly string[],
  ctx: CompletionContext,
  fallback?: readonly string[],
): readonly string[] {
  const prev = words[words.length - 1]!;
  if (prev === 'exec' && words.length >= 3) return ctx.namespaces;
  if (NS_AFTER.has(prev) && prev !== 'delete' && prev !== 'exec') return ctx.namespaces;
  if (DEV_AFTER.has(prev)) return ctx.devices;
  if (prev === 'type') return ['bridge', 'veth'];
  if (prev === 'mode') return ['tap', 'tun'];
  return fallback ?? [...KEYWORDS, ...ctx.devices];
}

/** true when one of the words (after the command) is an option holding one of `flags` (-c, -nc5, -w) */
export const hasFlag = (w: readonly string[], flags: string): boolean =>
  w.slice(1).some((a) => new RegExp(`^-[A-Za-z]*[${flags}]`).test(a));

/** A spec whose name keeps its literal type, so that ../runners.ts must hold a runner for it. */
export function defineCommand<const N extends string>(
  spec: CommandSpec & { readonly name: N },
): CommandSpec & { readonly name: N } {
  return spec;
}
