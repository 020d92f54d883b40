// Pure rewriting of scenario commands for the kernel runner: the scenario's namespace names
// (`lan`) become throw-away ones with a per-run prefix (`nl123s1-lan`), and back in the output.

import { NETNS_OPTS, OPTS_WITH_ARG, isLinkObject, isNetnsObject, netnsSubcommand, objectIndex } from '../../sim/transcript/commands';

export { changesLinks, observesLinks } from '../../sim/transcript/commands';

/** Where the runner keeps the scenario's `host` namespace (see netns.ts); iproute2 opens a path as is. */
export const HOST_DIR = '/run/netlab-conformance';

// Subcommands of `ip netns` whose next word names a namespace.
const NETNS_NAMED = new Set(['add', 'attach', 'set', 'delete', 'pids', 'exec']);

/** Rewrites the namespace names in one command given as words; returns new words. */
function translateWords(words: string[], prefix: string): string[] {
  const w = [...words];
  const tool = w[0];
  if (tool !== 'ip' && tool !== 'bridge') return w;
  const obj = objectIndex(w);
  for (let i = 1; i < obj; i++) {
    if (NETNS_OPTS.has(w[i]!) && i + 1 < w.length) w[i + 1] = prefix + w[i + 1]!;
    if (NETNS_OPTS.has(w[i]!) || OPTS_WITH_ARG.has(w[i]!)) i++;
  }
  if (tool !== 'ip') return w;
  if (isNetnsObject(w[obj])) {
    const sub = netnsSubcommand(w[obj + 1]);
    const nameAt = obj + 2;
    if (NETNS_NAMED.has(sub) && nameAt < w.length) {
      w[nameAt] = prefix + w[nameAt]!;
      if (sub === 'exec') return [...w.slice(0, nameAt + 1), ...translateWords(w.slice(nameAt + 1), prefix)];
    }
    return w;
  }
  if (isLinkObject(w[obj])) {
    for (let i = obj + 1; i + 1 < w.length; i++) {
      // a PID names the namespace of that process: PID 1's is the scenario's host (never the
      // machine's own initial namespace, which the runner must not touch)
      if (w[i] === 'netns') w[i + 1] = /^\d+$/.test(w[i + 1]!) ? `${HOST_DIR}/${prefix}host` : prefix + w[i + 1]!;
    }
  }
  return w;
}

/**
 * The command with the scenario's namespace names prefixed: `ip -n NS`, `ip netns exec NS`
 * (and the command it runs), `ip netns add|del NS`, `netns NS` in `ip link`, `bridge -n NS`.
 * Spacing is kept.
 */
export function translateCommand(cmd: string, prefix: string): string {
  const parts = cmd.split(/(\s+)/); // words at even indices, separators between
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 2) if (parts[i] !== '') words.push(parts[i]!);
  const out = translateWords(words, prefix);
  let k = 0;
  for (let i = 0; i < parts.length; i += 2) if (parts[i] !== '') parts[i] = out[k++]!;
  return parts.join('');
}

/** `ip netns add NS` / `ip netns del NS` at the top of a command: these run outside any namespace. */
export function netnsAction(cmd: string): { action: 'add' | 'delete'; ns: string } | undefined {
  const w = cmd.trim().split(/\s+/);
  if (w[0] !== 'ip') return undefined;
  const obj = objectIndex(w);
  if (obj !== 1 || !isNetnsObject(w[obj])) return undefined;
  const sub = netnsSubcommand(w[obj + 1]);
  const ns = w[obj + 2];
  if ((sub === 'add' || sub === 'delete') && ns !== undefined && w.length === obj + 3) return { action: sub, ns };
  return undefined;
}

/** True for `ip netns` / `ip netns list`, whose output names every namespace of the machine. */
export function listsNetns(cmd: string): boolean {
  const w = cmd.trim().split(/\s+/);
  if (w[0] !== 'ip') return false;
  const obj = objectIndex(w);
  return isNetnsObject(w[obj]) && netnsSubcommand(w[obj + 1]) === 'list';
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
