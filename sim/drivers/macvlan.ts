// macvlan (drivers/net/macvlan.c): devices with addresses of their own stacked on one Ethernet device,
// the "lower" or parent, as containers use them (ip link add mv1 link eth0 type macvlan mode bridge).
//
// What the kernel does, and this file models:
// - macvlan_common_newlink(): needs IFLA_LINK (EINVAL without); a macvlan's macvlan hangs off the real
//   parent (macvlan_dev_real_dev); the parent must be an Ethernet device, not lo (macvlan_port_create:
//   EINVAL) and not already have another rx_handler such as a bridge port's (EBUSY). The first macvlan
//   registers the port, the parent's rx_handler. The MTU is the parent's, the address random unless
//   given; the mode is vepa unless given. Only one macvlan may be on a passthru port, and passthru
//   only on a port with no other macvlan (EINVAL); passthru inherits the parent's address. Carrier
//   follows the parent's (netif_stacked_transfer_operstate) at creation and on every NETDEV_UP / DOWN /
//   CHANGE of the parent (macvlan_device_event); the parent's NETDEV_UNREGISTER deletes every macvlan
//   on it, whatever namespace it has moved to. IFLA_LINK is the parent's ifindex (macvlan_dev_get_iflink),
//   so `ip link` prints mv1@eth0, or mv1@if3 with link-netnsid once moved away from the parent.
// - macvlan_open(): passthru raises the parent's promiscuity; other modes put the address on the
//   parent's unicast list (dev_uc_add), which a parent that cannot filter unicast (veth) turns into
//   promiscuity; the address is hashed (macvlan_hash_add) so the port finds the device. macvlan_stop()
//   undoes both. Only open macvlans are in the hash.
// - macvlan_queue_xmit(): a bridge-mode macvlan sends a multicast to its open bridge-mode siblings
//   directly (macvlan_broadcast(MACVLAN_MODE_BRIDGE) -> dev_forward_skb) and then to the wire; a unicast
//   for a bridge-mode sibling is handed to the parent's receive path "for its network taps"
//   (dev_forward_skb(lowerdev)), so tcpdump on the parent sees it and the wire does not. Everything else,
//   in every other mode, leaves through the parent (dev_queue_xmit on lowerdev): never up into the
//   parent's own stack, which is why a container cannot reach the host through its parent.
// - macvlan_handle_frame(), the parent's rx_handler: a multicast from a private or passthru sibling
//   (one that came back from the wire) goes to that sibling only; otherwise it passes up the parent's
//   stack and a copy goes to the siblings (macvlan_multicast_rx: an outside sender reaches all modes, a
//   vepa sibling reaches the vepa and bridge ones but itself, a bridge sibling only the vepa ones, since
//   bridge siblings saw it on the way out). A unicast is looked up by destination (a passthru port
//   takes the one macvlan): found and up, it becomes the macvlan's (PACKET_HOST, RX_HANDLER_ANOTHER);
//   found and down, dropped; not found, passed to the parent's stack. Source mode devices are never
//   looked up (their source list, macvlan_forward_source, is not modelled: empty).
import { type Mac, isMulticastMac, isValidEtherMac } from '../core/addr';
import { ethDst, ethSrc } from '../wire/ethernet';
import { countRx, countTx, devQueueXmit, ethTypeTrans, netifReceiveSkb, netifRx } from '../net/dev';
import { NetDevice, type RxResult } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { type Skb, allocSkb } from '../net/skb';
import { carrierOff, carrierOn, devSetMtu, devSetRxMode, devUnregister, linkwatchFireEvent } from '../net/link';
import type { NetdevEvent, NotifierBlock } from '../net/notifier';
import { registerNetdev } from '../net/register';
import { allocName, randomEtherMac } from '../net/rtnl';
import { type RtnlLinkOps, RtnlError } from '../net/rtnl_link';
import { CmdError } from '../shell/errors';
import { matches } from '../shell/ip/util';

export type MacvlanMode = 'private' | 'vepa' | 'bridge' | 'passthru' | 'source';
export const MACVLAN_MODES: readonly MacvlanMode[] = ['private', 'vepa', 'bridge', 'passthru', 'source'];

/** struct macvlan_port: the parent's rx_handler_data. */
class MacvlanPort {
  /** port->vlans, in the order they were made */
  readonly vlans: Macvlan[] = [];
  constructor(readonly dev: NetDevice) {}

  get passthru(): boolean {
    return this.vlans.some((v) => v.mode === 'passthru');
  }

  /** macvlan_hash_lookup(): an open macvlan with this address */
  lookup(addr: Mac): Macvlan | undefined {
    return this.vlans.find((v) => v.hashed && v.mac === addr);
  }

  /** hash_for_each_rcu(port->vlan_hash): buckets by the address's last byte, newest first within one */
  hashOrder(): Macvlan[] {
    const hashed = this.vlans.filter((v) => v.hashed).reverse();
    return hashed.sort((a, b) => (a.mac % 256) - (b.mac % 256));
  }
}

/** macvlan_port_get_rtnl(): the port a parent carries, if it has one */
const ports = new WeakMap<NetDevice, MacvlanPort>();

export class Macvlan extends NetDevice {
  readonly kind = 'macvlan' as const;
  mode: MacvlanMode;
  readonly lower: NetDevice;
  /** in port->vlan_hash: between macvlan_open() and macvlan_stop() */
  hashed = false;
  /** the address put on the parent's unicast list by macvlan_open() */
  private ucAddr: Mac | null = null;
  /** macvlan_setup(): netif_set_tso_max_size(dev, GSO_MAX_SIZE) through the lower's limits */
  override tsoMaxSize = 524280;

  constructor(ns: Netns, name: string, mac: Mac, brd: Mac, lower: NetDevice, mode: MacvlanMode) {
    super(ns, name, mac, brd);
    this.lower = lower;
    this.mode = mode;
  }

  /** macvlan_dev_get_iflink() */
  override iflink(): number {
    return this.lower.ifindex;
  }

  private get port(): MacvlanPort {
    return ports.get(this.lower)!;
  }

  /** macvlan_open() */
  override driverOpen(): void {
    const lower = this.lower;
    if (this.mode === 'passthru') {
      lower.promiscuity++; // dev_set_promiscuity(lowerdev, 1)
    } else {
      this.ucAddr = this.mac;
      lower.ucList.push(this.mac); // dev_uc_add(lowerdev, dev->dev_addr)
      devSetRxMode(lower);
    }
    this.hashed = true;
  }

  /** macvlan_stop() */
  override driverStop(): void {
    const lower = this.lower;
    if (this.mode === 'passthru') lower.promiscuity = Math.max(0, lower.promiscuity - 1);
    else if (this.ucAddr !== null) {
      const i = lower.ucList.indexOf(this.ucAddr);
      if (i >= 0) lower.ucList.splice(i, 1); // dev_uc_del()
      this.ucAddr = null;
      devSetRxMode(lower);
    }
    this.hashed = false;
  }

  /** macvlan_start_xmit() -> macvlan_queue_xmit() */
  xmit(skb: Skb): 'drop' | void {
    const len = skb.data.length;
    const port = this.port;
    if (this.mode === 'bridge') {
      const dst = ethDst(skb.data);
      if (isMulticastMac(dst)) {
        broadcast(skb, port, this, ['bridge'], true);
      } else {
        const dest = port.lookup(dst);
        if (dest && dest.mode === 'bridge') {
          // dev_forward_skb(vlan->lowerdev): "send to lowerdev first for its network taps"
          if (forwardSkb(skb, this.lower)) countTx(this, len);
          else this.stats.txDropped++;
          return;
        }
      }
    }
    // xmit_world: dev_queue_xmit() on the parent
    const r = devQueueXmit(allocSkb(skb.data, this.lower, 'outgoing', skb.id));
    if (r === 'drop') {
      this.stats.txDropped++;
      return 'drop';
    }
    countTx(this, len);
  }
}

/** dev_forward_skb(): into `dev`'s receive path as if it had arrived there; false when `dev` is down. */
function forwardSkb(skb: Skb, dev: NetDevice): boolean {
  if (!dev.up) {
    // is_skb_forwardable(): not IFF_UP
    dev.stats.rxDropped++;
    return false;
  }
  return netifRx(allocSkb(skb.data, dev, ethTypeTrans(skb.data, dev), skb.id));
}

/** macvlan_broadcast(): a copy to each open macvlan of the port in `modes`, but `src`. */
function broadcast(
  skb: Skb,
  port: MacvlanPort,
  src: Macvlan | null,
  modes: readonly MacvlanMode[],
  local: boolean,
): void {
  for (const v of port.hashOrder()) {
    if (v === src || !modes.includes(v.mode)) continue;
    // macvlan_broadcast_one(): dev_forward_skb() for a sender's own port, else netif_rx() as it is
    const ok = local ? forwardSkb(skb, v) : netifRx(allocSkb(skb.data, v, ethTypeTrans(skb.data, v), skb.id));
    // macvlan_count_rx()
    if (ok) countRx(v, skb.data.length);
    else v.stats.rxDropped++;
  }
}

const ALL_MODES: readonly MacvlanMode[] = ['private', 'vepa', 'passthru', 'bridge'];

/** macvlan_handle_frame(): the parent's rx_handler. */
function handleFrame(port: MacvlanPort, skb: Skb): RxResult {
  const dst = ethDst(skb.data);
  if (isMulticastMac(dst)) {
    const src = port.lookup(ethSrc(skb.data));
    if (src && src.mode !== 'vepa' && src.mode !== 'bridge') {
      // "forward to original port": a private or passthru sender's own frame, back from the wire
      if (netifRx(allocSkb(skb.data, src, ethTypeTrans(skb.data, src), skb.id))) countRx(src, skb.data.length);
      return 'consumed';
    }
    // macvlan_broadcast_enqueue() -> macvlan_multicast_rx(), and the parent's stack gets it too
    if (!src) broadcast(skb, port, null, ALL_MODES, false);
    else if (src.mode === 'vepa') broadcast(skb, port, src, ['vepa', 'bridge'], false);
    else broadcast(skb, port, src, ['vepa'], false);
    return 'pass';
  }
  const vlan = port.passthru ? port.vlans[0] : port.lookup(dst);
  if (!vlan || vlan.mode === 'source') return 'pass';
  if (!vlan.up) {
    vlan.stats.rxDropped++;
    return 'consumed';
  }
  // RX_HANDLER_ANOTHER: the frame goes round __netif_receive_skb_core again as the macvlan's
  countRx(vlan, skb.data.length);
  netifReceiveSkb({ ...skb, dev: vlan, pktType: 'host' });
  return 'consumed';
}

/** macvlan_common_newlink(): the device, registered on its parent's port. */
function newMacvlan(ns: Netns, name: string, mac: Mac | null, parent: NetDevice, mode: MacvlanMode): Macvlan {
  // "when creating macvlans on top of other macvlans, use the real device as the lowerdev"
  const lower = parent instanceof Macvlan ? parent.lower : parent;
  // macvlan_port_create(): Ethernet only, not lo, and the rx_handler must be free
  let port = ports.get(lower);
  if (!port) {
    if (lower.isLoopback || lower.hwType !== 'ether') throw new RtnlError('EINVAL');
    if (lower.rxHandler) throw new RtnlError('EBUSY');
  } else if (port.passthru) throw new RtnlError('EINVAL'); // "only 1 macvlan device can be created in passthru mode"
  if (mode === 'passthru' && port && port.vlans.length > 0) throw new RtnlError('EINVAL');
  // passthru: eth_hw_addr_inherit(); else the address given, or eth_hw_addr_random()
  const addr = mode === 'passthru' ? lower.mac : (mac ?? randomEtherMac(ns));
  const dev = new Macvlan(ns, name, addr, lower.broadcast, lower, mode);
  dev.addrAssign = mac !== null ? 'set' : mode === 'passthru' ? 'perm' : 'random';
  dev.mtu = lower.mtu;
  dev.rtnlLinkOps = macvlanLinkOps;
  registerNetdev(ns, dev);
  if (!port) {
    const p = new MacvlanPort(lower);
    ports.set(lower, p);
    lower.rxHandler = (skb) => handleFrame(p, skb);
    port = p;
  }
  port.vlans.push(dev);
  // netif_stacked_transfer_operstate(), then linkwatch_fire_event()
  if (!lower.carrier) {
    dev.carrier = false;
    dev.carrierChanges++;
  }
  linkwatchFireEvent(dev);
  return dev;
}

/** macvlan_changelink(): passthru can be neither set nor cleared. */
function changeMacvlanMode(dev: Macvlan, mode: MacvlanMode): void {
  if ((mode === 'passthru') !== (dev.mode === 'passthru')) throw new RtnlError('EINVAL');
  dev.mode = mode;
}

/** macvlan_dellink() + macvlan_uninit(): out of the port; the last one takes the port off the parent. */
function deleteMacvlan(dev: Macvlan): void {
  devUnregister(dev);
  const port = ports.get(dev.lower);
  if (!port) return;
  const i = port.vlans.indexOf(dev);
  if (i >= 0) port.vlans.splice(i, 1);
  if (port.vlans.length === 0) {
    // macvlan_port_destroy(): netdev_rx_handler_unregister()
    ports.delete(dev.lower);
    if (dev.lower.rxHandler) dev.lower.rxHandler = null;
  }
}

/** macvlan_device_event(): the parent's state reaches its macvlans. */
function macvlanDeviceEvent(ev: NetdevEvent, dev: NetDevice): void {
  const port = ports.get(dev);
  if (!port) return;
  switch (ev) {
    case 'UP':
    case 'DOWN':
    case 'CHANGE':
      // netif_stacked_transfer_operstate()
      for (const v of port.vlans) (dev.carrier ? carrierOn : carrierOff)(v);
      break;
    case 'CHANGEMTU':
      for (const v of port.vlans) if (v.mtu > dev.mtu) devSetMtu(v, dev.mtu);
      break;
    case 'UNREGISTER':
      // "twiddle thumbs on netns device moves": only a parent going away takes its macvlans
      if (!dev.unregistering) break;
      for (const v of [...port.vlans]) deleteMacvlan(v);
      break;
    default:
      break;
  }
}

/** register_netdevice_notifier(&macvlan_notifier_block) in macvlan_init_module() */
export const macvlanNotifier: NotifierBlock = {
  name: 'macvlan_device_event',
  priority: 0,
  call: (ev, dev) => macvlanDeviceEvent(ev, dev),
};

const MACVLAN_USAGE = [
  'Usage: ... macvlan mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]',
  'MODE: private | vepa | bridge | passthru | source',
  'MODE_FLAG: null | nopromisc | nodst',
  'MODE_OPTS: for mode "source":',
  '\tmacaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }',
  'BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]',
];

/** iplink_macvlan.c macvlan_parse_opt(): the mode, if given (flag, macaddr and bcqueuelen are not modelled). */
function parseMacvlanOpts(args: string[]): { mode?: MacvlanMode } {
  let mode: MacvlanMode | undefined;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (matches(w, 'mode')) {
      const v = args[++i];
      if (v === undefined) throw new CmdError('Command line is not complete. Try option "help"', 255);
      // strcmp(), not matches(): no abbreviations
      if (!(MACVLAN_MODES as readonly string[]).includes(v))
        throw new CmdError(
          `Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "${v}"`,
          255,
        );
      mode = v as MacvlanMode;
    } else if (matches(w, 'help')) throw new CmdError(MACVLAN_USAGE, 255);
    else throw new CmdError([`macvlan: unknown option "${w}"?`, ...MACVLAN_USAGE], 255);
  }
  return { mode };
}

/** macvlan_link_ops with iproute2's macvlan_link_util. */
export const macvlanLinkOps: RtnlLinkOps<{ mode?: MacvlanMode }, Macvlan> = {
  kind: 'macvlan',
  parse: (args) => parseMacvlanOpts(args),
  validate: (a) => (a.address !== undefined && !isValidEtherMac(a.address) ? 'EADDRNOTAVAIL' : null),
  newlink(a, { mode }) {
    // macvlan_common_newlink(): no IFLA_LINK is EINVAL (iproute2 looked `link DEV` up already)
    if (!a.lower) throw new RtnlError('EINVAL');
    const dev = newMacvlan(a.ns, a.name ?? allocName(a.ns, 'macvlan%d'), a.address ?? null, a.lower, mode ?? 'vepa');
    if (a.mtu !== undefined) devSetMtu(dev, a.mtu);
    if (a.txqlen !== undefined) dev.txqlen = a.txqlen;
    return dev;
  },
  changelink(dev, { mode }) {
    if (mode !== undefined) changeMacvlanMode(dev, mode);
  },
  dellink: (dev) => deleteMacvlan(dev),
  /** macvlan_get_link_net(): the parent's namespace */
  getLinkNet: (dev) => dev.lower.ns,
  /** macvlan_fill_info() as macvlan_print_opt() prints it (bcqueuelen: MACVLAN_DEFAULT_BC_QUEUE_LEN) */
  printOpt: (dev) => `mode ${dev.mode} bcqueuelen 1000 usedbcqueuelen 1000 `,
  /** macvlan_common_newlink(): dev->max_mtu = lowerdev->max_mtu */
  maxMtu: (dev) => dev.lower.rtnlLinkOps?.maxMtu?.(dev.lower) ?? 65535,
  diagram: { node: 'interface', lower: (dev) => dev.lower },
};
