// ip tuntap (ip/iptuntap.c): persistent tun/tap devices with no process attached.
import { newTuntap } from '../../net/rtnl';
import { deleteLink } from '../../net/rtnl';
import { CmdError } from '../errors';
import { Args, matches } from './util';
import type { IpCtx } from './ctx';

export function ipTuntap(a: Args, ctx: IpCtx): string[] {
  const w = a.more ? a.cur : 'list';
  a.advance();
  let name: string | null = null;
  let mode: 'tun' | 'tap' | null = null;
  while (a.more) {
    const x = a.cur;
    if (x === 'mode') {
      const v = a.next();
      if (v !== 'tun' && v !== 'tap') throw new CmdError(`Unknown tunnel mode "${v}"`, 1);
      mode = v;
    } else if (x === 'dev' || x === 'name') name = a.next();
    else if (x === 'user' || x === 'group') a.next();
    else if (x === 'one_queue' || x === 'pi' || x === 'vnet_hdr' || x === 'multi_queue') { /* flags */ }
    else name = x;
    a.advance();
  }
  if (matches(w, 'add')) {
    if (!mode) throw new CmdError('You failed to specify a tunnel mode', 1);
    if (name && ctx.ns.dev(name)) throw new CmdError('ioctl(TUNSETIFF): Device or resource busy', 1);
    newTuntap(ctx.ns, name, mode);
    return [];
  }
  if (matches(w, 'delete')) {
    if (!mode) throw new CmdError('You failed to specify a tunnel mode', 1);
    const d = name ? ctx.ns.dev(name) : undefined;
    if (!d || (d.kind !== 'tun' && d.kind !== 'tap')) throw new CmdError('ioctl(TUNSETIFF): Invalid argument', 1);
    deleteLink(d);
    return [];
  }
  if (matches(w, 'list') || matches(w, 'show')) {
    return ctx.ns.devicesByIndex().filter((d) => d.kind === 'tun' || d.kind === 'tap').map((d) => `${d.name}: ${d.kind} persist`);
  }
  throw new CmdError(`Command "${w}" is unknown, try "ip tuntap help".`, 255);
}
