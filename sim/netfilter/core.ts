// A namespace's netfilter: iptables tables, connection tracking and NAT at the five IPv4 hooks, run in
// the order of their priorities (net/netfilter/core.c: nf_hook_slow; enum nf_ip_hook_priorities:
// raw -300, conntrack -200, mangle -150, nat dst -100, filter 0, nat src 100, security 150, confirm last;
// nf_nat_proto.c: nf_nat_ipv4_fn; nf_nat_core.c: nf_nat_inet_fn, nf_nat_oif_changed;
// nf_nat_masquerade.c: masq_device_event).
import { fmtIp4 } from '../core/addr';
import { RT_SCOPE_UNIVERSE } from '../ipv4/devinet';
import { RTN_NUMBER, isFibError } from '../ipv4/fib';
import { addrType, inetSelectAddr } from '../ipv4/route';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { IPPROTO_ICMP, ipv4Dst, ipv4HeaderLen, ipv4Protocol, ipv4Src, isFragment } from '../wire/ipv4';
import { icmpType } from '../wire/icmp';
import { ipDefrag } from '../ipv4/ip_fragment';
import {
  type Conn,
  type CtInfo,
  ConntrackTable,
  DIR_ORIGINAL,
  ICMP_ERROR_TYPES,
  IPS_CONFIRMED,
  IPS_DST_NAT,
  IPS_SRC_NAT,
  ctinfoDir,
} from './conntrack';
import { type HookCtx, type HookName, type HookVerdict, type NetfilterState, setNetfilter } from './hooks';
import { type ChainVerdict, type NatTarget, doTable } from './ip_tables';
import { packetInfo } from './match';
import {
  type NatEnv,
  hookManip,
  natIcmpReplyTranslation,
  natInitialized,
  natMasquerade,
  natNullBinding,
  natPacket,
  natSetupInfo,
} from './nat';
import { sendReject } from './reject';
import {
  type TableName,
  type Table,
  CT_STATE_DNAT,
  CT_STATE_ESTABLISHED,
  CT_STATE_INVALID,
  CT_STATE_NEW,
  CT_STATE_RELATED,
  CT_STATE_SNAT,
  newTables,
} from './tables';

type Step = { kind: 'table'; table: TableName } | { kind: 'conntrack' } | { kind: 'nat' } | { kind: 'confirm' };

/** The hook functions registered at each hook, lowest priority first. */
const STEPS: Record<HookName, Step[]> = {
  PREROUTING: [
    { kind: 'table', table: 'raw' },
    { kind: 'conntrack' },
    { kind: 'table', table: 'mangle' },
    { kind: 'nat' },
  ],
  INPUT: [
    { kind: 'table', table: 'mangle' },
    { kind: 'table', table: 'filter' },
    { kind: 'nat' },
    { kind: 'table', table: 'security' },
    { kind: 'confirm' },
  ],
  FORWARD: [
    { kind: 'table', table: 'mangle' },
    { kind: 'table', table: 'filter' },
    { kind: 'table', table: 'security' },
  ],
  OUTPUT: [
    { kind: 'table', table: 'raw' },
    { kind: 'conntrack' },
    { kind: 'table', table: 'mangle' },
    { kind: 'nat' },
    { kind: 'table', table: 'filter' },
    { kind: 'table', table: 'security' },
  ],
  POSTROUTING: [{ kind: 'table', table: 'mangle' }, { kind: 'nat' }, { kind: 'confirm' }],
};

/** skb->_nfct: the connection a packet belongs to, or none (untracked or invalid). */
interface SkbCt {
  ct: Conn | null;
  ctinfo: CtInfo;
  at: number;
}

/** How long a packet's conntrack attachment is kept if the packet never reaches INPUT or POSTROUTING. */
const SKB_CT_TTL_US = 1_000_000;

const nets = new WeakMap<Netns, NfNet>();

/** The namespace's netfilter state, made (and hooked in) the first time iptables or conntrack runs there. */
export function nfOf(ns: Netns): NfNet {
  let nf = nets.get(ns);
  if (!nf) {
    nf = new NfNet(ns);
    nets.set(ns, nf);
    setNetfilter(ns, nf);
  }
  return nf;
}

export class NfNet implements NetfilterState {
  readonly ns: Netns;
  readonly tables: Map<TableName, Table> = newTables();
  readonly conntrack = new ConntrackTable();
  private skbs = new Map<number, SkbCt>();
  private ctUsersCache: boolean | null = null;

  constructor(ns: Netns) {
    this.ns = ns;
  }

  /** Called after every change of the rules. */
  rulesChanged(): void {
    this.ctUsersCache = null;
  }

  /** nf_ct_netns_get(): connection tracking runs while some rule needs it (a NAT target or a state match). */
  get conntrackEnabled(): boolean {
    if (this.ctUsersCache === null) {
      this.ctUsersCache = false;
      for (const t of this.tables.values()) {
        for (const c of [...t.base.values(), ...t.user.values()]) {
          for (const r of c.rules) {
            const k = r.target.kind;
            if (
              k === 'snat' ||
              k === 'dnat' ||
              k === 'masquerade' ||
              r.matches.some((m) => m.kind === 'conntrack' || m.kind === 'state')
            ) {
              this.ctUsersCache = true;
            }
          }
        }
      }
    }
    return this.ctUsersCache;
  }

  run(hook: HookName, ip: Uint8Array, ctx: HookCtx): HookVerdict {
    const now = this.ns.world.now;
    const id = ctx.id ?? -1;
    this.purge(now);
    let cur = ip;
    let copied = false;
    let fragMax = 0;
    // NAT rewrites a private copy: captures may still hold the bytes as they were
    const writable = () => {
      if (!copied) {
        cur = new Uint8Array(cur);
        copied = true;
      }
      return cur;
    };
    const drop = (table: string): HookVerdict => {
      this.skbs.delete(id);
      return { verdict: 'drop', drop: { reason: 'NETFILTER_DROP', table, chain: hook } };
    };
    for (const step of STEPS[hook]) {
      const sk = this.skbs.get(id);
      switch (step.kind) {
        case 'conntrack': {
          // ipv4_conntrack_defrag(): with conntrack on, a packet is tracked whole, so fragments wait here
          if (!sk && this.conntrackEnabled && isFragment(cur)) {
            const whole = ipDefrag(this.ns, cur, 'conntrack');
            if (!whole) return { verdict: 'stolen' };
            cur = whole.ip;
            copied = true;
            fragMax = whole.fragMax;
          }
          if (sk || !this.conntrackEnabled) break;
          const c = this.conntrack.classify(cur, now);
          this.skbs.set(id, c.ct ? { ct: c.ct, ctinfo: c.ctinfo, at: now } : { ct: null, ctinfo: 'NEW', at: now });
          break;
        }
        case 'table': {
          const t = this.tables.get(step.table)!;
          if (!t.exists) break;
          const v = this.runTable(t, hook, cur, ctx, sk, id);
          if (v === 'drop') return drop(step.table);
          break;
        }
        case 'nat': {
          if (!sk?.ct) break;
          const before = cur;
          const v = this.natHook(hook, sk.ct, sk.ctinfo, writable, ctx, id);
          if (v === 'drop') return drop('nat');
          if (this.ns.world.trace) this.traceNat(hook, before, cur, ctx, id);
          break;
        }
        case 'confirm': {
          // __nf_conntrack_confirm(): only a packet of the original direction confirms its connection
          if (sk?.ct && !(sk.ct.status & IPS_CONFIRMED) && ctinfoDir(sk.ctinfo) === DIR_ORIGINAL)
            this.conntrack.confirm(sk.ct);
          // a locally routed packet comes back in through INPUT with its conntrack (loopback keeps skb->_nfct)
          if (!(hook === 'POSTROUTING' && (ctx.out?.isLoopback || ctx.bridged))) this.skbs.delete(id);
          break;
        }
      }
    }
    return fragMax ? { verdict: 'accept', ip: cur, fragMax } : { verdict: 'accept', ip: cur };
  }

  /** A packet-flow event when NAT changed an address. */
  private traceNat(hook: HookName, before: Uint8Array, after: Uint8Array, ctx: HookCtx, id: number): void {
    const src = [ipv4Src(before), ipv4Src(after)];
    const dst = [ipv4Dst(before), ipv4Dst(after)];
    if (src[0] === src[1] && dst[0] === dst[1]) return;
    const which = src[0] !== src[1] ? 'source' : 'destination';
    const [from, to] = (which === 'source' ? src : dst).map(fmtIp4);
    this.ns.world.emit({
      type: 'nat',
      ns: this.ns.name,
      dev: (ctx.out ?? ctx.in)?.name ?? '',
      frameId: id,
      hook,
      from,
      to,
      fn:
        ipv4Protocol(after) === IPPROTO_ICMP && ICMP_ERROR_TYPES.has(icmpType(after, ipv4HeaderLen(after)))
          ? 'nf_nat_icmp_reply_translation'
          : 'nf_nat_packet',
      which,
    });
  }

  /** ipt_do_table() for one table at this hook, with the packet's conntrack state for state matches. */
  private runTable(
    t: Table,
    hook: HookName,
    ip: Uint8Array,
    ctx: HookCtx,
    sk: SkbCt | undefined,
    id: number,
  ): ChainVerdict {
    const p = packetInfo(ip, ctx.in?.name ?? '', ctx.out?.name ?? '', ctState(sk));
    if (!p) return 'accept';
    p.addrType = (a, dev) => RTN_NUMBER[addrType(this.ns, a, dev)] ?? 1;
    return doTable(t, hook, p, {
      reject: (w) => sendReject(this.ns, ip, w, { hook, inIfindex: ctx.in?.ifindex, id }),
      nat: (nt) => (sk?.ct ? this.natTarget(nt, sk.ct, ip, ctx) : 'accept'),
    });
  }

  private natEnv(): NatEnv {
    return { table: this.conntrack, now: this.ns.world.now, prng: this.ns.world.prng };
  }

  /** nf_nat_ipv4_fn() -> nf_nat_inet_fn(): translate ICMP errors, bind new connections, rewrite packets. */
  private natHook(
    hook: HookName,
    ct: Conn,
    ctinfo: CtInfo,
    writable: () => Uint8Array,
    ctx: HookCtx,
    id: number,
  ): ChainVerdict {
    const env = this.natEnv();
    if (ctinfo === 'RELATED' || ctinfo === 'RELATED_REPLY') {
      return natIcmpReplyTranslation(ct, ctinfo, hook, writable()) ? 'accept' : 'drop';
    }
    const m = hookManip(hook);
    if (ctinfo === 'NEW' && !natInitialized(ct, m)) {
      // the nat table's chain for this hook chooses the binding; no choice means a null binding
      const t = this.tables.get('nat')!;
      if (t.exists && t.base.has(hook)) {
        const v = this.runTable(t, hook, writable(), ctx, { ct, ctinfo, at: env.now }, id);
        if (v === 'drop') return 'drop';
      }
      if (!natInitialized(ct, m)) natNullBinding(env, ct, m);
    } else if (
      ct.masqIndex &&
      hook === 'POSTROUTING' &&
      ctinfoDir(ctinfo) === DIR_ORIGINAL &&
      ct.masqIndex !== ctx.out?.ifindex
    ) {
      // nf_nat_oif_changed(): a masqueraded connection now leaves by another device
      this.conntrack.remove((c) => c === ct);
      return 'drop';
    }
    natPacket(ct, ctinfo, hook, writable());
    return 'accept';
  }

  /** The SNAT, DNAT and MASQUERADE targets (xt_nat.c, xt_MASQUERADE.c). */
  private natTarget(t: NatTarget, ct: Conn, ip: Uint8Array, ctx: HookCtx): 'accept' | 'drop' {
    const env = this.natEnv();
    switch (t.kind) {
      case 'snat':
        natSetupInfo(env, ct, t.range, 'SRC');
        return 'accept';
      case 'dnat':
        natSetupInfo(env, ct, t.range, 'DST');
        return 'accept';
      case 'masquerade': {
        const out = ctx.out;
        if (!out) return 'accept';
        const daddr = ipv4Dst(ip);
        return natMasquerade(
          env,
          ct,
          t.range,
          out.ifindex,
          inetSelectAddr(out, this.nexthop(out, daddr), RT_SCOPE_UNIVERSE),
        );
      }
    }
  }

  /** rt_nexthop(): the gateway the route to daddr through `out` uses, or daddr itself. */
  private nexthop(out: NetDevice, daddr: number): number {
    const r = this.ns.ipv4.fib.lookup({ daddr: daddr as never, oif: out.ifindex });
    return !isFibError(r) && r.route.gw ? r.route.gw : daddr;
  }

  /** masq_device_event(): a device going down takes its masqueraded connections with it. */
  netdevEvent(ev: string, dev: NetDevice): void {
    if (ev !== 'DOWN' && ev !== 'UNREGISTER') return;
    this.conntrack.remove((c) => c.masqIndex !== 0 && c.masqIndex === dev.ifindex);
  }

  /**
   * nf_conntrack_attach(): an ICMP error the stack makes about a tracked packet (icmp_glue_bits())
   * belongs to that packet's connection, in the other direction, confirmed or not.
   */
  attach(nid: number, oid: number): void {
    const sk = this.skbs.get(oid);
    if (!sk?.ct) return;
    this.skbs.set(nid, {
      ct: sk.ct,
      ctinfo: ctinfoDir(sk.ctinfo) === DIR_ORIGINAL ? 'RELATED_REPLY' : 'RELATED',
      at: this.ns.world.now,
    });
  }

  private purge(now: number): void {
    for (const [id, sk] of this.skbs) if (now - sk.at > SKB_CT_TTL_US) this.skbs.delete(id);
  }
}

/** The conntrack/state match's view of a packet (xt_conntrack.c: conntrack_mt). */
function ctState(sk: SkbCt | undefined): number {
  if (!sk?.ct) return CT_STATE_INVALID;
  let s: number;
  switch (sk.ctinfo) {
    case 'NEW':
      s = CT_STATE_NEW;
      break;
    case 'ESTABLISHED':
    case 'ESTABLISHED_REPLY':
      s = CT_STATE_ESTABLISHED;
      break;
    case 'RELATED':
    case 'RELATED_REPLY':
      s = CT_STATE_RELATED;
      break;
  }
  if (sk.ct.status & IPS_SRC_NAT) s |= CT_STATE_SNAT;
  if (sk.ct.status & IPS_DST_NAT) s |= CT_STATE_DNAT;
  return s;
}
