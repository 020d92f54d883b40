// How iproute2 prints a link (ip/ipaddress.c: print_linkinfo, print_link_flags; ip -br: print_linkinfo_brief).
import { fmtMac } from '../../core/addr';
import type { NetDevice } from '../../net/netdevice';
import type { Netns } from '../../net/netns';
import { detailLines } from './link_details';
import { statsLines } from './link_stats';

/** dev_get_flags() as a list of iproute2 names, NO-CARRIER and M-DOWN included. */
export function linkFlags(dev: NetDevice, mdown: boolean): string {
  const f: string[] = [];
  const running = dev.up && dev.operUp;
  if (dev.up && !running) f.push('NO-CARRIER');
  if (dev.isLoopback) f.push('LOOPBACK');
  if (dev.pointopoint) f.push('POINTOPOINT');
  else if (!dev.isLoopback) f.push('BROADCAST');
  if (!dev.isLoopback && !dev.noMulticast) f.push('MULTICAST');
  if (dev.flagsNoArp) f.push('NOARP');
  if (dev.gAllmulti) f.push('ALLMULTI');
  if (dev.gPromisc) f.push('PROMISC');
  if (dev.up) f.push('UP');
  if (dev.up && dev.carrier) f.push('LOWER_UP');
  if (mdown) f.push('M-DOWN');
  return `<${f.join(',')}>`;
}

/** The "@peer" part: IFLA_LINK, named in this namespace or as ifN with a netnsid. */
export function linkSuffix(dev: NetDevice): {
  text: string;
  netnsid: number | null;
  netnsName: string | null;
  mdown: boolean;
} {
  let netnsid: number | null = null;
  let netnsName: string | null = null;
  // rtnl_fill_link_netnsid(): the kind's ->get_link_net (a veth's peer's namespace)
  const linkNet = dev.rtnlLinkOps?.getLinkNet?.(dev) ?? null;
  if (linkNet && linkNet !== dev.ns) {
    netnsid = dev.ns.idOf(linkNet);
    // get_name_from_nsid(): a namespace with a name under /run/netns is printed by name
    if (linkNet !== dev.ns.world.host) netnsName = linkNet.name;
  }
  const iflink = dev.iflink();
  // nla_put_iflink(): IFLA_LINK goes out when it differs from the ifindex or names another namespace
  if (netnsid !== null) return { text: `@if${iflink}`, netnsid, netnsName, mdown: false };
  if (iflink === dev.ifindex) return { text: '', netnsid, netnsName, mdown: false };
  const other = dev.ns.byIndex.get(iflink);
  return { text: `@${other ? other.name : `if${iflink}`}`, netnsid, netnsName, mdown: other ? !other.up : false };
}

/** The operstate iproute2 prints: DOWN whenever the device is admin down. */
export function operName(dev: NetDevice): string {
  return dev.up ? dev.operstate : 'DOWN';
}

export function linkLines(
  dev: NetDevice,
  opts: { mode: boolean; details?: boolean; forAddr?: boolean; noLinkAddr?: boolean; stats?: number },
): string[] {
  const lines = linkInfoLines(dev, opts);
  // IFLA_IFALIAS: after the details, for ip link (ip addr only with -d)
  if (dev.alias && (opts.mode || opts.details)) lines.push(`    alias ${dev.alias}`);
  // print_link_stats(): after everything else
  return opts.stats ? [...lines, ...statsLines(dev, opts.stats)] : lines;
}

function linkInfoLines(
  dev: NetDevice,
  opts: { mode: boolean; details?: boolean; forAddr?: boolean; noLinkAddr?: boolean },
): string[] {
  const s = linkSuffix(dev);
  let l1 = `${dev.ifindex}: ${dev.name}${s.text}: ${linkFlags(dev, s.mdown)} mtu ${dev.mtu} qdisc ${dev.qdisc}`;
  if (dev.brport) l1 += ` master ${dev.brport.br.name}`;
  l1 += ` state ${operName(dev)}`;
  if (opts.mode) l1 += ' mode DEFAULT';
  l1 += ` group default qlen ${dev.txqlen}`;
  let l2: string;
  if (dev.isLoopback) l2 = `    link/loopback ${fmtMac(dev.mac)} brd ${fmtMac(dev.broadcast)}`;
  else if (dev.hwType === 'none') l2 = '    link/none ';
  else l2 = `    link/ether ${fmtMac(dev.mac)} brd ${fmtMac(dev.broadcast)}`;
  const netns =
    s.netnsName !== null ? ` link-netns ${s.netnsName}` : s.netnsid !== null ? ` link-netnsid ${s.netnsid}` : '';
  // print_linkinfo(): with an address family asked for, no link-layer line (unless -d); the netns stays
  if (opts.noLinkAddr && !opts.details) return [l1 + netns];
  l2 += netns;
  if (!opts.details) return [l1, l2];
  // -d continues the link/ether line, then a line per kind
  const [first, ...rest] = detailLines(dev, opts.forAddr);
  return [l1, `${l2} ${first.trim()} `, ...rest];
}

export function linkBrief(dev: NetDevice): string {
  const s = linkSuffix(dev);
  const name = `${dev.name}${s.text}`;
  let l = `${name.padEnd(16)} ${operName(dev).padEnd(14)} `;
  if (dev.hwType !== 'none') l += `${fmtMac(dev.mac)} `;
  l += `${linkFlags(dev, s.mdown)} `;
  return l;
}

export function nsDevices(ns: Netns): NetDevice[] {
  return ns.devicesByIndex();
}
