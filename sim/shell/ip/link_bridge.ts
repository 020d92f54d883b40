// `ip link add|set ... type bridge OPTIONS`: iproute2 6.1 ip/iplink_bridge.c bridge_parse_opt() reads
// them (in its order, which decides what an abbreviation means, and at the width of each attribute);
// the kernel's br_changelink() (net/bridge/br_netlink.c) applies them in its own order and stops at the
// first error, keeping what it already applied.
import type { Mac } from '../../core/addr';
import type { Bridge } from '../../bridge/br_device';
import { brStpSetBridgePriority, brStpSetEnabled } from '../../bridge/br_stp_if';
import { isRootBridge } from '../../bridge/br_stp';
import { brMulticastToggle } from '../../bridge/br_multicast';
import { clockToJiffies, jiffiesToClock, HZ } from '../../bridge/br_opts';
import { fdbFlush } from '../../bridge/br_fdb';
import { CmdError, extackError, rtnlError } from '../errors';
import { Args, invarg, matches } from './util';

/** iplink_bridge.c print_explain(): printed after an unknown option, and for help */
export const BRIDGE_USAGE = [
  'Usage: ... bridge [ fdb_flush ]',
  '\t\t  [ forward_delay FORWARD_DELAY ]',
  '\t\t  [ hello_time HELLO_TIME ]',
  '\t\t  [ max_age MAX_AGE ]',
  '\t\t  [ ageing_time AGEING_TIME ]',
  '\t\t  [ stp_state STP_STATE ]',
  '\t\t  [ priority PRIORITY ]',
  '\t\t  [ group_fwd_mask MASK ]',
  '\t\t  [ group_address ADDRESS ]',
  '\t\t  [ no_linklocal_learn NO_LINKLOCAL_LEARN ]',
  '\t\t  [ vlan_filtering VLAN_FILTERING ]',
  '\t\t  [ vlan_protocol VLAN_PROTOCOL ]',
  '\t\t  [ vlan_default_pvid VLAN_DEFAULT_PVID ]',
  '\t\t  [ vlan_stats_enabled VLAN_STATS_ENABLED ]',
  '\t\t  [ vlan_stats_per_port VLAN_STATS_PER_PORT ]',
  '\t\t  [ mcast_snooping MULTICAST_SNOOPING ]',
  '\t\t  [ mcast_vlan_snooping MULTICAST_VLAN_SNOOPING ]',
  '\t\t  [ mcast_router MULTICAST_ROUTER ]',
  '\t\t  [ mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR ]',
  '\t\t  [ mcast_querier MULTICAST_QUERIER ]',
  '\t\t  [ mcast_hash_elasticity HASH_ELASTICITY ]',
  '\t\t  [ mcast_hash_max HASH_MAX ]',
  '\t\t  [ mcast_last_member_count LAST_MEMBER_COUNT ]',
  '\t\t  [ mcast_startup_query_count STARTUP_QUERY_COUNT ]',
  '\t\t  [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]',
  '\t\t  [ mcast_membership_interval MEMBERSHIP_INTERVAL ]',
  '\t\t  [ mcast_querier_interval QUERIER_INTERVAL ]',
  '\t\t  [ mcast_query_interval QUERY_INTERVAL ]',
  '\t\t  [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]',
  '\t\t  [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]',
  '\t\t  [ mcast_stats_enabled MCAST_STATS_ENABLED ]',
  '\t\t  [ mcast_igmp_version IGMP_VERSION ]',
  '\t\t  [ mcast_mld_version MLD_VERSION ]',
  '\t\t  [ nf_call_iptables NF_CALL_IPTABLES ]',
  '\t\t  [ nf_call_ip6tables NF_CALL_IP6TABLES ]',
  '\t\t  [ nf_call_arptables NF_CALL_ARPTABLES ]',
  'Where: VLAN_PROTOCOL := { 802.1Q | 802.1ad }',
];

type Width = 8 | 16 | 32 | 64 | 'flag' | 'lladdr' | 'proto';

/** bridge_parse_opt()'s keywords in the order it tries them, with the width get_uN() reads */
const OPTIONS: [string, Width][] = [
  ['forward_delay', 32],
  ['hello_time', 32],
  ['max_age', 32],
  ['ageing_time', 32],
  ['stp_state', 32],
  ['priority', 16],
  ['vlan_filtering', 8],
  ['vlan_protocol', 'proto'],
  ['group_fwd_mask', 16],
  ['group_address', 'lladdr'],
  ['fdb_flush', 'flag'],
  ['vlan_default_pvid', 16],
  ['vlan_stats_enabled', 8],
  ['vlan_stats_per_port', 8],
  ['mcast_router', 8],
  ['mcast_snooping', 8],
  ['mcast_vlan_snooping', 8],
  ['mcast_query_use_ifaddr', 8],
  ['mcast_querier', 8],
  ['mcast_hash_elasticity', 32],
  ['mcast_hash_max', 32],
  ['mcast_last_member_count', 32],
  ['mcast_startup_query_count', 32],
  ['mcast_last_member_interval', 64],
  ['mcast_membership_interval', 64],
  ['mcast_querier_interval', 64],
  ['mcast_query_interval', 64],
  ['mcast_query_response_interval', 64],
  ['mcast_startup_query_interval', 64],
  ['mcast_stats_enabled', 8],
  ['mcast_igmp_version', 8],
  ['mcast_mld_version', 8],
  ['nf_call_iptables', 8],
  ['nf_call_ip6tables', 8],
  ['nf_call_arptables', 8],
  ['no_linklocal_learn', 8],
];

/** br_changelink()'s order; the multi-boolopt attribute (no_linklocal_learn, mcast_vlan_snooping) last */
const APPLY_ORDER = [
  'forward_delay',
  'hello_time',
  'max_age',
  'ageing_time',
  'stp_state',
  'priority',
  'vlan_filtering',
  'vlan_protocol',
  'vlan_default_pvid',
  'vlan_stats_enabled',
  'vlan_stats_per_port',
  'group_fwd_mask',
  'group_address',
  'fdb_flush',
  'mcast_router',
  'mcast_snooping',
  'mcast_query_use_ifaddr',
  'mcast_querier',
  'mcast_hash_elasticity',
  'mcast_hash_max',
  'mcast_last_member_count',
  'mcast_startup_query_count',
  'mcast_last_member_interval',
  'mcast_membership_interval',
  'mcast_querier_interval',
  'mcast_query_interval',
  'mcast_query_response_interval',
  'mcast_startup_query_interval',
  'mcast_stats_enabled',
  'mcast_igmp_version',
  'mcast_mld_version',
  'nf_call_iptables',
  'nf_call_ip6tables',
  'nf_call_arptables',
  'no_linklocal_learn',
  'mcast_vlan_snooping',
] as const;

/** The parsed attributes: numbers, a group address's bytes, or true for fdb_flush. */
export type BridgeAttrs = Map<string, number | number[] | true>;

/** get_u8/16/32/64(..., 0): strtoul() with base 0 (0x hex, leading 0 octal), within the width */
function getUnsignedBase0(s: string, width: 8 | 16 | 32 | 64): number | undefined {
  let n: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0[0-7]*$/.test(s)) n = parseInt(s, 8);
  else if (/^[1-9]\d*$/.test(s)) n = Number(s);
  else return undefined;
  if (width !== 64 && n >= 2 ** width) return undefined;
  if (!Number.isSafeInteger(n)) return undefined;
  return n;
}

/** ll_proto_a2n(): the names of iproute2's protocol table, or a number */
const PROTO_NAMES: Record<string, number> = {
  loop: 0x0060,
  pup: 0x0200,
  pupat: 0x0201,
  ip: 0x0800,
  x25: 0x0805,
  arp: 0x0806,
  bpq: 0x08ff,
  ieeepup: 0x0a00,
  ieeepupat: 0x0a01,
  dec: 0x6000,
  dna_dl: 0x6001,
  dna_rc: 0x6002,
  dna_rt: 0x6003,
  lat: 0x6004,
  diag: 0x6005,
  cust: 0x6006,
  sca: 0x6007,
  rarp: 0x8035,
  atalk: 0x809b,
  aarp: 0x80f3,
  ipx: 0x8137,
  ipv6: 0x86dd,
  ppp_disc: 0x8863,
  ppp_ses: 0x8864,
  atmmpoa: 0x884c,
  atmfate: 0x8884,
  '802.1q': 0x8100,
  '802.1ad': 0x88a8,
  mpls_uc: 0x8847,
  mpls_mc: 0x8848,
  '802_3': 0x0001,
  ax25: 0x0002,
  all: 0x0003,
  '802_2': 0x0004,
  snap: 0x0005,
  ddcmp: 0x0006,
  wan_ppp: 0x0007,
  ppp_mp: 0x0008,
  localtalk: 0x0009,
  can: 0x000c,
  ppptalk: 0x0010,
  tr_802_2: 0x0011,
  mobitex: 0x0015,
  control: 0x0016,
  irda: 0x0017,
  econet: 0x0018,
  tipc: 0x88ca,
  aoe: 0x88a2,
  lldp: 0x88cc,
  ieee802154: 0x00f6,
  macsec: 0x88e5,
};

/** ll_addr_a2n(): hex bytes separated by ':' (or '.'), at most as many as the buffer holds */
function llAddrA2n(s: string): number[] {
  const bytes: number[] = [];
  for (const part of s.split(/[:.]/)) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(part)) throw new CmdError(`"${part}" is invalid lladdr.`, 1);
    bytes.push(parseInt(part, 16));
  }
  return bytes;
}

/** bridge_parse_opt() */
export function parseBridgeOpts(args: string[]): BridgeAttrs {
  const a = new Args(args);
  const given: BridgeAttrs = new Map();
  while (a.more) {
    const w = a.cur;
    if (matches(w, 'help')) throw new CmdError(BRIDGE_USAGE, 255);
    const opt = OPTIONS.find(([name]) => matches(w, name));
    if (!opt) throw new CmdError([`bridge: unknown command "${w}"?`, ...BRIDGE_USAGE], 255);
    const [name, width] = opt;
    if (width === 'flag') {
      given.set(name, true);
      a.advance();
      continue;
    }
    const v = a.next();
    if (width === 'lladdr') given.set(name, llAddrA2n(v));
    else if (width === 'proto') {
      const p = PROTO_NAMES[v.toLowerCase()] ?? getUnsignedBase0(v, 16);
      if (p === undefined) throw invarg(`invalid ${name}`, v);
      given.set(name, p);
    } else {
      const n = getUnsignedBase0(v, width);
      if (n === undefined) throw invarg(`invalid ${name}`, v);
      given.set(name, n);
    }
    a.advance();
  }
  return given;
}

/** br_set_hello_time() / br_set_max_age() / br_set_forward_delay(): ranges in jiffies, ERANGE outside. */
const TIME_RANGES: Record<'forwardDelay' | 'helloTime' | 'maxAge', [number, number]> = {
  helloTime: [1 * HZ, 10 * HZ],
  maxAge: [6 * HZ, 40 * HZ],
  forwardDelay: [2 * HZ, 30 * HZ],
};

/** br_set_forward_delay() and friends: the root also starts using the new value. */
function setBridgeTime(br: Bridge, key: 'forwardDelay' | 'helloTime' | 'maxAge', cs: number): void {
  const t = clockToJiffies(cs);
  const [lo, hi] = TIME_RANGES[key];
  // the forward delay is checked only while STP runs (br_stp_start clamps it when STP comes on)
  if ((key !== 'forwardDelay' || br.stpState) && (t < lo || t > hi)) throw rtnlError('ERANGE');
  const v = jiffiesToClock(t);
  br[key] = v;
  if (isRootBridge(br)) br.stp[key] = v;
}

/** BR_GROUPFWD_RESTRICTED: STP, MAC pause and LACP may never be forwarded */
const GROUPFWD_RESTRICTED = 0x7;
/** BR_MULTICAST_QUERY_INTVL_MIN / _MAX and BR_MULTICAST_STARTUP_QUERY_INTVL_MIN / _MAX (1 s .. 1 day) */
const clampQueryIntvl = (j: number) => Math.min(Math.max(j, HZ), 86400 * HZ);

/** br_changelink() */
export function applyBridgeOpts(br: Bridge, given: BridgeAttrs): void {
  const o = br.opts;
  for (const k of APPLY_ORDER) {
    const v = given.get(k);
    if (v === undefined) continue;
    const n = typeof v === 'number' ? v : 0;
    switch (k) {
      case 'forward_delay':
        setBridgeTime(br, 'forwardDelay', n);
        break;
      case 'hello_time':
        setBridgeTime(br, 'helloTime', n);
        break;
      case 'max_age':
        setBridgeTime(br, 'maxAge', n);
        break;
      // br_set_ageing_time(): mod_delayed_work(&br->gc_work, 0), up or down
      case 'ageing_time':
        br.ageingTime = jiffiesToClock(clockToJiffies(n));
        br.gcKick();
        break;
      case 'stp_state':
        brStpSetEnabled(br, n !== 0);
        break;
      case 'priority':
        brStpSetBridgePriority(br, n);
        break;
      // this kernel has no CONFIG_BRIDGE_VLAN_FILTERING: br_vlan_filter_toggle() is a stub
      case 'vlan_filtering':
        throw rtnlError('EOPNOTSUPP');
      case 'vlan_protocol':
      case 'vlan_default_pvid':
      case 'vlan_stats_enabled':
      case 'vlan_stats_per_port':
        break;
      case 'group_fwd_mask':
        if (n & GROUPFWD_RESTRICTED) throw rtnlError('EINVAL');
        br.groupFwdMask = n;
        break;
      case 'group_address': {
        const b = v as number[];
        // IFLA_BR_GROUP_ADDR's policy: NLA_BINARY of at most ETH_ALEN
        if (b.length > 6) throw extackError('Attribute failed policy validation');
        // 01:80:c2:00:00:0X, not pause (1), slow protocols (2) or PAE (3)
        if (
          b.length !== 6 ||
          b[0] !== 0x01 ||
          b[1] !== 0x80 ||
          b[2] !== 0xc2 ||
          b[3] !== 0 ||
          b[4] !== 0 ||
          (b[5]! & 0xf0) !== 0
        )
          throw rtnlError('EINVAL');
        if (b[5] === 1 || b[5] === 2 || b[5] === 3) throw rtnlError('EINVAL');
        o.groupAddr = b.reduce((acc, x) => acc * 256 + x, 0) as Mac;
        break;
      }
      case 'fdb_flush':
        fdbFlush(br);
        break;
      // br_multicast_set_router(): disabled, temporary (learnt from queries) or permanent
      case 'mcast_router':
        if (n > 2) throw rtnlError('EINVAL');
        o.mcastRouter = n;
        break;
      case 'mcast_snooping':
        brMulticastToggle(br, n !== 0);
        break;
      case 'mcast_query_use_ifaddr':
        o.mcastQueryUseIfaddr = n !== 0;
        break;
      // br_multicast_set_querier(): the flag (the querier's own queries are not modelled)
      case 'mcast_querier':
        o.mcastQuerier = n !== 0;
        break;
      // "the hash_elasticity option has been deprecated and is always 16"
      case 'mcast_hash_elasticity':
        break;
      case 'mcast_hash_max':
        o.mcastHashMax = n;
        break;
      case 'mcast_last_member_count':
        o.mcastLastMemberCount = n;
        break;
      case 'mcast_startup_query_count':
        o.mcastStartupQueryCount = n;
        break;
      case 'mcast_last_member_interval':
        o.mcastLastMemberInterval = clockToJiffies(n);
        break;
      case 'mcast_membership_interval':
        o.mcastMembershipInterval = clockToJiffies(n);
        break;
      case 'mcast_querier_interval':
        o.mcastQuerierInterval = clockToJiffies(n);
        break;
      // br_multicast_set_query_intvl(), br_multicast_set_startup_query_intvl(): clamped to 1 s .. 1 day
      case 'mcast_query_interval':
        o.mcastQueryInterval = clampQueryIntvl(clockToJiffies(n));
        break;
      case 'mcast_query_response_interval':
        o.mcastQueryResponseInterval = clockToJiffies(n);
        break;
      case 'mcast_startup_query_interval':
        o.mcastStartupQueryInterval = clampQueryIntvl(clockToJiffies(n));
        break;
      case 'mcast_stats_enabled':
        o.mcastStatsEnabled = n !== 0;
        break;
      // br_multicast_set_igmp_version(), br_multicast_set_mld_version()
      case 'mcast_igmp_version':
        if (n !== 2 && n !== 3) throw rtnlError('EINVAL');
        o.mcastIgmpVersion = n;
        break;
      case 'mcast_mld_version':
        if (n !== 1 && n !== 2) throw rtnlError('EINVAL');
        o.mcastMldVersion = n;
        break;
      case 'nf_call_iptables':
        o.nfCallIptables = n !== 0;
        break;
      case 'nf_call_ip6tables':
        o.nfCallIp6tables = n !== 0;
        break;
      case 'nf_call_arptables':
        o.nfCallArptables = n !== 0;
        break;
      // br_boolopt_multi_toggle(): BR_BOOLOPT_NO_LL_LEARN, then BR_BOOLOPT_MCAST_VLAN_SNOOPING
      case 'no_linklocal_learn':
        o.noLinklocalLearn = n !== 0;
        break;
      case 'mcast_vlan_snooping':
        if (n !== 0) throw extackError('bridge: Cannot enable multicast vlan snooping with vlan filtering disabled');
        break;
    }
  }
}
