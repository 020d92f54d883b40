// The port options of `bridge link set` (bridge/link.c brlink_modify) and of
// `ip link set ... type bridge_slave` (ip/iplink_bridge_slave.c), as each tool parses them.
import type { PortAttrs, PortFlagName } from '../bridge/br_netlink';
import { CmdError } from './errors';
import { getUnsigned, invarg } from './ip/util';
import { hasOwn } from '../core/own';

const FLAGS: Record<string, PortFlagName> = {
  guard: 'guard',
  hairpin: 'hairpin',
  fastleave: 'fastleave',
  root_block: 'root_block',
  learning: 'learning',
  flood: 'flood',
  mcast_flood: 'mcast_flood',
  bcast_flood: 'bcast_flood',
  mcast_to_unicast: 'mcast_to_unicast',
  neigh_suppress: 'neigh_suppress',
  vlan_tunnel: 'vlan_tunnel',
  isolated: 'isolated',
  locked: 'locked',
  proxy_arp: 'proxy_arp',
  proxy_arp_wifi: 'proxy_arp_wifi',
};

/** parse_on_off() of iproute2 6.1 */
function onOff(key: string, v: string | undefined): boolean {
  if (v === 'on') return true;
  if (v === 'off') return false;
  throw new CmdError(`Error: argument of "${key}" must be one of "off", "on", not "${v ?? ''}"`, 1);
}

const atoi = (s: string) => {
  const m = /^\s*[+-]?\d+/.exec(s);
  return m ? parseInt(m[0], 10) : 0;
};

const BRIDGE_LINK_USAGE = [
  'Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]',
  ...['guard', 'hairpin', 'fastleave', 'root_block', 'learning', 'learning_sync', 'flood'].map(
    (f) => `                               [ ${f} {on | off} ]`,
  ),
  '                               [ mcast_router MULTICAST_ROUTER ]',
  ...['mcast_flood', 'bcast_flood', 'mcast_to_unicast', 'neigh_suppress', 'vlan_tunnel', 'isolated', 'locked'].map(
    (f) => `                               [ ${f} {on | off} ]`,
  ),
  '                               [ hwmode {vepa | veb} ]',
  '                               [ backup_port DEVICE ] [ nobackup_port ]',
  '                               [ self ] [ master ]',
  '       bridge link show [dev DEV]',
];

const PORT_STATES = ['disabled', 'listening', 'learning', 'forwarding', 'blocking'];

/** brlink_modify(): cost and priority are read with atoi(); a cost of 0 is not sent. */
export function parseBridgeLinkSet(argv: string[]): { dev: string | null; attrs: PortAttrs } {
  const attrs: PortAttrs = { flags: {} };
  let dev: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new CmdError(`Command line is not complete. Try option "help"`, 255);
      return argv[++i];
    };
    if (w === 'dev') dev = next();
    else if (hasOwn(FLAGS, w) && w !== 'proxy_arp' && w !== 'proxy_arp_wifi') attrs.flags[FLAGS[w]] = onOff(w, next());
    else if (w === 'learning_sync') onOff(w, next());
    else if (w === 'cost') {
      const c = atoi(next());
      if (c > 0) attrs.cost = c >>> 0;
    } else if (w === 'priority') attrs.priority = atoi(next()) & 0xffff;
    else if (w === 'state') {
      const v = next();
      const n = /^-?\d+$/.test(v) ? Number(v) : PORT_STATES.indexOf(v.toLowerCase());
      if (n < 0) throw new CmdError('Error: invalid STP port state', 255);
      attrs.state = n & 0xff;
    } else if (w === 'mcast_router') attrs.mcastRouter = atoi(next()) & 0xff;
    else if (w === 'hwmode' || w === 'backup_port') next();
    else if (w === 'nobackup_port' || w === 'self' || w === 'master') {
      /* not modelled */
    } else throw new CmdError(BRIDGE_LINK_USAGE, 255);
  }
  return { dev, attrs };
}

const SLAVE_USAGE = [
  'Usage: ... bridge_slave [ fdb_flush ]',
  ...[
    'state STATE',
    'priority PRIO',
    'cost COST',
    'guard {on | off}',
    'hairpin {on | off}',
    'fastleave {on | off}',
    'root_block {on | off}',
    'learning {on | off}',
    'flood {on | off}',
    'proxy_arp {on | off}',
    'proxy_arp_wifi {on | off}',
    'mcast_router MULTICAST_ROUTER',
    'mcast_fast_leave {on | off}',
    'mcast_flood {on | off}',
    'bcast_flood {on | off}',
    'mcast_to_unicast {on | off}',
    'group_fwd_mask MASK',
    'neigh_suppress {on | off}',
    'vlan_tunnel {on | off}',
    'isolated {on | off}',
    'locked {on | off}',
  ].map((o) => `\t\t\t[ ${o} ]`),
  '\t\t\t[ backup_port DEVICE ] [ nobackup_port ]',
];

/** bridge_slave_parse_opt() */
export function parseBridgeSlaveOpts(argv: string[]): PortAttrs {
  const attrs: PortAttrs = { flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new CmdError(`Command line is not complete. Try option "help"`, 255);
      return argv[++i];
    };
    const num = (what: string, max: number) => {
      const v = next();
      const n = getUnsigned(v);
      if (n === undefined || n > max) throw invarg(what, v);
      return n;
    };
    if (w === 'fdb_flush') attrs.flush = true;
    else if (w === 'state') attrs.state = num('state is invalid', 255);
    else if (w === 'priority') attrs.priority = num('priority is invalid', 65535);
    else if (w === 'cost') attrs.cost = num('cost is invalid', 0xffffffff);
    else if (w === 'mcast_fast_leave') attrs.flags.fastleave = onOff(w, next());
    else if (hasOwn(FLAGS, w)) attrs.flags[FLAGS[w]] = onOff(w, next());
    else if (w === 'mcast_router') attrs.mcastRouter = num('invalid mcast_router', 255);
    else if (w === 'group_fwd_mask') attrs.groupFwdMask = num('invalid group_fwd_mask', 65535);
    else if (w === 'backup_port') next();
    else if (w === 'nobackup_port') {
      /* not modelled */
    } else throw new CmdError([`bridge_slave: unknown option "${w}"?`, ...SLAVE_USAGE], 255);
  }
  return attrs;
}
