// Every command of the shell, in the order `help` lists them. Adding a command: its spec in a file of this
// folder, its line here, and its runner in ../runners.ts (the compiler asks for it). The terminal's Tab,
// `help`, the lesson checker, the lab file check and the lab export all read this list.
import type { CommandSpec, CompletionContext } from '../command';
import { completeArgs } from '../command';
import { ip } from './ip';
import { bridge } from './bridge';
import { sysctl } from './sysctl';
import { ping } from './ping';
import { arping } from './arping';
import { tcpdump } from './tcpdump';
import { route } from './route';
import { arp } from './arp';
import { iptables } from './iptables';
import { iptablesSave } from './iptables_save';
import { conntrack } from './conntrack';
import { lab } from './lab';
import { sleep } from './sleep';
import { echo, trueCmd, falseCmd } from './builtins';
import { help } from './help';

export type { CommandSpec, CompletionContext };

export const COMMAND_SPECS = [
  ip,
  bridge,
  sysctl,
  ping,
  arping,
  tcpdump,
  route,
  arp,
  iptables,
  iptablesSave,
  conntrack,
  lab,
  sleep,
  echo,
  trueCmd,
  falseCmd,
  help,
] as const;

/** The names of every command the shell runs. */
export const COMMANDS: readonly string[] = COMMAND_SPECS.map((c) => c.name);

const BY_NAME: ReadonlyMap<string, CommandSpec> = new Map(COMMAND_SPECS.map((c) => [c.name, c]));

/** The spec of the command `name`, or undefined when the shell has none. */
export const commandSpec = (name: string | undefined): CommandSpec | undefined =>
  name === undefined ? undefined : BY_NAME.get(name);

/** The words Tab may put after `words` (words typed so far, whole): command names first, then the command's own. */
export function completionCandidates(words: readonly string[], ctx: CompletionContext): readonly string[] {
  if (words.length === 0) return COMMAND_SPECS.filter((c) => c.tab !== false).map((c) => c.name);
  const spec = commandSpec(words[0]);
  return spec?.complete ? spec.complete(words, ctx) : completeArgs(words, ctx);
}
