// `bridge fdb add|del` as the kernel takes it (net/core/rtnetlink.c: rtnl_fdb_add, rtnl_fdb_del,
// ndo_dflt_fdb_add, ndo_dflt_fdb_del): the master's ndo_fdb_add first (a bridge port's bridge), then the
// device's own, or the default one that puts the address on the device's unicast list. Errnos come back
// as RtnlError; the shell prints them.
import type { Mac } from '../core/addr';
import type { NetDevice } from './netdevice';
import { devSetRxMode } from './link';
import { RtnlError } from './rtnl_link';

/** What ndm_state says, as the model keeps it: NUD_PERMANENT, NUD_NOARP (static), else dynamic */
export type FdbState = 'permanent' | 'static' | 'dynamic';

export interface FdbReq {
  addr: Mac;
  state: FdbState;
  /** NTF_STICKY */
  sticky: boolean;
  /** NLM_F_EXCL (`add`; append and replace leave it out) */
  excl: boolean;
}

/** ndo_dflt_fdb_add(): local addresses only; dev_uc_add_excl()'s EEXIST only with NLM_F_EXCL */
function ndoDfltFdbAdd(dev: NetDevice, r: FdbReq): void {
  if (r.state !== 'permanent') throw new RtnlError('EINVAL');
  if (dev.ucList.includes(r.addr)) {
    if (r.excl) throw new RtnlError('EEXIST');
    return;
  }
  dev.ucList.push(r.addr);
  devSetRxMode(dev);
}

/** ndo_dflt_fdb_del(): local addresses only, then dev_uc_del() */
function ndoDfltFdbDel(dev: NetDevice, r: FdbReq): void {
  if (r.state !== 'permanent') throw new RtnlError('EINVAL');
  if (!dev.ucList.includes(r.addr)) throw new RtnlError('ENOENT');
  dev.ucList = dev.ucList.filter((m) => m !== r.addr);
  devSetRxMode(dev);
}

/** rtnl_fdb_add() / rtnl_fdb_del(): NTF_MASTER goes to the master's ndo, NTF_SELF to the device's. */
export function rtnlFdbModify(dev: NetDevice, r: FdbReq, del: boolean, to: { master: boolean; self: boolean }): void {
  if (to.master) {
    const m = dev.master;
    const ops = m?.rtnlLinkOps;
    const fn = del ? ops?.fdbDel : ops?.fdbAdd;
    if (!m || !fn) throw new RtnlError('EOPNOTSUPP');
    fn(m, dev, r);
  }
  if (to.self) {
    const ops = dev.rtnlLinkOps;
    const fn = del ? ops?.fdbDel : ops?.fdbAdd;
    if (fn) fn(dev, dev, r);
    else if (del) ndoDfltFdbDel(dev, r);
    else ndoDfltFdbAdd(dev, r);
  }
}
