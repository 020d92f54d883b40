// ip netns (ip/ipnetns.c): named namespaces; `exec` runs a command inside one.
import { CmdError } from '../errors';
import { destroyNetns } from '../../net/rtnl';
import { type Args, matches } from './util';
import type { IpCtx } from './ctx';
import type { Netns } from '../../net/netns';
import type { World } from '../../net/world';

const NETNS_USAGE = [
  'Usage:\tip netns list',
  '\tip netns add NAME',
  '\tip netns attach NAME PID',
  '\tip netns set NAME NETNSID',
  '\tip [-all] netns delete [NAME]',
  '\tip netns identify [PID]',
  '\tip netns pids NAME',
  '\tip [-all] netns exec [NAME] cmd ...',
  '\tip netns monitor',
  '\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]',
  'NETNSID := auto | POSITIVE-INT',
];

/** netns_switch() / netns_get_fd(): a namespace the user named; the lab's `host` is not a named one. */
export function netnsByName(world: World, name: string, code = 255): Netns {
  const ns = world.netns(name);
  if (!ns || ns === world.host)
    throw new CmdError(`Cannot open network namespace "${name}": No such file or directory`, code);
  return ns;
}

/** is_valid_netns_name(): a file name under /run/netns (1 to NAME_MAX bytes, no '/', not "." or "..") */
export function validNetnsName(name: string): boolean {
  return (
    name.length > 0 &&
    new TextEncoder().encode(name).length <= 255 &&
    !name.includes('/') &&
    name !== '.' &&
    name !== '..'
  );
}

export function ipNetns(
  a: Args,
  ctx: IpCtx,
  exec: (ns: string, rest: { argv: string[]; from: number }) => void,
): string[] {
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
    if (!validNetnsName(name)) throw new CmdError(`Invalid netns name "${name}"`, 255);
    if (world.netns(name) || name === world.host.name)
      throw new CmdError(`Cannot create namespace file "/run/netns/${name}": File exists`, 1);
    world.addNetns(name);
    return [];
  }
  if (matches(w, 'delete')) {
    if (!a.more) throw new CmdError('No netns name specified', 255);
    const ns = world.netns(a.cur);
    if (!ns || ns === world.host)
      throw new CmdError(`Cannot remove namespace file "/run/netns/${a.cur}": No such file or directory`, 1);
    destroyNetns(ns);
    return [];
  }
  if (w === 'exec') {
    if (!a.more) throw new CmdError('No netns name specified', 255);
    const name = a.cur;
    a.advance();
    netnsByName(world, name, 1);
    if (!a.more) throw new CmdError('No command specified', 255);
    exec(name, a.tail());
    return [];
  }
  if (w === 'identify') {
    // the name under /run/netns of the namespace the command runs in (none for the initial one)
    return ctx.ns === world.host ? [] : [ctx.ns.name];
  }
  if (w === 'set') {
    // netns_set() -> RTM_NEWNSID: an id for NAME, as seen from the current namespace
    if (!a.more) throw new CmdError(NETNS_USAGE, 255);
    const name = a.cur;
    a.advance();
    if (!a.more) throw new CmdError(NETNS_USAGE, 255);
    const v = a.cur;
    let id: number | 'auto';
    if (v === 'auto') id = 'auto';
    else if (/^-\d+$/.test(v))
      throw new CmdError(`Error: argument "${v}" is wrong: "netnsid" value should be >= 0`, 255);
    else if (/^\d+$/.test(v) && Number(v) <= 2147483647) id = Number(v);
    else throw new CmdError(`Error: argument "${v}" is wrong: Invalid "netnsid" value`, 255);
    const peer = netnsByName(world, name);
    if (ctx.ns.netnsIds.has(peer)) throw new CmdError('Error: Peer netns already has a nsid assigned.', 2);
    if (id === 'auto') ctx.ns.idOf(peer);
    else {
      if (ctx.ns.idInUse(id)) throw new CmdError('Error: The specified nsid is already used.', 2);
      ctx.ns.setIdOf(peer, id);
    }
    return [];
  }
  if (w === 'list-id') {
    const ids = [...ctx.ns.netnsIds.entries()].sort((x, y) => x[1] - y[1]);
    return ids.map(([ns, id]) =>
      `nsid ${id} ${ns === world.host ? '' : `(iproute2 netns name: ${ns.name})`}`.trimEnd(),
    );
  }
  throw new CmdError(`Command "${w}" is unknown, try "ip netns help".`, 255);
}
