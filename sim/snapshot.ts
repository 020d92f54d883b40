// A plain, serialisable picture of what the simulated kernel holds now (the netlink dumps a diagram needs):
// namespaces, devices, addresses, routes, neighbours, bridge FDBs and a few sysctls. Read-only: it never
// changes the world, so taking one cannot alter what happens next.
import { fmtIp4, fmtMac, type Mac } from './core/addr';
import type { NetDevice } from './net/netdevice';
import type { Netns } from './net/netns';
import type { World } from './net/world';
import type { Bridge } from './bridge/br_device';
import type { FdbEntry } from './bridge/br_private';
import { expiresAt, hasExpired, holdTime } from './bridge/br_fdb';
import { netifIsBridgeMaster } from './bridge/br_link';
import { isTapBacked } from './drivers/nic_link';
import { tapOwner } from './drivers/tun_link';
import type { LinkDiagram } from './net/rtnl_link';
import { RT_TABLE_MAIN } from './ipv4/fib';
import { routeLine } from './shell/ip/route';

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
  /** Tests turn this on (sim/testing/snapshot_verify.ts): each namespace's rows reused because no rtnetlink
   *  notification came (rtnl_notify.ts) are checked against the rows read again, and a difference throws. */
  static verify = false;
  readonly devs = new WeakMap<NetDevice, DevRow>();
  /** each namespace's device rows and bridges as last read, and the world's linkSeq then: read again only after
   *  a notification, so a tick that only moved packets or timers costs nothing per device */
  readonly links = new WeakMap<Netns, { seq: number; rows: DevSnap[]; bridges: Bridge[] }>();
  /** each namespace's main-table rows as last read, with the FIB's list of routes and the world's linkSeq then */
  readonly routes = new WeakMap<Netns, { table: readonly unknown[]; seq: number; rows: RouteSnap[] }>();
  /** each namespace's picture as last taken */
  readonly ns = new WeakMap<Netns, NsSnap>();
  /** each FDB entry's row as last taken, with the MAC it was formatted from */
  readonly fdbRows = new WeakMap<FdbEntry, { snap: FdbSnap; addr: Mac }>();
  /** each bridge's FDB rows as last listed (sorted), and the same rows as a set: when a snapshot finds exactly
   *  those rows again, it hands on the same list, so a table of thousands is neither sorted nor compared again */
  readonly fdbLists = new WeakMap<Bridge, { rows: FdbSnap[]; set: Set<FdbSnap> }>();
  /** each bridge's list as last read, kept while no fdb_notify() or rtnetlink notification came, the hold time is
   *  the same and no entry listed can have aged out (`until`: the first one's expiry) */
  readonly fdbRead = new WeakMap<
    Bridge,
    { linkSeq: number; fdbSeq: number; hold: number; until: number; rows: FdbSnap[] }
  >();
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

/** A bridge's FDB rows as `bridge fdb show` orders them: the list last read while nothing it shows can have
 *  changed (no notification, no entry aged out), else read again. */
function fdbSnaps(br: Bridge, cache?: SnapshotCache): FdbSnap[] {
  const now = br.ns.world.now;
  const linkSeq = br.ns.world.linkSeq;
  const hold = holdTime(br);
  const kept = cache?.fdbRead.get(br);
  if (kept && kept.linkSeq === linkSeq && kept.fdbSeq === br.fdbSeq && kept.hold === hold && now < kept.until) {
    if (SnapshotCache.verify) checkKept(`${br.name}'s FDB`, kept.rows, () => fdbSnaps(br));
    return kept.rows;
  }
  // an entry refreshed since it was listed only expires later than `until`; one aged out but still in the table
  // cannot come back unnotified: br_fdb_update() finds it expired, drops it and notifies the new one (fdbFind)
  let until = Infinity;
  const out: FdbSnap[] = [];
  for (const f of br.fdb.values())
    if (!hasExpired(br, f, now)) {
      out.push(fdbRow(br, f, cache));
      until = Math.min(until, expiresAt(br, f));
    }
  const rows = fdbSorted(br, out, cache);
  cache?.fdbRead.set(br, { linkSeq, fdbSeq: br.fdbSeq, hold, until, rows });
  return rows;
}

/** SnapshotCache.verify: what a snapshot kept is what reading it again gives, else something changed that nothing
 *  notified (rtnl_notify.ts, br_fdb.ts's fdbNotify). */
function checkKept(what: string, kept: unknown, readNow: () => unknown): void {
  const now = JSON.stringify(readNow());
  if (now !== JSON.stringify(kept))
    throw new Error(`snapshot: ${what} changed with no notification\nkept ${JSON.stringify(kept)}\nnow  ${now}`);
}

/** The rows sorted, or the list last sorted when it holds exactly these rows. */
function fdbSorted(br: Bridge, out: FdbSnap[], cache?: SnapshotCache): FdbSnap[] {
  const last = cache?.fdbLists.get(br);
  if (last && last.rows.length === out.length && out.every((r) => last.set.has(r))) return last.rows;
  out.sort((a, b) => collator.compare(a.dev, b.dev) || collator.compare(a.mac, b.mac));
  cache?.fdbLists.set(br, { rows: out, set: new Set(out) });
  return out;
}

/** A namespace's device rows (in ifindex order) and its bridges: the ones last read while no rtnetlink
 *  notification came since, else read again (each unchanged device's row still the same object). */
function nsLinks(
  ns: Netns,
  taps: () => Map<Netns, NetDevice>,
  cache?: SnapshotCache,
): { rows: DevSnap[]; bridges: Bridge[] } {
  const seq = ns.world.linkSeq;
  const last = cache?.links.get(ns);
  if (last && last.seq === seq) {
    if (SnapshotCache.verify) checkKept(`${ns.name}'s links`, last.rows, () => readLinks(ns, taps()));
    return last;
  }
  const devs = ns.devicesByIndex();
  const t = taps();
  const read = { seq, rows: devs.map((d) => devSnap(d, t, cache)), bridges: devs.filter(netifIsBridgeMaster) };
  cache?.links.set(ns, read);
  return read;
}

/** Every device's row read afresh, in ifindex order. */
function readLinks(ns: Netns, taps: Map<Netns, NetDevice>): DevSnap[] {
  return ns.devicesByIndex().map((d) => devSnap(d, taps));
}

/** `ip route`'s lines of the main table. */
function readRoutes(ns: Netns): RouteSnap[] {
  return ns.ipv4.fib.dump(RT_TABLE_MAIN).map((r) => ({
    dst: r.len === 0 && r.dst === 0 ? 'default' : `${fmtIp4(r.dst)}/${r.len}`,
    gw: r.gw === null ? null : fmtIp4(r.gw),
    dev: r.dev ? r.dev.name : null,
    line: routeLine(r, false).trimEnd(),
  }));
}

/** The main table's rows: the ones last read while the table is the same list of routes (every change to it
 *  makes a new one: fib_table_insert/delete, whose rtmsg_fib() tells `ip monitor`) and no rtnetlink notification
 *  came (a line shows its device's name and whether it has carrier: `linkdown`). */
function nsRoutes(ns: Netns, cache?: SnapshotCache): RouteSnap[] {
  const table = ns.ipv4.fib.routes;
  const seq = ns.world.linkSeq;
  const kept = cache?.routes.get(ns);
  if (kept && kept.table === table && kept.seq === seq) {
    if (SnapshotCache.verify) checkKept(`${ns.name}'s routes`, kept.rows, () => readRoutes(ns));
    return kept.rows;
  }
  const rows = readRoutes(ns);
  cache?.routes.set(ns, { table, seq, rows });
  return rows;
}

/** The neighbour rows `ip neigh` would give (NOARP and NONE left out), by device then address. */
function readNeigh(ns: Netns): NeighSnap[] {
  return ns.ipv4.arp
    .list()
    .filter((n) => n.state !== 'NOARP' && n.state !== 'NONE')
    .map((n) => ({
      ip: fmtIp4(n.key),
      dev: n.dev.name,
      lladdr: n.ha !== null && n.state !== 'INCOMPLETE' && n.state !== 'FAILED' ? fmtMac(n.ha) : null,
      state: n.state,
    }))
    .sort((a, b) => collator.compare(a.dev, b.dev) || collator.compare(a.ip, b.ip));
}

const sameNeigh = (a: NeighSnap, b: NeighSnap) =>
  a.ip === b.ip && a.dev === b.dev && a.lladdr === b.lladdr && a.state === b.state;

/** Every place of `a` holds what the same place of `b` holds (`same`: the same values). */
function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

/** A namespace's picture: the one last taken, the same object, when every list in it is the same (so the differ
 *  passes it by), else a new one that reuses each list that stayed. */
function nsSnap(ns: Netns, taps: () => Map<Netns, NetDevice>, cache?: SnapshotCache): NsSnap {
  const last = cache?.ns.get(ns);
  const { rows, bridges } = nsLinks(ns, taps, cache);
  const routes = nsRoutes(ns, cache);
  // neighbours change with every frame's confirmation and every timer; a few rows a namespace, compared
  let neigh = readNeigh(ns);
  if (last && sameList(neigh, last.neigh, sameNeigh)) neigh = last.neigh;
  // one bridge (the usual lab): its list itself, the same array while its entries stay
  let fdb = bridges.length === 1 ? fdbSnaps(bridges[0]!, cache) : bridges.flatMap((br) => fdbSnaps(br, cache));
  if (last && fdb !== last.fdb && sameList(fdb, last.fdb)) fdb = last.fdb;
  // what net.ipv4.ip_forward reads (sysctl.ts)
  const ipForward = ns.ipv4.all.values.forwarding;
  if (
    last &&
    last.devices === rows &&
    last.routes === routes &&
    last.neigh === neigh &&
    last.fdb === fdb &&
    last.ipForward === ipForward
  )
    return last;
  const snap: NsSnap = { name: ns.name, devices: rows, routes, neigh, fdb, ipForward };
  cache?.ns.set(ns, snap);
  return snap;
}

/** The world's state now; with a cache, each unchanged device's row is the object the last one had. */
export function takeSnapshot(world: World, cache?: SnapshotCache): Snapshot {
  // the VMs' taps, found once and only when some namespace's links are read again
  let taps: Map<Netns, NetDevice> | undefined;
  const tapsNow = () => (taps ??= tapsByOwner(world));
  return { time: world.now, namespaces: world.namespaces.map((ns) => nsSnap(ns, tapsNow, cache)) };
}
