// The ip command (ip/ip.c): global options, then the object by iproute2's prefix rules.
import type { NetDevice } from '../../net/netdevice';
import type { Netns } from '../../net/netns';
import type { World } from '../../net/world';
import { CmdError } from '../errors';
import { Args, matches } from './util';
import type { IpCtx } from './ctx';
import { ipLink, linkBrief, linkLines } from './link';
import { ipAddr } from './addr';
import { ipRoute } from './route';
import { ipNeigh } from './neigh';
import { ipNetns, netnsByName } from './netns';
import { ipTuntap } from './tuntap';

const OBJECTS = [
  'address',
  'addrlabel',
  'maddress',
  'route',
  'rule',
  'neighbor',
  'neighbour',
  'ntable',
  'link',
  'l2tp',
  'fou',
  'ila',
  'macsec',
  'tunnel',
  'tuntap',
  'tap',
  'token',
  'tcpmetrics',
  'monitor',
  'xfrm',
  'mroute',
  'mrule',
  'netns',
  'netconf',
  'vrf',
  'sr',
  'nexthop',
  'mptcp',
  'ioam',
  'stats',
  'help',
];

const IP_USAGE = [
  'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }',
  '       ip [ -force ] -batch filename',
  'where  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |',
  '                   macsec | maddress | monitor | mptcp | mroute | mrule |',
  '                   neighbor | neighbour | netconf | netns | nexthop | ntable |',
  '                   ntbl | route | rule | sr | tap | tcpmetrics |',
  '                   token | tunnel | tuntap | vrf | xfrm }',
  '       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |',
  '                    -h[uman-readable] | -iec | -j[son] | -p[retty] |',
  '                    -f[amily] { inet | inet6 | mpls | bridge | link } |',
  '                    -4 | -6 | -M | -B | -0 |',
  '                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |',
  '                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |',
  '                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |',
  '                    -c[olor]}',
];

export interface IpHost {
  world: World;
  /** runs argv[from..] in another namespace (ip netns exec) */
  exec(ns: string, argv: string[], from: number): void;
}

/** ip -6 with IPv6 disabled: listings are empty, changes are refused as the kernel refuses them. */
function ipv6Disabled(obj: string, a: Args): string[] {
  const w = a.more ? a.cur : 'show';
  const change = ['add', 'replace', 'change', 'append', 'prepend'].some((c) => matches(w, c));
  if (obj === 'address' && change) throw new CmdError('Error: ipv6: IPv6 is disabled on this device.', 2);
  if (obj === 'route' && change) throw new CmdError('Error: IPv6 is disabled on nexthop device.', 2);
  if (obj === 'route' && w === 'get') throw new CmdError('RTNETLINK answers: Network is unreachable', 2);
  return [];
}

/** `ip` with its arguments at argv[from + 1..] (argv[from] is "ip") */
export function ipMain(argv: string[], ns: Netns, host: IpHost, from = 0): string[] {
  const a = new Args(argv, from + 1);
  let nsCur = ns;
  const opts = { brief: false, oneline: false, details: false, stats: 0, inetOnly: false };
  /** -6: every namespace of the lab has IPv6 disabled (disable_ipv6=1), as the kernel runner's do */
  let inet6 = false;
  while (a.more && a.cur.startsWith('-') && a.cur.length > 1) {
    let o = a.cur;
    if (o.startsWith('--')) o = o.slice(1);
    if (o === '-n' || matches(o, '-netns')) {
      nsCur = netnsByName(host.world, a.next());
    } else if (matches(o, '-brief') && o.length >= 3) opts.brief = true;
    else if (matches(o, '-oneline')) opts.oneline = true;
    else if (matches(o, '-details')) opts.details = true;
    else if (matches(o, '-statistics') || matches(o, '-stats')) opts.stats++;
    else if (o === '-4') opts.inetOnly = true;
    else if (matches(o, '-color') || matches(o, '-numeric') || matches(o, '-resolve') || matches(o, '-human')) {
      /* accepted */
    } else if (matches(o, '-family')) {
      const f = a.next();
      if (f === 'inet') opts.inetOnly = true;
      else if (f === 'inet6') inet6 = true;
    } else if (matches(o, '-Version')) return ['ip utility, iproute2-6.1.0, libbpf 1.1.2'];
    else if (matches(o, '-help')) throw new CmdError(IP_USAGE, 255);
    else if (o === '-6') inet6 = true;
    else throw new CmdError(`Option "${a.cur}" is unknown, try "ip -help".`, 255);
    a.advance();
  }
  if (!a.more) throw new CmdError(IP_USAGE, 255);
  const w = a.cur;
  a.advance();
  const obj = OBJECTS.find((o) => matches(w, o));
  const ctx: IpCtx = {
    world: host.world,
    ns: nsCur,
    ...opts,
    printLinks: (devs: NetDevice[]) => {
      if (opts.brief) return devs.map(linkBrief);
      const out: string[] = [];
      for (const d of devs) {
        const l = linkLines(d, { mode: true, details: opts.details, stats: opts.stats });
        out.push(...(opts.oneline ? [l.join('\\')] : l));
      }
      return out;
    },
  };
  if (inet6 && (obj === 'address' || obj === 'route' || obj === 'neighbor' || obj === 'neighbour'))
    return ipv6Disabled(obj, a);
  switch (obj) {
    case 'link':
      return ipLink(a, ctx);
    case 'address':
      return ipAddr(a, ctx);
    case 'route':
      return ipRoute(a, ctx);
    case 'neighbor':
    case 'neighbour':
      return ipNeigh(a, ctx);
    case 'netns':
      return ipNetns(a, ctx, (name, rest) => host.exec(name, rest.argv, rest.from));
    case 'tuntap':
    case 'tap':
      return ipTuntap(a, ctx);
    case 'help':
      throw new CmdError(IP_USAGE, 255);
    case undefined:
      throw new CmdError(`Object "${w}" is unknown, try "ip help".`, 1);
    default:
      throw new CmdError(
        `ip ${obj}: not available in this lab (IPv4 links, addresses, routes, neighbours, namespaces and tun/tap are)`,
        255,
      );
  }
}
