// ip link (ip/iplink.c: iplink_parse, iplink_modify; ip/link_veth.c, ip/link_bridge.c).
import type { Mac } from '../../core/addr';
import type { NetDevice } from '../../net/netdevice';
import { devOpen } from '../../net/link';
import { deleteLink, leaveMaster } from '../../net/rtnl';
import { type SetlinkReq, checkIfnameAttr, doSetMaster, doSetlink } from '../../net/setlink';
import { type LinkParseCtx, linkKindOf, rtnlLinkOpsGet, rtnlSlaveOpsGet } from '../../net/rtnl_link';
import { isValidEtherMac } from '../../core/addr';
import { CmdError, extackError, rtnlError, viaRtnl } from '../errors';
import { Args, duparg, duparg2, getUnsigned, invarg, matches, parseLladdr } from './util';
import { linkBrief, linkLines, nsDevices } from './link_print';
import type { IpCtx } from './ctx';

interface LinkReq {
  name: string | null;
  dev: string | null;
  up?: boolean;
  address?: Mac;
  mtu?: number;
  txqlen?: number;
  master?: string | null;
  netns?: string;
  promisc?: boolean;
  arp?: boolean;
  multicast?: boolean;
  allmulticast?: boolean;
  alias?: string;
  broadcast?: Mac;
  type?: string;
  typeArgs: string[];
  /** `link DEV` (IFLA_LINK) */
  link?: string;
}

function onOff(key: string, v: string): boolean {
  if (v === 'on') return true;
  if (v === 'off') return false;
  throw new CmdError(`Error: argument of "${key}" must be "on" or "off", not "${v}"`, 255);
}

/** iplink_parse(): every keyword up to "type"; the rest belongs to the link kind. */
function parseLink(a: Args, ctx: IpCtx): LinkReq {
  const r: LinkReq = { name: null, dev: null, typeArgs: [] };
  while (a.more) {
    const w = a.cur;
    if (w === 'up') r.up = true;
    else if (w === 'down') r.up = false;
    else if (w === 'name') {
      const v = a.next();
      if (r.name) throw duparg('name', v);
      // check_ifname() for "name" (IFNAMSIZ), check_altifname() for a bare device name
      if (v.length >= 16) throw invarg('"name" not a valid ifname', v);
      checkIfname(v, '"name" not a valid ifname');
      r.name = v;
      if (!r.dev) r.dev = v;
    } else if (matches(w, 'link')) r.link = a.next();
    else if (matches(w, 'address')) r.address = parseLladdr(a.next());
    else if (matches(w, 'broadcast') || w === 'brd') r.broadcast = parseLladdr(a.next());
    else if (matches(w, 'txqueuelen') || w === 'qlen' || matches(w, 'txqlen')) {
      const v = a.next();
      const n = getUnsigned(v);
      if (n === undefined) throw invarg('Invalid "txqueuelen" value\n', v);
      r.txqlen = n;
    } else if (w === 'mtu') {
      const v = a.next();
      const n = getUnsigned(v);
      if (n === undefined) throw invarg('Invalid "mtu" value\n', v);
      r.mtu = n;
    } else if (w === 'netns') {
      const v = a.next();
      if (r.netns !== undefined) throw duparg('netns', v);
      // a number is a process: PID 1 lives in the initial namespace; no other process is modelled
      if (/^\d+$/.test(v) && !ctx.world.netns(v)) {
        if (v !== '1') throw rtnlError('ESRCH');
        r.netns = ctx.world.host.name;
      } else {
        if (!ctx.world.netns(v)) throw invarg('Invalid "netns" value\n', v);
        r.netns = v;
      }
    } else if (w === 'promisc') r.promisc = onOff('promisc', a.next());
    else if (w === 'arp') r.arp = onOff('arp', a.next());
    else if (w === 'multicast') r.multicast = onOff('multicast', a.next());
    else if (w === 'allmulticast') r.allmulticast = onOff('allmulticast', a.next());
    else if (w === 'trailers' || w === 'dynamic' || w === 'carrier') a.next();
    else if (matches(w, 'master')) {
      const v = a.next();
      if (!ctx.ns.dev(v)) throw invarg('Device does not exist\n', v);
      r.master = v;
    } else if (w === 'nomaster') r.master = null;
    else if (w === 'type') {
      r.type = a.next();
      a.advance();
      r.typeArgs = a.rest();
      break;
    } else if (matches(w, 'alias')) {
      const v = a.next();
      if (v.length >= 256) throw invarg('"alias" too long\n', v);
      r.alias = v;
    } else if (
      w === 'group' ||
      matches(w, 'mode') ||
      matches(w, 'state') ||
      matches(w, 'numtxqueues') ||
      matches(w, 'numrxqueues')
    ) {
      a.next();
    } else {
      if (matches(w, 'help')) throw new CmdError(LINK_USAGE, 255);
      let v = w;
      if (w === 'dev') v = a.next();
      if (r.dev !== null && r.dev !== r.name) throw duparg2('dev', v);
      if (r.dev !== null && r.name !== null && r.dev === r.name && w === 'dev') throw duparg2('dev', v);
      checkIfname(v, '"dev" not a valid ifname');
      r.dev = v;
    }
    a.advance();
  }
  return r;
}

const LINK_USAGE = [
  'Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME',
  '\t\t    [ txqueuelen PACKETS ]',
  '\t\t    [ address LLADDR ]',
  '\t\t    [ mtu MTU ]',
  '\t\t    type TYPE [ ARGS ]',
  '',
];

/** dev_valid_name() with IFLA_IFNAME's policy: 1 to IFNAMSIZ - 1 characters, no '/', ':' or white space, not "." or ".." */
export function validIfname(n: string): boolean {
  return n.length > 0 && n.length < 16 && n !== '.' && n !== '..' && !/[\s/:]/.test(n);
}

/** check_altifname(): iproute2 lets names up to ALTIFNAMSIZ through; the kernel's policy wants < IFNAMSIZ */
function checkIfname(n: string, msg: string): void {
  if (!n || n.length >= 128 || n === '.' || n === '..' || /[\s/:]/.test(n)) throw invarg(msg, n);
}

export function ipLink(a: Args, ctx: IpCtx): string[] {
  if (!a.more) return linkShow(new Args([]), ctx);
  const w = a.cur;
  a.advance();
  if (matches(w, 'add')) return linkAdd(a, ctx);
  if (w === 'set' || matches(w, 'change')) return linkSet(a, ctx);
  if (matches(w, 'delete')) return linkDel(a, ctx);
  if (matches(w, 'show') || matches(w, 'lst') || matches(w, 'list')) return linkShow(a, ctx);
  if (matches(w, 'help')) throw new CmdError(LINK_USAGE, 255);
  throw new CmdError(`Command "${w}" is unknown, try "ip link help".`, 255);
}

function linkAdd(a: Args, ctx: IpCtx): string[] {
  const r = parseLink(a, ctx);
  if (!r.type) throw new CmdError('Not enough information: "type" argument is required', 255);
  const ns = r.netns ? ctx.world.netns(r.netns)! : ctx.ns;
  const name = r.name ?? r.dev;
  const ops = rtnlLinkOpsGet(r.type);
  // iplink_modify(): the kind's own options (link_util->parse_opt), then ll_name_to_index() on "link DEV",
  // all before anything is sent: a bad option is refused even when the name is taken
  const opts = ops?.parse ? ops.parse(r.typeArgs, nestedCtx(ctx)) : undefined;
  if (r.link !== undefined && !ctx.ns.dev(r.link)) throw new CmdError(`Cannot find device "${r.link}"`, 1);
  viaRtnl(() => checkIfnameAttr(name));
  // rtnl_newlink(): the kind's ->validate() (veth_validate, br_validate) runs before the name is looked up
  if (r.address !== undefined && !isValidEtherMac(r.address)) throw rtnlError('EADDRNOTAVAIL');
  const kindErr = ops?.validate?.({ name, address: r.address, mtu: r.mtu, txqlen: r.txqlen, ns });
  if (kindErr) throw rtnlError(kindErr);
  if (name && ns.dev(name)) throw rtnlError('EEXIST');
  if (!ops?.newlink) throw extackError('Unknown device type');
  const lower = r.link === undefined ? undefined : (ctx.ns.dev(r.link) ?? null);
  const created: NetDevice = viaRtnl(() =>
    ops.newlink!({ name, address: r.address, mtu: r.mtu, txqlen: r.txqlen, ns, up: r.up, lower }, opts),
  );
  if (r.up) devOpen(created);
  if (r.master) viaRtnl(() => doSetMaster(created, ctx.ns.dev(r.master!)!));
  return [];
}

/** What a kind's parser may ask: iplink_parse() of nested attributes (veth's peer). */
function nestedCtx(ctx: IpCtx): LinkParseCtx {
  return {
    parseNested(args) {
      const p = parseLink(new Args(args), ctx);
      return {
        name: p.name ?? p.dev,
        address: p.address,
        mtu: p.mtu,
        txqlen: p.txqlen,
        ns: p.netns ? ctx.world.netns(p.netns)! : ctx.ns,
        up: p.up,
      };
    },
  };
}

function findDev(ctx: IpCtx, name: string | null): NetDevice {
  if (name === null) throw new CmdError('Not enough information: "dev" argument is required.', 255);
  const d = ctx.ns.dev(name);
  if (!d) throw new CmdError(`Cannot find device "${name}"`, 1);
  return d;
}

function linkSet(a: Args, ctx: IpCtx): string[] {
  const r = parseLink(a, ctx);
  // the kind's (or the slave kind's) options are parsed before the device is looked up
  const ops = r.type ? rtnlLinkOpsGet(r.type) : undefined;
  const slaveOps = r.type && !ops?.changelink ? rtnlSlaveOpsGet(r.type) : undefined;
  const kindOpts = ops?.changelink && ops.parse ? ops.parse(r.typeArgs, nestedCtx(ctx)) : undefined;
  const slaveOpts = slaveOps?.parseSlave ? slaveOps.parseSlave(r.typeArgs) : undefined;
  const dev = findDev(ctx, r.dev);
  // rtnl_changelink(): the kind's options go first (a failure leaves the rest undone), then do_setlink()
  if (r.type) {
    if (ops?.changelink) {
      if (dev.rtnlLinkOps !== ops) throw rtnlError('EOPNOTSUPP');
      viaRtnl(() => ops.changelink!(dev, kindOpts));
    } else if (slaveOps?.slaveChangelink) {
      viaRtnl(() => slaveOps.slaveChangelink!(dev, slaveOpts));
    } else if (r.type !== dev.kind) throw rtnlError('EOPNOTSUPP');
  }
  // do_setlink(): the model decides (net/setlink.ts); a failure keeps what came before it
  const req: SetlinkReq = {
    netns: r.netns !== undefined ? ctx.world.netns(r.netns)! : undefined,
    address: r.address,
    mtu: r.mtu,
    name: r.name && r.dev && r.name !== r.dev ? r.name : undefined,
    alias: r.alias,
    broadcast: r.broadcast,
    promisc: r.promisc,
    arp: r.arp,
    multicast: r.multicast,
    allmulticast: r.allmulticast,
    up: r.up,
    master: r.master === undefined ? undefined : r.master === null ? null : ctx.ns.dev(r.master)!,
    txqlen: r.txqlen,
  };
  viaRtnl(() => doSetlink(dev, req));
  return [];
}

function linkDel(a: Args, ctx: IpCtx): string[] {
  const r = parseLink(a, ctx);
  const dev = findDev(ctx, r.dev);
  if (dev.isLoopback) throw rtnlError('EOPNOTSUPP');
  leaveMaster(dev);
  deleteLink(dev);
  return [];
}

/** ip link show [dev] NAME | [master BR] [type KIND] [up] */
export function linkShow(a: Args, ctx: IpCtx, forAddr = false): string[] {
  let devName: string | null = null;
  let master: string | null = null;
  let kind: string | null = null;
  let upOnly = false;
  while (a.more) {
    const w = a.cur;
    if (w === 'dev') devName = a.next();
    else if (w === 'up') upOnly = true;
    else if (w === 'master') {
      master = a.next();
      if (!ctx.ns.dev(master)) throw invarg('Device does not exist\n', master);
    } else if (w === 'type') kind = a.next();
    else if (w === 'nomaster') master = '';
    else if (devName === null) devName = w;
    else throw duparg2('dev', w);
    a.advance();
  }
  let devs = nsDevices(ctx.ns);
  if (devName !== null) {
    const d = ctx.ns.dev(devName);
    if (!d) throw new CmdError(`Device "${devName}" does not exist.`, 1);
    devs = [d];
  }
  if (master !== null) devs = devs.filter((d) => (master === '' ? !d.master : d.master?.name === master));
  // the rtnl kind (a tap is a "tun" device too), or the slave kind of its master's
  if (kind !== null)
    devs = devs.filter(
      (d) => linkKindOf(d) === kind || (d.master !== null && d.master.rtnlLinkOps?.slaveKind === kind),
    );
  if (upOnly) devs = devs.filter((d) => d.up);
  return ctx.printLinks(devs, forAddr);
}

export { linkBrief, linkLines };
