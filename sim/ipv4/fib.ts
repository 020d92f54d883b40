// The IPv4 forwarding information base: tables local and main, kept as the kernel's merged trie orders
// them (net/ipv4/fib_trie.c: fib_table_insert, fib_table_delete, fib_table_lookup; fib_semantics.c).
import { type Ip4, prefixMask } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import { RT_SCOPE_UNIVERSE } from './devinet';
import type { Rtable } from './route';

export const RT_TABLE_MAIN = 254;
export const RT_TABLE_LOCAL = 255;
export const RTPROT_KERNEL = 2;
export const RTPROT_BOOT = 3;
export const RTPROT_STATIC = 4;

export type RtnType =
  | 'unicast'
  | 'local'
  | 'broadcast'
  | 'anycast'
  | 'multicast'
  | 'blackhole'
  | 'unreachable'
  | 'prohibit'
  | 'throw';

/** enum rtn_type's numbers (RTN_UNICAST = 1, ...) */
export const RTN_NUMBER: Record<RtnType, number> = {
  unicast: 1,
  local: 2,
  broadcast: 3,
  anycast: 4,
  multicast: 5,
  blackhole: 6,
  unreachable: 7,
  prohibit: 8,
  throw: 9,
};

/** fib_props[type].error for the reject types. */
export const RTN_ERROR: Partial<Record<RtnType, string>> = {
  blackhole: 'EINVAL',
  unreachable: 'EHOSTUNREACH',
  prohibit: 'EACCES',
  throw: 'EAGAIN',
};

export interface FibRoute {
  table: number;
  type: RtnType;
  dst: Ip4;
  len: number;
  tos: number;
  priority: number;
  protocol: number;
  scope: number;
  prefsrc: Ip4 | null;
  gw: Ip4 | null;
  dev: NetDevice | null;
  /** nexthop scope (fib_nh_scope), used by source address selection */
  nhScope: number;
  onlink: boolean;
  /** RTA_METRICS the model keeps: RTAX_MTU (with its lock bit) and RTAX_ADVMSS */
  metrics?: RouteMetrics;
  /** insertion sequence, for a stable order */
  seq: number;
}

export interface RouteMetrics {
  mtu?: number;
  mtuLock?: boolean;
  advmss?: number;
}

/** rtnetlink_put_metrics() as iproute2 prints it: " mtu [lock ]N advmss N" */
export function metricsText(m: RouteMetrics | undefined): string {
  if (!m) return '';
  let s = '';
  if (m.mtu !== undefined) s += `mtu ${m.mtuLock ? 'lock ' : ''}${m.mtu} `;
  if (m.advmss !== undefined) s += `advmss ${m.advmss} `;
  return s;
}

export interface FibResult {
  route: FibRoute;
  type: RtnType;
  /** the output route last made from this result (the nexthop's cached rtable, nhc_pcpu_rth_output): route.ts
   *  hands it out again for the same flow, a pure function of the same inputs */
  rth: Rtable | null;
}

export type FibLookupError = { error: 'ENETUNREACH' | 'EHOSTUNREACH' | 'EINVAL' | 'EACCES' | 'EAGAIN' };

export interface Flow {
  daddr: Ip4;
  saddr?: Ip4;
  oif?: number;
  iif?: number;
  tos?: number;
  scope?: number;
}

export class Fib {
  private _routes: FibRoute[] = [];
  /** the merged local+main trie's lookup order, rebuilt after a change */
  private lookupOrder: FibRoute[] | null = null;
  /** the result each alias of lookupOrder gives, made with it */
  private lookupRes: FibResult[] = [];
  /** each alias's prefix and mask (int32), and the error its type returns (fib_props[].error), made with it */
  private lookupNet = new Int32Array(0);
  private lookupMask = new Int32Array(0);
  private lookupErr: (FibLookupError['error'] | null)[] = [];
  private seq = 0;

  get routes(): FibRoute[] {
    return this._routes;
  }

  set routes(r: FibRoute[]) {
    this._routes = r;
    this.lookupOrder = null;
  }
  /** fib_has_custom_local_routes */
  customLocalRoutes = false;

  /**
   * fib_table_insert(). `append` is NLM_F_APPEND (the kernel's own routes), `excl` NLM_F_EXCL (ip route add),
   * `replace` NLM_F_REPLACE. Returns an errno name on failure.
   */
  insert(r: Omit<FibRoute, 'seq'>, opts: { append?: boolean; excl?: boolean; replace?: boolean }): 'EEXIST' | null {
    const same = this.routes.filter(
      (x) => x.table === r.table && x.dst === r.dst && x.len === r.len && x.tos === r.tos && x.priority === r.priority,
    );
    const perfect = same.find(
      (x) => x.type === r.type && x.scope === r.scope && x.gw === r.gw && x.dev === r.dev && x.prefsrc === r.prefsrc,
    );
    const route: FibRoute = { ...r, seq: this.seq++ };
    if (same.length) {
      if (opts.excl) return 'EEXIST';
      if (opts.replace) {
        const i = this.routes.indexOf(same[0]);
        route.seq = same[0].seq;
        const next = [...this._routes];
        next[i] = route;
        this.routes = next;
        return null;
      }
      if (perfect) return 'EEXIST';
    }
    if (!opts.append && same.length) {
      // prepend: before the first alias of the same key
      route.seq = same[0].seq - 0.5;
    }
    this.routes = [...this._routes, route].sort((a, b) => a.seq - b.seq);
    if (r.table === RT_TABLE_LOCAL && r.protocol !== RTPROT_KERNEL) this.customLocalRoutes = true;
    return null;
  }

  private buildLookupOrder(): void {
    const order = this._routes
      .filter((r) => r.table === RT_TABLE_LOCAL || r.table === RT_TABLE_MAIN)
      .sort((a, b) => b.len - a.len || b.table - a.table || aliasOrder(a, b));
    this.lookupOrder = order;
    this.lookupRes = order.map((r) => ({ route: r, type: r.type, rth: null }));
    this.lookupNet = Int32Array.from(order, (r) => r.dst | 0);
    this.lookupMask = Int32Array.from(order, (r) => prefixMask(r.len) | 0);
    this.lookupErr = order.map((r) => (RTN_ERROR[r.type] as FibLookupError['error'] | undefined) ?? null);
  }

  /** fib_table_delete(): the first alias that matches every attribute given. */
  delete(m: Partial<FibRoute> & { table: number; dst: Ip4; len: number }): FibRoute | null {
    const i = this.routes.findIndex(
      (x) =>
        x.table === m.table &&
        x.dst === m.dst &&
        x.len === m.len &&
        (m.tos === undefined || x.tos === m.tos) &&
        (m.priority === undefined || x.priority === m.priority) &&
        (m.type === undefined || x.type === m.type) &&
        (m.scope === undefined || x.scope === m.scope) &&
        (m.protocol === undefined || x.protocol === m.protocol) &&
        (m.prefsrc === undefined || m.prefsrc === null || x.prefsrc === m.prefsrc) &&
        (m.gw === undefined || m.gw === null || x.gw === m.gw) &&
        (m.dev === undefined || m.dev === null || x.dev === m.dev),
    );
    if (i < 0) return null;
    const hit = this._routes[i];
    this.routes = this._routes.filter((x) => x !== hit);
    return hit;
  }

  removeWhere(pred: (r: FibRoute) => boolean): number {
    const before = this.routes.length;
    this.routes = this.routes.filter((r) => !pred(r));
    return before - this.routes.length;
  }

  /** The routes of one table in dump order: by key ascending, longer prefixes first, then alias order. */
  dump(table: number): FibRoute[] {
    return this.routes
      .filter((r) => r.table === table)
      .sort((a, b) => a.dst - b.dst || b.len - a.len || aliasOrder(a, b));
  }

  /**
   * fib_lookup() over the merged local+main trie: longest prefix first; within a prefix the alias order;
   * skips aliases of a narrower scope, dead or mismatched nexthops (fib_lookup_good_nhc).
   */
  lookup(fl: Flow, opts?: { ignoreLinkState?: boolean; skipOif?: boolean }): FibResult | FibLookupError {
    const scope = fl.scope ?? RT_SCOPE_UNIVERSE;
    if (this.lookupOrder === null) this.buildLookupOrder();
    const order = this.lookupOrder!;
    const nets = this.lookupNet;
    const masks = this.lookupMask;
    const errs = this.lookupErr;
    const tos = fl.tos ?? 0;
    // the key's bits under each alias's prefix mask, as the trie's leaf walk compares them (int32 arithmetic)
    const key = fl.daddr | 0;
    for (let i = 0; i < order.length; i++) {
      if (((key ^ nets[i]) & masks[i]) !== 0) continue;
      const r = order[i];
      if (r.tos && r.tos !== tos) continue;
      if (r.scope < scope) continue;
      const res = this.lookupRes[i];
      // a type changed in place since the order was made is read again
      const err = res.type === r.type ? errs[i] : ((RTN_ERROR[r.type] as FibLookupError['error'] | undefined) ?? null);
      if (err !== null) return { error: err };
      const dev = r.dev;
      if (dev) {
        if (!dev.carrier && !opts?.ignoreLinkState && dev.inDev?.orconf('ignore_routes_with_linkdown')) continue;
        if (fl.oif && !opts?.skipOif && fl.oif !== dev.ifindex) continue;
      }
      // fib_result: the same object for every lookup that ends at this alias (nothing writes to it)
      return res.type === r.type ? res : (this.lookupRes[i] = { route: r, type: r.type, rth: null });
    }
    return { error: 'ENETUNREACH' };
  }
}

function aliasOrder(a: FibRoute, b: FibRoute): number {
  // fib_find_alias(): TOS descending, then priority ascending, then insertion order.
  return b.tos - a.tos || a.priority - b.priority || a.seq - b.seq;
}

export function isFibError(r: FibResult | FibLookupError): r is FibLookupError {
  return 'error' in r;
}
