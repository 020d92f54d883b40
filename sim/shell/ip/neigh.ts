// ip neigh (ip/ipneigh.c: ipneigh_modify, print_neigh, do_show_or_flush) on net/core/neighbour.c.
import { fmtIp4, fmtMac, prefixMask } from '../../core/addr';
import type { NetDevice } from '../../net/netdevice';
import {
  NEIGH_UPDATE_F_ADMIN,
  NEIGH_UPDATE_F_OVERRIDE,
  type Neighbour,
  type NudState,
  nudValid,
} from '../../ipv4/neighbour';
import { CmdError, extackError, rtnlError } from '../errors';
import {
  type Args,
  duparg,
  getUnsigned,
  invarg,
  matches,
  parseIp4Loose,
  parseLladdr,
  parsePrefix,
  secsSince,
} from './util';
import type { IpCtx } from './ctx';
import { own } from '../../core/own';

const NUD: Record<string, NudState> = {
  permanent: 'PERMANENT',
  reachable: 'REACHABLE',
  stale: 'STALE',
  delay: 'DELAY',
  probe: 'PROBE',
  failed: 'FAILED',
  incomplete: 'INCOMPLETE',
  noarp: 'NOARP',
  none: 'NONE',
};

/** usage() of ip/ipneigh.c (iproute2 as installed on the recording machine) */
const NEIGH_USAGE = [
  'Usage: ip neigh { add | del | change | replace }',
  '                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }',
  '                [ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]',
  '                [ protocol PROTO ]',
  '',
  '\tip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]',
  '\t\t\t\t  [ vrf NAME ] [ nomaster ]',
  '\tip neigh get { ADDR | proxy ADDR } dev DEV',
  '',
  'STATE := { delay | failed | incomplete | noarp | none |',
  '           permanent | probe | reachable | stale }',
];

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
  if (matches(w, 'get')) return neighGet(a, ctx);
  if (matches(w, 'help')) throw new CmdError(NEIGH_USAGE, 255);
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
  if (!n) throw new CmdError('Error: Neighbour entry not found.', 2);
  return [neighLine(n, null, ctx.stats > 0, 1)];
}

function neighLine(n: Neighbour, dev: NetDevice | null, stats = false, held = 0): string {
  let l = `${fmtIp4(n.key)} `;
  if (!dev) l += `dev ${n.dev.name} `;
  // NDA_LLADDR for a valid entry; a tun's is empty, and ll_addr_n2a() prints the byte after it, the
  // length (8) of the NDA_PROBES attribute that neigh_fill_info() puts next
  if (n.dev.hwType === 'none' && nudValid(n.state)) l += 'lladdr 08 ';
  else if (n.ha !== null && nudValid(n.state)) l += `lladdr ${fmtMac(n.ha)} `;
  if (n.isRouter) l += 'router ';
  if (stats) {
    // print_cacheinfo(): the timer holds a reference (neigh_add_timer()), as neigh_get() does while it
    // answers; then NDA_PROBES
    const now = n.dev.ns.world.now;
    const ref = (n.timer ? 1 : 0) + held;
    if (ref) l += ` ref ${ref}`;
    l += ` used ${secsSince(now, n.used)}/${secsSince(now, n.confirmed)}/${secsSince(now, n.updated)}probes ${n.probes} `;
  }
  // print_neigh_state() only for a non-zero ndm_state
  return n.state === 'NONE' ? l : l + `${n.state} `;
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
      const s = own(NUD, v);
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
    if (!existing) throw rtnlError('ENOENT');
    neighDelete(existing);
    return [];
  }
  // neigh_add(): "add" is NLM_F_CREATE|NLM_F_EXCL, "change" NLM_F_REPLACE, "replace" both
  if (cmd === 'add' && existing) throw rtnlError('EEXIST');
  if (cmd === 'change' && !existing) throw rtnlError('ENOENT');
  const n = existing ?? tbl.create(dst as never, dev);
  // __neigh_update(): a valid state needs an address, given or already known; the entry made above stays
  if (ll === null && nudValid(nud) && !nudValid(n.state)) throw extackError('No link layer address given');
  tbl.update(n, ll === null ? null : (ll as never), nud, NEIGH_UPDATE_F_ADMIN | NEIGH_UPDATE_F_OVERRIDE);
  return [];
}

/** neigh_delete(): the entry fails (queued packets' senders hear Host Unreachable) and leaves the table. */
function neighDelete(n: Neighbour): void {
  const tbl = n.dev.ns.ipv4.arp;
  tbl.update(n, null, 'FAILED', NEIGH_UPDATE_F_ADMIN | NEIGH_UPDATE_F_OVERRIDE);
  tbl.remove(n);
}

/** NUD_* bits as ndm_state carries them (include/uapi/linux/neighbour.h); NONE is 0. */
const NUD_BIT: Record<NudState, number> = {
  INCOMPLETE: 0x01,
  REACHABLE: 0x02,
  STALE: 0x04,
  DELAY: 0x08,
  PROBE: 0x10,
  FAILED: 0x20,
  NOARP: 0x40,
  PERMANENT: 0x80,
  NONE: 0,
};

/** nud_state_a2n(): the bit of a state name (permanent, reachable and failed may be abbreviated) or number */
function nudStateA2n(v: string): number | null {
  if (matches(v, 'permanent')) return NUD_BIT.PERMANENT;
  if (matches(v, 'reachable')) return NUD_BIT.REACHABLE;
  const named = own(NUD, v);
  if (named) return NUD_BIT[named];
  if (matches(v, 'failed')) return NUD_BIT.FAILED;
  const n = getUnsigned(v);
  if (n === undefined || n >= 0x100 || (n & (n - 1)) !== 0) return null;
  return n;
}
/** do_show_or_flush(): print_neigh()'s state filter, and flush's rounds of dump and delete. */
function neighShow(a: Args, ctx: IpCtx, flush: boolean): string[] {
  if (flush && !a.more) throw new CmdError('Flush requires arguments.', 1);
  let dev: NetDevice | null = null;
  let devName: string | null = null;
  let state = flush ? ~(0x80 | 0x40) : 0xff & ~0x40;
  let stateGiven = false;
  let proxy = false;
  let to: { addr: number; len: number } | null = null;
  while (a.more) {
    const w = a.cur;
    if (w === 'dev') {
      const v = a.next();
      if (devName !== null) throw duparg('dev', v);
      devName = v;
    } else if (w === 'nud') {
      const v = a.next();
      if (!stateGiven) {
        stateGiven = true;
        state = 0;
      }
      let bit = nudStateA2n(v);
      if (bit === null) {
        if (v !== 'all') throw invarg('nud state is bad', v);
        bit = flush ? ~0x40 : ~0;
      }
      state |= bit === 0 ? 0x100 : bit;
    } else if (w === 'proxy') proxy = true;
    else if (w === 'unused' || w === 'nomaster') {
      /* every entry is unused by a socket here; no VRFs */
    } else {
      const v = w === 'to' ? a.next() : w;
      if (matches(v, 'help')) throw new CmdError(NEIGH_USAGE, 255);
      const p = v === 'all' || v === 'any' || v === 'default' ? { addr: 0, len: 0 } : parsePrefix(v, 32);
      if (!p) throw invarg('to value is invalid\n', v);
      to = { addr: p.addr, len: p.len };
    }
    a.advance();
  }
  if (devName !== null) {
    dev = ctx.ns.dev(devName) ?? null;
    if (!dev) throw new CmdError(`Cannot find device "${devName}"`, 1);
  }
  const inTo = (k: number) => !to || to.len === 0 || ((k ^ to.addr) & prefixMask(to.len)) === 0;
  if (proxy) {
    const list = ctx.ns.ipv4.pneigh.filter((p) => (!dev || p.dev === dev) && inTo(p.key));
    if (!flush) return list.map((p) => `${fmtIp4(p.key)} ${dev ? '' : `dev ${p.dev.name} `}proxy `);
    ctx.ns.ipv4.pneigh = ctx.ns.ipv4.pneigh.filter((p) => !list.includes(p));
    return flushReport(ctx, list.length ? [list.length] : []);
  }
  const tbl = ctx.ns.ipv4.arp;
  const pick = (st: number) =>
    tbl.list().filter((n) => {
      if (dev && n.dev !== dev) return false;
      const bit = NUD_BIT[n.state];
      if (!(st & bit) && !n.externLearn && (bit !== 0 || !(st & 0x100))) return false;
      return inTo(n.key);
    });
  if (!flush) return pick(state).map((n) => neighLine(n, dev, ctx.stats > 0));
  // each round deletes what the dump listed; later rounds leave FAILED entries alone
  const rounds: number[] = [];
  for (let round = 0; round < 10; round++) {
    const list = pick(state);
    if (!list.length) break;
    for (const n of list) neighDelete(n);
    rounds.push(list.length);
    state &= ~0x20;
  }
  return flushReport(ctx, rounds);
}

/** What ip -s neigh flush says about its rounds. */
function flushReport(ctx: IpCtx, rounds: number[]): string[] {
  if (!ctx.stats) return [];
  if (!rounds.length) return ['Nothing to flush.'];
  const out = rounds.flatMap((k, i) => ['', `*** Round ${i + 1}, deleting ${k} entries ***`]);
  out.push(`*** Flush is complete after ${rounds.length} round${rounds.length > 1 ? 's' : ''} ***`);
  return out;
}
