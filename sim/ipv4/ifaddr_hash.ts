// inet_addr_lst (net/ipv4/devinet.c): interface addresses found by a hash, not by walking every device.
// Built when first asked after a change (an address added, deleted or promoted, a device registered or
// unlisted) by the walk the lookup used to make per packet: devices in list order, the first holding the
// address wins, so the answer is the walk's.
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';

/** inet_lookup_ifaddr_rcu(): the device holding `a` as an interface address. */
export function inetLookupIfaddr(ns: Netns, a: number): NetDevice | undefined {
  let h = ns.ifaddrHash;
  if (!h) {
    h = new Map();
    for (const d of ns.devices) {
      const list = d.inDev?.ifaList;
      if (list) for (const i of list) if (!h.has(i.local)) h.set(i.local, d);
    }
    ns.ifaddrHash = h;
  }
  return h.get(a);
}

/** An address or a device of `ns` came or went: the next lookup rebuilds the hash. */
export function ifaddrsChanged(ns: Netns): void {
  ns.ifaddrHash = null;
}
