// IPv4 addresses on a device (net/ipv4/devinet.c: struct in_device, struct in_ifaddr).
import { type Ip4, inPrefix } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import { Devconf, type DevconfKey } from './devconf';

export const RT_SCOPE_UNIVERSE = 0;
export const RT_SCOPE_SITE = 200;
export const RT_SCOPE_LINK = 253;
export const RT_SCOPE_HOST = 254;
export const RT_SCOPE_NOWHERE = 255;

export interface InIfaddr {
  local: Ip4;
  address: Ip4;
  prefixlen: number;
  broadcast: Ip4 | null;
  scope: number;
  secondary: boolean;
  label: string;
  noprefixroute: boolean;
  metric: number;
  /** ifa_valid_lft / ifa_preferred_lft in seconds (INFINITY_LIFE_TIME: forever) from ifa_tstamp (µs) */
  validLft?: number;
  preferredLft?: number;
  tstamp?: number;
  /** IFA_F_DEPRECATED: the preferred lifetime ran out */
  deprecated?: boolean;
}

/** IFNAMSIZ */
const IFNAMSIZ = 16;

/** inetdev_changename(): the first address takes the new name; the others keep their ":suffix" (or get ":N"). */
export function inetdevChangename(dev: NetDevice): void {
  let named = 0;
  for (const ifa of dev.inDev?.ifaList ?? []) {
    const old = ifa.label;
    ifa.label = dev.name;
    if (named++ === 0) continue;
    const i = old.indexOf(':');
    const dot = i >= 0 ? old.slice(i) : `:${named}`;
    ifa.label =
      dot.length + dev.name.length < IFNAMSIZ ? dev.name + dot : dev.name.slice(0, IFNAMSIZ - dot.length - 1) + dot;
  }
}

export class InDevice {
  dev: NetDevice;
  /** ifa_list in the kernel's order: primaries (by scope) before secondaries. */
  ifaList: InIfaddr[] = [];
  cnf: Devconf;

  constructor(dev: NetDevice, dflt: Devconf) {
    this.dev = dev;
    this.cnf = new Devconf(dflt);
    this.cnf.explicit.clear();
  }

  /** IN_DEV_CONF_GET */
  conf(k: DevconfKey): number {
    return this.cnf.values[k];
  }

  /** IN_DEV_ORCONF: all || dev */
  orconf(k: DevconfKey): boolean {
    return (this.dev.ns.ipv4.all.values[k] || this.cnf.values[k]) !== 0;
  }

  /** IN_DEV_MAXCONF: max(all, dev) */
  maxconf(k: DevconfKey): number {
    return Math.max(this.dev.ns.ipv4.all.values[k], this.cnf.values[k]);
  }

  /** IN_DEV_ANDCONF: all && dev */
  andconf(k: DevconfKey): boolean {
    return this.dev.ns.ipv4.all.values[k] !== 0 && this.cnf.values[k] !== 0;
  }

  // The per-packet tests below read their field by name, as the kernel's IN_DEV_* macros do
  // (include/linux/inetdevice.h): no lookup by key string on the hot path.
  /** IN_DEV_RPFILTER: IN_DEV_MAXCONF(rp_filter) */
  rpFilter(): number {
    const a = this.dev.ns.ipv4.all.values.rp_filter;
    const d = this.cnf.values.rp_filter;
    return Math.max(a, d);
  }

  /** IN_DEV_TX_REDIRECTS: IN_DEV_ORCONF(send_redirects) */
  txRedirects(): boolean {
    return (this.dev.ns.ipv4.all.values.send_redirects || this.cnf.values.send_redirects) !== 0;
  }

  /** IN_DEV_ACCEPT_LOCAL: IN_DEV_ORCONF(accept_local) */
  acceptLocal(): boolean {
    return (this.dev.ns.ipv4.all.values.accept_local || this.cnf.values.accept_local) !== 0;
  }

  /** IN_DEV_ROUTE_LOCALNET: IN_DEV_ORCONF(route_localnet) */
  routeLocalnet(): boolean {
    return (this.dev.ns.ipv4.all.values.route_localnet || this.cnf.values.route_localnet) !== 0;
  }

  get forwarding(): boolean {
    return this.cnf.values.forwarding !== 0;
  }

  primaries(): InIfaddr[] {
    return this.ifaList.filter((a) => !a.secondary);
  }
}

/** inet_ifa_match(): is `a` inside the ifaddr's prefix? */
export function ifaMatch(a: number, ifa: InIfaddr): boolean {
  return inPrefix(a, ifa.address, ifa.prefixlen);
}
