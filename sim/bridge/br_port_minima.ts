// What the bridge takes from the smallest of its ports: the bridge id's address (br_stp_recalculate_bridge_id),
// the MTU (br_mtu_min) and the TSO limit (br_set_gso_limits). The kernel walks the port list for each at every
// port added; here the three are kept per bridge, updated by one comparison as a port comes, and recomputed in
// one walk (the kernel's, in the port list's order) after a port leaves or a port's address or MTU changes
// (br_notify), so a bridge of 10,000 ports is built in linear time with the same results.
import { type Mac, ZERO_MAC } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import type { Bridge } from './br_device';

/** TSO_MAX_SIZE */
export const TSO_MAX_SIZE = 524280;

interface Minima {
  /** br_stp_recalculate_bridge_id()'s walk: the smallest address, a zero one taking and losing the lead */
  mac: Mac;
  /** some port has the zero address: the walk's result depends on the order, so a new port means a walk */
  zero: boolean;
  /** the smallest MTU (undefined without ports) */
  mtu: number | undefined;
  /** the smallest TSO limit, TSO_MAX_SIZE at most */
  tso: number;
}

const kept = new WeakMap<Bridge, Minima>();

function walk(br: Bridge): Minima {
  let mac: Mac = ZERO_MAC;
  let zero = false;
  let mtu: number | undefined;
  let tso = TSO_MAX_SIZE;
  for (const p of br.ports) {
    const d = p.dev;
    if (mac === ZERO_MAC || d.mac < mac) mac = d.mac;
    if (d.mac === ZERO_MAC) zero = true;
    if (mtu === undefined || d.mtu < mtu) mtu = d.mtu;
    if (d.tsoMaxSize < tso) tso = d.tsoMaxSize;
  }
  return { mac, zero, mtu, tso };
}

export function portMinima(br: Bridge): Readonly<Minima> {
  let m = kept.get(br);
  if (!m) {
    m = walk(br);
    kept.set(br, m);
  }
  return m;
}

/** A port just put at the front of br.ports (br_add_if's list_add_rcu). */
export function portMinimaAdded(br: Bridge, dev: NetDevice): void {
  const m = kept.get(br);
  if (!m) return;
  if (m.zero || dev.mac === ZERO_MAC) {
    kept.delete(br);
    return;
  }
  // without zero addresses the walk is a plain minimum, whatever the order
  if (m.mac === ZERO_MAC || dev.mac < m.mac) m.mac = dev.mac;
  if (m.mtu === undefined || dev.mtu < m.mtu) m.mtu = dev.mtu;
  if (dev.tsoMaxSize < m.tso) m.tso = dev.tsoMaxSize;
}

/** A port left, or a port's address or MTU changed: the next question walks the ports again. */
export function portMinimaStale(br: Bridge): void {
  kept.delete(br);
}
