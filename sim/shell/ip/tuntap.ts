// ip tuntap (ip/iptuntap.c): persistent tun/tap devices with no process attached.
import type { Tun } from '../../drivers/tun';
import { isTun, newTuntap } from '../../drivers/tun_link';
import { deleteLink } from '../../net/rtnl';
import { CmdError } from '../errors';
import { type Args, matches } from './util';
import type { IpCtx } from './ctx';

/** print_flags() of iptuntap.c: the device's flags, then its owner and group */
function tunShowLine(t: Tun): string {
  let l = `${t.name}: ${t.kind}`;
  if (t.pi) l += ' pi';
  if (t.oneQueue) l += ' one_queue';
  if (t.vnetHdr) l += ' vnet_hdr';
  if (t.multiQueue) l += ' multi_queue';
  l += ' persist';
  if (t.pi || t.vnetHdr || t.oneQueue) l += ' filter';
  if (t.owner !== null) l += ` user ${t.owner}`;
  if (t.group !== null) l += ` group ${t.group}`;
  return l;
}

export function ipTuntap(a: Args, ctx: IpCtx): string[] {
  const w = a.more ? a.cur : 'list';
  a.advance();
  let name: string | null = null;
  let mode: 'tun' | 'tap' | null = null;
  const flags = { pi: false, vnetHdr: false, oneQueue: false, multiQueue: false };
  let owner: number | null = null;
  let group: number | null = null;
  while (a.more) {
    const x = a.cur;
    if (x === 'mode') {
      const v = a.next();
      if (v !== 'tun' && v !== 'tap') throw new CmdError(`Unknown tunnel mode "${v}"`, 1);
      mode = v;
    } else if (x === 'dev' || x === 'name') name = a.next();
    else if (x === 'user' || x === 'group') {
      // names of this lab's only user and group, or numbers
      const v = a.next();
      const n = v === 'root' ? 0 : /^\d+$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n)) throw new CmdError(`${x} "${v}" is invalid`, 1);
      if (x === 'user') owner = n;
      else group = n;
    } else if (x === 'pi') flags.pi = true;
    else if (x === 'vnet_hdr') flags.vnetHdr = true;
    else if (x === 'one_queue') flags.oneQueue = true;
    else if (x === 'multi_queue') flags.multiQueue = true;
    else name = x;
    a.advance();
  }
  if (matches(w, 'add')) {
    if (!mode) throw new CmdError('You failed to specify a tunnel mode', 1);
    if (name && ctx.ns.dev(name)) throw new CmdError('ioctl(TUNSETIFF): Device or resource busy', 1);
    const t = newTuntap(ctx.ns, name, mode);
    Object.assign(t, flags, { owner, group });
    return [];
  }
  if (matches(w, 'delete')) {
    if (!mode) throw new CmdError('You failed to specify a tunnel mode', 1);
    const d = name ? ctx.ns.dev(name) : undefined;
    // TUNSETIFF on an existing device must ask for its kind and its multi_queue flag
    if (!isTun(d) || d.kind !== mode || d.multiQueue !== flags.multiQueue)
      throw new CmdError('ioctl(TUNSETIFF): Invalid argument', 1);
    deleteLink(d);
    return [];
  }
  if (matches(w, 'list') || matches(w, 'show')) {
    return ctx.ns.devicesByIndex().filter(isTun).map(tunShowLine);
  }
  throw new CmdError(`Command "${w}" is unknown, try "ip tuntap help".`, 255);
}
