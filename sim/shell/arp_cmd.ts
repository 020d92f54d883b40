// net-tools arp: the listing (arp.c arp_show/arp_disp over /proc/net/arp: every neighbour but NOARP ones)
// and -s/-d through the SIOCSARP/SIOCDARP ioctls (net/ipv4/arp.c arp_req_set, arp_req_delete).
import { fmtIp4, fmtMac, parseIp4, parseMac } from '../core/addr';
import type { Netns } from '../net/netns';
import type { NetDevice } from '../net/netdevice';
import { NEIGH_UPDATE_F_ADMIN, NEIGH_UPDATE_F_OVERRIDE, nudValid } from '../ipv4/neighbour';
import { isRouteError, routeOutput } from '../ipv4/route';
import { resolveHost, reverseHost } from '../apps/resolve';
import { CmdError } from './errors';

/** arp_req_set() / arp_req_delete(): the device is the one the route to the address leaves by, unless -i names it. */
function arpSet(ns: Netns, args: string[], devName: string | null, del: boolean): string[] {
  const [host, hw, ...flags] = args;
  if (host === undefined || (!del && hw === undefined)) throw new CmdError('arp: need host name', 255);
  const ip = parseIp4(host) ?? resolveHost(ns, host);
  if (ip === undefined) throw new CmdError(`arp: can't resolve host ${host}`, 255);
  let dev: NetDevice | undefined;
  if (devName !== null) {
    dev = ns.dev(devName);
    if (!dev) throw new CmdError(`SIOC${del ? 'D' : 'S'}ARP: No such device`, 255);
  }
  const tbl = ns.ipv4.arp;
  if (del) {
    const n = dev ? tbl.lookup(ip as never, dev) : tbl.list().find((x) => x.key === ip);
    if (!n || n.state === 'NONE' || n.state === 'NOARP') throw new CmdError(`No ARP entry for ${host}`, 255);
    tbl.remove(n);
    return [];
  }
  const mac = /^([0-9a-fA-F]{1,2}:){5}[0-9a-fA-F]{1,2}$/.test(hw)
    ? parseMac(
        hw
          .split(':')
          .map((p) => p.padStart(2, '0'))
          .join(':'),
      )
    : undefined;
  if (mac === undefined) throw new CmdError('arp: invalid hardware address', 255);
  if (!dev) {
    const r = routeOutput(ns, { daddr: ip });
    if (isRouteError(r)) throw new CmdError('SIOCSARP: Network is unreachable', 255);
    dev = r.dev;
  }
  // ATF_PERM unless "temp": a permanent entry, else one to be confirmed (NUD_STALE)
  const state = flags.includes('temp') ? 'STALE' : 'PERMANENT';
  const n = tbl.lookup(ip as never, dev) ?? tbl.create(ip as never, dev);
  tbl.update(n, mac as never, state, NEIGH_UPDATE_F_ADMIN | NEIGH_UPDATE_F_OVERRIDE);
  return [];
}

export function arpMain(argv: string[], ns: Netns): string[] {
  const set = argv.findIndex((a) => a === '-s' || a === '--set' || a === '-d' || a === '--delete');
  if (set > 0) {
    const di = argv.findIndex((a) => a === '-i' || a === '--device');
    const devName = di > 0 ? (argv[di + 1] ?? null) : null;
    const rest = argv
      .slice(set + 1)
      .filter(
        (_, k, all) => !(all[k] === '-i' || all[k - 1] === '-i' || all[k] === '--device' || all[k - 1] === '--device'),
      );
    return arpSet(ns, rest, devName, argv[set] === '-d' || argv[set] === '--delete');
  }
  let numeric = false;
  let bsd = false;
  let dev: string | null = null;
  let host: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-i' || a === '--device') dev = argv[++i] ?? null;
    else if (/^-[naev]+$/.test(a)) {
      if (a.includes('n')) numeric = true;
      if (a.includes('a')) bsd = true;
    } else if (a.startsWith('-'))
      throw new CmdError('arp: the lab models arp [-n] [-a] [-i DEV] [HOST] only; use ip neigh to change entries', 1);
    else host = a;
  }
  const want = host === null ? null : parseIp4(host);
  if (host !== null && want === undefined) throw new CmdError(`${host}: Unknown host`, 1);
  // /proc/net/arp walks the hash table; newest entries first here
  const entries = ns.ipv4.arp
    .list()
    .filter(
      (n) =>
        n.state !== 'NOARP' &&
        n.state !== 'NONE' &&
        (dev === null || n.dev.name === dev) &&
        (want == null || n.key === want),
    )
    .reverse();
  if (want != null && !entries.length) return [`${host} (${fmtIp4(want)}) -- no entry`];
  const name = (a: number) => (numeric ? fmtIp4(a) : (reverseHost(ns, a) ?? fmtIp4(a)));
  if (bsd) {
    return entries.map((n) => {
      const complete = nudValid(n.state);
      const perm = n.state === 'PERMANENT' ? ' PERM' : '';
      const who = numeric ? '?' : (reverseHost(ns, n.key) ?? '?');
      return complete
        ? `${who} (${fmtIp4(n.key)}) at ${fmtMac(n.ha!)} [ether]${perm} on ${n.dev.name}`
        : `${who} (${fmtIp4(n.key)}) at <incomplete> on ${n.dev.name}`;
    });
  }
  if (!entries.length) return [];
  const out = ['Address                  HWtype  HWaddress           Flags Mask            Iface'];
  for (const n of entries) {
    const complete = nudValid(n.state);
    const flags = (complete ? 'C' : '') + (n.state === 'PERMANENT' ? 'M' : '');
    let l = name(n.key).slice(0, 23).padEnd(23) + '  ';
    l += complete ? 'ether'.padEnd(8) + fmtMac(n.ha!).padEnd(20) : ''.padEnd(8) + '(incomplete)'.padEnd(20);
    l += flags.padEnd(6) + ''.padEnd(15) + ' ' + n.dev.name;
    out.push(l);
  }
  return out;
}
