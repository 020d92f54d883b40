// Fuzz kind bridge-opts: bridge options set at creation or later, valid and not, and read back with
// `ip -d link` (iplink_bridge.c bridge_parse_opt()/bridge_print_opt(), br_changelink()). The bridges
// stay down and ageing_time is never set, so no timer counts down in the listing.
import type { FuzzKind, Pick } from './pick';

const OPTS: [string, readonly string[]][] = [
  ['forward_delay', ['199', '400', '1500', '3001']],
  ['hello_time', ['99', '200', '1000']],
  ['max_age', ['599', '2000', '4000']],
  ['stp_state', ['0', '1']],
  ['priority', ['0', '4096', '65535', '65536', '0x10']],
  ['group_fwd_mask', ['0', '0x1', '0x4', '0x8', '0x4000', '0xfff8', '65536']],
  [
    'group_address',
    ['01:80:c2:00:00:00', '01:80:c2:00:00:01', '01:80:c2:00:00:0e', '01:80:c2:00:00:10', '01:80:c2:00:00:0f'],
  ],
  ['no_linklocal_learn', ['0', '1']],
  ['vlan_protocol', ['802.1Q', '802.1ad', '802.1x']],
  ['vlan_default_pvid', ['1', '4094']],
  ['vlan_stats_enabled', ['0', '1']],
  ['mcast_snooping', ['0', '1']],
  ['mcast_vlan_snooping', ['0', '1']],
  ['mcast_router', ['0', '1', '2', '3', '256']],
  ['mcast_query_use_ifaddr', ['0', '1']],
  ['mcast_querier', ['0', '1']],
  ['mcast_hash_elasticity', ['4', '16']],
  ['mcast_hash_max', ['512', '4096']],
  ['mcast_last_member_count', ['1', '2', '5']],
  ['mcast_startup_query_count', ['1', '3']],
  ['mcast_last_member_interval', ['50', '100', '101']],
  ['mcast_membership_interval', ['26000', '30001']],
  ['mcast_querier_interval', ['25500', '12345']],
  ['mcast_query_interval', ['50', '12500', '12501']],
  ['mcast_query_response_interval', ['999', '1000']],
  ['mcast_startup_query_interval', ['10', '3125', '3001']],
  ['mcast_stats_enabled', ['0', '1']],
  ['mcast_igmp_version', ['1', '2', '3', '4']],
  ['mcast_mld_version', ['0', '1', '2', '3']],
  ['nf_call_iptables', ['0', '1']],
  ['nf_call_ip6tables', ['0', '1']],
  ['nf_call_arptables', ['0', '1']],
];

function opts(p: Pick, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const [name, vals] = p.of(OPTS);
    out.push(`${name} ${p.of(vals)}`);
  }
  if (p.chance(0.1)) out.push('fdb_flush');
  return out.join(' ');
}

function command(p: Pick): string[] {
  const k = p.of([...Array(20).keys()]);
  if (k < 10) return [`ip link set br0 type bridge ${opts(p, p.of([1, 1, 2, 3]))}`];
  if (k < 12) {
    const addr = p.chance(0.5) ? ` address 02:00:00:00:00:${p.of(['20', '21'])}` : '';
    return [`ip link add br1${addr} type bridge ${opts(p, p.of([0, 1, 2]))}`.trimEnd()];
  }
  if (k < 13) return ['ip link del br1'];
  if (k < 14) return [`ip link set ${p.of(['va', 'vb'])} ${p.of(['master br0', 'master br1', 'nomaster'])}`];
  return [`ip -d link show ${p.of(['br0', 'br0', 'br1'])}`];
}

/** br0 with va and vb (peers in namespaces a and b), all down. */
function setup(): string[] {
  return [
    'ip netns add a',
    'ip netns add b',
    'ip link add br0 type bridge',
    'ip link add va type veth peer name eth0 netns a',
    'ip link add vb type veth peer name eth0 netns b',
    'ip link set br0 address 02:00:00:00:00:10',
    'ip link set va address 02:00:00:00:00:03',
    'ip link set vb address 02:00:00:00:00:04',
  ];
}

export const bridgeOpts: FuzzKind = { setup, command };
