// Name resolution from the lab's hosts file (/etc/hosts), the only resolver a closed lab has.
import type { Ip4 } from '../core/addr';
import type { Netns } from '../net/netns';
import { isFibError } from '../ipv4/fib';

export function resolveHost(ns: Netns, name: string): Ip4 | undefined {
  return ns.world.hosts.get(name.toLowerCase());
}

/** getnameinfo() from /etc/hosts: the first name given to the address. */
export function reverseHost(ns: Netns, a: number): string | undefined {
  for (const [n, ip] of ns.world.hosts) if (ip === a) return n;
  return undefined;
}

/**
 * gai_strerror() for a name /etc/hosts does not know: with a way out (a default route) the lab's
 * internet answers that no such name exists (EAI_NONAME); with none, the query to the nameserver fails
 * and the resolver gives up for now (EAI_AGAIN), as in a namespace cut off from the network.
 */
export function unresolvedText(ns: Netns): string {
  return isFibError(ns.ipv4.fib.lookup({ daddr: 0x08080808 as Ip4 }))
    ? 'Temporary failure in name resolution'
    : 'Name or service not known';
}
