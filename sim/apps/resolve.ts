// Name resolution from the lab's hosts file (/etc/hosts), the only resolver a closed lab has.
import type { Ip4 } from '../core/addr';
import type { Netns } from '../net/netns';

export function resolveHost(ns: Netns, name: string): Ip4 | undefined {
  return ns.world.hosts.get(name.toLowerCase());
}

/** getnameinfo() from /etc/hosts: the first name given to the address. */
export function reverseHost(ns: Netns, a: number): string | undefined {
  for (const [n, ip] of ns.world.hosts) if (ip === a) return n;
  return undefined;
}
