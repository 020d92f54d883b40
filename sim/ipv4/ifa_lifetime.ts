// Address lifetimes (net/ipv4/devinet.c: set_ifa_lifetime, check_lifetime, inet_fill_ifaddr's
// cacheinfo). An address with a valid lifetime is "dynamic"; when its preferred lifetime runs out it is
// deprecated, when its valid lifetime runs out it is deleted. Listings show what is left in whole seconds.
import type { Timer } from '../core/scheduler';
import type { NetDevice } from '../net/netdevice';
import type { InIfaddr } from './devinet';
import { inetDelIfa } from './fib_frontend';

/** INFINITY_LIFE_TIME */
export const FOREVER = 0xffffffff;

const timers = new WeakMap<InIfaddr, Timer[]>();

/** set_ifa_lifetime(), and check_lifetime() scheduled for the moments it changes something. */
export function setIfaLifetime(dev: NetDevice, ifa: InIfaddr, valid: number, preferred: number): void {
  const sched = dev.ns.world.sched;
  for (const t of timers.get(ifa) ?? []) sched.cancel(t);
  const now = dev.ns.world.now;
  ifa.validLft = valid;
  ifa.preferredLft = preferred;
  ifa.tstamp = now;
  ifa.deprecated = preferred !== FOREVER && preferred === 0;
  const list: Timer[] = [];
  if (preferred !== FOREVER && preferred > 0)
    list.push(sched.after(preferred * 1_000_000, () => (ifa.deprecated = true)));
  if (valid !== FOREVER) {
    list.push(
      sched.after(valid * 1_000_000, () => {
        if (dev.inDev?.ifaList.includes(ifa)) inetDelIfa(dev, ifa);
      }),
    );
  }
  timers.set(ifa, list);
}

/** IFA_F_PERMANENT is cleared for an address that can expire: ip prints "dynamic". */
export const isDynamic = (ifa: InIfaddr) => ifa.validLft !== undefined && ifa.validLft !== FOREVER;

/** inet_fill_ifaddr()'s cacheinfo as iproute2 prints it. */
export function lifetimeText(ifa: InIfaddr, now: number): string {
  // IFA_F_PERMANENT (valid forever): the cacheinfo says forever for both, deprecated or not
  if (!isDynamic(ifa)) return 'valid_lft forever preferred_lft forever';
  const tval = Math.floor((now - (ifa.tstamp ?? now)) / 1_000_000);
  const left = (l: number | undefined) =>
    l === undefined || l === FOREVER ? 'forever' : `${Math.max(0, l - tval)}sec`;
  return `valid_lft ${left(ifa.validLft)} preferred_lft ${left(ifa.preferredLft)}`;
}
