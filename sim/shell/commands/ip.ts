// ip (iproute2): links, addresses, routes, neighbours, namespaces, tun/tap. Runs as ipMain (../ip/ip.ts).
import { completeArgs, NS_AFTER, defineCommand } from '../command';

const IP_OBJECTS = ['address', 'link', 'neigh', 'netns', 'route', 'tuntap'];
const VERBS: Readonly<Record<string, readonly string[]>> = {
  link: ['add', 'delete', 'set', 'show'],
  address: ['add', 'del', 'flush', 'show'],
  addr: ['add', 'del', 'flush', 'show'],
  route: ['add', 'del', 'get', 'replace', 'show'],
  neigh: ['add', 'del', 'flush', 'show'],
  netns: ['add', 'delete', 'exec', 'list'],
  tuntap: ['add', 'del', 'show'],
  fdb: ['add', 'del', 'show'],
};
const verbs = (w: string): readonly string[] | undefined => (Object.hasOwn(VERBS, w) ? VERBS[w] : undefined);

/** The verbs Tab offers after an ip (or bridge) object, which may be abbreviated. */
export function objectVerbs(word: string): readonly string[] {
  const obj = IP_OBJECTS.find((o) => o.startsWith(word)) ?? word;
  return verbs(obj) ?? verbs(word) ?? [];
}

export const ip = defineCommand({
  name: 'ip',
  help: 'show and change links, addresses, routes, neighbours, namespaces, tun/tap (iproute2)',
  path: '/usr/sbin/ip',
  complete(words, ctx) {
    if (words.length === 1) return IP_OBJECTS;
    if (words.length === 2) return objectVerbs(words[1]!);
    if (words[1]!.startsWith('netns') && NS_AFTER.has(words[words.length - 1]!)) return ctx.namespaces;
    return completeArgs(words, ctx);
  },
});
