// ip route (ip/iproute.c: iproute_modify, iproute_get, print_route) on the kernel's fib_table_insert/delete.
import { type Ip4, fmtIp4, inPrefix, ip4, prefixMask } from '../../core/addr';
import type { NetDevice } from '../../net/netdevice';
import { RT_SCOPE_HOST, RT_SCOPE_LINK, RT_SCOPE_NOWHERE, RT_SCOPE_UNIVERSE } from '../../ipv4/devinet';
import {
  type FibRoute,
  type RtnType,
  RTPROT_BOOT,
  RTPROT_KERNEL,
  RTPROT_STATIC,
  RT_TABLE_LOCAL,
  RT_TABLE_MAIN,
  isFibError,
  metricsText,
  type RouteMetrics,
} from '../../ipv4/fib';
import { type Rtable, ipDevFind, isRouteError, routeInput, routeOutput } from '../../ipv4/route';
import { CmdError, extackError, rtnlError } from '../errors';
import { type Args, duparg2, getUnsigned, invarg, matches, parsePrefix, parseIp4Loose } from './util';
import { parseScope, scopeName } from './addr';
import type { IpCtx } from './ctx';
import { own } from '../../core/own';

const TYPES: RtnType[] = [
  'unicast',
  'local',
  'broadcast',
  'anycast',
  'multicast',
  'blackhole',
  'unreachable',
  'prohibit',
  'throw',
];
const PROTOS: Record<string, number> = {
  kernel: RTPROT_KERNEL,
  boot: RTPROT_BOOT,
  static: RTPROT_STATIC,
  redirect: 1,
  ra: 9,
  dhcp: 16,
};

function protoName(p: number): string {
  for (const [k, v] of Object.entries(PROTOS)) if (v === p) return k;
  return String(p);
}

function tableId(s: string): number | undefined {
  if (s === 'main') return RT_TABLE_MAIN;
  if (s === 'local') return RT_TABLE_LOCAL;
  if (s === 'default') return 253;
  if (s === 'all') return 0;
  return getUnsigned(s);
}

export function ipRoute(a: Args, ctx: IpCtx): string[] {
  if (!a.more) return routeShow(a, ctx);
  const w = a.cur;
  a.advance();
  if (matches(w, 'add')) return routeModify(a, ctx, { excl: true });
  if (matches(w, 'change')) return routeModify(a, ctx, { replace: true, mustExist: true });
  if (matches(w, 'replace')) return routeModify(a, ctx, { replace: true });
  if (matches(w, 'prepend')) return routeModify(a, ctx, {});
  if (matches(w, 'append')) return routeModify(a, ctx, { append: true });
  if (matches(w, 'delete')) return routeDelete(a, ctx);
  if (matches(w, 'get')) return routeGet(a, ctx);
  if (matches(w, 'show') || matches(w, 'list') || matches(w, 'lst')) return routeShow(a, ctx);
  if (matches(w, 'flush')) {
    // rt_cache_flush(): the generation moves on; exceptions are emptied as they are next used
    if (a.more && a.cur === 'cache') {
      ctx.ns.ipv4.rtGenid++;
      return [];
    }
    return routeFlush(a, ctx);
  }
  throw new CmdError(`Command "${w}" is unknown, try "ip route help".`, 255);
}

interface RouteReq {
  type: RtnType | null;
  dst: Ip4;
  len: number;
  gw: Ip4 | null;
  dev: NetDevice | null;
  prefsrc: Ip4 | null;
  metric: number | null;
  scope: number | null;
  proto: number | null;
  table: number;
  onlink: boolean;
  tos: number;
  metrics?: RouteMetrics;
}

/** iproute_modify()'s arguments (and, with `listing`, iproute_list_flush_or_save()'s for flush) */
function parseRoute(a: Args, ctx: IpCtx, listing = false): RouteReq {
  const r: RouteReq = {
    type: null,
    dst: ip4(0),
    len: 0,
    gw: null,
    dev: null,
    prefsrc: null,
    metric: null,
    scope: null,
    proto: null,
    table: RT_TABLE_MAIN,
    onlink: false,
    tos: 0,
  };
  let dstSeen = false;
  while (a.more) {
    const w = a.cur;
    if (w === 'src') {
      const v = a.next();
      const s = parseIp4Loose(v);
      if (s === undefined) throw new CmdError(`Error: inet address is expected rather than "${v}".`, 1);
      r.prefsrc = s;
    } else if (w === 'via') {
      let v = a.next();
      if (v === 'inet') v = a.next();
      const g = parseIp4Loose(v);
      if (g === undefined) throw new CmdError(`Error: inet address is expected rather than "${v}".`, 1);
      r.gw = g;
    } else if (w === 'dev' || w === 'oif') {
      const v = a.next();
      const d = ctx.ns.dev(v);
      if (!d) throw new CmdError(`Cannot find device "${v}"`, 1);
      r.dev = d;
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = a.next();
      const n = getUnsigned(v);
      if (n === undefined) throw invarg('"metric" value is invalid\n', v);
      r.metric = n;
    } else if (w === 'mtu' || w === 'advmss') {
      let v = a.next();
      const lock = v === 'lock';
      if (lock) v = a.next();
      const n = getUnsigned(v);
      if (n === undefined) throw invarg(`"${w}" value is invalid\n`, v);
      r.metrics ??= {};
      // fib_convert_metrics(): an mtu is kept at most IP_MAX_MTU (65535 less the fragment's rounding)
      if (w === 'mtu') {
        r.metrics.mtu = Math.min(n, 65520);
        r.metrics.mtuLock = lock;
      } else r.metrics.advmss = n;
    } else if (w === 'scope') {
      const v = a.next();
      const s = parseScope(v);
      if (s === undefined) throw invarg('invalid "scope" value\n', v);
      r.scope = s;
    } else if (matches(w, 'protocol')) {
      const v = a.next();
      const p = own(PROTOS, v) ?? getUnsigned(v);
      if (p === undefined) throw invarg(listing ? 'invalid "protocol"\n' : '"protocol" value is invalid\n', v);
      r.proto = p;
    } else if (w === 'table') {
      const v = a.next();
      const t = tableId(v);
      if (t === undefined) throw invarg('"table" value is invalid\n', v);
      r.table = t;
    } else if (w === 'onlink') r.onlink = true;
    else if (w === 'tos' || w === 'dsfield') r.tos = getUnsigned(a.next()) ?? 0;
    else if (w === 'proto') {
      const v = a.next();
      r.proto = own(PROTOS, v) ?? getUnsigned(v) ?? RTPROT_BOOT;
    } else {
      let v = w;
      if (w === 'to') v = a.next();
      if ((TYPES as string[]).includes(v) && !dstSeen) {
        r.type = v as RtnType;
        v = a.next();
      }
      if (matches(v, 'help')) throw new CmdError('Usage: ip route { list | flush } SELECTOR', 255);
      if (dstSeen) throw duparg2('to', v);
      const p = parsePrefix(v, 32);
      if (!p) throw new CmdError(`Error: any valid prefix is expected rather than "${v}".`, 1);
      r.dst = p.addr;
      r.len = p.len;
      dstSeen = true;
    }
    a.advance();
  }
  return r;
}

function routeModify(
  a: Args,
  ctx: IpCtx,
  how: { excl?: boolean; replace?: boolean; append?: boolean; mustExist?: boolean },
): string[] {
  const r = parseRoute(a, ctx);
  const ns = ctx.ns;
  const fib = ns.ipv4.fib;
  const type = r.type ?? 'unicast';
  let scope = r.scope;
  if (scope === null) {
    if (type === 'local') scope = RT_SCOPE_HOST;
    else if (type === 'broadcast' || type === 'multicast' || type === 'anycast') scope = RT_SCOPE_LINK;
    else if (type === 'unicast' && r.gw === null) scope = RT_SCOPE_LINK;
    else scope = RT_SCOPE_UNIVERSE;
  }
  if ((r.dst & ~prefixMask(r.len)) >>> 0 !== 0) throw extackError('Invalid prefix for given prefix length');
  let dev = r.dev;
  let nhScope = RT_SCOPE_HOST;
  const reject = type === 'blackhole' || type === 'unreachable' || type === 'prohibit' || type === 'throw';
  if (!reject) {
    if (r.gw !== null) {
      // fib_check_nh_v4_gw(): the gateway must be reachable through a link-scope route
      if (r.onlink) {
        if (!dev) throw extackError('Nexthop device required for onlink');
        nhScope = RT_SCOPE_LINK;
      } else {
        const res = fib.lookup(
          { daddr: r.gw, oif: dev?.ifindex, scope: Math.max(scope + 1, RT_SCOPE_LINK) },
          { ignoreLinkState: true },
        );
        if (isFibError(res) || (res.type !== 'unicast' && res.type !== 'local'))
          throw extackError('Nexthop has invalid gateway');
        nhScope = res.route.scope;
        dev = res.route.dev;
      }
      if (dev && !dev.up) throw extackError('Nexthop device is not up');
    } else if (type !== 'local' || dev) {
      // fib_check_nh_nongw(): inetdev_by_index(0) finds nothing: ENODEV, no message
      if (!dev) throw rtnlError('ENODEV');
      if (!dev.up && type === 'unicast') throw extackError('Device for nexthop is not up');
      nhScope = scope === RT_SCOPE_HOST ? RT_SCOPE_NOWHERE : RT_SCOPE_HOST;
    }
  } else dev = null;
  if (r.prefsrc !== null && !ipDevFind(ns, r.prefsrc) && type !== 'local') throw extackError('Invalid prefsrc address');
  if (
    how.mustExist &&
    !fib.routes.some(
      (x) =>
        x.table === r.table && x.dst === r.dst && x.len === r.len && x.tos === r.tos && x.priority === (r.metric ?? 0),
    )
  )
    throw rtnlError('ENOENT');
  const err = fib.insert(
    {
      table: r.table,
      type,
      dst: r.dst,
      len: r.len,
      tos: r.tos,
      priority: r.metric ?? 0,
      protocol: r.proto ?? RTPROT_BOOT,
      scope,
      prefsrc: r.prefsrc,
      gw: r.gw,
      dev,
      nhScope,
      onlink: r.onlink,
      metrics: r.metrics,
    },
    { excl: how.excl, replace: how.replace, append: how.append },
  );
  if (err) throw rtnlError(err);
  return [];
}

function routeDelete(a: Args, ctx: IpCtx): string[] {
  const r = parseRoute(a, ctx);
  const fib = ctx.ns.ipv4.fib;
  const cands = fib.routes
    .filter((x) => x.table === r.table && x.dst === r.dst && x.len === r.len && x.tos === r.tos)
    .sort((x, y) => x.priority - y.priority || x.seq - y.seq)
    .filter((x) => r.metric === null || x.priority >= r.metric);
  const hit = cands.find(
    (x) =>
      (r.type === null || x.type === r.type) &&
      (r.scope === null || x.scope === r.scope) &&
      (r.prefsrc === null || x.prefsrc === r.prefsrc) &&
      (r.proto === null || x.protocol === r.proto) &&
      (r.gw === null || x.gw === r.gw) &&
      (r.dev === null || x.dev === r.dev) &&
      (r.metric === null || x.priority === r.metric),
  );
  if (!hit) throw rtnlError('ESRCH');
  fib.routes = fib.routes.filter((x) => x !== hit);
  return [];
}

function routeFlush(a: Args, ctx: IpCtx): string[] {
  const r = parseRoute(a, ctx, true);
  const fib = ctx.ns.ipv4.fib;
  fib.removeWhere(
    (x) =>
      x.table === r.table &&
      (r.dev === null || x.dev === r.dev) &&
      (r.len === 0 || (x.len >= r.len && inPrefix(x.dst, r.dst, r.len))) &&
      (r.proto === null || x.protocol === r.proto),
  );
  return [];
}

/** print_route() */
export function routeLine(rt: FibRoute, showTable: boolean, hide: { scope?: boolean; proto?: boolean } = {}): string {
  let l = '';
  if (rt.type !== 'unicast') l += `${rt.type} `;
  l +=
    rt.len === 0 && rt.dst === 0 ? 'default ' : rt.len === 32 ? `${fmtIp4(rt.dst)} ` : `${fmtIp4(rt.dst)}/${rt.len} `;
  if (rt.tos) l += `tos 0x${rt.tos.toString(16)} `;
  if (rt.gw !== null) l += `via ${fmtIp4(rt.gw)} `;
  if (rt.dev) l += `dev ${rt.dev.name} `;
  if (showTable && rt.table !== RT_TABLE_MAIN) l += `table ${rt.table === RT_TABLE_LOCAL ? 'local' : rt.table} `;
  // a field the listing was filtered on is not printed again
  if (rt.protocol !== RTPROT_BOOT && !hide.proto) l += `proto ${protoName(rt.protocol)} `;
  if (rt.scope !== RT_SCOPE_UNIVERSE && !hide.scope) l += `scope ${scopeName(rt.scope)} `;
  if (rt.prefsrc !== null) l += `src ${fmtIp4(rt.prefsrc)} `;
  if (rt.priority) l += `metric ${rt.priority} `;
  if (rt.onlink) l += 'onlink ';
  if (rt.dev && !rt.dev.carrier && rt.type !== 'local') l += 'linkdown ';
  l += metricsText(rt.metrics);
  return l;
}

/** ip route show cache: the next-hop exceptions a route was bound to (fnhe_dump_bucket), unexpired. */
function routeShowCache(ctx: IpCtx): string[] {
  const ns = ctx.ns;
  const out: string[] = [];
  for (const [daddr, ex] of [...ns.ipv4.exceptions].sort((x, y) => x[0] - y[0])) {
    if (!ex.bound) continue;
    const now = ns.world.now;
    if (ex.expires && ex.expires <= now && !(ex.pmtuExpires && ex.pmtuExpires > now)) continue;
    const rt = routeOutput(ns, { daddr: daddr as Ip4 });
    if (isRouteError(rt)) continue;
    out.push(
      `${fmtIp4(daddr)} ${rt.gw !== null ? `via ${fmtIp4(rt.gw)} ` : ''}dev ${rt.dev.name} `,
      `    ${cacheText(rt, now, undefined)}`,
    );
  }
  return out;
}

/**
 * rt_fill_info()'s cache line for a route that is not local: a redirect and a learnt path MTU with
 * their expiry (one expiry for both), then the metrics, the path MTU standing for the route's mtu.
 */
function cacheText(rt: Rtable, now: number, routeMetrics: RouteMetrics | undefined): string {
  const secs = (t: number) => Math.floor((t - now) / 1e6);
  let s = 'cache ';
  if (rt.redirectedUntil !== undefined) s += `<redirected> expires ${secs(rt.redirectedUntil)}sec `;
  if (rt.pmtu === undefined || rt.pmtuUntil === undefined) return s + metricsText(routeMetrics);
  if (rt.redirectedUntil === undefined) s += `expires ${secs(rt.pmtuUntil)}sec `;
  return s + metricsText({ ...routeMetrics, mtu: rt.pmtu });
}

function routeShow(a: Args, ctx: IpCtx): string[] {
  if (a.more && a.cur === 'cache') return routeShowCache(ctx);
  let table = RT_TABLE_MAIN;
  let dev: NetDevice | null = null;
  let proto: number | null = null;
  let scope: number | null = null;
  let typeF: RtnType | null = null;
  // filter.rdst (the route lies within) and filter.mdst (the route covers), as iproute_list_flush_or_save() sets them
  let rdst: { addr: Ip4; len: number } | null = null;
  let mdst: { addr: Ip4; len: number } | null = null;
  const prefix = (v: string) => {
    const p = v === 'default' || v === 'all' ? { addr: 0 as Ip4, len: 0 } : parsePrefix(v, 32);
    if (!p) throw new CmdError(`Error: any valid prefix is expected rather than "${v}".`, 1);
    return { addr: p.addr, len: p.len };
  };
  while (a.more) {
    let w = a.cur;
    if (w === 'to') w = a.next();
    if (w === 'root') rdst = prefix(a.next());
    else if (w === 'match') mdst = prefix(a.next());
    else if (w === 'exact') rdst = mdst = prefix(a.next());
    else if (w === 'table') {
      const v = a.next();
      const t = tableId(v);
      if (t === undefined) throw invarg('table id value is invalid\n', v);
      table = t;
    } else if (w === 'dev' || w === 'oif') {
      const v = a.next();
      const d = ctx.ns.dev(v);
      if (!d) throw new CmdError(`Cannot find device "${v}"`, 1);
      dev = d;
    } else if (matches(w, 'protocol')) {
      // iproute_list_flush_or_save(): "all" lifts the filter, anything else must be a protocol
      const v = a.next();
      const p = own(PROTOS, v) ?? getUnsigned(v);
      if (p === undefined && v !== 'all') throw invarg('invalid "protocol"\n', v);
      proto = p ?? null;
    } else if (w === 'scope') {
      const v = a.next();
      const sc = parseScope(v);
      if (sc === undefined && v !== 'all') throw invarg('invalid "scope"\n', v);
      scope = sc ?? null;
    } else if ((TYPES as string[]).includes(w)) typeF = w as RtnType;
    else if (/^[\d.]+(\/\d+)?$|^default$/.test(w)) rdst = mdst = prefix(w);
    a.advance();
  }
  const within = (rt: { dst: number }, f: { addr: Ip4; len: number }, len: number) =>
    len === 0 || ((rt.dst ^ f.addr) & prefixMask(len)) === 0;
  const fib = ctx.ns.ipv4.fib;
  const tables = table === 0 ? [RT_TABLE_MAIN, RT_TABLE_LOCAL] : [table];
  const out: string[] = [];
  for (const t of tables) {
    for (const rt of fib.dump(t)) {
      if (dev && rt.dev !== dev) continue;
      if (proto !== null && rt.protocol !== proto) continue;
      if (scope !== null && rt.scope !== scope) continue;
      if (typeF !== null && rt.type !== typeF) continue;
      if (rdst && (rdst.len > rt.len || !within(rt, rdst, rdst.len))) continue;
      if (mdst && (mdst.len < rt.len || !within(rt, mdst, rt.len))) continue;
      let l = routeLine(rt, table === 0, { scope: scope !== null, proto: proto !== null });
      if (dev) l = l.replace(`dev ${dev.name} `, '');
      out.push(l);
    }
  }
  return out;
}

function routeGet(a: Args, ctx: IpCtx): string[] {
  let dst: Ip4 | null = null;
  let from: Ip4 | null = null;
  let iif: NetDevice | null = null;
  let oif: NetDevice | null = null;
  while (a.more) {
    const w = a.cur;
    if (w === 'from') {
      const v = a.next();
      const p = parsePrefix(v);
      if (!p) throw new CmdError(`Error: any valid prefix is expected rather than "${v}".`, 1);
      from = p.addr;
    } else if (w === 'iif') {
      const v = a.next();
      iif = ctx.ns.dev(v) ?? null;
      if (!iif) throw new CmdError(`Cannot find device "${v}"`, 1);
    } else if (w === 'oif' || w === 'dev') {
      const v = a.next();
      oif = ctx.ns.dev(v) ?? null;
      if (!oif) throw new CmdError(`Cannot find device "${v}"`, 1);
    } else if (
      w === 'mark' ||
      w === 'tos' ||
      w === 'dsfield' ||
      w === 'uid' ||
      w === 'ipproto' ||
      w === 'sport' ||
      w === 'dport'
    )
      a.next();
    else if (w === 'connected' || w === 'fibmatch') {
      /* accepted */
    } else {
      let v = w;
      if (w === 'to') v = a.next();
      const p = parsePrefix(v);
      if (!p) throw new CmdError(`Error: any valid prefix is expected rather than "${v}".`, 1);
      dst = p.addr;
    }
    a.advance();
  }
  if (dst === null) throw new CmdError('need at least a destination address', 1);
  const ns = ctx.ns;
  if (iif) {
    const r = routeInput(ns, dst, from ?? ip4(0), 0, iif);
    const fromTxt = from !== null ? `from ${fmtIp4(from)} ` : '';
    switch (r.kind) {
      case 'local':
        return [`local ${fmtIp4(dst)} ${fromTxt}dev lo `, `    cache <local> iif ${iif.name} `];
      case 'broadcast':
        return [`broadcast ${fmtIp4(dst)} ${fromTxt}dev lo `, `    cache <local,brd> iif ${iif.name} `];
      case 'forward':
        // rt_fill_info(): IPSKB_DOREDIRECT set by __mkroute_input() shows as RTCF_DOREDIRECT
        return [
          `${fmtIp4(dst)} ${fromTxt}${r.rt.gw !== null ? `via ${fmtIp4(r.rt.gw)} ` : ''}dev ${r.rt.dev.name} `,
          `    cache ${r.redirectTo !== undefined ? '<redirect> ' : ''}iif ${iif.name} `,
        ];
      case 'error':
        // inet_rtm_getroute(): a drop reason from the input path (martian, rp_filter) answers EINVAL; a
        // route that exists only to fail (unreachable, forwarding off) answers its dst.error
        throw rtnlError(r.error === 'EXDEV' ? 'EINVAL' : r.error);
    }
  }
  const rt = routeOutput(ns, { daddr: dst, saddr: from ?? undefined, oif: oif?.ifindex });
  if (isRouteError(rt)) throw rtnlError(rt.error);
  const prefix =
    rt.type === 'broadcast'
      ? 'broadcast '
      : rt.type === 'local'
        ? 'local '
        : rt.type === 'multicast'
          ? 'multicast '
          : '';
  const fromTxt = from !== null ? `from ${fmtIp4(from)} ` : '';
  const via = rt.gw !== null ? `via ${fmtIp4(rt.gw)} ` : '';
  const cache =
    rt.type === 'broadcast'
      ? 'cache <local,brd> '
      : rt.local
        ? 'cache <local> '
        : cacheText(rt, ns.world.now, rt.route?.metrics);
  return [
    `${prefix}${fmtIp4(dst)} ${fromTxt}${via}dev ${rt.dev.name} ${from === null && rt.saddr ? `src ${fmtIp4(rt.saddr)} ` : ''}uid 0 `,
    `    ${cache}`,
  ];
}
