// Link kinds by registration (net/core/rtnetlink.c: rtnl_link_register, rtnl_link_ops_get; and
// iproute2's struct link_util, get_link_kind): each kind (veth, bridge, tun, nic, ...) lives in one file
// and registers one of these from sim/init.ts. The core and the `ip link` command know no kind.
import type { Mac } from '../core/addr';
import type { NetDevice } from './netdevice';
import type { Netns } from './netns';
import type { FdbReq } from './fdb';

/** An errno the kernel answers (rtnetlink's -E...), with the extack message when it sets one. */
export class RtnlError extends Error {
  constructor(
    readonly errno: string,
    readonly extack: string | null = null,
  ) {
    super(extack ?? errno);
  }
}

/** The generic IFLA_* attributes of a request, as iplink_parse() puts them before IFLA_LINKINFO. */
export interface LinkAttrs {
  /** IFLA_IFNAME (null: the kind's "name%d") */
  name: string | null;
  address?: Mac;
  mtu?: number;
  txqlen?: number;
  /** IFLA_NET_NS_*: where the device is made */
  ns: Netns;
  /** IFF_UP asked for (rtnl_configure_link) */
  up?: boolean;
  /** IFLA_LINK: `link DEV`, looked up in the namespace the command runs in (undefined: not given;
   *  null: no such device, which the kind answers as it does) */
  lower?: NetDevice | null;
}

/** What a kind's option parser may ask of `ip link`: nested attributes, as veth's "peer" has. */
export interface LinkParseCtx {
  /** iplink_parse() of the words that follow (veth's peer): the generic attributes, with their namespace */
  parseNested(args: string[]): LinkAttrs;
}

/** A fact for the diagram: how the page draws a device of this kind (no networking decision). */
export interface LinkDiagram<D extends NetDevice = NetDevice> {
  /** 'switch': a box its ports hang under (a bridge); 'interface': a plain interface */
  node: 'switch' | 'interface';
  /** the device it is stacked on (a macvlan's parent), drawn hanging off it */
  lower?(dev: D): NetDevice | null;
  /** a word shown after the name ("tap"), or null */
  tag?(dev: D): string | null;
  /** the other end of its wire (a veth's peer, a NIC's cable partner, a tap's VM NIC); `vmNic(vm)` is
   *  the NIC a VM's process drives, `tapOf(vm)` the tap that process holds open */
  peer?(dev: D, ends: { vmNic(vm: Netns): NetDevice | null; tapOf(vm: Netns): NetDevice | null }): NetDevice | null;
}

/** struct rtnl_link_ops plus iproute2's struct link_util for the same kind. O: the parsed options. */
export interface RtnlLinkOps<O = unknown, D extends NetDevice = NetDevice> {
  /** IFLA_INFO_KIND ("veth", "bridge", "tun") */
  readonly kind: string;
  /** link_util->parse_opt: the words after `type KIND` (throws iproute2's message as a CmdError) */
  parse?(args: string[], ctx: LinkParseCtx): O;
  /** ->validate(): the generic attributes checked before the name is looked up (an errno, or null) */
  validate?(attrs: LinkAttrs): string | null;
  /** ->newlink() (with ->setup and register_netdevice): the device, registered; throws RtnlError */
  newlink?(attrs: LinkAttrs, opts: O): D;
  /** ->changelink(): `ip link set DEV type KIND OPTIONS`; throws RtnlError (or iproute2's CmdError) */
  changelink?(dev: D, opts: O): void;
  /** ->dellink(): unregister the device (and what goes with it, as a veth's peer) */
  dellink?(dev: D): void;
  /** ->netns_refund: the device goes back to the initial namespace when its namespace dies (a NIC) */
  readonly netnsRefund?: boolean;
  /** ->get_link_net(): the namespace IFLA_LINK names (a veth's peer's), or null for its own */
  getLinkNet?(dev: D): Netns | null;
  /** ->fill_info() as link_util->print_opt prints it: the kind's `ip -d link` line after "    KIND " */
  printOpt?(dev: D): string;
  /** the kind's line of `ip -d link` when it is not IFLA_INFO_KIND (a tap is "tun") */
  printKind?: string;
  /** ->get_num_tx_queues() / ->get_num_rx_queues() (default 1) */
  numQueues?(dev: D): number;
  /** dev->max_mtu as the kind's setup leaves it (default ETH_MAX_MTU) */
  maxMtu?(dev: D): number;
  /** IFLA_INFO_SLAVE_KIND of its ports ("bridge_slave") */
  readonly slaveKind?: string;
  /** link_util->parse_opt of the slave kind */
  parseSlave?(args: string[]): unknown;
  /** ->slave_changelink(): `ip link set PORT type bridge_slave OPTIONS` */
  slaveChangelink?(dev: NetDevice, opts: unknown): void;
  /** ->fill_slave_info() as print_opt prints it: the port's line after "    SLAVEKIND " */
  printSlaveOpt?(dev: NetDevice): string | null;
  /** the master's ndo_add_slave / ndo_del_slave (do_set_master) */
  addSlave?(master: D, dev: NetDevice): void;
  delSlave?(master: D, dev: NetDevice): void;
  /** the kind's ndo_fdb_add / ndo_fdb_del (`bridge fdb add|del`): `master` is the device of this kind
   *  (the bridge), `dev` the device named (the bridge itself, or its port); throws RtnlError */
  fdbAdd?(master: D, dev: NetDevice, r: FdbReq): void;
  fdbDel?(master: D, dev: NetDevice, r: FdbReq): void;
  readonly diagram: LinkDiagram<D>;
}

/** A registered kind's ops, whatever its options and device class (dev->rtnl_link_ops) */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds every kind's ops
export type AnyLinkOps = RtnlLinkOps<any, any>;

/** link_ops: the registered kinds, by IFLA_INFO_KIND */
const linkOps = new Map<string, AnyLinkOps>();

/** rtnl_link_register() */
export function rtnlLinkRegister<O, D extends NetDevice>(ops: RtnlLinkOps<O, D>): void {
  const had = linkOps.get(ops.kind);
  if (had && had !== ops) throw new Error(`rtnl_link_register: "${ops.kind}" is taken`);
  linkOps.set(ops.kind, ops as AnyLinkOps);
}

/** rtnl_link_ops_get(): the kind's ops, or undefined ("Unknown device type") */
export function rtnlLinkOpsGet(kind: string): AnyLinkOps | undefined {
  return linkOps.get(kind);
}

/** The ops whose ports have this slave kind ("bridge_slave" -> the bridge's). */
export function rtnlSlaveOpsGet(slaveKind: string): AnyLinkOps | undefined {
  for (const o of linkOps.values()) if (o.slaveKind === slaveKind) return o;
  return undefined;
}

/** Every registered kind, in registration order. */
export function rtnlLinkKinds(): string[] {
  return [...linkOps.keys()];
}

/** dev->rtnl_link_ops->kind: what `ip link show type KIND` and `ip -d link` name the device's kind */
export function linkKindOf(dev: NetDevice): string {
  return dev.rtnlLinkOps?.kind ?? dev.kind;
}
