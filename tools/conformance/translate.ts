// Pure rewriting of scenario commands for the kernel runner: the scenario's namespace names
// (`lan`) become throw-away ones with a per-run prefix (`nl123s1-lan`), and back in the output.

/** Where the runner keeps the scenario's `host` namespace (see netns.ts); iproute2 opens a path as is. */
export const HOST_DIR = '/run/netlab-conformance';

/** A non-empty prefix of the keyword, as iproute2's `matches()` accepts it. */
function abbreviates(word: string | undefined, keyword: string, min = 1): boolean {
  return word !== undefined && word.length >= min && keyword.startsWith(word);
}

// Options of `ip` and `bridge` that take a value; -n/-netns are the namespace ones.
const NETNS_OPTS = new Set(['-n', '-netns']);
const OPTS_WITH_ARG = new Set(['-f', '-family', '-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops']);

/** Where the object of an `ip`/`bridge` command is, after its options (from index 1). */
function objectIndex(words: string[]): number {
  let i = 1;
  while (i < words.length && words[i]!.startsWith('-')) {
    i += NETNS_OPTS.has(words[i]!) || OPTS_WITH_ARG.has(words[i]!) ? 2 : 1;
  }
  return i;
}

// `ip net` is netns, `ip n`/`ip ne` are neighbour.
const isNetnsObject = (w: string | undefined): boolean => abbreviates(w, 'netns', 3);
const isLinkObject = (w: string | undefined): boolean => abbreviates(w, 'link');

/** The `ip netns` subcommand, resolved in iproute2's order of `matches()` tests. */
function netnsSubcommand(w: string | undefined): string {
  if (w === undefined) return 'list';
  for (const sub of ['list', 'show', 'lst', 'list-id', 'help', 'add', 'attach', 'set', 'delete', 'pids', 'identify', 'exec', 'monitor']) {
    if (abbreviates(w, sub)) return sub === 'show' || sub === 'lst' ? 'list' : sub;
  }
  return w;
}

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

/** The words of the command actually run, after any `ip netns exec NS` prefixes. */
function innerWords(cmd: string): string[] {
  let w = cmd.trim().split(/\s+/);
  for (;;) {
    if (w[0] !== 'ip') return w;
    const obj = objectIndex(w);
    if (!isNetnsObject(w[obj]) || netnsSubcommand(w[obj + 1]) !== 'exec' || w.length <= obj + 3) return w;
    w = w.slice(obj + 3);
  }
}

// Commands that change configuration and print nothing about the state of links.
const CONFIG_VERBS = ['add', 'set', 'delete', 'change', 'replace', 'flush', 'append', 'prepend', 'attach'];

function ipVerb(w: string[]): { object: string | undefined; verb: string | undefined } {
  const obj = objectIndex(w);
  return { object: w[obj], verb: w[obj + 1] };
}

const isConfigVerb = (v: string | undefined): boolean => v !== undefined && v !== '' && CONFIG_VERBS.some((c) => c.startsWith(v));

/**
 * True for commands that change links (up/down, master, peer, netns moves): after them link
 * state settles through linkwatch, in up to two rounds about a second apart.
 */
export function changesLinks(cmd: string): boolean {
  const w = innerWords(cmd);
  if (w[0] === 'ip') {
    const { object, verb } = ipVerb(w);
    if (isLinkObject(object) || abbreviates(object, 'tuntap') || object === 'tap') return isConfigVerb(verb);
    if (isNetnsObject(object)) return verb !== undefined && netnsSubcommand(verb) === 'delete';
    return false;
  }
  if (w[0] === 'bridge') {
    const { object, verb } = ipVerb(w);
    return isLinkObject(object) && verb !== undefined && abbreviates(verb, 'set');
  }
  return false;
}

/**
 * False for commands that only configure (sysctl -w, ip addr/route/neigh/link add|del|set,
 * ip netns add|del, iptables): they cannot show a link state that is still settling. Every
 * other command (ip link, ip -br addr, bridge link, ip route (linkdown), ping, ...) observes
 * the kernel and waits for link state to settle first.
 */
export function observesLinks(cmd: string): boolean {
  const w = innerWords(cmd);
  if (w[0] === 'sysctl' || w[0] === 'iptables') return false;
  if (w[0] === 'ip' || w[0] === 'bridge') {
    const { object, verb } = ipVerb(w);
    if (isNetnsObject(object)) return verb === undefined || !['add', 'delete', 'attach', 'set'].includes(netnsSubcommand(verb));
    return !isConfigVerb(verb);
  }
  return true;
}
