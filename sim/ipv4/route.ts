// IPv4 routing decisions (net/ipv4/route.c: ip_route_output_key_hash_rcu, ip_route_input_slow;
// net/ipv4/fib_frontend.c: fib_validate_source, inet_addr_type; net/ipv4/devinet.c: inet_select_addr).
import { inetLookupIfaddr } from './ifaddr_hash';
import { type Ip4, ANY, inPrefix, isLoopbackIp, isMulticastIp, isZeronetIp, ip4 } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { RT_SCOPE_HOST, RT_SCOPE_LINK, RT_SCOPE_UNIVERSE, ifaMatch, type InDevice } from './devinet';
import { type FibRoute, type Flow, type RtnType, RT_TABLE_LOCAL, isFibError } from './fib';

const LBCAST = 0xffffffff;

/** struct rtable, reduced to what the stack uses. */
export interface Rtable {
  type: RtnType;
  /** dst.dev: the device the packet leaves through (lo for local) */
  dev: NetDevice;
  gw: Ip4 | null;
  saddr: Ip4;
  daddr: Ip4;
  /** rt_iif: for local routes the device that owns the address */
  iif: number;
  local: boolean;
  route: FibRoute | null;
  /** the gateway came from an ICMP redirect (a next-hop exception), valid until this time */
  redirectedUntil?: number;
  /** a path MTU learnt from "fragmentation needed", valid until pmtuUntil */
  pmtu?: number;
  pmtuUntil?: number;
}

export type RouteError = { error: 'ENETUNREACH' | 'EHOSTUNREACH' | 'EINVAL' | 'EACCES' | 'ENODEV' | 'EAGAIN' };
export const isRouteError = (r: unknown): r is RouteError => typeof r === 'object' && r !== null && 'error' in r;

/**
 * __ip_dev_find(): the device owning a local address (any primary or secondary), else, "so that
 * communication over loopback subnets works", the device of a local route covering it (127.0.0.2).
 */
export { inetLookupIfaddr };

/** __ip_dev_find(): an interface address, else a local route covering it. */
export function ipDevFind(ns: Netns, a: number): NetDevice | undefined {
  const d = inetLookupIfaddr(ns, a);
  if (d) return d;
  let best: FibRoute | undefined;
  for (const r of ns.ipv4.fib.routes) {
    if (r.table !== RT_TABLE_LOCAL || !inPrefix(a as Ip4, r.dst, r.len)) continue;
    if (!best || r.len > best.len) best = r;
  }
  return best?.type === 'local' ? (best.dev ?? undefined) : undefined;
}

/** inet_lookup_ifaddr_rcu() */
export function isLocalAddr(ns: Netns, a: number): boolean {
  return ipDevFind(ns, a) !== undefined;
}

/**
 * inet_addr_type_dev_table(): the type of the route to `a` in the local table; with a device, a local
 * route of another device counts as unicast (inet_dev_addr_type).
 */
export function addrType(ns: Netns, a: number, dev?: string): RtnType {
  if (isZeronetIp(a) || a === LBCAST) return 'broadcast';
  if (isMulticastIp(a)) return 'multicast';
  const r = ns.ipv4.fib.lookup({ daddr: ip4(a) });
  if (isFibError(r)) return 'unicast';
  if (dev !== undefined && r.route.dev?.name !== dev) return 'unicast';
  return r.route.table === 255 ? r.type : 'unicast';
}

/** in_dev_select_addr() */
function inDevSelectAddr(inDev: InDevice, scope: number): Ip4 {
  for (const ifa of inDev.ifaList) {
    if (ifa.secondary) continue;
    if (ifa.scope !== RT_SCOPE_LINK && Math.min(ifa.scope, RT_SCOPE_HOST) <= scope) return ifa.local;
  }
  return ANY;
}

/** inet_select_addr(): a primary address of `dev`, preferring dst's subnet; else one from another device. */
export function inetSelectAddr(dev: NetDevice, dst: number, scope: number): Ip4 {
  const inDev = dev.inDev;
  let addr: Ip4 = ANY;
  const localnet = inDev?.routeLocalnet() ? RT_SCOPE_LINK : RT_SCOPE_HOST;
  if (inDev) {
    const list = inDev.ifaList;
    for (let i = 0; i < list.length; i++) {
      const ifa = list[i];
      if (ifa.secondary) continue;
      if (Math.min(ifa.scope, localnet) > scope) continue;
      if (!dst || ifaMatch(dst, ifa)) {
        addr = ifa.local;
        break;
      }
      if (!addr) addr = ifa.local;
    }
  }
  if (addr) return addr;
  for (const d of dev.ns.devices) {
    if (!d.inDev) continue;
    const a = inDevSelectAddr(d.inDev, scope);
    if (a) return a;
  }
  return ANY;
}

/** fib_result_prefsrc() -> fib_info_update_nhc_saddr(): selected within the route's scope (fib_scope) */
function resultPrefsrc(r: FibRoute): Ip4 {
  if (r.prefsrc) return r.prefsrc;
  if (!r.dev) return ANY;
  return inetSelectAddr(r.dev, r.gw ?? 0, r.scope);
}

export interface OutputFlow {
  daddr: Ip4;
  saddr?: Ip4;
  oif?: number;
  tos?: number;
}

/** ip_route_output_key_hash_rcu() */
export function routeOutput(ns: Netns, fl: OutputFlow): Rtable | RouteError {
  let saddr: Ip4 = fl.saddr ?? ANY;
  let daddr = fl.daddr;
  let devOut: NetDevice | undefined;
  let origOif = fl.oif ?? 0;
  if (saddr) {
    if (isMulticastIp(saddr) || saddr === LBCAST || isZeronetIp(saddr)) return { error: 'EINVAL' };
    if (!fl.oif && (isMulticastIp(daddr) || daddr === LBCAST)) {
      devOut = ipDevFind(ns, saddr);
      if (!devOut) return { error: 'ENETUNREACH' };
      return mkrouteOutput(ns, null, 'unicast', daddr, saddr, devOut, devOut.ifindex, false);
    }
    if (!ipDevFind(ns, saddr)) return { error: 'ENETUNREACH' };
  }
  if (fl.oif) {
    devOut = ns.byIndex.get(fl.oif);
    if (!devOut) return { error: 'ENODEV' };
    if (!devOut.up || !devOut.inDev) return { error: 'ENETUNREACH' };
    if (daddr >>> 8 === 0xe00000 || daddr === LBCAST) {
      if (!saddr) saddr = inetSelectAddr(devOut, 0, RT_SCOPE_LINK);
      return mkrouteOutput(ns, null, 'unicast', daddr, saddr, devOut, origOif, false);
    }
    if (!saddr) {
      if (isMulticastIp(daddr)) saddr = inetSelectAddr(devOut, 0, RT_SCOPE_UNIVERSE);
      else if (!daddr) saddr = inetSelectAddr(devOut, 0, RT_SCOPE_HOST);
    }
  }
  if (!daddr) {
    daddr = saddr;
    if (!daddr) daddr = saddr = ip4(0x7f000001);
    return mkrouteOutput(ns, null, 'local', daddr, saddr, ns.lo, origOif, true);
  }
  // the flow as given (fib_lookup() reads its daddr, oif and tos; daddr is still fl.daddr here)
  const res = ns.ipv4.fib.lookup(fl);
  if (isFibError(res)) {
    if (fl.oif && devOut) {
      // "Apparently, routing tables are wrong. Assume, that the destination is on link."
      if (!saddr) saddr = inetSelectAddr(devOut, 0, RT_SCOPE_LINK);
      return mkrouteOutput(ns, null, 'unicast', daddr, saddr, devOut, origOif, false);
    }
    return { error: res.error };
  }
  const r = res.route;
  if (res.type === 'local') {
    if (!saddr) saddr = r.prefsrc ?? daddr;
    origOif = r.dev?.ifindex ?? 0;
    return mkrouteOutput(ns, r, 'local', daddr, saddr, ns.lo, origOif, true);
  }
  if (!saddr) saddr = resultPrefsrc(r);
  // __mkroute_output(): the nexthop's cached rtable when it was made for this same flow (rt_cache_valid());
  // the route and its result are the same inputs, so it is what mkrouteOutput() would make again
  const cached = res.rth;
  const rt =
    cached !== null &&
    cached.daddr === daddr &&
    cached.saddr === saddr &&
    cached.iif === (origOif || 0) &&
    cached.dev === r.dev
      ? cached
      : mkrouteOutput(ns, r, res.type, daddr, saddr, r.dev!, origOif, false);
  if (rt !== cached && !isRouteError(rt)) res.rth = rt;
  // find_exception(): a redirect learned for this destination replaces the route's gateway
  if (!isRouteError(rt) && ns.ipv4.exceptions.size) return bindException(ns, rt, daddr);
  return rt;
}

/** find_exception() -> rt_bind_exception(): the next-hop exception for `daddr` (a redirect, a path MTU)
 *  applied to the route found, on a copy (the nexthop's cached route stays as it was made). */
function bindException(ns: Netns, found: Rtable, daddr: Ip4): Rtable {
  let rt = found;
  const ex = ns.ipv4.exceptions.get(daddr);
  if (ex && ex.dev === rt.dev) {
    // the exception's values go on a route of this lookup's own (the cached one stays as it was made)
    rt = { ...rt };
    const now = ns.world.now;
    // rt_bind_exception(): after a cache flush the exception is emptied, not removed
    if ((ex.genid ?? 0) !== ns.ipv4.rtGenid) {
      ex.gw = null;
      ex.expires = 0;
      ex.pmtu = ex.pmtuExpires = undefined;
      ex.genid = ns.ipv4.rtGenid;
    }
    ex.bound = true;
    if (ex.gw !== null && rt.gw !== null && ex.expires > now) {
      rt.gw = ex.gw;
      rt.redirectedUntil = ex.expires;
    }
    if (ex.pmtu !== undefined && ex.pmtuExpires! > now) {
      rt.pmtu = ex.pmtu;
      rt.pmtuUntil = ex.pmtuExpires;
    }
    // find_exception(): one whose timed values have all run out goes; an emptied one (no expiry) stays
    const ranOut = (ex.expires && ex.expires <= now) || (ex.pmtuExpires !== undefined && ex.pmtuExpires <= now);
    const live = (ex.gw !== null && ex.expires > now) || (ex.pmtu !== undefined && ex.pmtuExpires! > now);
    if (ranOut && !live) ns.ipv4.exceptions.delete(daddr);
  }
  return rt;
}

/** __mkroute_output() */
function mkrouteOutput(
  _ns: Netns,
  r: FibRoute | null,
  type: RtnType,
  daddr: Ip4,
  saddr: Ip4,
  dev: NetDevice,
  origOif: number,
  local: boolean,
): Rtable | RouteError {
  if (isLoopbackIp(saddr) && !dev.isLoopback) return { error: 'EINVAL' };
  if (daddr === LBCAST) type = 'broadcast';
  else if (isMulticastIp(daddr)) type = 'multicast';
  else if (isZeronetIp(daddr)) return { error: 'EINVAL' };
  if (r && r.type === 'broadcast') type = 'broadcast';
  return {
    type,
    dev,
    daddr,
    saddr,
    local: local || dev.isLoopback,
    gw: r?.gw && r.nhScope === RT_SCOPE_LINK ? r.gw : null,
    iif: origOif || 0,
    route: r,
  };
}

/** directSrc: the source is on a connected route of this device (RTCF_DIRECTSRC, ret > 0). */
export type ValidateResult = { ok: true; directSrc?: boolean } | { ok: false; error: 'EINVAL' | 'EXDEV' };
/** the plain "valid" answer, one object for every packet (callers only read it) */
const VALID: ValidateResult = Object.freeze({ ok: true });

/** fib_validate_source(): reverse-path and martian checks on a received packet's source. */
export function validateSource(ns: Netns, src: Ip4, dst: Ip4, dev: NetDevice, oif: number): ValidateResult {
  const inDev = dev.inDev!;
  const rpf = inDev.rpFilter();
  if (!rpf && (dev.ifindex !== oif || !inDev.txRedirects())) {
    if (inDev.acceptLocal()) return VALID;
    if (!ns.ipv4.fib.customLocalRoutes) {
      // "Within the same container, it is regarded as a martian source": an address of an interface
      // (inet_lookup_ifaddr_rcu()), not whatever a local route covers
      if (inetLookupIfaddr(ns, src)) return { ok: false, error: 'EINVAL' };
      return VALID;
    }
  }
  return fullValidateSource(ns, src, dst, dev, oif, rpf, inDev);
}

/** __fib_validate_source() */
function fullValidateSource(
  ns: Netns,
  src: Ip4,
  _dst: Ip4,
  dev: NetDevice,
  _oif: number,
  rpf: number,
  inDev: InDevice,
): ValidateResult {
  const noAddr = inDev.ifaList.length === 0;
  const res = ns.ipv4.fib.lookup({ daddr: src }, { ignoreLinkState: false });
  if (isFibError(res)) return rpf ? { ok: false, error: 'EXDEV' } : VALID;
  if (res.type !== 'unicast' && (res.type !== 'local' || !inDev.orconf('accept_local')))
    return { ok: false, error: 'EINVAL' };
  const devMatch = res.route.dev === dev || (res.type === 'local' && dev.isLoopback);
  if (devMatch) return { ok: true, directSrc: res.route.nhScope >= RT_SCOPE_HOST };
  if (noAddr) return rpf ? { ok: false, error: 'EXDEV' } : VALID;
  if (rpf === 1) return { ok: false, error: 'EXDEV' };
  // loose mode: the source is reachable at all (the lookup above found a route), whichever the device
  return VALID;
}

export type InputRoute =
  | { kind: 'local'; iif: number }
  | { kind: 'broadcast' }
  | { kind: 'forward'; rt: Rtable; res: FibRoute; redirectTo?: Ip4 }
  | {
      kind: 'error';
      error: 'EHOSTUNREACH' | 'ENETUNREACH' | 'EINVAL' | 'EXDEV' | 'EACCES';
      martian?: 'source' | 'destination';
    };

/** ip_route_input_slow()'s brd_input: a broadcast's source is validated too, unless it is 0.0.0.0. */
function brdInput(ns: Netns, saddr: Ip4, dev: NetDevice): InputRoute {
  if (saddr) {
    const v = validateSource(ns, saddr, ANY, dev, 0);
    if (!v.ok) return { kind: 'error', error: v.error, martian: 'source' };
  }
  return { kind: 'broadcast' };
}

/** ip_route_input_slow()'s flowi4 on its stack: one, filled per packet (fib lookups keep nothing of it) */
const INPUT_FLOW: Flow = { daddr: ANY, saddr: undefined, oif: undefined, iif: 0, tos: 0, scope: undefined };

/** ip_route_input_slow() */
export function routeInput(ns: Netns, daddr: Ip4, saddr: Ip4, tos: number, dev: NetDevice): InputRoute {
  const inDev = dev.inDev;
  if (!inDev) return { kind: 'error', error: 'EINVAL' };
  if (isMulticastIp(saddr) || saddr === LBCAST) return { kind: 'error', error: 'EINVAL', martian: 'source' };
  if (daddr === LBCAST || (saddr === 0 && daddr === 0)) return brdInput(ns, saddr, dev);
  // ip_check_mc_rcu(): only groups this device joined are ours; 224.0.0.1 is joined while IPv4 is up
  if (isMulticastIp(daddr))
    return daddr === 0xe0000001 ? { kind: 'broadcast' } : { kind: 'error', error: 'EINVAL', martian: 'destination' };
  if (isZeronetIp(saddr)) return { kind: 'error', error: 'EINVAL', martian: 'source' };
  if (isZeronetIp(daddr)) return { kind: 'error', error: 'EINVAL', martian: 'destination' };
  if (isLoopbackIp(daddr) && !inDev.routeLocalnet()) return { kind: 'error', error: 'EINVAL', martian: 'destination' };
  if (isLoopbackIp(saddr) && !inDev.routeLocalnet()) return { kind: 'error', error: 'EINVAL', martian: 'source' };
  INPUT_FLOW.daddr = daddr;
  INPUT_FLOW.iif = dev.ifindex;
  INPUT_FLOW.tos = tos;
  const res = ns.ipv4.fib.lookup(INPUT_FLOW);
  if (isFibError(res)) {
    return {
      kind: 'error',
      error: inDev.forwarding
        ? res.error === 'ENETUNREACH'
          ? 'ENETUNREACH'
          : (res.error as 'EHOSTUNREACH')
        : 'EHOSTUNREACH',
    };
  }
  if (res.type === 'broadcast') return brdInput(ns, saddr, dev);
  if (res.type === 'local') {
    const v = validateSource(ns, saddr, daddr, dev, 0);
    if (!v.ok) return { kind: 'error', error: v.error, martian: 'source' };
    return { kind: 'local', iif: dev.ifindex };
  }
  if (!inDev.forwarding) return { kind: 'error', error: 'EHOSTUNREACH' };
  if (res.type !== 'unicast') return { kind: 'error', error: 'EINVAL', martian: 'destination' };
  const r = res.route;
  const outDev = r.dev!;
  const v = validateSource(ns, saddr, daddr, dev, outDev.ifindex);
  if (!v.ok) return { kind: 'error', error: v.error, martian: 'source' };
  // __mkroute_input(): out the way it came in, to a host on that link: tell the sender (IPSKB_DOREDIRECT)
  const gw = r.gw && r.nhScope === RT_SCOPE_LINK ? r.gw : daddr;
  const redirect =
    outDev === dev &&
    v.directSrc &&
    inDev.orconf('send_redirects') &&
    (inDev.orconf('shared_media') || inDev.ifaList.some((a) => ifaMatch(saddr, a) && ifaMatch(gw, a)));
  return {
    kind: 'forward',
    res: r,
    redirectTo: redirect ? ip4(gw) : undefined,
    rt: {
      type: 'unicast',
      dev: outDev,
      gw: r.gw && r.nhScope === RT_SCOPE_LINK ? r.gw : null,
      saddr,
      daddr,
      iif: dev.ifindex,
      local: false,
      route: r,
    },
  };
}
