// The veth kind (drivers/net/veth.c: veth_link_ops, veth_validate, veth_newlink, veth_dellink) and
// what iproute2's ip/link_veth.c parses for it: `ip link add A type veth [peer [name] B ...]`.
import { BCAST_MAC } from '../core/addr';
import { defaultOperstate, devUnregister } from '../net/link';
import { registerNetdev } from '../net/register';
import { allocName, randomEtherMac } from '../net/rtnl';
import { type LinkAttrs, type RtnlLinkOps, RtnlError } from '../net/rtnl_link';
import { isValidEtherMac } from '../core/addr';
import { CmdError } from '../shell/errors';
import { Veth } from './veth';

/** veth_get_num_queues(): one queue per possible CPU, on the 2-CPU machine the transcripts come from */
const VETH_QUEUES = 2;

/** is_valid_veth_mtu(): ETH_MIN_MTU..ETH_MAX_MTU */
const validVethMtu = (mtu: number): boolean => mtu >= 68 && mtu <= 65535;

/** veth_validate(): the address and the MTU (an errno, or null) */
function vethValidate(a: LinkAttrs): string | null {
  if (a.address !== undefined && !isValidEtherMac(a.address)) return 'EADDRNOTAVAIL';
  if (a.mtu !== undefined && !validVethMtu(a.mtu)) return 'EINVAL';
  return null;
}

/** veth_newlink(): the peer is registered first, both start without carrier. */
export function newVeth(a: LinkAttrs, b: LinkAttrs): { dev: Veth; peer: Veth } {
  const peerMac = b.address ?? randomEtherMac(b.ns);
  const peer = new Veth(b.ns, allocName(b.ns, b.name ?? 'veth%d'), peerMac, BCAST_MAC);
  if (b.address) peer.addrAssign = 'set';
  peer.rtnlLinkOps = vethLinkOps;
  registerNetdev(b.ns, peer);
  const devMac = a.address ?? randomEtherMac(a.ns);
  const dev = new Veth(a.ns, allocName(a.ns, a.name ?? 'veth%d'), devMac, BCAST_MAC);
  if (a.address) dev.addrAssign = 'set';
  dev.rtnlLinkOps = vethLinkOps;
  registerNetdev(a.ns, dev);
  dev.peer = peer;
  peer.peer = dev;
  for (const [d, e] of [
    [dev, a],
    [peer, b],
  ] as const) {
    if (e.mtu) d.mtu = e.mtu;
    if (e.txqlen) d.txqlen = e.txqlen;
    d.carrier = false;
    d.carrierChanges = 1; // netif_carrier_off() of a new device, whose carrier starts on
  }
  peer.operstate = defaultOperstate(peer);
  dev.operstate = defaultOperstate(dev);
  if (a.ns !== b.ns) {
    a.ns.idOf(b.ns);
    b.ns.idOf(a.ns);
  }
  return { dev, peer };
}

export const vethLinkOps: RtnlLinkOps<{ peer: LinkAttrs }, Veth> = {
  kind: 'veth',
  /** veth_parse_opt(): "peer" and the peer's own iplink_parse() attributes, or nothing */
  parse(args, ctx) {
    if (args.length && args[0] === 'peer') return { peer: ctx.parseNested(args.slice(1)) };
    if (args.length) throw new CmdError(`veth: unknown option "${args[0]}"?`, 255);
    return { peer: ctx.parseNested([]) };
  },
  // veth_validate() runs on the main device's attributes before the name is looked up
  validate: (a) => (a.mtu !== undefined && !validVethMtu(a.mtu) ? 'EINVAL' : null),
  newlink(a, { peer }) {
    const pns = peer.ns;
    const pname = peer.name;
    // IFLA_IFNAME's policy on the peer's name
    if (pname && pname.length >= 16) throw new RtnlError('EINVAL', 'Attribute failed policy validation');
    // veth_newlink(): veth_validate() on the peer's attributes, without extack, so its errors are bare
    const err = vethValidate(peer);
    if (err) throw new RtnlError(err);
    // register_netdevice(peer) fails on a taken name before it reserves an ifindex
    if (pname && pns.dev(pname)) throw new RtnlError('EEXIST');
    // rtnl_configure_link(peer): "up" among the peer's attributes opens it before the pair is linked,
    // veth_open() answers -ENOTCONN and the registered peer goes again, its ifindex spent
    if (peer.up) {
      pns.reserveIfindex();
      throw new RtnlError('ENOTCONN');
    }
    if (pname && a.name === pname && pns === a.ns) {
      // the main device's name then clashes with the peer's: the peer goes again, its ifindex spent
      pns.reserveIfindex();
      throw new RtnlError('EEXIST');
    }
    return newVeth(a, peer).dev;
  },
  /** veth_dellink(): the peer goes with it */
  dellink(dev) {
    const peer = dev.peer;
    devUnregister(dev);
    if (!peer) return;
    devUnregister(peer);
    dev.peer = null;
    peer.peer = null;
  },
  /** veth_get_link_net(): the peer's namespace */
  getLinkNet: (dev) => dev.peer?.ns ?? null,
  printOpt: () => '',
  numQueues: () => VETH_QUEUES,
  diagram: { node: 'interface', peer: (dev) => dev.peer },
};
