// A plain, serialisable picture of what the simulated kernel holds now (the netlink dumps a diagram needs):
// namespaces, devices, addresses, routes, neighbours, bridge FDBs and a few sysctls. Read-only: it never
// changes the world, so taking one cannot alter what happens next.
import { fmtIp4, fmtMac, type Mac } from './core/addr';
import type { NetDevice } from './net/netdevice';
import type { Netns } from './net/netns';
import type { World } from './net/world';
import type { Bridge } from './bridge/br_device';
import type { FdbEntry } from './bridge/br_private';
import { hasExpired } from './bridge/br_fdb';
import { netifIsBridgeMaster } from './bridge/br_link';
import { isTapBacked } from './drivers/nic_link';
import { tapOwner } from './drivers/tun_link';
import type { LinkDiagram } from './net/rtnl_link';
import { RT_TABLE_MAIN } from './ipv4/fib';
import { routeLine } from './shell/ip/route';
import { sysctlEntry } from './sysctl';

/**
 * How the stack and a device are joined, as the article draws it:
 * - 'both': the device has an address and hands what it receives to the stack; a bridge always has
 *   this link, address or not (the article's diagram 1 and its "a bridge needs no address" picture):
 *   its own interface is how frames for the host go up (br_pass_frame_up) and how the stack sends;
 * - 'tx': the device is a bridge port with an address: the stack can send through it, but what it
 *   receives goes to the bridge (br_handle_frame returns RX_HANDLER_CONSUMED);
 * - 'none': no address, so routing never picks it.
 */
export type StackLink = 'both' | 'tx' | 'none';

export interface AddrSnap {
  local: string;
  prefixlen: number;
}

export interface DevSnap {
  ifindex: number;
  name: string;
  kind: NetDevice['kind'];
  mac: string;
  up: boolean;
  carrier: boolean;
  operstate: NetDevice['operstate'];
  mtu: number;
  addrs: AddrSnap[];
  /** the bridge this device is a port of (same namespace) */
  master: string | null;
  portState: string | null;
  portCost: number | null;
  /** the other end of the wire: a veth's peer, a NIC's cable partner, a tap's VM NIC (and back) */
  peer: { ns: string; name: string } | null;
  stackLink: StackLink;
  /** how the kind is drawn (its rtnl_link_ops' diagram fact): a switch its ports hang under, or an interface */
  node: LinkDiagram['node'];
  /** a word shown after the name ("tap"), or null */
  tag: string | null;
  /** the device it is stacked on, drawn hanging off it (a macvlan's parent), or null */
  lower: { ns: string; name: string } | null;
  /** net.ipv4.conf.DEV.* values the inspector edits */
  conf: Record<ConfKey, number>;
}

export interface RouteSnap {
  dst: string;
  gw: string | null;
  dev: string | null;
  /** exactly as `ip route` prints the line */
  line: string;
}

export interface NeighSnap {
  ip: string;
  dev: string;
  lladdr: string | null;
  state: string;
}

export interface FdbSnap {
  br: string;
  mac: string;
  /** the port device, or the bridge itself */
  dev: string;
  local: boolean;
  static: boolean;
}

export interface NsSnap {
  name: string;
  devices: DevSnap[];
  routes: RouteSnap[];
  neigh: NeighSnap[];
  fdb: FdbSnap[];
  ipForward: number;
}

export interface Snapshot {
  /** virtual time, µs */
  time: number;
  namespaces: NsSnap[];
}

export const CONF_KEYS = ['accept_local', 'rp_filter', 'arp_ignore', 'forwarding', 'proxy_arp'] as const;
export type ConfKey = (typeof CONF_KEYS)[number];

/** The kind's diagram fact; a device without a kind (lo) is a plain interface. */
const diagramOf = (dev: NetDevice): LinkDiagram => dev.rtnlLinkOps?.diagram ?? { node: 'interface' };

export function stackLinkOf(dev: NetDevice): StackLink {
  if (diagramOf(dev).node === 'switch') return 'both';
  const hasAddr = (dev.inDev?.ifaList.length ?? 0) > 0;
  if (!hasAddr) return 'none';
  return dev.brport ? 'tx' : 'both';
}

/** The first tap (in namespace and device order) whose reader is each VM's namespace: one pass per snapshot. */
function tapsByOwner(world: World): Map<Netns, NetDevice> {
  const taps = new Map<Netns, NetDevice>();
  for (const ns of world.namespaces) {
    for (const d of ns.devices) {
      const vm = tapOwner(d);
      if (vm && !taps.has(vm)) taps.set(vm, d);
    }
  }
  return taps;
}

function peerOf(dev: NetDevice, taps: Map<Netns, NetDevice>): NetDevice | null {
  const peer = diagramOf(dev).peer;
  if (!peer) return null;
  return peer(dev, { vmNic: (vm) => vm.devices.find(isTapBacked) ?? null, tapOf: (vm) => taps.get(vm) ?? null });
}

/** A device's row as last taken, with the raw values it was formatted from (a MAC, addresses). */
interface DevRow {
  snap: DevSnap;
  mac: number;
  /** local, prefixlen of each address in order */
  addrs: number[];
}

/**
 * The rows of the last snapshot taken with it, per device: the next snapshot reuses a device's row object
 * when every value it shows is the same (compared raw, before any formatting), so a command that changes one
 * device of thousands formats one device, and the differ sees the others as the same objects.
 */
export class SnapshotCache {
  readonly devs = new WeakMap<NetDevice, DevRow>();
  /** each FDB entry's row as last taken, with the MAC it was formatted from */
  readonly fdbRows = new WeakMap<FdbEntry, { snap: FdbSnap; addr: Mac }>();
  /** each bridge's FDB rows as last listed (sorted), and the same rows as a set: when a snapshot finds exactly
   *  those rows again, it hands on the same list, so a table of thousands is neither sorted nor compared again */
  readonly fdbLists = new WeakMap<Bridge, { rows: FdbSnap[]; set: Set<FdbSnap> }>();
}

/** rowHolds compares the conf values by name: a key added to CONF_KEYS and not compared there fails to compile here */
const CONF_COMPARED: Record<ConfKey, true> = {
  accept_local: true,
  rp_filter: true,
  arp_ignore: true,
  forwarding: true,
  proxy_arp: true,
};
void CONF_COMPARED;

/** The row's values still those of `dev` now (every field a DevSnap holds, compared unformatted). */
function rowHolds(
  row: DevRow,
  dev: NetDevice,
  peer: NetDevice | null,
  lower: NetDevice | null,
  tag: string | null,
  node: LinkDiagram['node'],
): boolean {
  const s = row.snap;
  if (
    s.ifindex !== dev.ifindex ||
    s.name !== dev.name ||
    s.kind !== dev.kind ||
    row.mac !== dev.mac ||
    s.up !== dev.up ||
    s.carrier !== dev.carrier ||
    s.operstate !== dev.operstate ||
    s.mtu !== dev.mtu ||
    s.node !== node ||
    s.tag !== tag ||
    s.stackLink !== stackLinkOf(dev)
  )
    return false;
  const bp = dev.brport;
  if (bp ? s.master !== bp.br.name || s.portState !== bp.state || s.portCost !== bp.pathCost : s.master !== null)
    return false;
  if (peer ? s.peer === null || s.peer.ns !== peer.ns.name || s.peer.name !== peer.name : s.peer !== null) return false;
  if (lower ? s.lower === null || s.lower.ns !== lower.ns.name || s.lower.name !== lower.name : s.lower !== null)
    return false;
  const ifa = dev.inDev?.ifaList ?? [];
  if (row.addrs.length !== 2 * ifa.length) return false;
  for (let i = 0; i < ifa.length; i++)
    if (row.addrs[2 * i] !== ifa[i]!.local || row.addrs[2 * i + 1] !== ifa[i]!.prefixlen) return false;
  // named, not looped over CONF_KEYS: a keyed load per key and device was a third of a snapshot of thousands
  const v = dev.inDev?.cnf.values;
  const c = s.conf;
  return v
    ? c.accept_local === v.accept_local &&
        c.rp_filter === v.rp_filter &&
        c.arp_ignore === v.arp_ignore &&
        c.forwarding === v.forwarding &&
        c.proxy_arp === v.proxy_arp
    : c.accept_local === 0 && c.rp_filter === 0 && c.arp_ignore === 0 && c.forwarding === 0 && c.proxy_arp === 0;
}

function devSnap(dev: NetDevice, taps: Map<Netns, NetDevice>, cache?: SnapshotCache): DevSnap {
  const p = peerOf(dev, taps);
  const draw = diagramOf(dev);
  const lower = draw.lower?.(dev) ?? null;
  const tag = draw.tag?.(dev) ?? null;
  const old = cache?.devs.get(dev);
  if (old && rowHolds(old, dev, p, lower, tag, draw.node)) return old.snap;
  const conf = {} as Record<ConfKey, number>;
  for (const k of CONF_KEYS) conf[k] = dev.inDev ? dev.inDev.cnf.values[k] : 0;
  const ifa = dev.inDev?.ifaList ?? [];
  const snap: DevSnap = {
    ifindex: dev.ifindex,
    name: dev.name,
    kind: dev.kind,
    mac: old?.mac === dev.mac ? old.snap.mac : fmtMac(dev.mac),
    up: dev.up,
    carrier: dev.carrier,
    operstate: dev.operstate,
    mtu: dev.mtu,
    addrs: ifa.map((a) => ({ local: fmtIp4(a.local), prefixlen: a.prefixlen })),
    master: dev.brport ? dev.brport.br.name : null,
    portState: dev.brport ? dev.brport.state : null,
    portCost: dev.brport ? dev.brport.pathCost : null,
    peer: p ? { ns: p.ns.name, name: p.name } : null,
    stackLink: stackLinkOf(dev),
    node: draw.node,
    tag,
    lower: lower ? { ns: lower.ns.name, name: lower.name } : null,
    conf,
  };
  cache?.devs.set(dev, { snap, mac: dev.mac, addrs: ifa.flatMap((a) => [a.local, a.prefixlen]) });
  return snap;
}

/** String order as localeCompare() gives it, without building a collator per call; made at the first
 *  snapshot, not at module load (building one loads the ICU collation data: ~14 ms of every start) */
let collatorMade: Intl.Collator | undefined;
const collator = { compare: (a: string, b: string): number => (collatorMade ??= new Intl.Collator()).compare(a, b) };

/** An entry's row: the one last taken when it shows the same values (compared unformatted). */
function fdbRow(br: Bridge, f: FdbEntry, cache?: SnapshotCache): FdbSnap {
  const dev = f.dst ? f.dst.dev.name : br.name;
  const old = cache?.fdbRows.get(f);
  if (old && old.addr === f.addr && old.snap.br === br.name && old.snap.dev === dev) {
    const s = old.snap;
    if (s.local === f.local && s.static === f.static) return s;
  }
  const snap: FdbSnap = {
    br: br.name,
    mac: old?.addr === f.addr ? old.snap.mac : fmtMac(f.addr),
    dev,
    local: f.local,
    static: f.static,
  };
  cache?.fdbRows.set(f, { snap, addr: f.addr });
  return snap;
}

function fdbSnaps(br: Bridge, cache?: SnapshotCache): FdbSnap[] {
  const now = br.ns.world.now;
  const out: FdbSnap[] = [];
  for (const f of br.fdb.values()) if (!hasExpired(br, f, now)) out.push(fdbRow(br, f, cache));
  const last = cache?.fdbLists.get(br);
  if (last && last.rows.length === out.length && out.every((r) => last.set.has(r))) return last.rows;
  out.sort((a, b) => collator.compare(a.dev, b.dev) || collator.compare(a.mac, b.mac));
  cache?.fdbLists.set(br, { rows: out, set: new Set(out) });
  return out;
}

function nsSnap(ns: Netns, taps: Map<Netns, NetDevice>, cache?: SnapshotCache): NsSnap {
  const devs = ns.devicesByIndex();
  const routes = ns.ipv4.fib.dump(RT_TABLE_MAIN).map((r) => ({
    dst: r.len === 0 && r.dst === 0 ? 'default' : `${fmtIp4(r.dst)}/${r.len}`,
    gw: r.gw === null ? null : fmtIp4(r.gw),
    dev: r.dev ? r.dev.name : null,
    line: routeLine(r, false).trimEnd(),
  }));
  const neigh = ns.ipv4.arp
    .list()
    .filter((n) => n.state !== 'NOARP' && n.state !== 'NONE')
    .map((n) => ({
      ip: fmtIp4(n.key),
      dev: n.dev.name,
      lladdr: n.ha !== null && n.state !== 'INCOMPLETE' && n.state !== 'FAILED' ? fmtMac(n.ha) : null,
      state: n.state,
    }))
    .sort((a, b) => collator.compare(a.dev, b.dev) || collator.compare(a.ip, b.ip));
  const bridges = devs.filter(netifIsBridgeMaster);
  // one bridge (the usual lab): its list itself, the same array while its entries stay
  const fdb = bridges.length === 1 ? fdbSnaps(bridges[0]!, cache) : bridges.flatMap((br) => fdbSnaps(br, cache));
  return {
    name: ns.name,
    devices: devs.map((d) => devSnap(d, taps, cache)),
    routes,
    neigh,
    fdb,
    ipForward: Number(sysctlEntry(ns, 'net.ipv4.ip_forward')?.get() ?? 0),
  };
}

/** The world's state now; with a cache, each unchanged device's row is the object the last one had. */
export function takeSnapshot(world: World, cache?: SnapshotCache): Snapshot {
  const taps = tapsByOwner(world);
  return { time: world.now, namespaces: world.namespaces.map((ns) => nsSnap(ns, taps, cache)) };
}
