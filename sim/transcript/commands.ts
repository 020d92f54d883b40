// The words of a scenario command as iproute2 reads them (objects, verbs, abbreviations), and which
// commands change links or observe them: the kernel runner waits for link state to settle before an
// observing command, and the simulator's runner lets its linkwatch rounds run at the same points.

import { abbreviates, isLinkObject, isNetnsObject, netnsSubcommand, objectIndex } from '../shell/iproute2_words';

export { isLinkObject, isNetnsObject, netnsSubcommand } from '../shell/iproute2_words';

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

const isConfigVerb = (v: string | undefined): boolean =>
  v !== undefined && v !== '' && CONFIG_VERBS.some((c) => c.startsWith(v));

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
    if (isNetnsObject(object))
      return verb === undefined || !['add', 'delete', 'attach', 'set'].includes(netnsSubcommand(verb));
    return !isConfigVerb(verb);
  }
  return true;
}
