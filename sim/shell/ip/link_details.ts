// What `ip -d link` adds (iproute2 ip/ipaddress.c print_linkinfo with -details, ip/iplink_bridge.c
// bridge_print_opt, ip/iplink_bridge_slave.c bridge_slave_print_opt, ip/iptuntap.c print_opt), and the
// second line of `bridge -d link` (bridge/link.c print_protinfo). Figures the model has no state for are
// those of a default device on Linux 6.18 (multicast snooping's tunables, GSO limits).
import type { NetDevice } from '../../net/netdevice';
import type { Bridge } from '../../bridge/br_device';
import type { BridgePort } from '../../bridge/br_private';
import { bridgeId, portId } from '../../bridge/br_stp';
import type { Timer } from '../../core/scheduler';
import { fmtMac } from '../../core/addr';
import { jiffiesToClock } from '../../bridge/br_opts';

/** dev->max_mtu: lo's 0, else what the kind's setup leaves (ETH_MAX_MTU unless it says) */
const maxMtu = (dev: NetDevice) => (dev.isLoopback ? 0 : (dev.rtnlLinkOps?.maxMtu?.(dev) ?? 65535));

/** "8000.2:0:0:0:0:1": br_print_bridge_id() prints the priority bytes %.2x, the MAC bytes %x. */
function iprouteBridgeId(id: string): string {
  const hex = id.padEnd(16, '0');
  const mac = [];
  for (let i = 4; i < 16; i += 2) mac.push(parseInt(hex.slice(i, i + 2), 16).toString(16));
  return `${hex.slice(0, 4)}.${mac.join(':')}`;
}

/** br_timer_value() in USER_HZ, printed "%4i.%.2i" by print_timer(). */
function fmtTimer(rem: number): string {
  const cs = Math.max(0, Math.floor(rem / 10_000));
  return `${String(Math.floor(cs / 100)).padStart(4)}.${String(cs % 100).padStart(2, '0')}`;
}

const left = (t: Timer | null, now: number) => (t && !t.cancelled ? t.time - now : 0);
const onOff = (b: boolean) => (b ? 'on' : 'off');
/** print_0xhex(): "%#llx", which writes zero as 0 */
const hex0 = (n: number) => (n ? `0x${n.toString(16)}` : '0');

/** br_fill_info(): the bridge's attributes, in the order the kernel puts them. */
export function bridgeOpts(br: Bridge): string {
  const now = br.ns.world.now;
  const s = br.stp;
  const id = iprouteBridgeId(bridgeId(br));
  const o = br.opts;
  const n = (b: boolean) => (b ? 1 : 0);
  // br_fill_info(): clock_t_to_jiffies()'s inverse, jiffies_to_clock_t()
  const c = jiffiesToClock;
  return [
    `forward_delay ${br.forwardDelay} hello_time ${br.helloTime} max_age ${br.maxAge} ageing_time ${br.ageingTime}`,
    `stp_state ${br.stpState} priority ${br.priority} vlan_filtering 0 bridge_id ${id} designated_root ${iprouteBridgeId(s.designatedRoot)}`,
    `root_port ${s.rootPort} root_path_cost ${s.rootPathCost} topology_change ${br.topologyChange ? 1 : 0} topology_change_detected ${s.topologyChangeDetected ? 1 : 0}`,
    `hello_timer ${fmtTimer(left(s.helloTimer, now))} tcn_timer ${fmtTimer(left(s.tcnTimer, now))} topology_change_timer ${fmtTimer(left(s.topologyChangeTimer, now))}`,
    `gc_timer ${fmtTimer(br.gcLeft(now))} group_fwd_mask ${hex0(br.groupFwdMask)} group_address ${fmtMac(o.groupAddr)}`,
    `mcast_snooping ${n(br.mcastSnooping)} no_linklocal_learn ${n(o.noLinklocalLearn)} mcast_vlan_snooping 0 mcast_router ${o.mcastRouter} mcast_query_use_ifaddr ${n(o.mcastQueryUseIfaddr)} mcast_querier ${n(o.mcastQuerier)}`,
    `mcast_hash_elasticity 16 mcast_hash_max ${o.mcastHashMax} mcast_last_member_count ${o.mcastLastMemberCount} mcast_startup_query_count ${o.mcastStartupQueryCount} mcast_last_member_interval ${c(o.mcastLastMemberInterval)}`,
    `mcast_membership_interval ${c(o.mcastMembershipInterval)} mcast_querier_interval ${c(o.mcastQuerierInterval)} mcast_query_interval ${c(o.mcastQueryInterval)} mcast_query_response_interval ${c(o.mcastQueryResponseInterval)}`,
    `mcast_startup_query_interval ${c(o.mcastStartupQueryInterval)} mcast_stats_enabled ${n(o.mcastStatsEnabled)} mcast_igmp_version ${o.mcastIgmpVersion} mcast_mld_version ${o.mcastMldVersion} nf_call_iptables ${n(o.nfCallIptables)} nf_call_ip6tables ${n(o.nfCallIp6tables)} nf_call_arptables ${n(o.nfCallArptables)}`,
  ].join(' ');
}

/** br_port_fill_attrs(): the port's attributes. */
export function portOpts(p: BridgePort): string {
  const now = p.br.ns.world.now;
  const s = p.stp;
  const pid = portId(p);
  return [
    `state ${p.state} priority ${p.priority} cost ${p.pathCost} hairpin ${onOff(p.hairpin)} guard ${onOff(p.flags.guard)} root_block ${onOff(p.flags.root_block)} fastleave ${onOff(p.flags.fastleave)}`,
    `learning ${onOff(p.learning)} flood ${onOff(p.flood)} port_id 0x${pid.toString(16)} port_no 0x${p.portNo.toString(16)}`,
    `designated_port ${s.designatedPort} designated_cost ${s.designatedCost} designated_bridge ${iprouteBridgeId(s.designatedBridge)} designated_root ${iprouteBridgeId(s.designatedRoot)}`,
    `hold_timer ${fmtTimer(left(s.holdTimer, now))} message_age_timer ${fmtTimer(left(s.messageAgeTimer, now))} forward_delay_timer ${fmtTimer(left(p.forwardDelayTimer, now))}`,
    `topology_change_ack ${s.topologyChangeAck ? 1 : 0} config_pending ${s.configPending ? 1 : 0} proxy_arp ${onOff(p.flags.proxy_arp)} proxy_arp_wifi ${onOff(p.flags.proxy_arp_wifi)}`,
    `mcast_router ${p.mcastRouter} mcast_fast_leave ${onOff(p.flags.fastleave)} mcast_flood ${onOff(p.mcastFlood)} bcast_flood ${onOff(p.bcastFlood)}`,
    `mcast_to_unicast ${onOff(p.flags.mcast_to_unicast)} neigh_suppress ${onOff(p.flags.neigh_suppress)} group_fwd_mask ${hex0(p.groupFwdMask)} group_fwd_mask_str 0x${p.groupFwdMask.toString(16)}`,
    `vlan_tunnel ${onOff(p.flags.vlan_tunnel)} isolated ${onOff(p.flags.isolated)} locked ${onOff(p.flags.locked)}`,
  ].join(' ');
}

/**
 * The -d lines of a link: the first continues the link/ether line; then a line for the kind and one for
 * the bridge port. `ip addr` does not ask for IFLA_AF_SPEC, so its form has no addrgenmode.
 */
export function detailLines(dev: NetDevice, forAddr = false): string[] {
  const lines = [
    `promiscuity ${dev.promiscuity + (dev.gPromisc ? 1 : 0)}  allmulti ${dev.allmulti + (dev.gAllmulti ? 1 : 0)} minmtu ${dev.isLoopback ? 0 : 68} maxmtu ${maxMtu(dev)} `,
  ];
  // IFLA_LINKINFO: the kind's print_opt, then the slave kind's (the master's ->fill_slave_info)
  const ops = dev.rtnlLinkOps;
  if (ops?.printOpt) lines.push(`    ${ops.printKind ?? ops.kind} ${ops.printOpt(dev)}`);
  const mops = dev.master?.rtnlLinkOps;
  const slave = mops?.printSlaveOpt?.(dev);
  if (mops && slave != null) lines.push(`    ${mops.slaveKind} ${slave}`);
  const q = ops?.numQueues?.(dev) ?? 1;
  lines[lines.length - 1] +=
    `${forAddr ? '' : 'addrgenmode eui64 '}numtxqueues ${q} numrxqueues ${q} gso_max_size 65536 gso_max_segs 65535 tso_max_size ${dev.tsoMaxSize} tso_max_segs 65535 gro_max_size 65536 `;
  return lines;
}

/** `bridge -d link`: the port's flags on a line of their own. */
export function bridgeLinkDetails(p: BridgePort): string {
  const f = p.flags;
  return `    hairpin ${onOff(p.hairpin)} guard ${onOff(f.guard)} root_block ${onOff(f.root_block)} fastleave ${onOff(f.fastleave)} learning ${onOff(p.learning)} flood ${onOff(p.flood)} mcast_flood ${onOff(p.mcastFlood)} bcast_flood ${onOff(p.bcastFlood)} mcast_router ${p.mcastRouter} mcast_to_unicast ${onOff(f.mcast_to_unicast)} neigh_suppress ${onOff(f.neigh_suppress)} vlan_tunnel ${onOff(f.vlan_tunnel)} isolated ${onOff(f.isolated)} locked ${onOff(f.locked)} `;
}
