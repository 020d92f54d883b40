// The bridge's ndo_fdb_add / ndo_fdb_del (net/bridge/br_fdb.c: br_fdb_add -> fdb_add_entry,
// br_fdb_delete -> fdb_delete_by_addr_and_port), for the bridge itself or one of its ports.
import type { Mac } from '../core/addr';
import type { NetDevice } from '../net/netdevice';
import type { FdbReq } from '../net/fdb';
import { RtnlError } from '../net/rtnl_link';
import type { Bridge } from './br_device';
import { fdbFind, fdbNotify } from './br_fdb';
import type { BridgePort } from './br_private';

/** br_fdb_add(): on the bridge (NTF_SELF) no port, on a port (NTF_MASTER) that port */
const portOf = (br: Bridge, dev: NetDevice): BridgePort | null => (dev === br ? null : dev.brport);

/**
 * br_fdb_add() -> fdb_add_entry(): a port that does not learn takes only local and static entries, the
 * bridge itself only local ones, and a sticky entry may not be local. An existing entry is updated in
 * place (NLM_F_EXCL: EEXIST): it moves to the port given and takes the new state and sticky flag.
 */
export function brFdbAdd(br: Bridge, dev: NetDevice, r: FdbReq): void {
  const p = portOf(br, dev);
  // fdb_add_entry()'s fdb_notify(RTM_NEWNEIGH), sent when it modified the entry (told here either way)
  fdbNotify(br);
  const { addr, state, sticky } = r;
  if (p && state === 'dynamic' && p.state !== 'learning' && p.state !== 'forwarding') throw new RtnlError('EPERM');
  if (!p && state !== 'permanent') throw new RtnlError('EINVAL');
  if (sticky && state === 'permanent') throw new RtnlError('EINVAL');
  const now = br.ns.world.now;
  let f = fdbFind(br, addr);
  let modified = false;
  if (!f) {
    f = { addr, dst: p, local: false, static: false, addedByUser: true, sticky: false, updated: now, used: now };
    br.fdb.set(addr, f);
    modified = true;
  } else {
    if (r.excl) throw new RtnlError('EEXIST');
    if (f.dst !== p) {
      f.dst = p;
      modified = true;
    }
    f.addedByUser = true;
  }
  // fdb_to_nud() != state: a static entry's NUD_NOARP|NUD_REACHABLE never equals NUD_NOARP
  if (state === 'permanent') {
    if (!f.local) modified = true;
    f.local = true;
    f.static = true;
  } else if (state === 'static') {
    f.local = false;
    f.static = true;
    modified = true;
  } else {
    if (f.local || f.static) modified = true;
    f.local = false;
    f.static = false;
  }
  if (f.sticky !== sticky) {
    f.sticky = sticky;
    modified = true;
  }
  f.used = now;
  if (modified) f.updated = now;
}

/** br_fdb_delete() -> fdb_delete_by_addr_and_port(): an entry br_fdb_cleanup() already aged out is not there */
export function brFdbDelete(br: Bridge, dev: NetDevice, r: { addr: Mac }): void {
  const p = portOf(br, dev);
  const f = fdbFind(br, r.addr);
  if (!f || f.dst !== p) throw new RtnlError('ENOENT');
  br.fdb.delete(r.addr);
  fdbNotify(br);
}
