// net-tools route: the listing (lib/inet_gr.c rprint_fib over /proc/net/route, the main table's routes in
// trie order) and add/del (lib/inet_sr.c inet_setroute through the SIOCADDRT/SIOCDELRT ioctls, which the
// kernel turns into a route of protocol boot: net/ipv4/fib_frontend.c rtentry_to_fib_config).
import { type Ip4, fmtIp4, parseIp4, prefixMask } from '../core/addr';
import type { Netns } from '../net/netns';
import type { NetDevice } from '../net/netdevice';
import { RT_TABLE_MAIN, RTPROT_BOOT } from '../ipv4/fib';
import { RT_SCOPE_HOST, RT_SCOPE_LINK, RT_SCOPE_UNIVERSE } from '../ipv4/devinet';
import { isRouteError, routeOutput } from '../ipv4/route';
import { resolveHost } from '../apps/resolve';
import { CmdError } from './errors';

const USAGE = [
  'Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]',
  '       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]',
  '                              [netmask N] [mss Mss] [window W] [irtt I]',
  '                              [mod] [dyn] [reinstate] [[dev] If]',
  '       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject',
  '       inet_route [-FC] flush      NOT supported',
];

const ERRNO_TEXT = {
  EINVAL: 'Invalid argument',
  EEXIST: 'File exists',
  ENODEV: 'No such device',
  ENETUNREACH: 'Network is unreachable',
  ESRCH: 'No such process',
} as const;
const ioctlError = (op: 'SIOCADDRT' | 'SIOCDELRT', e: keyof typeof ERRNO_TEXT) =>
  new CmdError(`${op}: ${ERRNO_TEXT[e]}`, 7);

/** A contiguous netmask's length, or undefined. */
function maskLen(m: number): number | undefined {
  for (let len = 0; len <= 32; len++) if (prefixMask(len) >>> 0 === m >>> 0) return len;
  return undefined;
}

function resolve(ns: Netns, name: string): Ip4 {
  const a = parseIp4(name) ?? resolveHost(ns, name);
  if (a === undefined) throw new CmdError(`${name}: Host name lookup failure`, 6);
  return a;
}

/** inet_setroute(): route add|del [-net|-host] TARGET [netmask N] [gw G] [metric M] [reject] [[dev] IF] */
function setRoute(argv: string[], ns: Netns): string[] {
  const del = argv[0] === 'del';
  let i = 1;
  let kind: 'net' | 'host' | null = null;
  if (argv[i] === '-net' || argv[i] === '-host') kind = argv[i++] === '-net' ? 'net' : 'host';
  const target = argv[i++];
  if (target === undefined) throw new CmdError(USAGE, 0);
  let dst: Ip4;
  let len: number | null = null;
  if (target === 'default') {
    dst = 0 as Ip4;
    len = 0;
    kind = 'net';
  } else {
    const [host, pfx] = target.split('/');
    dst = resolve(ns, host);
    if (pfx !== undefined) len = Number(pfx);
  }
  let gw: Ip4 | null = null;
  let metric = 0;
  let dev: NetDevice | null = null;
  let reject = false;
  while (i < argv.length) {
    const w = argv[i++];
    const arg = () => {
      const v = argv[i++];
      if (v === undefined) throw new CmdError(USAGE, 3);
      return v;
    };
    if (w === 'netmask') {
      const m = parseIp4(arg());
      const l = m === undefined ? undefined : maskLen(m);
      if (l === undefined) throw new CmdError([`route: bogus netmask ${argv[i - 1]}`, ...USAGE], 3);
      len = l;
    } else if (w === 'gw' || w === 'gateway') gw = resolve(ns, arg());
    else if (w === 'metric') metric = Number(arg()) || 0;
    else if (w === 'mss' || w === 'window' || w === 'irtt') arg();
    else if (w === 'reject') reject = true;
    else if (w === 'mod' || w === 'dyn' || w === 'reinstate') {
      /* flags the kernel ignores */
    } else {
      const name = w === 'dev' ? arg() : w;
      dev = ns.dev(name) ?? null;
      if (!dev) throw ioctlError(del ? 'SIOCDELRT' : 'SIOCADDRT', 'ENODEV');
    }
  }
  // without -net the target is a host; a net without a netmask has mask 0, which rtentry_to_fib_config()
  // refuses unless the address is 0 too
  if (kind !== 'net') {
    if (len !== null && len !== 32) {
      const shown = (~prefixMask(len) >>> 0).toString(16).padStart(8, '0');
      throw new CmdError([`route: netmask ${shown} doesn't make sense with host route`, ...USAGE], 3);
    }
    len = 32;
  } else if (len === null) {
    if (dst !== 0) throw ioctlError(del ? 'SIOCDELRT' : 'SIOCADDRT', 'EINVAL');
    len = 0;
  } else if ((dst & ~prefixMask(len)) >>> 0 !== 0)
    throw new CmdError(["route: netmask doesn't match route address", ...USAGE], 3);
  const fib = ns.ipv4.fib;
  const type = reject ? 'unreachable' : 'unicast';
  if (del) {
    const hit = fib.delete({
      table: RT_TABLE_MAIN,
      dst,
      len,
      ...(gw !== null ? { gw } : {}),
      ...(dev ? { dev } : {}),
      ...(metric ? { priority: metric } : {}),
    });
    if (!hit) throw ioctlError('SIOCDELRT', 'ESRCH');
    return [];
  }
  let nhScope = RT_SCOPE_LINK;
  if (!reject) {
    if (gw !== null) {
      // fib_check_nh(): the gateway must be reachable on a link
      const r = routeOutput(ns, { daddr: gw, ...(dev ? { oif: dev.ifindex } : {}) });
      if (isRouteError(r) || r.gw !== null) throw ioctlError('SIOCADDRT', 'ENETUNREACH');
      dev ??= r.dev;
      nhScope = r.route?.scope ?? RT_SCOPE_LINK;
    } else if (!dev) throw ioctlError('SIOCADDRT', 'ENODEV');
    else nhScope = RT_SCOPE_HOST; // a device route's nexthop (fib_check_nh_nongw)
  }
  const err = fib.insert(
    {
      table: RT_TABLE_MAIN,
      type,
      dst,
      len,
      tos: 0,
      priority: metric,
      protocol: RTPROT_BOOT,
      // rtentry_to_fib_config(): RTF_REJECT makes an unreachable route of host scope
      scope: reject ? RT_SCOPE_HOST : gw !== null ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK,
      prefsrc: null,
      gw,
      dev: reject ? null : dev,
      nhScope,
      onlink: false,
    },
    {},
  );
  if (err) throw ioctlError('SIOCADDRT', 'EEXIST');
  return [];
}

export function routeMain(argv: string[], ns: Netns): string[] {
  let numeric = false;
  const args = argv.slice(1);
  while (args.length && /^-[nveFC]+$/.test(args[0])) if (args.shift()!.includes('n')) numeric = true;
  if (args[0] === 'add' || args[0] === 'del') return setRoute(args, ns);
  if (args.length) throw new CmdError(USAGE, 3);
  const out = [
    'Kernel IP routing table',
    'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
  ];
  for (const r of ns.ipv4.fib.dump(RT_TABLE_MAIN)) {
    // fib_route_seq_show(): unreachable and prohibit are RTF_REJECT; a blackhole is an ordinary U route with no device
    const reject = r.type === 'unreachable' || r.type === 'prohibit' || r.type === 'throw';
    let flags = reject ? '!' : 'U';
    if (r.gw !== null) flags += 'G';
    if (r.len === 32) flags += 'H';
    const dst = !numeric && r.len === 0 ? 'default' : fmtIp4(r.dst);
    const gw = reject ? '-' : r.gw !== null ? fmtIp4(r.gw) : numeric ? '0.0.0.0' : '0.0.0.0';
    const iface = r.dev ? r.dev.name : reject ? '-' : '*';
    const ref = reject ? '-' : '0';
    out.push(
      `${dst.padEnd(15)} ${gw.padEnd(15)} ${fmtIp4(prefixMask(r.len)).padEnd(15)} ${flags.padEnd(5)} ${String(r.priority).padEnd(6)} ${ref.padEnd(2)} ${'0'.padStart(7)} ${iface}`,
    );
  }
  return out;
}
