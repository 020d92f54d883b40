// What a fuzz kind's command generator may ask of the random source (fuzz.ts's Pick).
export interface Pick {
  of<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** `#> capture` on one of `devs` before the next command, with probability `p` */
  capture(p: number, devs: readonly string[]): string[];
}

/** fuzz.ts's picker, by the name the router-side kinds use */
export type Picker = Pick;

export interface FuzzKind {
  setup(): string[];
  command(p: Pick): string[];
}

/** Namespaces a and b behind the host's veths va and vb, with hand-made MACs and rp_filter off: the router kinds' lab. */
export const AB_LAB: readonly string[] = [
  'sysctl -w net.ipv4.conf.all.rp_filter=0',
  'sysctl -w net.ipv4.conf.default.rp_filter=0',
  'ip netns add a',
  'ip netns add b',
  'ip link add va type veth peer name eth0 netns a',
  'ip link add vb type veth peer name eth0 netns b',
  'ip link set va address 02:00:00:00:00:03',
  'ip link set vb address 02:00:00:00:00:04',
  'ip -n a link set eth0 address 02:00:00:00:00:a1',
  'ip -n b link set eth0 address 02:00:00:00:00:b1',
];

/**
 * A talking device's neighbour timers: no entry ages during a scenario (FORMAT.md), and an address
 * nobody answers fails within one command. By default an unanswered entry sends mcast_solicit (3)
 * requests retrans_time (1 s) apart, and stays INCOMPLETE for 3 s: past `ping -W 1`'s end, so its later
 * requests and its turn to FAILED land in whichever command the kernel side happens to be running then
 * (the arp kind's misses). Two requests 100 ms apart fail it after 200 ms, before ping gives up, and
 * before `-i 0.3`'s next packet (neigh_timer_handler()).
 */
export const NEIGH = (dev: string) =>
  `net.ipv4.neigh.${dev}.base_reachable_time_ms=3600000 net.ipv4.neigh.${dev}.delay_first_probe_time=3600` +
  ` net.ipv4.neigh.${dev}.retrans_time_ms=100 net.ipv4.neigh.${dev}.mcast_solicit=2`;

/**
 * The bridged lab the bridge kinds share: br0 (snooping off, so it sends no IGMP of its own) with
 * namespaces a and b behind va and vb, and a host veth pair v0/v1 whose v0 may join br0.
 */
export function bridgedLab(hostAddr: boolean): string[] {
  const lines = [
    'sysctl -w net.ipv4.conf.all.rp_filter=0',
    'sysctl -w net.ipv4.conf.default.rp_filter=0',
    'ip netns add a',
    'ip netns add b',
    'ip link add br0 type bridge mcast_snooping 0',
    'ip link add va type veth peer name eth0 netns a',
    'ip link add vb type veth peer name eth0 netns b',
    'ip link add v0 type veth peer name v1',
    'ip link set br0 address 02:00:00:00:00:10',
    'ip link set v0 address 02:00:00:00:00:01',
    'ip link set v1 address 02:00:00:00:00:02',
    'ip link set va address 02:00:00:00:00:03',
    'ip link set vb address 02:00:00:00:00:04',
    'ip -n a link set eth0 address 02:00:00:00:00:a1',
    'ip -n b link set eth0 address 02:00:00:00:00:b1',
  ];
  for (const d of ['br0', 'v0', 'v1', 'va', 'vb']) lines.push(`sysctl -w ${NEIGH(d)}`);
  for (const n of ['a', 'b']) {
    lines.push(`ip netns exec ${n} sysctl -w ${NEIGH('eth0')}`);
    lines.push(
      `ip netns exec ${n} sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.eth0.rp_filter=0`,
    );
  }
  lines.push('ip -n a addr add 10.9.0.11/24 dev eth0', 'ip -n b addr add 10.9.0.12/24 dev eth0');
  if (hostAddr) lines.push('ip addr add 10.9.0.1/24 dev br0');
  lines.push('ip link set va master br0', 'ip link set vb master br0');
  for (const d of ['br0', 'v0', 'v1', 'va', 'vb']) lines.push(`ip link set ${d} up`);
  lines.push('ip -n a link set eth0 up', 'ip -n b link set eth0 up', 'sleep 1');
  return lines;
}
