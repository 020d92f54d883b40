// struct net: one network namespace with its devices, IPv4 state and sockets (include/net/net_namespace.h).
import type { NetDevice } from './netdevice';
import type { NetfilterState } from '../netfilter/hooks';
import type { Ip4 } from '../core/addr';
import type { World } from './world';
import type { Devconf } from '../ipv4/devconf';
import type { Fib } from '../ipv4/fib';
import type { NeighTable } from '../ipv4/neighbour';
import type { NeighParms } from '../ipv4/neigh_parms';
import type { RawSocket } from '../ipv4/raw';
import type { PacketSocket } from './packet_socket';

export interface Ipv4Net {
  all: Devconf;
  dflt: Devconf;
  fib: Fib;
  arp: NeighTable;
  icmpEchoIgnoreAll: number;
  icmpErrorsUseInboundIfaddr: number;
  icmpEchoIgnoreBroadcasts: number;
  icmpRatelimit: number;
  icmpRatemask: number;
  ipDefaultTtl: number;
  pingGroupRange: [number, number];
  ipLocalPortRange: [number, number];
  /** per-peer ICMP rate limit tokens (inet_peer_xrlim_allow) */
  icmpPeers: Map<number, { tokens: number; last: number; redirects: number; redirectLast: number }>;
  /** fib_nh_exception: next hops learned from ICMP redirects, by destination */
  /** next-hop exceptions (fib_nh_exception): a redirect's gateway and a learnt path MTU, per destination */
  exceptions: Map<number, RouteException>;
  /** arp_tbl's proxy entries (pneigh_entry): addresses answered for on a device when forwarding */
  pneigh: { key: Ip4; dev: NetDevice }[];
  /** rt_genid: bumped by ip route flush cache, which empties the exceptions as they are next used */
  rtGenid: number;
}

/** struct fib_nh_exception as the model keeps it */
export interface RouteException {
  gw: Ip4 | null;
  dev: NetDevice;
  expires: number;
  pmtu?: number;
  pmtuExpires?: number;
  genid?: number;
  /** a route was bound to it (fnhe_rth_output): only then does ip route show cache list it */
  bound?: boolean;
}

export class Netns {
  readonly name: string;
  readonly world: World;
  /** dev_base list: registration order */
  devices: NetDevice[] = [];
  byIndex = new Map<number, NetDevice>();
  /** dev_name_hash: name -> device (register, unlist and rename keep it) */
  byName = new Map<string, NetDevice>();
  /** inet_addr_lst: local address -> device, rebuilt when first asked after a change (ipv4/ifaddr_hash.ts) */
  ifaddrHash: Map<number, NetDevice> | null = null;
  /** net->ifindex: the cyclic allocator's next candidate */
  private ifindexNext = 1;
  /** IPv4's per-namespace state, set up by its pernet init (ipv4/ipv4_net.ts) */
  ipv4!: Ipv4Net;
  /** net.ipv4.neigh.default.* exists only in the initial namespace */
  neighDefault: NeighParms | null = null;
  rawSockets: RawSocket[] = [];
  /** iptables state once a rule or table was made (netfilter/hooks.ts); null: every hook accepts */
  netfilter: NetfilterState | null = null;
  packetSockets: PacketSocket[] = [];
  /** net.bridge.* of br_netfilter (brnf_net), loaded on the recording machine: bridged traffic meets iptables */
  brnf: Record<string, number> = {
    'bridge-nf-call-arptables': 1,
    'bridge-nf-call-ip6tables': 1,
    'bridge-nf-call-iptables': 1,
    'bridge-nf-filter-pppoe-tagged': 0,
    'bridge-nf-filter-vlan-tagged': 0,
    'bridge-nf-pass-vlan-input-dev': 0,
  };
  /** peernet2id: ids this namespace gave to others */
  netnsIds = new Map<Netns, number>();
  lo!: NetDevice;

  /** setup_net() fills in the rest: IPv4's state (ipv4/ipv4_net.ts), lo (drivers/loopback.ts) */
  constructor(world: World, name: string) {
    this.world = world;
    this.name = name;
  }

  get isInitial(): boolean {
    return this.neighDefault !== null;
  }

  /** The parameters a new device's neighbour table starts from: the initial namespace's default. */
  get neighTemplate(): NeighParms {
    return this.world.namespaces[0].neighDefault!;
  }

  /** dev_index_reserve(): keep `want` if free, else the next free index from the cyclic allocator. */
  reserveIfindex(want = 0): number {
    if (want && !this.byIndex.has(want)) return want;
    while (this.byIndex.has(this.ifindexNext)) this.ifindexNext++;
    return this.ifindexNext++;
  }

  /** __dev_get_by_name(): the name hash, not a walk of the list */
  dev(name: string): NetDevice | undefined {
    return this.byName.get(name);
  }

  /** ids handed out by idOf, for the lowest free one */
  private usedIds = new Set<number>();
  private idNext = 0;

  /** peernet2id_alloc() -> alloc_netid(): the lowest id not in use (ids are never freed here) */
  idOf(other: Netns): number {
    let id = this.netnsIds.get(other);
    if (id === undefined) {
      while (this.usedIds.has(this.idNext)) this.idNext++;
      id = this.idNext;
      this.usedIds.add(id);
      this.netnsIds.set(other, id);
    }
    return id;
  }

  /** `ip netns set NAME NSID`: a chosen id (the caller checked it is free). */
  setIdOf(other: Netns, id: number): void {
    this.netnsIds.set(other, id);
    this.usedIds.add(id);
  }

  idInUse(id: number): boolean {
    return this.usedIds.has(id);
  }

  devicesByIndex(): NetDevice[] {
    return [...this.byIndex.values()].sort((a, b) => a.ifindex - b.ifindex);
  }
}
