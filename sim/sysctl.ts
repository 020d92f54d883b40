// The /proc/sys/net entries the lab models: net.ipv4.conf.*, net.ipv4.neigh.*, and a few net.ipv4 globals
// (net/ipv4/devinet.c devinet_conf_proc, inet_forward_change; net/core/neighbour.c neigh_proc_*).
import type { Netns } from './net/netns';
import { DEVCONF_KEYS, type Devconf, type DevconfKey, isDevconfKey } from './ipv4/devconf';
import { NEIGH_KEYS, NEIGH_DEFAULT_ONLY_KEYS, type NeighParms, randReachTime } from './ipv4/neigh_parms';
import { own, hasOwn } from './core/own';
import { rtnlNotify } from './net/rtnl_notify';

export type SysctlResult = { ok: true; value: string } | { ok: false; error: 'ENOENT' | 'EINVAL' };

interface Entry {
  get(): string;
  set(v: string): SysctlResult;
}

const intRe = /^-?\d+$/;

function intSetter(apply: (n: number) => void, min = -2147483648, max = 2147483647): (v: string) => SysctlResult {
  return (v) => {
    const t = v.trim();
    // proc_dointvec_minmax(): out of range is EINVAL
    if (!intRe.test(t) || Number(t) < min || Number(t) > max) return { ok: false, error: 'EINVAL' };
    apply(Number(t));
    return { ok: true, value: t };
  };
}

/** One net.ipv4.conf.X.key */
function devconfEntry(ns: Netns, which: string, key: DevconfKey): Entry | undefined {
  const ipv4 = ns.ipv4;
  let cnf: Devconf | undefined;
  if (which === 'all') cnf = ipv4.all;
  else if (which === 'default') cnf = ipv4.dflt;
  else cnf = ns.dev(which)?.inDev?.cnf;
  if (!cnf) return undefined;
  const c = cnf;
  return {
    get: () => String(c.values[key]),
    set: intSetter((n) => {
      // inet_netconf_notify_devconf(RTM_NEWNETCONF), which the snapshot hears for every key it shows
      rtnlNotify(ns.world);
      // devinet_sysctl_forward(): all.forwarding resets the devices only when its value changes, and
      // default.forwarding is not copied to devices (it is not a devinet_conf_proc() key)
      if (key === 'forwarding') {
        if (c === ipv4.all) {
          if (c.values.forwarding !== n) inetForwardChange(ns, n);
        } else c.values.forwarding = n;
        return;
      }
      c.values[key] = n;
      if (c === ipv4.dflt) {
        // devinet_copy_dflt_conf(): devices that never had this key set by hand follow the default
        for (const d of ns.devices) if (d.inDev && !d.inDev.cnf.explicit.has(key)) d.inDev.cnf.values[key] = n;
      } else if (c !== ipv4.all) c.explicit.add(key);
    }),
  };
}

/** inet_forward_change(): ip_forward resets every device's forwarding, and accept_redirects with it. */
function inetForwardChange(ns: Netns, on: number): void {
  // the value itself is copied (2 stays 2); only accept_redirects is its negation
  ns.ipv4.all.values.forwarding = on;
  ns.ipv4.all.values.accept_redirects = on ? 0 : 1;
  ns.ipv4.dflt.values.forwarding = on;
  for (const d of ns.devices) if (d.inDev) d.inDev.cnf.values.forwarding = on;
}

type NeighAccess = [
  (v: NeighParms) => number,
  (p: NeighParms, n: number, rand: (lo: number, hi: number) => number) => void,
];

/** net.ipv4.neigh.X.key in the units /proc shows (USER_HZ ticks, seconds or ms), kept in ms. */
const NEIGH_ACCESS: Record<string, NeighAccess> = {
  anycast_delay: [(p) => Math.round(p.v.anycastDelayMs / 10), (p, n) => (p.v.anycastDelayMs = n * 10)],
  app_solicit: [(p) => p.v.appProbes, (p, n) => (p.v.appProbes = n)],
  base_reachable_time: [
    (p) => Math.floor(p.v.baseReachableMs / 1000),
    (p, n, r) => {
      p.v.baseReachableMs = n * 1000;
      p.reachableMs = randReachTime(p.v.baseReachableMs, r);
    },
  ],
  base_reachable_time_ms: [
    (p) => p.v.baseReachableMs,
    (p, n, r) => {
      p.v.baseReachableMs = n;
      p.reachableMs = randReachTime(n, r);
    },
  ],
  delay_first_probe_time: [(p) => Math.floor(p.v.delayProbeMs / 1000), (p, n) => (p.v.delayProbeMs = n * 1000)],
  gc_stale_time: [(p) => Math.floor(p.v.gcStaleMs / 1000), (p, n) => (p.v.gcStaleMs = n * 1000)],
  interval_probe_time_ms: [(p) => p.v.intervalProbeMs, (p, n) => (p.v.intervalProbeMs = n)],
  locktime: [(p) => Math.round(p.v.locktimeMs / 10), (p, n) => (p.v.locktimeMs = n * 10)],
  mcast_resolicit: [(p) => p.v.mcastReprobes, (p, n) => (p.v.mcastReprobes = n)],
  mcast_solicit: [(p) => p.v.mcastProbes, (p, n) => (p.v.mcastProbes = n)],
  proxy_delay: [(p) => Math.round(p.v.proxyDelayMs / 10), (p, n) => (p.v.proxyDelayMs = n * 10)],
  proxy_qlen: [(p) => p.v.proxyQlen, (p, n) => (p.v.proxyQlen = n)],
  retrans_time: [(p) => Math.round(p.v.retransMs / 10), (p, n) => (p.v.retransMs = n * 10)],
  retrans_time_ms: [(p) => p.v.retransMs, (p, n) => (p.v.retransMs = n)],
  ucast_solicit: [(p) => p.v.ucastProbes, (p, n) => (p.v.ucastProbes = n)],
  // counted in SKB_TRUESIZE(ETH_FRAME_LEN) units, rounded up
  unres_qlen: [(p) => Math.ceil(p.v.queueLenBytes / 2112), (p, n) => (p.v.queueLenBytes = n * 2112)],
  unres_qlen_bytes: [(p) => p.v.queueLenBytes, (p, n) => (p.v.queueLenBytes = n)],
};
const GC_DEFAULTS: Record<string, number> = { gc_interval: 30, gc_thresh1: 128, gc_thresh2: 512, gc_thresh3: 1024 };

function neighEntry(ns: Netns, which: string, key: string): Entry | undefined {
  const parms = which === 'default' ? ns.neighDefault : ns.dev(which)?.neighParms;
  if (!parms) return undefined;
  const gc = own(GC_DEFAULTS, key);
  if (gc !== undefined) {
    if (which !== 'default') return undefined;
    return { get: () => String(gc), set: intSetter(() => {}) };
  }
  const acc = own(NEIGH_ACCESS, key);
  if (!acc) return undefined;
  const rand = (lo: number, hi: number) => ns.world.prng.range(lo, hi);
  const apply = intSetter((n) => {
    acc[1](parms, n, rand);
    if (which === 'default') {
      // neigh_copy_dflt_parms(): devices of this namespace that never set the key follow
      for (const d of ns.devices) if (!d.neighParms.explicit.has(key)) acc[1](d.neighParms, n, rand);
    } else parms.explicit.add(key);
  });
  return {
    get: () => String(acc[0](parms)),
    // neigh_proc_dointvec_zero_intmax(): negative values are refused
    set: (v) => (/^\s*-/.test(v) ? { ok: false, error: 'EINVAL' } : apply(v)),
  };
}

function globalEntry(ns: Netns, key: string): Entry | undefined {
  const ipv4 = ns.ipv4;
  const num = (get: () => number, set: (n: number) => void, min?: number, max?: number): Entry => ({
    get: () => String(get()),
    set: intSetter(set, min, max),
  });
  switch (key) {
    case 'ip_forward':
      return num(
        () => ipv4.all.values.forwarding,
        (n) => ipv4.all.values.forwarding !== n && inetForwardChange(ns, n),
      );
    // the ranges of ipv4_net_table[] (extra1/extra2)
    case 'icmp_echo_ignore_all':
      return num(
        () => ipv4.icmpEchoIgnoreAll,
        (n) => (ipv4.icmpEchoIgnoreAll = n),
        0,
        1,
      );
    case 'icmp_errors_use_inbound_ifaddr':
      return num(
        () => ipv4.icmpErrorsUseInboundIfaddr,
        (n) => (ipv4.icmpErrorsUseInboundIfaddr = n),
        0,
        1,
      );
    case 'icmp_echo_ignore_broadcasts':
      return num(
        () => ipv4.icmpEchoIgnoreBroadcasts,
        (n) => (ipv4.icmpEchoIgnoreBroadcasts = n),
        0,
        1,
      );
    case 'icmp_ratelimit':
      return num(
        () => ipv4.icmpRatelimit,
        (n) => (ipv4.icmpRatelimit = n),
        0,
      );
    case 'icmp_ratemask':
      return num(
        () => ipv4.icmpRatemask,
        (n) => (ipv4.icmpRatemask = n),
      );
    case 'ip_default_ttl':
      return num(
        () => ipv4.ipDefaultTtl,
        (n) => (ipv4.ipDefaultTtl = n),
        1,
        255,
      );
    case 'ping_group_range':
      return {
        get: () => `${ipv4.pingGroupRange[0]}\t${ipv4.pingGroupRange[1]}`,
        set: (v) => {
          const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(v);
          if (!m) return { ok: false, error: 'EINVAL' };
          ipv4.pingGroupRange = [Number(m[1]), Number(m[2])];
          return { ok: true, value: v.trim() };
        },
      };
    default:
      return undefined;
  }
}

/** net.ipv6.conf.*.disable_ipv6 and friends: IPv6 is off in the lab; reads say so, writes are accepted. */
function ipv6Entry(ns: Netns, path: string[]): Entry | undefined {
  if (path[0] !== 'conf' || path.length !== 3) return undefined;
  const which = path[1];
  if (which !== 'all' && which !== 'default' && !ns.dev(which)) return undefined;
  if (path[2] !== 'disable_ipv6') return undefined;
  return { get: () => '1', set: intSetter(() => {}) };
}

/**
 * procps slashdot(): a name's separators are '.' or '/', whichever comes first; the other one is part of
 * a component (a device eth0.10 is net/ipv4/conf/eth0.10 in /proc and net.ipv4.conf.eth0/10 on screen).
 * This turns a name written with separator `from` into one written with `to`, swapping the two.
 */
function slashdot(name: string, from: '.' | '/', to: '.' | '/'): string {
  const m = /[./]/.exec(name);
  if (!m || m[0] === to) return name;
  let out = '';
  for (const c of name) out += c === from ? to : c === to ? from : c;
  return out;
}

/** The /proc/sys path of a name as sysctl takes it (net.ipv4.conf.eth0/10.forwarding -> net/ipv4/conf/eth0.10/forwarding). */
export const sysctlPath = (name: string): string => slashdot(name, '.', '/');
/** The name sysctl prints for a name as typed (net/ipv4/conf/eth0.10/forwarding -> net.ipv4.conf.eth0/10.forwarding). */
export const sysctlDisplay = (name: string): string => slashdot(name, '/', '.');

export function sysctlEntry(ns: Netns, name: string): Entry | undefined {
  const p = sysctlPath(name).split('/');
  if (p[0] !== 'net') return undefined;
  if (p[1] === 'ipv4') {
    if (p[2] === 'conf' && p.length === 5 && isDevconfKey(p[4])) return devconfEntry(ns, p[3], p[4]);
    if (p[2] === 'neigh' && p.length === 5) return neighEntry(ns, p[3], p[4]);
    if (p.length === 3) return globalEntry(ns, p[2]);
    return undefined;
  }
  if (p[1] === 'ipv6') return ipv6Entry(ns, p.slice(2));
  if (p[1] === 'bridge' && p.length === 3 && hasOwn(ns.brnf, p[2])) {
    // brnf_sysctl_call_tables(): any value other than 0 is stored as 1
    const key = p[2];
    return {
      get: () => String(ns.brnf[key]),
      set: intSetter((n) => (ns.brnf[key] = key.startsWith('bridge-nf-call-') && n ? 1 : n)),
    };
  }
  return undefined;
}

/** procps leaves the deprecated base_reachable_time and retrans_time out of listings */
const DEPRECATED: ReadonlySet<string> = new Set(['base_reachable_time', 'retrans_time']);
const GLOBALS = [
  'icmp_echo_ignore_all',
  'icmp_echo_ignore_broadcasts',
  'icmp_errors_use_inbound_ifaddr',
  'icmp_ratelimit',
  'icmp_ratemask',
  'ip_default_ttl',
  'ip_forward',
  'ping_group_range',
];
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const CONF_KEYS_SORTED = [...DEVCONF_KEYS].sort(byName);
const NEIGH_LISTED = NEIGH_KEYS.filter((k) => !DEPRECATED.has(k)).sort(byName);
const NEIGH_DEFAULT_LISTED = [...NEIGH_LISTED, ...NEIGH_DEFAULT_ONLY_KEYS].sort(byName);

export interface SysctlValue {
  name: string;
  value: string;
}

/**
 * Every entry under a prefix (sysctl with a directory, or -a), as sysctl prints them, in /proc's sorted
 * order. Linear in the devices but for sorting their names: per-device keys come out already in order,
 * and values are read straight from the device (no entry object per key).
 */
export function sysctlList(ns: Netns, prefix: string): SysctlValue[] {
  const pre = sysctlDisplay(prefix);
  // could a name under `base` be under the prefix (or the prefix under it)?
  const near = (base: string) => base === pre || base.startsWith(pre + '.') || pre.startsWith(base + '.');
  const want = (k: string) => k === pre || k.startsWith(pre + '.');
  // a component shows a device's dots as slashes; ordered by "name." so that each device's keys,
  // which follow its name and a dot, sort as a block (shown names hold no dot)
  const devs = ns.devices
    .map((d) => ({ d, shown: d.name.replace(/\./g, '/') }))
    .sort((a, b) => byName(a.shown + '.', b.shown + '.'));
  // each chunk is sorted and no two chunks interleave: the chunks sort by their first name
  const chunks: SysctlValue[][] = [];
  const emit = (out: SysctlValue[], name: string, value: () => string) => {
    if (want(name)) out.push({ name, value: value() });
  };
  if (near('net.ipv4.conf')) {
    const out: SysctlValue[] = [];
    const confs: Array<{ shown: string; cnf: Devconf | undefined }> = [
      { shown: 'all', cnf: ns.ipv4.all },
      { shown: 'default', cnf: ns.ipv4.dflt },
      ...devs.map(({ d, shown }) => ({ shown, cnf: d.inDev?.cnf })),
    ].sort((a, b) => byName(a.shown + '.', b.shown + '.'));
    for (const { shown, cnf } of confs) {
      const base = `net.ipv4.conf.${shown}`;
      if (!cnf || !near(base)) continue;
      const all = want(base);
      for (const k of CONF_KEYS_SORTED) {
        const name = `${base}.${k}`;
        if (all || want(name)) out.push({ name, value: String(cnf.values[k]) });
      }
    }
    chunks.push(out);
  }
  if (near('net.ipv4.neigh')) {
    const out: SysctlValue[] = [];
    const neighs: Array<{ shown: string; parms: NeighParms | undefined; keys: readonly string[] }> = [
      ...(ns.neighDefault ? [{ shown: 'default', parms: ns.neighDefault, keys: NEIGH_DEFAULT_LISTED }] : []),
      ...devs.map(({ d, shown }) => ({ shown, parms: d.neighParms, keys: NEIGH_LISTED })),
    ].sort((a, b) => byName(a.shown + '.', b.shown + '.'));
    for (const { shown, parms, keys } of neighs) {
      const base = `net.ipv4.neigh.${shown}`;
      if (!parms || !near(base)) continue;
      const all = want(base);
      for (const k of keys) {
        const name = `${base}.${k}`;
        if (all || want(name))
          out.push({ name, value: String(own(GC_DEFAULTS, k) ?? own(NEIGH_ACCESS, k)![0](parms)) });
      }
    }
    chunks.push(out);
  }
  for (const k of Object.keys(ns.brnf).sort(byName)) {
    const out: SysctlValue[] = [];
    emit(out, `net.bridge.${k}`, () => String(ns.brnf[k]));
    chunks.push(out);
  }
  for (const g of GLOBALS) {
    const out: SysctlValue[] = [];
    emit(out, `net.ipv4.${g}`, () => globalEntry(ns, g)!.get());
    chunks.push(out);
  }
  return chunks
    .filter((c) => c.length)
    .sort((a, b) => byName(a[0].name, b[0].name))
    .flat();
}
