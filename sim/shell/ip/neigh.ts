// ip neigh (ip/ipneigh.c: ipneigh_modify, print_neigh, do_show_or_flush) on net/core/neighbour.c.
import { fmtIp4, fmtMac, prefixMask } from '../../core/addr';
import type { NetDevice } from '../../net/netdevice';
import { NEIGH_UPDATE_F_ADMIN, NEIGH_UPDATE_F_OVERRIDE, type Neighbour, type NudState } from '../../ipv4/neighbour';
import { CmdError, extackError, rtnlError } from '../errors';
import { Args, matches, parseIp4Loose, parseLladdr, parsePrefix } from './util';
import type { IpCtx } from './ctx';

const NUD: Record<string, NudState> = {
  permanent: 'PERMANENT', reachable: 'REACHABLE', stale: 'STALE', delay: 'DELAY', probe: 'PROBE', failed: 'FAILED', incomplete: 'INCOMPLETE', noarp: 'NOARP', none: 'NONE',
};

export function ipNeigh(a: Args, ctx: IpCtx): string[] {
  if (!a.more) return neighShow(a, ctx, false);
  const w = a.cur;
  a.advance();
  if (matches(w, 'add')) return neighModify(a, ctx, 'add');
  if (matches(w, 'change') || w === 'chg') return neighModify(a, ctx, 'change');
  if (matches(w, 'replace')) return neighModify(a, ctx, 'replace');
  if (matches(w, 'delete')) return neighModify(a, ctx, 'del');
  if (matches(w, 'show') || matches(w, 'list') || matches(w, 'lst')) return neighShow(a, ctx, false);
  if (matches(w, 'flush')) return neighShow(a, ctx, true);
  if (w === 'get') return neighGet(a, ctx);
  throw new CmdError(`Command "${w}" is unknown, try "ip neigh help".`, 255);
}

/** ip neigh get ADDR dev DEV (neigh_get): the one entry, as show prints it. */
function neighGet(a: Args, ctx: IpCtx): string[] {
  let dst: number | undefined;
  let dev: NetDevice | undefined;
  while (a.more) {
    const w = a.cur;
    if (w === 'dev') {
      const v = a.next();
      dev = ctx.ns.dev(v);
      if (!dev) throw new CmdError(`Cannot find device "${v}"`, 1);
    } else if (w !== 'proxy') {
      dst = parseIp4Loose(w === 'to' ? a.next() : w);
      if (dst === undefined) throw new CmdError(`Error: inet address is expected rather than "${w}".`, 1);
    }
    a.advance();
  }
  if (dst === undefined || !dev) throw new CmdError('Device and destination are required arguments.', 255);
  const n = ctx.ns.ipv4.arp.lookup(dst as never, dev);
  if (!n || n.state === 'NONE') throw new CmdError('Error: Neighbour entry not found.', 2);
  return [neighLine(n, null)];
}

function neighLine(n: Neighbour, dev: NetDevice | null): string {
  let l = `${fmtIp4(n.key)} `;
  if (!dev) l += `dev ${n.dev.name} `;
  if (n.ha !== null && n.state !== 'INCOMPLETE' && n.state !== 'FAILED' && n.state !== 'NONE') l += `lladdr ${fmtMac(n.ha)} `;
  if (n.isRouter) l += 'router ';
  return l + `${n.state} `;
}

function neighModify(a: Args, ctx: IpCtx, cmd: 'add' | 'change' | 'replace' | 'del'): string[] {
  let dst: number | null = null;
  let dev: NetDevice | null = null;
  let ll: number | null = null;
  let nud: NudState = 'PERMANENT';
  let proxy = false;
  while (a.more) {
    const w = a.cur;
    if (w === 'proxy') {
      // "proxy ADDR": an entry of the proxy table (NTF_PROXY)
      proxy = true;
      const v = a.next();
      const ip = parseIp4Loose(v);
      if (ip === undefined) throw new CmdError(`Error: inet address is expected rather than "${v}".`, 1);
      dst = ip;
    } else if (w === 'lladdr') ll = parseLladdr(a.next());
    else if (w === 'nud') {
      const v = a.next();
      const s = NUD[v];
      if (!s) throw new CmdError(`Error: argument "${v}" is wrong: nud state is bad`, 255);
      nud = s;
    } else if (w === 'dev') {
      const v = a.next();
      const d = ctx.ns.dev(v);
      if (!d) throw new CmdError(`Cannot find device "${v}"`, 1);
      dev = d;
    } else if (w === 'router' || w === 'extern_learn') {
      /* flags the model does not use */
    } else {
      let v = w;
      if (w === 'to') v = a.next();
      const ip = parseIp4Loose(v);
      if (ip === undefined) throw new CmdError(`Error: inet address is expected rather than "${v}".`, 1);
      dst = ip;
    }
    a.advance();
  }
  if (dst === null || dev === null) throw new CmdError('Device and destination are required arguments.', 255);
  if (proxy) {
    // pneigh_lookup(creat) / pneigh_delete()
    const list = ctx.ns.ipv4.pneigh;
    const i = list.findIndex((p) => p.key === dst && p.dev === dev);
    if (cmd === 'del') {
      if (i < 0) throw rtnlError('ENOENT');
      list.splice(i, 1);
    } else if (i < 0) list.push({ key: dst as never, dev });
    return [];
  }
  const tbl = ctx.ns.ipv4.arp;
  const existing = tbl.lookup(dst as never, dev);
  if (cmd === 'del') {
    if (!existing || existing.state === 'NONE') throw rtnlError('ENOENT');
    tbl.remove(existing);
    return [];
  }
  if (cmd === 'add' && existing && existing.state !== 'NONE' && existing.state !== 'FAILED' && existing.state !== 'INCOMPLETE') throw rtnlError('EEXIST');
  if (cmd === 'change' && !existing) throw rtnlError('ENOENT');
  if (ll === null && (nud === 'PERMANENT' || nud === 'NOARP') && !(existing && existing.ha !== null)) throw extackError('No link layer address given');
  const n = existing ?? tbl.create(dst as never, dev);
  tbl.update(n, ll === null ? null : (ll as never), nud, NEIGH_UPDATE_F_ADMIN | NEIGH_UPDATE_F_OVERRIDE);
  return [];
}

function neighShow(a: Args, ctx: IpCtx, flush: boolean): string[] {
  let dev: NetDevice | null = null;
  let states: Set<NudState> | null = null;
  let all = false;
  let proxy = false;
  let to: { addr: number; len: number } | null = null;
  while (a.more) {
    const w = a.cur;
    if (w === 'proxy') proxy = true;
    else if (w === 'to' || /^[\d.]+(\/\d+)?$/.test(w)) {
      const v = w === 'to' ? a.next() : w;
      const p = parsePrefix(v, 32);
      if (!p) throw new CmdError(`Error: any valid prefix is expected rather than "${v}".`, 1);
      to = { addr: p.addr, len: p.len };
    } else if (w === 'dev') {
      const v = a.next();
      const d = ctx.ns.dev(v);
      if (!d) throw new CmdError(`Cannot find device "${v}"`, 1);
      dev = d;
    } else if (w === 'nud') {
      const v = a.next();
      states ??= new Set();
      if (v === 'all') for (const s of Object.values(NUD)) states.add(s);
      else if (NUD[v]) states.add(NUD[v]);
    } else if (w === 'all') all = true;
    a.advance();
  }
  if (flush && !dev && !states && !all && !to) throw new CmdError('Flush requires arguments.', 1);
  const inTo = (k: number) => !to || to.len === 0 || ((k ^ to.addr) & prefixMask(to.len)) === 0;
  if (proxy && !flush) {
    return ctx.ns.ipv4.pneigh.filter((p) => (!dev || p.dev === dev) && inTo(p.key)).map((p) => `${fmtIp4(p.key)} ${dev ? '' : `dev ${p.dev.name} `}proxy `);
  }
  const tbl = ctx.ns.ipv4.arp;
  const out: string[] = [];
  for (const n of tbl.list()) {
    if (dev && n.dev !== dev) continue;
    if (!inTo(n.key)) continue;
    if (states ? !states.has(n.state) : n.state === 'NOARP' || n.state === 'NONE') continue;
    if (flush) {
      if (n.state !== 'PERMANENT' && n.state !== 'NOARP') tbl.remove(n);
      continue;
    }
    out.push(neighLine(n, dev));
  }
  return out;
}
