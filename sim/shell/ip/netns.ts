// ip netns (ip/ipnetns.c): named namespaces; `exec` runs a command inside one.
import { CmdError } from '../errors';
import { destroyNetns } from '../../net/rtnl';
import { Args, matches } from './util';
import type { IpCtx } from './ctx';

export function ipNetns(a: Args, ctx: IpCtx, exec: (ns: string, argv: string[]) => void): string[] {
  const w = a.more ? a.cur : 'list';
  a.advance();
  const world = ctx.world;
  if (matches(w, 'list') || w === 'show' || w === 'lst') {
    const out: string[] = [];
    for (const ns of [...world.namespaces].reverse()) {
      if (ns === world.host) continue;
      const id = ctx.ns.netnsIds.get(ns);
      out.push(id === undefined ? ns.name : `${ns.name} (id: ${id})`);
    }
    return out;
  }
  if (w === 'add') {
    if (!a.more) throw new CmdError('No netns name specified', 255);
    const name = a.cur;
    if (!/^[^/]+$/.test(name) || name === '.' || name === '..') throw new CmdError(`Invalid netns name "${name}"`, 255);
    if (world.netns(name) || name === world.host.name) throw new CmdError(`Cannot create namespace file "/run/netns/${name}": File exists`, 1);
    world.addNetns(name);
    return [];
  }
  if (matches(w, 'delete')) {
    if (!a.more) throw new CmdError('No netns name specified', 255);
    const ns = world.netns(a.cur);
    if (!ns || ns === world.host) throw new CmdError(`Cannot remove namespace file "/run/netns/${a.cur}": No such file or directory`, 1);
    destroyNetns(ns);
    return [];
  }
  if (w === 'exec') {
    if (!a.more) throw new CmdError('No netns name specified', 255);
    const name = a.cur;
    a.advance();
    if (!world.netns(name) || name === world.host.name) throw new CmdError(`Cannot open network namespace "${name}": No such file or directory`, 1);
    if (!a.more) throw new CmdError('No command specified', 255);
    exec(name, a.rest());
    return [];
  }
  if (w === 'identify') return [];
  throw new CmdError(`Command "${w}" is unknown, try "ip netns help".`, 255);
}
