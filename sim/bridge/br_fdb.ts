// The forwarding database (net/bridge/br_fdb.c): learning, local entries, ageing checked on read.
import type { Mac } from '../core/addr';
import { fmtMac, isValidEtherMac } from '../core/addr';
import type { Bridge } from './br_device';
import type { BridgePort, FdbEntry } from './br_private';

/** fdb_notify(): RTM_NEWNEIGH or RTM_DELNEIGH to rtnetlink's listeners (`bridge monitor fdb`); the snapshot
 *  lists a bridge's entries again only after one, or when one of them may have aged out. */
export function fdbNotify(br: Bridge): void {
  br.fdbSeq++;
}

/** hold_time(): ageing_time, or forward_delay during a topology change. */
export function holdTime(br: Bridge): number {
  return br.topologyChange ? br.forwardDelay : br.ageingTime;
}

/** has_expired() */
export function hasExpired(br: Bridge, f: FdbEntry, now: number): boolean {
  return !f.static && !f.local && !f.addedByUser && f.updated + holdTime(br) * 10000 <= now;
}

/** When has_expired() turns true for `f` at the hold time it has now (Infinity: never). */
export function expiresAt(br: Bridge, f: FdbEntry): number {
  return f.static || f.local || f.addedByUser ? Infinity : f.updated + holdTime(br) * 10000;
}

/** br_fdb_find_rcu(), with has_expired() applied as br_fdb_cleanup() would have. */
export function fdbFind(br: Bridge, addr: Mac): FdbEntry | undefined {
  const f = br.fdb.get(addr);
  if (f && hasExpired(br, f, br.ns.world.now)) {
    br.fdb.delete(addr);
    fdbNotify(br);
    return undefined;
  }
  return f;
}

/** br_fdb_cleanup(): drop every expired entry (run before a listing). */
export function fdbCleanup(br: Bridge): void {
  const now = br.ns.world.now;
  for (const [k, f] of br.fdb)
    if (hasExpired(br, f, now)) {
      br.fdb.delete(k);
      fdbNotify(br);
    }
}

/** fdb_add_local(): the first port with an address keeps the entry. */
export function fdbAddLocal(br: Bridge, p: BridgePort | null, addr: Mac): void {
  if (!isValidEtherMac(addr)) return;
  const f = br.fdb.get(addr);
  if (f) {
    if (f.local) return;
    br.fdb.delete(addr);
  }
  fdbNotify(br);
  const now = br.ns.world.now;
  br.fdb.set(addr, {
    addr,
    dst: p,
    local: true,
    static: true,
    addedByUser: false,
    sticky: false,
    updated: now,
    used: now,
  });
}

/** br_fdb_update(): learn where a source address lives; an existing entry moves to the new port unless sticky. */
export function fdbUpdate(br: Bridge, source: BridgePort, addr: Mac): void {
  if (holdTime(br) === 0) return;
  const now = br.ns.world.now;
  const f = fdbFind(br, addr);
  if (f) {
    if (f.local) {
      return;
    }
    f.updated = now;
    if (f.dst !== source && !f.sticky) {
      f.dst = source;
      fdbNotify(br);
    }
    return;
  }
  fdbNotify(br);
  br.fdb.set(addr, {
    addr,
    dst: source,
    local: false,
    static: false,
    addedByUser: false,
    sticky: false,
    updated: now,
    used: now,
  });
  const w = br.ns.world;
  if (w.trace)
    w.emit({
      type: 'fdb-learn',
      ns: br.ns.name,
      dev: source.dev.name,
      frameId: 0,
      bridge: br.name,
      mac: fmtMac(addr),
      fn: 'br_fdb_update',
    });
}

/** fdb_delete_local(): another port or the bridge itself may still own the address. */
function fdbDeleteLocal(br: Bridge, p: BridgePort | null, f: FdbEntry): void {
  fdbNotify(br);
  for (const op of br.ports) {
    if (op !== p && op.dev.mac === f.addr) {
      f.dst = op;
      return;
    }
  }
  if (p && br.mac === f.addr) {
    f.dst = null;
    return;
  }
  br.fdb.delete(f.addr);
}

/**
 * br_fdb_delete_by_port(): a port's entries go; unless `all`, static ones stay (and user-added ones
 * only when offloaded to hardware, which nothing here is: a dynamic entry added by hand goes too).
 */
export function fdbDeleteByPort(br: Bridge, p: BridgePort, all: boolean): void {
  fdbNotify(br);
  for (const f of [...br.fdb.values()]) {
    if (f.dst !== p) continue;
    if (!all && f.static) continue;
    if (f.local) fdbDeleteLocal(br, p, f);
    else br.fdb.delete(f.addr);
  }
}

/** br_fdb_flush() from IFLA_BR_FDB_FLUSH: every entry that is not static (the learnt ones) goes. */
export function fdbFlush(br: Bridge): void {
  fdbNotify(br);
  for (const f of [...br.fdb.values()]) if (!f.static) br.fdb.delete(f.addr);
}

/** br_fdb_changeaddr(): a port's own address changed. */
export function fdbChangeAddr(br: Bridge, p: BridgePort, newaddr: Mac): void {
  for (const f of [...br.fdb.values()]) {
    if (f.dst === p && f.local && !f.addedByUser) {
      fdbDeleteLocal(br, p, f);
      break;
    }
  }
  fdbAddLocal(br, p, newaddr);
}

/** br_fdb_change_mac_address(): the bridge's own address changed. */
export function fdbChangeMacAddress(br: Bridge, newaddr: Mac): void {
  const f = br.fdb.get(br.mac);
  if (f?.local && !f.dst && !f.addedByUser) {
    br.fdb.delete(br.mac);
    fdbNotify(br);
  }
  fdbAddLocal(br, null, newaddr);
}
