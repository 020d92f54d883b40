// Tab completion for the terminal: commands, iproute2 keywords, device and namespace names.
import { own } from '../../sim/core/own';

export const COMMAND_WORDS = ['arp', 'arping', 'bridge', 'conntrack', 'echo', 'iptables', 'iptables-save', 'help', 'ip', 'lab', 'ping', 'route', 'sleep', 'sysctl', 'tcpdump'] as const;

const IP_OBJECTS = ['address', 'link', 'neigh', 'netns', 'route', 'tuntap'];
const SUB: Record<string, string[]> = {
  link: ['add', 'delete', 'set', 'show'],
  address: ['add', 'del', 'flush', 'show'],
  addr: ['add', 'del', 'flush', 'show'],
  route: ['add', 'del', 'get', 'replace', 'show'],
  neigh: ['add', 'del', 'flush', 'show'],
  netns: ['add', 'delete', 'exec', 'list'],
  tuntap: ['add', 'del', 'show'],
  fdb: ['add', 'del', 'show'],
};
const KEYWORDS = ['address', 'bridge', 'default', 'dev', 'down', 'master', 'mode', 'name', 'netns', 'nomaster', 'peer', 'tap', 'tun', 'type', 'up', 'veth', 'via'];
const DEV_AFTER = new Set(['dev', 'master', '-I', '-i', 'peer', 'name', 'set', 'del', 'delete', 'br']);
const NS_AFTER = new Set(['netns', 'exec', '-n', 'delete']);

export interface CompletionContext {
  devices: readonly string[];
  namespaces: readonly string[];
}

export interface Completion {
  /** the input after completion */
  text: string;
  /** when several words fit: the choices, to list as bash does */
  choices: string[];
}

function candidates(words: string[], ctx: CompletionContext): readonly string[] {
  if (words.length === 0) return COMMAND_WORDS;
  const prev = words[words.length - 1];
  const cmd = words[0];
  if (cmd === 'ip' && words.length === 1) return IP_OBJECTS;
  if (cmd === 'bridge' && words.length === 1) return ['fdb', 'link'];
  if ((cmd === 'ip' || cmd === 'bridge') && words.length === 2) {
    const obj = IP_OBJECTS.find((o) => o.startsWith(prev)) ?? prev;
    return own(SUB, obj) ?? own(SUB, prev) ?? [];
  }
  if (prev === 'exec' && words.length >= 3) return ctx.namespaces;
  if (cmd === 'ip' && words[1]?.startsWith('netns') && NS_AFTER.has(prev)) return ctx.namespaces;
  if (NS_AFTER.has(prev) && prev !== 'delete' && prev !== 'exec') return ctx.namespaces;
  if (DEV_AFTER.has(prev)) return ctx.devices;
  if (prev === 'type') return ['bridge', 'veth'];
  if (prev === 'mode') return ['tap', 'tun'];
  if (cmd === 'sysctl') return ['-w'];
  return [...KEYWORDS, ...ctx.devices];
}

function commonPrefix(xs: string[]): string {
  if (!xs.length) return '';
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Completes the last word of `input` (the cursor is at its end). */
export function complete(input: string, ctx: CompletionContext): Completion {
  const endsInSpace = /\s$/.test(input) || input === '';
  const words = input.trim() ? input.trim().split(/\s+/) : [];
  const partial = endsInSpace ? '' : words.pop() ?? '';
  const pool = [...new Set(candidates(words, ctx))];
  const fits = pool.filter((c) => c.startsWith(partial)).sort();
  if (!fits.length) return { text: input, choices: [] };
  const head = input.slice(0, input.length - partial.length);
  if (fits.length === 1) return { text: `${head}${fits[0]} `, choices: [] };
  const p = commonPrefix(fits);
  return { text: `${head}${p}`, choices: p.length > partial.length ? [] : fits };
}
