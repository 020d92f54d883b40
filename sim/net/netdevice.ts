// struct net_device: what every device kind shares (include/linux/netdevice.h, net/core/dev.c).
import type { Mac } from '../core/addr';
import type { Netns } from './netns';
import type { Skb } from './skb';
import type { InDevice } from '../ipv4/devinet';
import type { NeighParms } from '../ipv4/neigh_parms';
import type { BridgePort } from '../bridge/br_private';
import type { PacketSocket } from './packet_socket';
import type { AnyLinkOps } from './rtnl_link';
import { rtnlNotify } from './rtnl_notify';

/** The device's kind; a kind registered later (rtnl_link.ts) adds its own name. */
export type DevKind = 'loopback' | 'veth' | 'bridge' | 'tun' | 'tap' | 'dummy' | 'nic' | (string & {});
/** dev->type: ARPHRD_ETHER, ARPHRD_LOOPBACK, ARPHRD_NONE (a tun: no link-layer header, no header_ops) */
export type HwType = 'ether' | 'loopback' | 'none';
/** RFC 2863 operstate as iproute2 prints it. */
export type OperState = 'UNKNOWN' | 'NOTPRESENT' | 'DOWN' | 'LOWERLAYERDOWN' | 'TESTING' | 'DORMANT' | 'UP';
/** addr_assign_type (include/uapi/linux/netdevice.h). */
export type AddrAssign = 'perm' | 'random' | 'set';
export type RxResult = 'consumed' | 'pass';

export abstract class NetDevice {
  abstract readonly kind: DevKind;
  ns: Netns;
  ifindex: number;
  name: string;
  /** dev->dev_addr: read per frame, so a plain field; written through setMac() */
  mac!: Mac;
  /** dev_addr_set(): the new address, told to the world's macWatch (the transcript's MAC namer) */
  setMac(m: Mac): void {
    this.mac = m;
    this.ns?.world?.macWatch?.(this);
    // the caller's NETDEV_CHANGEADDR, if any, comes later; a bridge's own address follows its ports' without one
    rtnlNotify(this.ns?.world);
  }
  addrAssign: AddrAssign = 'random';
  broadcast: Mac;
  mtu = 1500;
  txqlen = 1000;
  /** tso_max_size: GSO_LEGACY_MAX_SIZE unless the driver raises it (netif_set_tso_max_size) */
  tsoMaxSize = 65536;
  /** IFF_UP */
  up = false;
  /** !__LINK_STATE_NOCARRIER */
  carrier = true;
  operstate: OperState = 'DOWN';
  /** a linkwatch event is queued for this device */
  linkwatchPending = false;
  /**
   * The tx queue has its qdisc (dev_activate), not noop_qdisc: only while up with carrier, as linkwatch
   * last saw it. Without it every frame sent is dropped before any tap sees it.
   */
  qdiscActive = false;
  /** The qdisc shown by ip link: noop until first opened. */
  qdisc = 'noop';
  /** user-set IFF_PROMISC / IFF_ALLMULTI (gflags) */
  gPromisc = false;
  /** ip link set arp off (IFF_NOARP set by hand) */
  userNoArp = false;
  gAllmulti = false;
  /** IFF_MULTICAST cleared by hand (ip link set multicast off) */
  noMulticast = false;
  /** IFLA_IFALIAS, empty when none */
  alias = '';
  promiscuity = 0;
  /** dev->uc and dev->mc as bridge fdb add ... self fills them (secondary addresses, in order added) */
  ucList: Mac[] = [];
  /** dev->uc_promisc: promiscuous because the unicast list cannot be filtered */
  ucPromisc = false;
  allmulti = 0;
  /** dev->rtnl_link_ops: the kind that made it (rtnl_link.ts); null for lo */
  rtnlLinkOps: AnyLinkOps | null = null;
  /** dev->netns_immutable: `ip link set ... netns` refuses it (lo, a bridge) */
  netnsImmutable = false;
  /** Bridge port data when enslaved (dev->rx_handler_data). */
  brport: BridgePort | null = null;
  rxHandler: ((skb: Skb) => RxResult) | null = null;
  inDev: InDevice | null = null;
  neighParms!: NeighParms;
  /** ptype_all taps bound to this device: running captures. */
  taps: PacketSocket[] = [];
  /** ptype_specific: packet sockets for one ethertype bound to this device (arping). */
  ptypeSpecific: PacketSocket[] = [];
  /** struct rtnl_link_stats64, the counters the model moves; each driver counts as the kernel's does */
  stats = { rxPackets: 0, txPackets: 0, rxBytes: 0, txBytes: 0, rxDropped: 0, txDropped: 0 };
  /** carrier_up_count + carrier_down_count (IFLA_CARRIER_CHANGES) */
  carrierChanges = 0;
  /** dev->reg_state: NETREG_UNREGISTERING once unregister_netdevice() has begun (a netns move never sets it) */
  unregistering = false;

  constructor(ns: Netns, name: string, mac: Mac, broadcast: Mac) {
    this.ns = ns;
    this.name = name;
    this.setMac(mac);
    this.broadcast = broadcast;
    this.ifindex = 0;
  }

  /** dev_get_iflink(): the peer's ifindex for veth, else own. */
  iflink(): number {
    return this.ifindex;
  }

  /** The qdisc a device gets when first opened (noqueue for virtual devices). */
  openQdisc(): string {
    return 'noqueue';
  }

  /** ndo_open; returns false to refuse. */
  driverOpen(): void {
    /* most devices: nothing */
  }
  driverStop(): void {
    /* most devices: nothing */
  }
  /** ndo_change_mtu(): most devices just take the new MTU */
  changeMtu(mtu: number): void {
    this.mtu = mtu;
  }

  /** ndo_start_xmit: the frame leaves through this device (after taps have seen it). */
  /** The driver's ndo_start_xmit; 'drop' is NET_XMIT_DROP. */
  abstract xmit(skb: Skb): 'drop' | void;

  /** For devices without a link layer (tun): send an IP packet as it is. */
  xmitIp?(ip: Uint8Array, id: number): void;

  /** IFF_NOARP */
  get flagsNoArp(): boolean {
    return this.userNoArp;
  }

  /** dev->type */
  get hwType(): HwType {
    return 'ether';
  }

  /** the driver has an ndo_set_mac_address (a tun has none) */
  get hasSetMacAddress(): boolean {
    return true;
  }

  /** ndo_set_mac_address(): eth_mac_addr() takes the new address (dev_set_mac_address notifies) */
  ndoSetMacAddress(mac: Mac): void {
    this.setMac(mac);
  }

  /** IFF_POINTOPOINT (a tun) */
  get pointopoint(): boolean {
    return false;
  }

  /** netdev_master_upper_dev_get(): the bridge this device is a port of */
  get master(): NetDevice | null {
    return this.brport?.br ?? null;
  }

  /** IFF_LOOPBACK */
  get isLoopback(): boolean {
    return this.hwType === 'loopback';
  }

  /** netif_running() */
  get running(): boolean {
    return this.up;
  }

  /** netif_oper_up(): UP or UNKNOWN */
  get operUp(): boolean {
    return this.operstate === 'UP' || this.operstate === 'UNKNOWN';
  }

  get isPromisc(): boolean {
    return this.promiscuity > 0 || this.gPromisc;
  }
}
