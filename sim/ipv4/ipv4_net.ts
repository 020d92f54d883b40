// IPv4's per-namespace state (net/ipv4/af_inet.c: inet_init_net; devinet.c: devinet_init_net;
// fib_frontend.c: fib_net_init; arp.c/neighbour.c: the ARP table with its default parameters), set up
// for every namespace by its pernet init (registered from sim/init.ts).
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { InDevice } from './devinet';
import { Devconf } from './devconf';
import { Fib } from './fib';
import { NeighTable } from './neighbour';
import { NeighParms } from './neigh_parms';

/** The pernet init: `initial` is the initial namespace, or null when this is it. */
export function ipv4NetInit(ns: Netns, initial: Netns | null): void {
  const rand = (lo: number, hi: number) => ns.world.prng.range(lo, hi);
  ns.ipv4 = {
    // devconf_inherit_init_net=0: a new namespace copies the initial namespace's all/default as they are now.
    all: new Devconf(initial?.ipv4.all),
    dflt: new Devconf(initial?.ipv4.dflt),
    fib: new Fib(),
    arp: new NeighTable(ns),
    icmpEchoIgnoreAll: 0,
    icmpErrorsUseInboundIfaddr: 0,
    icmpEchoIgnoreBroadcasts: 1,
    icmpRatelimit: 1000,
    icmpRatemask: 6168,
    ipDefaultTtl: 64,
    pingGroupRange: [1, 0],
    ipLocalPortRange: [32768, 60999],
    icmpPeers: new Map(),
    exceptions: new Map(),
    rtGenid: 0,
    pneigh: [],
  };
  ns.ipv4.all.explicit.clear();
  ns.ipv4.dflt.explicit.clear();
  // ipv4_devconf_dflt differs from ipv4_devconf in one value: devices accept source routes
  if (!initial) ns.ipv4.dflt.values.accept_source_route = 1;
  ns.neighDefault = initial ? null : new NeighParms(null, rand);
}

/** inetdev_event(NETDEV_REGISTER): the device's neighbour parameters and its IPv4 config. */
export function inetdevRegister(dev: NetDevice): void {
  const ns = dev.ns;
  const rand = (lo: number, hi: number) => ns.world.prng.range(lo, hi);
  // neigh_parms_alloc(): a clone of the table's defaults (those of the initial namespace)
  dev.neighParms = new NeighParms(ns.neighTemplate, rand);
  // inetdev_init(): devconf copied from net.ipv4.conf.default of this namespace
  if (dev.mtu >= 68) dev.inDev = new InDevice(dev, ns.ipv4.dflt);
  if (dev.isLoopback && dev.inDev) {
    // ipv4_devconf_setall(): lo's values count as set by hand
    for (const k of Object.keys(dev.inDev.cnf.values)) dev.inDev.cnf.explicit.add(k as never);
  }
}
