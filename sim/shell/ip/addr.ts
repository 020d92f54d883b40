// ip address (ip/ipaddress.c: ipaddr_modify, ipaddr_list_flush_or_save, print_addrinfo).
import { type Ip4, fmtIp4, isLoopbackIp, prefixMask, ip4 } from '../../core/addr';
import type { NetDevice } from '../../net/netdevice';
import {
  RT_SCOPE_HOST,
  RT_SCOPE_LINK,
  RT_SCOPE_NOWHERE,
  RT_SCOPE_SITE,
  RT_SCOPE_UNIVERSE,
  ifaMatch,
  type InIfaddr,
} from '../../ipv4/devinet';
import { inetDelIfa, inetInsertIfa, inetModifyMetric, newIfaddr } from '../../ipv4/fib_frontend';
import { DEVCONF_KEYS } from '../../ipv4/devconf';
import { NEIGH_KEYS } from '../../ipv4/neigh_parms';
import { CmdError, extackError, rtnlError } from '../errors';
import { type Args, duparg, duparg2, getUnsigned, invarg, matches, parsePrefix, parseIp4Loose } from './util';
import { linkLines, linkSuffix, operName } from './link_print';
import { FOREVER, isDynamic, lifetimeText, setIfaLifetime } from '../../ipv4/ifa_lifetime';
import { statsLines } from './link_stats';
import type { IpCtx } from './ctx';
import { own } from '../../core/own';

const SCOPES: Record<string, number> = {
  global: RT_SCOPE_UNIVERSE,
  universe: RT_SCOPE_UNIVERSE,
  site: RT_SCOPE_SITE,
  link: RT_SCOPE_LINK,
  host: RT_SCOPE_HOST,
  nowhere: RT_SCOPE_NOWHERE,
};

export function scopeName(s: number): string {
  switch (s) {
    case RT_SCOPE_UNIVERSE:
      return 'global';
    case RT_SCOPE_SITE:
      return 'site';
    case RT_SCOPE_LINK:
      return 'link';
    case RT_SCOPE_HOST:
      return 'host';
    case RT_SCOPE_NOWHERE:
      return 'nowhere';
    default:
      return String(s);
  }
}

export function parseScope(s: string): number | undefined {
  const named = own(SCOPES, s);
  if (named !== undefined) return named;
  const n = getUnsigned(s);
  return n !== undefined && n < 256 ? n : undefined;
}

export function ipAddr(a: Args, ctx: IpCtx): string[] {
  if (!a.more) return addrShow(a, ctx);
  const w = a.cur;
  a.advance();
  if (matches(w, 'add')) return addrModify(a, ctx, 'add');
  if (matches(w, 'replace') || matches(w, 'change')) return addrModify(a, ctx, 'replace');
  if (matches(w, 'delete')) return addrModify(a, ctx, 'del');
  if (matches(w, 'show') || matches(w, 'lst') || matches(w, 'list')) return addrShow(a, ctx);
  if (matches(w, 'flush')) return addrFlush(a, ctx);
  throw new CmdError(`Command "${w}" is unknown, try "ip address help".`, 255);
}

function addrModify(a: Args, ctx: IpCtx, cmd: 'add' | 'del' | 'replace'): string[] {
  let local: { addr: Ip4; len: number; hasLen: boolean } | null = null;
  let localArg = '';
  let dev: string | null = null;
  let brd: 'plus' | 'minus' | Ip4 | null = null;
  let scope: number | null = null;
  let label: string | null = null;
  let noprefixroute = false;
  let metric = 0;
  let peer: { addr: Ip4; len: number } | null = null;
  let validLft: number | null = null;
  let preferredLft: number | null = null;
  while (a.more) {
    const w = a.cur;
    if (w === 'peer' || w === 'remote') {
      const v = a.next();
      const p = parsePrefix(v, 32);
      if (!p) throw new CmdError(`Error: any valid prefix is expected rather than "${v}".`, 1);
      peer = { addr: p.addr, len: p.len };
    } else if (matches(w, 'broadcast') || w === 'brd') {
      const v = a.next();
      if (brd !== null) throw duparg('broadcast', v);
      if (v === '+') brd = 'plus';
      else if (v === '-') brd = 'minus';
      else {
        const b = parseIp4Loose(v);
        if (b === undefined) throw new CmdError(`Error: an inet address is expected rather than "${v}".`, 1);
        brd = b;
      }
    } else if (w === 'scope') {
      const v = a.next();
      const s = parseScope(v);
      if (s === undefined) throw invarg('invalid scope value.', v);
      scope = s;
    } else if (w === 'dev') dev = a.next();
    else if (w === 'label') label = a.next();
    else if (matches(w, 'metric') || matches(w, 'priority') || matches(w, 'preference')) {
      const v = a.next();
      const n = getUnsigned(v);
      if (n === undefined) throw invarg('"metric" value is invalid\n', v);
      metric = n;
    } else if (matches(w, 'valid_lft') || matches(w, 'preferred_lft')) {
      const key = matches(w, 'valid_lft') ? 'valid_lft' : 'preferred_lft';
      const v = a.next();
      const n = v === 'forever' ? FOREVER : getUnsigned(v);
      if (n === undefined || n > FOREVER) throw invarg(`${key} value`, v);
      if (key === 'valid_lft') validLft = n;
      else preferredLft = n;
    } else if (w === 'home' || w === 'nodad' || w === 'mngtmpaddr' || w === 'autojoin') {
      /* IPv6 flags */
    } else if (w === 'noprefixroute') noprefixroute = true;
    else {
      let v = w;
      if (w === 'local') v = a.next();
      if (matches(v, 'help'))
        throw new CmdError('Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]', 255);
      if (local) throw duparg2('local', v);
      const p = parsePrefix(v, 32);
      if (!p || v === 'default') throw new CmdError(`Error: any valid prefix is expected rather than "${v}".`, 1);
      local = p;
      localArg = v;
    }
    a.advance();
  }
  if (dev === null) throw new CmdError('Not enough information: "dev" argument is required.', 1);
  const d = ctx.ns.dev(dev);
  if (!d) throw new CmdError(`Cannot find device "${dev}"`, 1);
  if (!local) {
    if (cmd === 'del') throw extackError('ipv4: Address not found');
    // iproute2 sends the request without IFA_LOCAL; inet_rtm_newaddr() has nothing to add
    throw rtnlError('EOPNOTSUPP');
  }
  if (!d.inDev) throw rtnlNoIpv4();
  if ((validLft ?? FOREVER) < (preferredLft ?? FOREVER))
    throw new CmdError('preferred_lft is greater than valid_lft', 1);
  const out: string[] = [];
  if (cmd === 'del') {
    if (!local.hasLen) {
      out.push('Warning: Executing wildcard deletion to stay compatible with old scripts.');
      out.push(`         Explicitly specify the prefix length (${localArg}/32) to avoid this warning.`);
      out.push('         This special behaviour is likely to disappear in further releases,');
      out.push('         fix your scripts!');
    }
    const ifa = d.inDev.ifaList.find(
      (i) =>
        i.local === local!.addr &&
        (label === null || i.label === label) &&
        (!local!.hasLen || (i.prefixlen === local!.len && ifaMatch(local!.addr, i))),
    );
    if (!ifa) {
      throw new CmdError([...out, 'Error: ipv4: Address not found.'], 2);
    }
    inetDelIfa(d, ifa);
    return out;
  }
  // a peer gives the prefix (IFA_ADDRESS) and its length; the local address stands alone
  const len = peer ? peer.len : local.len;
  let broadcast: Ip4 | null = null;
  if (brd === 'plus' && len <= 30) broadcast = ip4((local.addr | ~prefixMask(len)) >>> 0);
  else if (brd === 'minus' && len <= 30) broadcast = ip4((local.addr & prefixMask(len)) >>> 0);
  else if (typeof brd === 'number') broadcast = brd;
  const ifa: InIfaddr = newIfaddr(local.addr, len, {
    broadcast,
    scope: scope ?? (isLoopbackIp(local.addr) ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE),
    label: label ?? d.name,
    noprefixroute,
    metric,
  });
  if (peer) ifa.address = peer.addr;
  // rtm_to_ifaddr(): ipv4_devconf_setall() and neigh_parms_data_state_setall() - a device that was
  // given an address no longer follows writes to net.ipv4.conf.default.* or neigh.default.*
  for (const k of DEVCONF_KEYS) d.inDev.cnf.explicit.add(k);
  for (const k of NEIGH_KEYS) d.neighParms.explicit.add(k);
  if (cmd === 'replace') {
    const old = d.inDev.ifaList.find((i) => i.local === ifa.local && i.prefixlen === ifa.prefixlen);
    if (old) {
      old.broadcast = ifa.broadcast;
      old.scope = ifa.scope;
      // inet_rtm_newaddr() with NLM_F_REPLACE: the lifetimes given, or forever
      setIfaLifetime(d, old, validLft ?? FOREVER, preferredLft ?? FOREVER);
      // fib_modify_prefix_metric(): the prefix route moves to the new metric
      if (old.metric !== ifa.metric) inetModifyMetric(d, old, ifa.metric);
      return out;
    }
  }
  const err = inetInsertIfa(d, ifa);
  if (err === 'EEXIST') throw extackError('ipv4: Address already assigned');
  if (err) throw extackError('ipv4: Invalid scope');
  if (validLft !== null || preferredLft !== null) setIfaLifetime(d, ifa, validLft ?? FOREVER, preferredLft ?? FOREVER);
  return out;
}

function rtnlNoIpv4(): CmdError {
  return new CmdError('RTNETLINK answers: Operation not supported', 2);
}

function addrFlush(a: Args, ctx: IpCtx): string[] {
  let dev: string | null = null;
  while (a.more) {
    if (a.cur === 'dev') dev = a.next();
    else if (dev === null) dev = a.cur;
    a.advance();
  }
  if (dev === null) throw new CmdError('Flush requires arguments.', 1);
  const d = ctx.ns.dev(dev);
  if (!d) throw new CmdError(`Device "${dev}" does not exist.`, 1);
  while (d.inDev?.ifaList.length) inetDelIfa(d, d.inDev.ifaList[d.inDev.ifaList.length - 1]);
  return [];
}

/** "10.0.0.1/24", or "10.2.0.1 peer 10.2.0.2/32" for a point-to-point address (print_addrinfo()). */
function addrPrefix(ifa: InIfaddr): string {
  return ifa.address !== ifa.local
    ? `${fmtIp4(ifa.local)} peer ${fmtIp4(ifa.address)}/${ifa.prefixlen}`
    : `${fmtIp4(ifa.local)}/${ifa.prefixlen}`;
}

/** print_addrinfo(): "inet PREFIX [brd B] [metric N] scope S [flags] LABEL" */
function inetText(ifa: InIfaddr): string {
  let l = `inet ${addrPrefix(ifa)} `;
  if (ifa.broadcast) l += `brd ${fmtIp4(ifa.broadcast)} `;
  if (ifa.metric) l += `metric ${ifa.metric} `;
  l += `scope ${scopeName(ifa.scope)} `;
  if (ifa.secondary) l += 'secondary ';
  if (ifa.deprecated) l += 'deprecated ';
  if (isDynamic(ifa)) l += 'dynamic ';
  if (ifa.noprefixroute) l += 'noprefixroute ';
  return l + ifa.label;
}

export function addrLines(dev: NetDevice, list: InIfaddr[] = dev.inDev?.ifaList ?? []): string[] {
  return list.flatMap((ifa) => [`    ${inetText(ifa)}`, `       ${lifetimeText(ifa, dev.ns.world.now)}`]);
}

export function addrBrief(dev: NetDevice, list: InIfaddr[] = dev.inDev?.ifaList ?? []): string {
  const s = linkSuffix(dev);
  let l = `${(dev.name + s.text).padEnd(16)} ${operName(dev).padEnd(14)} `;
  for (const ifa of list) l += `${addrPrefix(ifa)} ${ifa.metric ? `metric ${ifa.metric} ` : ''}`;
  return l;
}

/** The address filter of ip addr show (struct filter: family, scope, flags, label, pfx). */
interface AddrFilter {
  /** -4, or a `to` prefix: devices without an IPv4 address are left out */
  inet: boolean;
  scope: number | null;
  /** true: secondary only; false: primary only */
  secondary: boolean | null;
  label: RegExp | null;
  pfx: { addr: Ip4; len: number } | null;
}

/** fnmatch() of a label pattern: *, ? and [...] */
function globRe(p: string): RegExp {
  let r = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') r += '.*';
    else if (c === '?') r += '.';
    else if (c === '[') {
      const end = p.indexOf(']', i + 2);
      if (end < 0) r += '\\[';
      else {
        r += `[${p
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else r += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${r}$`);
}

/** ipaddr_filter()'s test of one address. */
function addrMatches(ifa: InIfaddr, f: AddrFilter): boolean {
  if (f.scope !== null && ifa.scope !== f.scope) return false;
  if (f.secondary !== null && ifa.secondary !== f.secondary) return false;
  if (f.label && !f.label.test(ifa.label)) return false;
  if (f.pfx?.len && (ifa.local & prefixMask(f.pfx.len)) >>> 0 !== (f.pfx.addr & prefixMask(f.pfx.len)) >>> 0)
    return false;
  return true;
}

function addrShow(a: Args, ctx: IpCtx): string[] {
  let devName: string | null = null;
  let upOnly = false;
  const f: AddrFilter = { inet: ctx.inetOnly, scope: null, secondary: null, label: null, pfx: null };
  while (a.more) {
    const w = a.cur;
    if (w === 'dev') devName = a.next();
    else if (w === 'up') upOnly = true;
    else if (matches(w, 'scope')) {
      const v = a.next();
      if (v !== 'all') {
        const sc = parseScope(v);
        if (sc === undefined) throw invarg('invalid "scope"', v);
        f.scope = sc;
      }
    } else if (w === 'to') {
      const v = a.next();
      const p = parsePrefix(v, 32);
      if (!p) throw new CmdError(`Error: any valid prefix is expected rather than "${v}".`, 1);
      f.pfx = { addr: p.addr, len: p.len };
      f.inet = true;
    } else if (w === 'label') f.label = globRe(a.next());
    else if (matches(w, 'primary')) f.secondary = false;
    else if (matches(w, 'secondary')) f.secondary = true;
    else if (matches(w, 'master') || w === 'type') a.next();
    else if (devName === null) devName = w;
    a.advance();
  }
  let devs = ctx.ns.devicesByIndex();
  if (devName !== null) {
    const d = ctx.ns.dev(devName);
    if (!d) throw new CmdError(`Device "${devName}" does not exist.`, 1);
    devs = [d];
  }
  if (upOnly) devs = devs.filter((d) => d.up);
  // ipaddr_filter(): a device stays if one of its addresses passes, or if it has none and no family was asked for
  const shown = (d: NetDevice) => (d.inDev?.ifaList ?? []).filter((ifa) => addrMatches(ifa, f));
  devs = devs.filter((d) => shown(d).length > 0 || (!d.inDev?.ifaList.length && !f.inet));
  if (ctx.brief) return devs.map((d) => addrBrief(d, shown(d)));
  const out: string[] = [];
  for (const d of devs) {
    if (ctx.oneline) out.push(...onelineAddr(d, shown(d)));
    else {
      // a label asked for prints the addresses alone; a family leaves out the link/ether line
      if (!f.label) out.push(...linkLines(d, { mode: false, details: ctx.details, forAddr: true, noLinkAddr: f.inet }));
      out.push(...addrLines(d, shown(d)));
      // ip -s addr: the counters come after the addresses
      if (ctx.stats && !f.label) out.push(...statsLines(d, ctx.stats));
    }
  }
  return out;
}

/** ip -o addr: one line per address, no link lines */
function onelineAddr(d: NetDevice, list: InIfaddr[]): string[] {
  return list.map((ifa) => `${d.ifindex}: ${d.name}    ${inetText(ifa)}\\       ${lifetimeText(ifa, d.ns.world.now)}`);
}
