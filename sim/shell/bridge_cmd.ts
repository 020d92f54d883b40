// The bridge command (iproute2 bridge/link.c, bridge/fdb.c).
import { type Mac, fmtMac, parseMac } from '../core/addr';
import type { Netns } from '../net/netns';
import type { NetDevice } from '../net/netdevice';
import type { Bridge } from '../bridge/br_device';
import { netifIsBridgeMaster } from '../bridge/br_link';
import { fdbCleanup } from '../bridge/br_fdb';
import type { FdbEntry } from '../bridge/br_private';
import { linkFlags } from './ip/link_print';
import { bridgeLinkDetails } from './ip/link_details';
import { parseBridgeLinkSet } from './bridge_port_opts';
import { netnsByName } from './ip/netns';
import { brSetport } from '../bridge/br_netlink';
import { CmdError, rtnlError, viaRtnl } from './errors';
import { type FdbState, rtnlFdbModify } from '../net/fdb';
import { Args, matches, secsSince } from './ip/util';

export function bridgeMain(argv: string[], ns: Netns): string[] {
  const a = new Args(argv.slice(1));
  let details = false;
  let stats = false;
  while (a.more && a.cur.startsWith('-')) {
    const o = a.cur;
    if (o === '-d' || matches(o, '-details')) details = true;
    else if (o === '-s' || matches(o, '-statistics')) stats = true;
    else if (o === '-n' || matches(o, '-netns')) {
      // netns_switch(): the rest runs in that namespace
      ns = netnsByName(ns.world, a.next());
    } else if (matches(o, '-color')) {
      /* accepted */
    } else throw new CmdError(`Option "${o}" is unknown, try "bridge help".`, 255);
    a.advance();
  }
  if (!a.more)
    throw new CmdError(
      [
        'Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }',
        'where  OBJECT := { link | fdb | mdb | vlan | vni | monitor }',
      ],
      255,
    );
  const obj = a.cur;
  a.advance();
  if (matches(obj, 'link')) return bridgeLink(a, ns, details);
  if (matches(obj, 'fdb')) return bridgeFdb(a, ns, stats);
  if (matches(obj, 'vlan')) return bridgeVlan(a, ns);
  throw new CmdError(`Object "${obj}" is unknown, try "bridge help".`, 255);
}

/** bridge link: ports only; the peer is looked up by ifindex in this namespace (br_fill_ifinfo sends no netnsid). */
function bridgeLink(a: Args, ns: Netns, details: boolean): string[] {
  let dev: string | null = null;
  if (a.more) {
    const w = a.cur;
    if (matches(w, 'set')) {
      a.advance();
      return bridgeLinkSet(a, ns);
    }
    if (matches(w, 'show') || matches(w, 'list')) a.advance();
    while (a.more) {
      if (a.cur === 'dev') dev = a.next();
      a.advance();
    }
  }
  if (dev !== null && !ns.dev(dev)) throw new CmdError(`Cannot find device "${dev}"`, 1);
  const out: string[] = [];
  for (const d of ns.devicesByIndex()) {
    const p = d.brport;
    if (!p) continue;
    if (dev !== null && d.name !== dev) continue;
    const iflink = d.iflink();
    let suffix = '';
    let mdown = false;
    if (iflink !== d.ifindex) {
      const other = ns.byIndex.get(iflink);
      suffix = `@${other ? other.name : `if${iflink}`}`;
      mdown = other ? !other.up : false;
    }
    out.push(
      `${d.ifindex}: ${d.name}${suffix}: ${linkFlags(d, mdown)} mtu ${d.mtu} master ${p.br.name} state ${p.state} priority ${p.priority} cost ${p.pathCost} `,
    );
    if (details) out.push(bridgeLinkDetails(p));
  }
  return out;
}

/**
 * bridge vlan (bridge/vlan.c). This kernel has no CONFIG_BRIDGE_VLAN_FILTERING: a listing is its header
 * alone, and changes are refused.
 */
function bridgeVlan(a: Args, ns: Netns): string[] {
  const w = a.more ? a.cur : 'show';
  if (matches(w, 'show') || matches(w, 'list')) {
    a.advance();
    while (a.more) {
      if (a.cur === 'dev') {
        const v = a.next();
        if (!ns.dev(v)) throw new CmdError(`Cannot find device "${v}"`, 1);
      }
      a.advance();
    }
    return ['port              vlan-id  '];
  }
  if (matches(w, 'add') || matches(w, 'delete') || matches(w, 'set'))
    throw new CmdError('RTNETLINK answers: Operation not supported', 255);
  throw new CmdError(`Command "${w}" is unknown, try "bridge vlan help".`, 255);
}

/** bridge link set dev PORT [cost N] [priority N] [state S] [learning on|off] ... -> br_setlink() -> br_setport() */
function bridgeLinkSet(a: Args, ns: Netns): string[] {
  const { dev: name, attrs } = parseBridgeLinkSet(a.rest());
  if (name === null) throw new CmdError('Device is a required argument.', 255);
  const dev = ns.dev(name);
  if (!dev) throw new CmdError(`Cannot find bridge device "${name}"`, 1);
  if (!dev.brport) throw rtnlError('EOPNOTSUPP');
  const err = brSetport(dev.brport, attrs);
  if (err) throw rtnlError(err);
  return [];
}

/** Multicast addresses a device has joined (dev->mc): 224.0.0.1 while IPv4 is up, plus the bridge's snooping groups. */
function selfEntries(d: NetDevice): string[] {
  if (d.isLoopback || d.hwType === 'none') return [];
  const out = ['33:33:00:00:00:01'];
  if (d.up && d.inDev) out.push('01:00:5e:00:00:01');
  // br_multicast_join_snoopers() while the bridge is up with snooping on
  if (netifIsBridgeMaster(d) && d.up && d.mcastSnooping) out.push('33:33:00:00:00:6a', '01:00:5e:00:00:6a');
  return out;
}

function bridgeFdb(a: Args, ns: Netns, stats = false): string[] {
  let sub = 'show';
  if (a.more) {
    const w = a.cur;
    if (matches(w, 'show') || matches(w, 'list')) a.advance();
    else if (w === 'add' || w === 'append' || w === 'replace' || matches(w, 'delete')) {
      sub = w;
      a.advance();
    }
  }
  if (sub !== 'show') return fdbModify(sub, a, ns);
  let br: string | null = null;
  let port: string | null = null;
  let dynamic = false;
  while (a.more) {
    const w = a.cur;
    if (w === 'br') br = a.next();
    else if (w === 'brport' || w === 'dev') port = a.next();
    else if (w === 'dynamic') dynamic = true;
    else if (w === 'vlan' || w === 'state') a.next();
    a.advance();
  }
  // only a name that names no device is an error; another kind of device just has no entries
  if (br !== null && !ns.dev(br)) throw new CmdError(`Cannot find bridge device "${br}"`, 1);
  if (port !== null && !ns.dev(port)) throw new CmdError(`Cannot find bridge port device "${port}"`, 1);
  const out: string[] = [];
  // each bridge's entries grouped by device once (in the table's order), not walked per device
  const grouped = new Map<Bridge, Map<NetDevice, FdbEntry[]>>();
  const entriesOf = (owner: Bridge, d: NetDevice): FdbEntry[] => {
    let byDev = grouped.get(owner);
    if (!byDev) {
      fdbCleanup(owner);
      byDev = new Map();
      for (const f of owner.fdb.values()) {
        const fdev = f.dst ? f.dst.dev : owner;
        const list = byDev.get(fdev);
        if (list) list.push(f);
        else byDev.set(fdev, [f]);
      }
      grouped.set(owner, byDev);
    }
    return byDev.get(d) ?? [];
  };
  for (const d of ns.devicesByIndex()) {
    if (port !== null && d.name !== port) continue;
    const owner = netifIsBridgeMaster(d) ? d : (d.brport?.br ?? null);
    if (br !== null && owner?.name !== br) continue;
    // print_fdb(): the device is not named again when the listing was filtered on it
    const devField = port !== null ? '' : `dev ${d.name} `;
    if (owner) {
      for (const f of entriesOf(owner, d)) {
        // the dynamic filter leaves out permanent entries only (NUD_PERMANENT): static ones stay
        if (dynamic && f.local) continue;
        // fdb_print_stats(): br_fdb_fill_info()'s cacheinfo, whole seconds since used and updated
        const now = ns.world.now;
        const st = stats ? `used ${secsSince(now, f.used)}/${secsSince(now, f.updated)} ` : '';
        // print_fdb(): cacheinfo, then the flags (print_fdb_flags: sticky), then NDA_MASTER, then the state
        out.push(
          `${fmtMac(f.addr)} ${devField}${st}${f.sticky ? 'sticky ' : ''}master ${owner.name} ${f.local ? 'permanent' : f.static ? 'static' : ''}`.trimEnd() +
            ' ',
        );
      }
    }
    if (!dynamic)
      for (const m of [...d.ucList.map((m) => fmtMac(m)), ...selfEntries(d)])
        out.push(`${m} ${devField}self permanent`);
  }
  return out;
}

/** fdb.c's address parsing: sscanf("%hhx:%hhx:%hhx:%hhx:%hhx:%hhx") */
function fdbLladdr(s: string): Mac {
  const parts = s.split(':');
  if (parts.length < 6 || !parts.slice(0, 6).every((p) => /^[0-9a-fA-F]{1,2}$/.test(p)))
    throw new CmdError(`Invalid mac address ${s}`, 255);
  return parseMac(
    parts
      .slice(0, 6)
      .map((p) => p.padStart(2, '0'))
      .join(':'),
  )!;
}

/**
 * bridge fdb add|append|replace|del ADDR dev DEV [master] [self] [permanent|static|dynamic]. With neither
 * master nor self, self is assumed; with no state, permanent (fdb_modify()). master goes to the bridge
 * the port belongs to (br_fdb_add), self to the device itself: a bridge adds a local entry of its own,
 * any other device an address on its unicast list (ndo_dflt_fdb_add).
 */
function fdbModify(cmd: string, a: Args, ns: Netns): string[] {
  let addr: Mac | null = null;
  let dev: NetDevice | null = null;
  let master = false;
  let self = false;
  let sticky = false;
  // fdb_modify(): ndm_state starts as NUD_NOARP; permanent adds NUD_PERMANENT, static NUD_REACHABLE,
  // dynamic NUD_REACHABLE without NUD_NOARP; with neither PERMANENT nor REACHABLE, PERMANENT is added
  let st = NUD_NOARP;
  while (a.more) {
    const w = a.cur;
    if (w === 'dev') {
      const v = a.next();
      dev = ns.dev(v) ?? null;
      if (!dev) throw new CmdError(`Cannot find device "${v}"`, 1);
    } else if (w === 'master') master = true;
    else if (w === 'self') self = true;
    else if (matches(w, 'local') || matches(w, 'permanent')) st |= NUD_PERMANENT;
    else if (matches(w, 'temp') || matches(w, 'static')) st |= NUD_REACHABLE;
    else if (matches(w, 'dynamic')) st = (st | NUD_REACHABLE) & ~NUD_NOARP;
    else if (w === 'sticky') sticky = true;
    else if (w === 'vlan' || w === 'dst' || w === 'port' || w === 'vni' || w === 'via' || w === 'src_vni') a.next();
    else if (addr !== null) throw new CmdError(`Invalid argument "${w}"`, 255);
    else addr = fdbLladdr(w);
    a.advance();
  }
  if (addr === null || dev === null) throw new CmdError('Device and address are required arguments.', 255);
  if (!master && !self) self = true;
  if (!(st & (NUD_PERMANENT | NUD_REACHABLE))) st |= NUD_PERMANENT;
  const state: FdbState = st & NUD_PERMANENT ? 'permanent' : st & NUD_NOARP ? 'static' : 'dynamic';
  const del = matches(cmd, 'delete');
  // add: NLM_F_CREATE|NLM_F_EXCL; append and replace: NLM_F_CREATE without NLM_F_EXCL
  const excl = cmd === 'add';
  // rtnl_fdb_add() / rtnl_fdb_del(): the model decides (net/fdb.ts)
  viaRtnl(() => rtnlFdbModify(dev!, { addr: addr!, state, sticky, excl }, del, { master, self }));
  return [];
}

/** include/uapi/linux/neighbour.h */
const NUD_REACHABLE = 0x02;
const NUD_NOARP = 0x40;
const NUD_PERMANENT = 0x80;
