// Neighbour parameters (include/net/neighbour.h NEIGH_VAR, arp_tbl defaults in net/ipv4/arp.c),
// shown as net.ipv4.neigh.{default,DEV}.*; times kept in milliseconds.

export const NEIGH_KEYS = [
  'anycast_delay',
  'app_solicit',
  'base_reachable_time',
  'base_reachable_time_ms',
  'delay_first_probe_time',
  'gc_stale_time',
  'interval_probe_time_ms',
  'locktime',
  'mcast_resolicit',
  'mcast_solicit',
  'proxy_delay',
  'proxy_qlen',
  'retrans_time',
  'retrans_time_ms',
  'ucast_solicit',
  'unres_qlen',
  'unres_qlen_bytes',
] as const;
export const NEIGH_DEFAULT_ONLY_KEYS = ['gc_interval', 'gc_thresh1', 'gc_thresh2', 'gc_thresh3'] as const;

export interface NeighVars {
  mcastProbes: number;
  ucastProbes: number;
  appProbes: number;
  mcastReprobes: number;
  retransMs: number;
  baseReachableMs: number;
  delayProbeMs: number;
  gcStaleMs: number;
  queueLenBytes: number;
  proxyQlen: number;
  anycastDelayMs: number;
  proxyDelayMs: number;
  locktimeMs: number;
  intervalProbeMs: number;
}

export class NeighParms {
  v: NeighVars;
  /** The randomized reachable time in ms, neigh_rand_reach_time(base). */
  reachableMs: number;
  explicit = new Set<string>();

  constructor(from: NeighParms | null, rand: (lo: number, hi: number) => number) {
    this.v = from
      ? { ...from.v }
      : {
          mcastProbes: 3,
          ucastProbes: 3,
          appProbes: 0,
          mcastReprobes: 0,
          retransMs: 1000,
          baseReachableMs: 30000,
          delayProbeMs: 5000,
          gcStaleMs: 60000,
          queueLenBytes: 212992,
          proxyQlen: 64,
          anycastDelayMs: 1000,
          proxyDelayMs: 800,
          locktimeMs: 1000,
          intervalProbeMs: 5000,
        };
    this.reachableMs = randReachTime(this.v.baseReachableMs, rand);
  }
}

/** neigh_rand_reach_time(): uniform in [base/2, 3*base/2). */
export function randReachTime(base: number, rand: (lo: number, hi: number) => number): number {
  return base ? rand(base >> 1, (base >> 1) + base) : 0;
}

const TRUESIZE_PER_SKB = 768;
export { TRUESIZE_PER_SKB };
