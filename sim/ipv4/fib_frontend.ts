// How addresses and device events shape the FIB and the neighbour table (net/ipv4/fib_frontend.c:
// fib_add_ifaddr, fib_del_ifaddr, fib_disable_ip, fib_netdev_event, fib_inetaddr_event; devinet.c:
// inet_insert_ifa, inet_del_ifa, inetdev_event; arp.c: arp_netdev_event).
import { ifaddrsChanged } from './ifaddr_hash';
import { rtnlNotify } from '../net/rtnl_notify';
import { type Ip4, ip4, prefixMask, isZeronetIp } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import type { NetdevEvent } from '../net/notifier';
import { RT_SCOPE_HOST, RT_SCOPE_LINK, RT_SCOPE_NOWHERE, ifaMatch, inetdevChangename, type InIfaddr } from './devinet';
import { RTPROT_KERNEL, RT_TABLE_LOCAL, RT_TABLE_MAIN, type RtnType } from './fib';
import { arpSend } from './arp';
import { ARPOP_REQUEST } from '../wire/arp';

/** fib_magic(): the kernel's own routes for an address. */
function fibMagic(
  cmd: 'add' | 'del',
  type: RtnType,
  dst: number,
  len: number,
  prim: InIfaddr,
  dev: NetDevice,
  priority: number,
): void {
  const fib = dev.ns.ipv4.fib;
  const table = type === 'unicast' ? RT_TABLE_MAIN : RT_TABLE_LOCAL;
  const scope = type !== 'local' ? RT_SCOPE_LINK : RT_SCOPE_HOST;
  const d = ip4(dst);
  if (cmd === 'add') {
    fib.insert(
      {
        table,
        type,
        dst: d,
        len,
        tos: 0,
        priority,
        protocol: RTPROT_KERNEL,
        scope,
        prefsrc: prim.local,
        gw: null,
        dev,
        nhScope: scope === RT_SCOPE_HOST ? RT_SCOPE_NOWHERE : RT_SCOPE_HOST,
        onlink: false,
      },
      { append: true },
    );
  } else {
    fib.delete({ table, dst: d, len, type, prefsrc: prim.local, dev, protocol: RTPROT_KERNEL, scope, priority });
  }
}

/** fib_add_ifaddr() */
export function fibAddIfaddr(dev: NetDevice, ifa: InIfaddr): void {
  const inDev = dev.inDev!;
  const mask = prefixMask(ifa.prefixlen);
  const prefix = (ifa.address & mask) >>> 0;
  let prim = ifa;
  if (ifa.secondary) {
    const p = inDev.ifaList.find((a) => !a.secondary && a.prefixlen === ifa.prefixlen && ifaMatch(ifa.address, a));
    if (!p) return;
    prim = p;
  }
  fibMagic('add', 'local', ifa.local, 32, prim, dev, 0);
  if (!dev.up) return;
  if (ifa.broadcast && ifa.broadcast !== 0xffffffff) fibMagic('add', 'broadcast', ifa.broadcast, 32, prim, dev, 0);
  if (!isZeronetIp(prefix) && !ifa.secondary && (prefix !== ifa.local || ifa.prefixlen < 32)) {
    if (!ifa.noprefixroute)
      fibMagic('add', dev.isLoopback ? 'local' : 'unicast', prefix, ifa.prefixlen, prim, dev, ifa.metric);
    if (ifa.prefixlen < 31) fibMagic('add', 'broadcast', (prefix | ~mask) >>> 0, 32, prim, dev, 0);
  }
}

/** fib_modify_prefix_metric(): an address's prefix route moves to a new metric (the new one is added first). */
export function inetModifyMetric(dev: NetDevice, ifa: InIfaddr, metric: number): void {
  const prefix = (ifa.address & prefixMask(ifa.prefixlen)) >>> 0;
  const skip =
    !dev.up ||
    ifa.secondary ||
    ifa.noprefixroute ||
    isZeronetIp(prefix) ||
    (prefix === ifa.local && ifa.prefixlen === 32);
  if (!skip) {
    const type = dev.isLoopback ? 'local' : 'unicast';
    fibMagic('add', type, prefix, ifa.prefixlen, ifa, dev, metric);
    fibMagic('del', type, prefix, ifa.prefixlen, ifa, dev, ifa.metric);
  }
  ifa.metric = metric;
}

/** fib_del_ifaddr(), keeping the local and broadcast routes another address on the device still needs. */
function fibDelIfaddr(dev: NetDevice, ifa: InIfaddr): void {
  const inDev = dev.inDev!;
  const mask = prefixMask(ifa.prefixlen);
  const any = (ifa.address & mask) >>> 0;
  const brd = (ifa.address | ~mask) >>> 0;
  let prim = ifa;
  let subnet = false;
  if (ifa.secondary) {
    const p = inDev.ifaList.find((a) => !a.secondary && a.prefixlen === ifa.prefixlen && ifaMatch(ifa.address, a));
    if (!p) return;
    prim = p;
  } else if (!isZeronetIp(any) && (any !== ifa.local || ifa.prefixlen < 32)) {
    if (!ifa.noprefixroute)
      fibMagic('del', dev.isLoopback ? 'local' : 'unicast', any, ifa.prefixlen, prim, dev, ifa.metric);
    subnet = true;
  }
  let localOk = false,
    brdOk = false,
    brd1Ok = false;
  for (const a of inDev.ifaList) {
    if (a === ifa) continue;
    if (a.local === ifa.local) localOk = true;
    if (a.broadcast && a.broadcast === ifa.broadcast) brdOk = true;
    if (!a.secondary && a.prefixlen < 31) {
      const b1 = (a.address | ~prefixMask(a.prefixlen)) >>> 0;
      if (ifa.broadcast === b1) brdOk = true;
      if (brd === b1) brd1Ok = true;
    }
  }
  if (ifa.broadcast && !brdOk) fibMagic('del', 'broadcast', ifa.broadcast, 32, prim, dev, 0);
  if (subnet && ifa.prefixlen < 31 && !brd1Ok) fibMagic('del', 'broadcast', brd, 32, prim, dev, 0);
  if (!localOk) {
    fibMagic('del', 'local', ifa.local, 32, prim, dev, 0);
    // fib_sync_down_addr(): routes that used this address as their source die with it
    if (!dev.ns.devices.some((d) => d.inDev?.ifaList.some((a) => a.local === ifa.local))) {
      dev.ns.ipv4.fib.removeWhere((r) => r.prefsrc === ifa.local && r.protocol !== RTPROT_KERNEL);
    }
  }
}

/** fib_disable_ip(): routes through the device go (all of them if forced), and its neighbours are flushed. */
function fibDisableIp(dev: NetDevice, force: boolean): void {
  const fib = dev.ns.ipv4.fib;
  fib.removeWhere((r) => r.dev === dev && (force || r.nhScope !== RT_SCOPE_NOWHERE));
  dev.ns.ipv4.arp.flushDev(dev, false);
  // neigh_ifdown() -> pneigh_ifdown_and_unlock(): the device's proxy entries go too
  dev.ns.ipv4.pneigh = dev.ns.ipv4.pneigh.filter((p) => p.dev !== dev);
}

export type AddrError = 'EEXIST' | 'EINVAL' | 'EADDRNOTAVAIL';

/** __inet_insert_ifa(): primaries after the last primary of no wider scope, secondaries at the end. */
export function inetInsertIfa(dev: NetDevice, ifa: InIfaddr): AddrError | null {
  const inDev = dev.inDev;
  if (!inDev) return 'EINVAL';
  let lastPrimary = 0;
  ifa.secondary = false;
  for (let i = 0; i < inDev.ifaList.length; i++) {
    const a = inDev.ifaList[i];
    if (!a.secondary && ifa.scope <= a.scope) lastPrimary = i + 1;
    if (a.prefixlen === ifa.prefixlen && ifaMatch(ifa.address, a)) {
      if (a.local === ifa.local) return 'EEXIST';
      if (a.scope !== ifa.scope) return 'EINVAL';
      ifa.secondary = true;
    }
  }
  if (ifa.secondary) inDev.ifaList.push(ifa);
  else inDev.ifaList.splice(lastPrimary, 0, ifa);
  ifaddrsChanged(dev.ns);
  rtnlNotify(dev.ns.world); // rtmsg_ifa(RTM_NEWADDR)
  fibAddIfaddr(dev, ifa);
  return null;
}

/**
 * __inet_del_ifa(): deleting a primary takes its secondaries with it, unless promote_secondaries makes
 * the first of them primary; its routes are then taken down and put back with the new source.
 */
export function inetDelIfa(dev: NetDevice, ifa1: InIfaddr): void {
  const inDev = dev.inDev!;
  // rtmsg_ifa(RTM_DELADDR) for it and each secondary that goes or is promoted with it
  rtnlNotify(dev.ns.world);
  const sameSubnet = (a: InIfaddr) => a.prefixlen === ifa1.prefixlen && ifaMatch(ifa1.address, a);
  let promote: InIfaddr | null = null;
  if (!ifa1.secondary) {
    const doPromote = inDev.orconf('promote_secondaries');
    for (const ifa of inDev.ifaList.slice(inDev.ifaList.indexOf(ifa1) + 1)) {
      if (!ifa.secondary || !sameSubnet(ifa)) continue;
      if (!doPromote) {
        inDev.ifaList = inDev.ifaList.filter((a) => a !== ifa);
        ifaddrsChanged(dev.ns);
        fibInetaddrDown(dev, ifa);
      } else {
        promote = ifa;
        break;
      }
    }
  }
  // on promotion every secondary of the subnet changes its primary: its routes go silently first
  const later = promote ? inDev.ifaList.slice(inDev.ifaList.indexOf(promote)).filter(sameSubnet) : [];
  for (const ifa of later) fibDelIfaddr(dev, ifa);
  inDev.ifaList = inDev.ifaList.filter((a) => a !== ifa1);
  ifaddrsChanged(dev.ns);
  fibInetaddrDown(dev, ifa1);
  if (promote) {
    promote.secondary = false;
    inDev.ifaList = inDev.ifaList.filter((a) => a !== promote);
    const lastPrim = inDev.ifaList.reduce((n, a, i) => (!a.secondary && ifa1.scope <= a.scope ? i + 1 : n), 0);
    inDev.ifaList.splice(lastPrim, 0, promote);
    ifaddrsChanged(dev.ns);
    fibAddIfaddr(dev, promote);
    for (const ifa of later.slice(1)) fibAddIfaddr(dev, ifa);
  }
}

/** fib_inetaddr_event(NETDEV_DOWN) */
function fibInetaddrDown(dev: NetDevice, ifa: InIfaddr): void {
  fibDelIfaddr(dev, ifa);
  if (!dev.inDev!.ifaList.length) fibDisableIp(dev, true);
}

export function newIfaddr(local: Ip4, prefixlen: number, opts: Partial<InIfaddr> = {}): InIfaddr {
  return {
    local,
    address: opts.address ?? local,
    prefixlen,
    broadcast: opts.broadcast ?? null,
    scope: opts.scope ?? 0,
    secondary: false,
    label: opts.label ?? '',
    noprefixroute: opts.noprefixroute ?? false,
    metric: opts.metric ?? 0,
  };
}

/** inetdev_send_gratuitous_arp(): "who-has A tell A" for each address, with arp_notify set. */
function inetdevSendGratuitousArp(dev: NetDevice): void {
  if (dev.flagsNoArp) return;
  for (const ifa of dev.inDev?.ifaList ?? []) arpSend(ARPOP_REQUEST, ifa.local, dev, ifa.local, null, dev.mac, null);
}

/** inetdev_event() + fib_netdev_event() + arp_netdev_event() */
export function inetdevEvent(ev: NetdevEvent, dev: NetDevice): void {
  const inDev = dev.inDev;
  if (!inDev) return;
  switch (ev) {
    case 'UP':
      if (dev.isLoopback) inetInsertIfa(dev, newIfaddr(ip4(0x7f000001), 8, { scope: RT_SCOPE_HOST, label: 'lo' }));
      for (const ifa of inDev.ifaList) fibAddIfaddr(dev, ifa);
      if (inDev.maxconf('arp_notify')) inetdevSendGratuitousArp(dev);
      break;
    case 'CHANGEADDR':
      if (inDev.maxconf('arp_notify')) inetdevSendGratuitousArp(dev);
      break;
    case 'DOWN':
      fibDisableIp(dev, false);
      break;
    case 'CHANGE':
      if (!dev.carrier && inDev.orconf('arp_evict_nocarrier')) dev.ns.ipv4.arp.flushDev(dev, true);
      break;
    case 'CHANGENAME':
      // inetdev_event(): inetdev_changename() relabels the addresses
      inetdevChangename(dev);
      break;
    case 'UNREGISTER':
      fibDisableIp(dev, true);
      dev.ns.ipv4.fib.removeWhere((r) => r.dev === dev);
      break;
    default:
      break;
  }
}
