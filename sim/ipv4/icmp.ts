// ICMP (net/ipv4/icmp.c): icmp_rcv, icmp_echo/icmp_reply, icmp_unreach -> raw_icmp_error, and
// __icmp_send for the errors the stack generates (host unreachable, TTL exceeded, ...).
import { type Ip4, ANY, fmtIp4, ip4, isMulticastIp } from '../core/addr';
import {
  emitIpv4,
  emitIpv4Header,
  IPPROTO_ICMP,
  ipv4Dst,
  ipv4Protocol,
  ipv4Src,
  ipv4Tos,
  ipv4TotalLen,
  ipv4Version,
  parseIpv4,
} from '../wire/ipv4';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_FRAG_NEEDED,
  ICMP_REDIR_HOST,
  ICMP_REDIRECT,
  ICMP_TIME_EXCEEDED,
  emitEchoReplyVerified,
  emitIcmp,
  icmpType,
  parseIcmp,
} from '../wire/icmp';
import { inetChecksum } from '../wire/checksum';
import { ifaMatch } from './devinet';
import { nudValid } from './neighbour';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { RT_SCOPE_LINK } from './devinet';
import { type Rtable, addrType, inetSelectAddr, isRouteError, routeOutput } from './route';
import { ipLocalOut, routeMtu } from './ip_output';
import { nfCtAttach } from '../netfilter/hooks';
import type { Flow } from './fib';

const ICMP_ERROR_TYPES = new Set([3, 4, 5, 11, 12]);

export interface IcmpSendCtx {
  id: number;
  /** the packet was being forwarded: it came in on this device */
  inputIif?: number;
  /** the offending packet was addressed to a local address (RTCF_LOCAL) */
  dstLocal?: boolean;
}

/** __icmp_send(): an ICMP error about `orig` (an IPv4 packet), sent back to its source. */
export function icmpSend(
  ns: Netns,
  orig: Uint8Array,
  type: number,
  code: number,
  info: number,
  ctx: IcmpSendCtx,
): void {
  const iph = parseIpv4(orig);
  if (!iph) return;
  if (isMulticastIp(iph.dst) || iph.dst === 0xffffffff) return;
  // only about a packet's first fragment
  if (iph.fragOff !== 0) return;
  if (iph.protocol === IPPROTO_ICMP) {
    // never an error about an error
    const t = orig[iph.ihl];
    if (ICMP_ERROR_TYPES.has(t)) return;
  }
  let saddr: Ip4 = iph.dst;
  if (!ctx.dstLocal) {
    saddr = ANY;
    // for a forwarded packet the error may come from the address of the device it arrived on
    if (ctx.inputIif !== undefined && ns.ipv4.icmpErrorsUseInboundIfaddr) {
      const dev = ns.byIndex.get(ctx.inputIif);
      if (dev) saddr = inetSelectAddr(dev, iph.src, RT_SCOPE_LINK);
    }
  }
  const rt = routeOutput(ns, { daddr: iph.src, saddr: saddr || undefined, tos: (iph.tos & 0x1e) | 0xc0 });
  if (isRouteError(rt)) return;
  if (!icmpXrlimAllow(ns, rt.dev, type, iph.src)) return;
  // room: 576 bytes minus the new IP and ICMP headers
  const quoted = orig.subarray(0, Math.min(orig.length, 576 - 20 - 8));
  const icmp = emitIcmp({ kind: 'error', type, code, info, original: quoted });
  const ip = emitIpv4(
    {
      tos: (iph.tos & 0x1e) | 0xc0,
      id: ns.world.prng.u32() & 0xffff,
      df: false,
      ttl: ns.ipv4.ipDefaultTtl,
      protocol: IPPROTO_ICMP,
      src: rt.saddr,
      dst: iph.src,
    },
    icmp,
  );
  if (ns.world.trace)
    ns.world.emit({
      type: 'route',
      ns: ns.name,
      dev: rt.dev.name,
      frameId: ctx.id,
      dst: fmtIp4(iph.src),
      src: fmtIp4(rt.saddr),
      via: rt.gw !== null ? fmtIp4(rt.gw) : null,
      purpose: 'icmp-error',
      local: !!rt.local,
      icmpType: type,
      icmpCode: code,
      fn: '__icmp_send',
    });
  const nid = ns.world.nextFrameId();
  // icmp_glue_bits(): the error joins the connection of the packet it is about
  if (ctx.id !== undefined) nfCtAttach(ns, nid, ctx.id);
  ipLocalOut(ns, rt, ip, nid);
}

/** inet_getpeer_v4(): the per-destination rate state, new ones with a full minute of tokens to draw. */
export function inetPeer(
  ns: Netns,
  addr: number,
): { tokens: number; last: number; redirects: number; redirectLast: number } {
  let p = ns.ipv4.icmpPeers.get(addr);
  if (!p) {
    p = { tokens: 0, last: ns.world.now - 60_000_000, redirects: 0, redirectLast: 0 };
    ns.ipv4.icmpPeers.set(addr, p);
  }
  return p;
}

/** icmpv4_xrlim_allow() -> inet_peer_xrlim_allow(): errors to local destinations are never limited;
 *  others draw icmp_ratelimit from the destination's bucket, which holds six at most. */
function icmpXrlimAllow(ns: Netns, outDev: NetDevice, type: number, peer: number): boolean {
  if (!((ns.ipv4.icmpRatemask >>> type) & 1)) return true;
  if (outDev.isLoopback) return true;
  const now = ns.world.now;
  const timeout = ns.ipv4.icmpRatelimit * 1000;
  const p = inetPeer(ns, peer);
  p.tokens = Math.min(6 * timeout, p.tokens + (now - p.last));
  p.last = now;
  if (p.tokens >= timeout) {
    p.tokens -= timeout;
    return true;
  }
  return false;
}

/**
 * ip_rt_send_redirect(): at most ip_rt_redirect_number (9) redirects to a host, each after a load time
 * that doubles (20 ms << n), the count reset after ip_rt_redirect_silence (~20 s) without one.
 */
export function ipRtSendRedirect(ns: Netns, inDev: NetDevice, ip: Uint8Array, gw: number, id: number): void {
  if (!inDev.inDev?.orconf('send_redirects')) return;
  const now = ns.world.now;
  const peer = inetPeer(ns, ipv4Src(ip));
  const LOAD = 20_000;
  if (now > peer.redirectLast + (LOAD << 10)) peer.redirects = 0;
  if (peer.redirects >= 9) {
    peer.redirectLast = now;
    return;
  }
  if (peer.redirects === 0 || now > peer.redirectLast + LOAD * 2 ** peer.redirects) {
    icmpSend(ns, ip, ICMP_REDIRECT, ICMP_REDIR_HOST, gw, { id, inputIif: inDev.ifindex });
    peer.redirectLast = now;
    peer.redirects++;
  }
}

/**
 * __ip_do_redirect(): a redirect from the gateway we use for that destination, to a new gateway on
 * the link, becomes a next-hop exception for 300 s once the new gateway's address is resolved (the
 * first redirect only starts resolving it).
 */
function ipDoRedirect(ns: Netns, dev: NetDevice, oldGw: Ip4, newGw: number, quoted: Uint8Array): void {
  const inDev = dev.inDev;
  if (!inDev || quoted.length < 20) return;
  const rxRedirects = inDev.forwarding ? inDev.andconf('accept_redirects') : inDev.orconf('accept_redirects');
  if (newGw === oldGw || !rxRedirects || isMulticastIp(newGw) || newGw === 0) return;
  const daddr = ipv4Dst(quoted);
  const rt = routeOutput(ns, { daddr, tos: quoted[1] });
  if (isRouteError(rt) || rt.gw !== oldGw || rt.dev !== dev) return;
  if (inDev.orconf('shared_media')) {
    if (addrType(ns, newGw) !== 'unicast') return;
  } else if (!inDev.ifaList.some((a) => ifaMatch(newGw, a) && ifaMatch(oldGw, a))) return;
  const tbl = ns.ipv4.arp;
  const n = tbl.lookup(ip4(newGw), dev) ?? tbl.create(ip4(newGw), dev);
  if (!nudValid(n.state)) {
    tbl.eventSend(n, null);
    return;
  }
  const old = ns.ipv4.exceptions.get(daddr);
  ns.ipv4.exceptions.set(daddr, {
    ...old,
    gw: ip4(newGw),
    dev,
    expires: ns.world.now + 300_000_000,
    genid: ns.ipv4.rtGenid,
  });
}

/** icmp_reply()'s flowi4 on its stack: one, filled per echo (routeOutput() keeps nothing of it) */
const ECHO_FLOW: Flow = { daddr: ANY, saddr: undefined, oif: undefined, iif: undefined, tos: 0, scope: undefined };

/** icmp_reply()'s route, traced (out of icmpRcv()'s line, which stays small for the JIT) */
function traceEchoReply(ns: Netns, rt: Rtable, src: Ip4, id: number): void {
  ns.world.emit({
    type: 'route',
    ns: ns.name,
    dev: rt.dev.name,
    frameId: id,
    dst: fmtIp4(src),
    src: fmtIp4(rt.saddr),
    via: rt.gw !== null ? fmtIp4(rt.gw) : null,
    purpose: 'echo-reply',
    local: !!rt.local,
    fn: 'icmp_reply',
  });
}

/** ip_local_deliver_finish() for ICMP: raw sockets get a copy, then icmp_rcv(). */
export function icmpRcv(
  ns: Netns,
  ip: Uint8Array,
  ihl: number,
  dev: NetDevice,
  iif: number,
  id: number,
  broadcast: boolean,
): void {
  // the header was checked on the way in; the message is read in place (icmp_rcv(): checksum, then by type)
  const src = ipv4Src(ip);
  const len = ipv4TotalLen(ip) - ihl;
  if (len < 8 || ip.length < ihl + len || inetChecksum(ip, ihl, len) !== 0) return;
  if (icmpType(ip, ihl) === ICMP_ECHO) {
    if (ns.ipv4.icmpEchoIgnoreAll) return;
    if (broadcast && ns.ipv4.icmpEchoIgnoreBroadcasts) return;
    // icmp_reply(): from the address that was asked (fib_compute_spec_dst)
    const tos = ipv4Tos(ip);
    const spec = broadcast ? inetSelectAddr(dev, src, RT_SCOPE_LINK) : ipv4Dst(ip);
    const fl = ECHO_FLOW;
    fl.daddr = src;
    fl.saddr = spec;
    fl.tos = tos;
    const rt = routeOutput(ns, fl);
    if (isRouteError(rt)) return;
    // the request's checksum was verified above
    const body = emitEchoReplyVerified(ip, ihl, len);
    const reply = emitIpv4Header(
      tos,
      ns.world.prng.u32() & 0xffff,
      false,
      ns.ipv4.ipDefaultTtl,
      IPPROTO_ICMP,
      rt.saddr,
      src,
      body,
    );
    if (ns.world.trace) traceEchoReply(ns, rt, src, id);
    ipLocalOut(ns, rt, reply, ns.world.nextFrameId());
    return;
  }
  icmpRcvOther(ns, ip, ihl, len, dev, src);
  void iif;
}

/** icmp_rcv() for the other types: redirects and the errors raw sockets with IP_RECVERR hear of. */
function icmpRcvOther(ns: Netns, ip: Uint8Array, ihl: number, len: number, dev: NetDevice, src: Ip4): void {
  // icmp_pointers[]: an echo reply (or any type but the errors below) goes no further than the raw sockets
  const type = icmpType(ip, ihl);
  if (type !== ICMP_REDIRECT && type !== ICMP_DEST_UNREACH && type !== ICMP_TIME_EXCEEDED) return;
  const icmp = parseIcmp(ip, ihl, len);
  if (!icmp) return;
  const iph = { src };
  if (icmp.kind === 'error' && icmp.type === ICMP_REDIRECT) {
    // icmp_redirect() -> icmp_err() -> ipv4_redirect(); raw sockets saw the message already
    ipDoRedirect(ns, dev, iph.src, icmp.info, icmp.original);
    return;
  }
  if (icmp.kind === 'error' && (icmp.type === ICMP_DEST_UNREACH || icmp.type === ICMP_TIME_EXCEEDED)) {
    // icmp_unreach() -> icmp_socket_deliver() -> raw_icmp_error(): matched on the quoted header, dif = skb->dev
    const inner = parseIpv4Quoted(icmp.original);
    if (!inner) return;
    // icmp_err() -> ipv4_update_pmtu(): a smaller path MTU becomes a next-hop exception
    if (icmp.type === ICMP_DEST_UNREACH && icmp.code === ICMP_FRAG_NEEDED)
      updatePmtu(ns, inner.dst, inner.src, icmp.info & 0xffff);
    for (const s of [...ns.rawSockets]) {
      if (!s.recverr) continue;
      if (!s.matches(inner.protocol, inner.dst, inner.src, dev.ifindex)) continue;
      s.onError({ offender: iph.src, type: icmp.type, code: icmp.code, info: icmp.info, quoted: icmp.original });
    }
  }
}

/** net.ipv4.route.min_pmtu and mtu_expires */
const MIN_PMTU = 552;
const MTU_EXPIRES_US = 600_000_000;

/** __ip_rt_update_pmtu(): only ever lowers the MTU of the route to `daddr`, never below min_pmtu. */
function updatePmtu(ns: Netns, daddr: Ip4, saddr: Ip4, mtu: number): void {
  const rt = routeOutput(ns, { daddr, saddr });
  if (isRouteError(rt) || rt.local) return;
  const old = routeMtu(rt);
  if (mtu < MIN_PMTU) mtu = Math.min(old, MIN_PMTU);
  if (old <= mtu) return;
  const ex = ns.ipv4.exceptions.get(daddr);
  const expires = ns.world.now + MTU_EXPIRES_US;
  const genid = ns.ipv4.rtGenid;
  ns.ipv4.exceptions.set(
    daddr,
    ex && ex.dev === rt.dev
      ? { ...ex, pmtu: mtu, pmtuExpires: expires, genid }
      : { gw: null, dev: rt.dev, expires: 0, pmtu: mtu, pmtuExpires: expires, genid },
  );
}

/** The quoted header of an ICMP error: at least 20 bytes of IP, not necessarily the whole packet. */
function parseIpv4Quoted(b: Uint8Array): { protocol: number; src: Ip4; dst: Ip4 } | undefined {
  if (b.length < 20 || ipv4Version(b) !== 4) return undefined;
  return { protocol: ipv4Protocol(b), src: ipv4Src(b), dst: ipv4Dst(b) };
}
