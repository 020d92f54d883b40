// An automatic layout that looks like the article: the host on the left, containers and VMs to its right,
// the physical network below; in each box the stack on top and the devices in one row, NICs first, then
// each bridge followed by its ports (and a port's veth peer beside it). The physical network is drawn as
// the article draws it, one "Physical Network" box, with a station for each of its parts (the switch, the
// gateway, the internet) instead of their devices.
import type { DevSnap, NsSnap, Snapshot } from '../../sim/snapshot';
import { nsRole } from './ids';

export interface XY {
  x: number;
  y: number;
}

export interface BoxLayout {
  ns: string;
  /** absolute position of the namespace box */
  pos: XY;
  width: number;
  height: number;
  /** the "Network Protocol Stack" bar, relative to the box */
  stack: { pos: XY; width: number; height: number };
  /** devices relative to the box, in drawing order */
  devices: { name: string; pos: XY }[];
  /** a physical network's parts, one per namespace, relative to the box (other boxes have none) */
  stations: StationLayout[];
}

export interface StationLayout {
  ns: string;
  pos: XY;
  width: number;
  height: number;
}

export const DEV_W = 104;
export const DEV_H = 64;
const GAP = 40;
const PAD = 36;
const TITLE_H = 30;
const STACK_H = 40;
const STACK_TO_DEV = 76;
const UNDER = 64;
const BOX_GAP = 60;
const MIN_W = 300;
export const STATION_W = 150;
export const STATION_H = 50;
const STATION_GAP = 70;
/** Devices per row before a box wraps to another row (the article never needs a second one). */
export const ROW_MAX = 8;
const ROW_H = DEV_H + UNDER;

/** Devices drawn: every one but lo (the article leaves it out). */
export function shownDevices(ns: NsSnap): DevSnap[] {
  return ns.devices.filter((d) => d.kind !== 'loopback');
}

/** The article's order: NICs (wired to a physical network), each bridge and its ports, then the rest. */
export function deviceOrder(ns: NsSnap, lans: ReadonlySet<string>): DevSnap[] {
  const devs = shownDevices(ns);
  const byName = new Map(devs.map((d) => [d.name, d]));
  // each bridge's ports in the namespace's order, found in one pass
  const ports = new Map<string, DevSnap[]>();
  for (const d of devs) if (d.master !== null) (ports.get(d.master) ?? ports.set(d.master, []).get(d.master)!).push(d);
  const out: DevSnap[] = [];
  const placed = new Set<string>();
  const place = (d: DevSnap | undefined) => {
    if (!d || placed.has(d.name)) return;
    placed.add(d.name);
    out.push(d);
    // a veth's peer in the same box sits right beside it (veth0, veth1)
    if (d.peer && d.peer.ns === ns.name) place(byName.get(d.peer.name));
  };
  const isNic = (d: DevSnap) => d.peer !== null && d.peer.ns !== ns.name && lans.has(d.peer.ns);
  for (const d of devs) if (isNic(d)) place(d);
  for (const br of devs.filter((d) => d.kind === 'bridge')) {
    place(br);
    for (const p of ports.get(br.name) ?? []) place(p);
  }
  for (const d of devs) place(d);
  return out;
}

function boxWidth(n: number): number {
  const k = Math.min(n, ROW_MAX);
  return Math.max(MIN_W, PAD * 2 + k * DEV_W + Math.max(0, k - 1) * GAP);
}

const rows = (n: number) => Math.max(1, Math.ceil(n / ROW_MAX));

export function layoutSnapshot(snap: Snapshot): BoxLayout[] {
  const lans = new Set(snap.namespaces.filter((n) => nsRole(n.name) === 'lan').map((n) => n.name));
  const boxes: BoxLayout[] = [];
  const devY = TITLE_H + STACK_H + STACK_TO_DEV;
  let x = 0;
  let rowBottom = 0;
  for (const ns of snap.namespaces) {
    if (lans.has(ns.name)) continue;
    const devs = deviceOrder(ns, lans);
    const width = boxWidth(devs.length);
    const height = devY + rows(devs.length) * ROW_H;
    boxes.push(box(ns.name, { x, y: 0 }, width, height, devs, devY));
    x += width + BOX_GAP;
    rowBottom = Math.max(rowBottom, height);
  }
  // the physical networks, below: one box per group of cabled parts, its first part under the NIC that
  // plugs into it when there is room, so the cable goes straight down as in the article
  let lx = -Infinity;
  for (const group of physicalGroups(snap, lans)) {
    const width = PAD * 2 + group.length * STATION_W + (group.length - 1) * STATION_GAP;
    const stations = group.map((ns, i) => ({ ns, pos: { x: PAD + i * (STATION_W + STATION_GAP), y: 22 }, width: STATION_W, height: STATION_H }));
    const nic = nicAbove(snap, boxes, group[0]);
    const x = Math.max(lx, nic === null ? 0 : nic - PAD - STATION_W / 2);
    boxes.push({ ns: group[0], pos: { x, y: rowBottom + 90 }, width, height: 22 + STATION_H + TITLE_H + 8, stack: NO_STACK, devices: [], stations });
    lx = x + width + BOX_GAP;
  }
  return boxes;
}

const NO_STACK = { pos: { x: 0, y: 0 }, width: 0, height: 0 };

/** The x of the middle of the first device drawn above whose cable ends in namespace `ns`. */
function nicAbove(snap: Snapshot, boxes: readonly BoxLayout[], ns: string): number | null {
  const namespaces = new Map(snap.namespaces.map((n) => [n.name, n]));
  for (const b of boxes) {
    const devs = new Map((namespaces.get(b.ns)?.devices ?? []).map((d) => [d.name, d]));
    for (const d of b.devices) if (devs.get(d.name)?.peer?.ns === ns) return b.pos.x + d.pos.x + DEV_W / 2;
  }
  return null;
}

/**
 * The physical namespaces joined by cables, each group in the order a frame from a host meets them
 * (the switch first, then what hangs off it).
 */
export function physicalGroups(snap: Snapshot, phys: ReadonlySet<string>): string[][] {
  const links = new Map<string, string[]>();
  const entry = new Set<string>();
  for (const ns of snap.namespaces) {
    for (const d of ns.devices) {
      if (!d.peer || d.peer.ns === ns.name) continue;
      if (phys.has(ns.name) && phys.has(d.peer.ns)) links.set(ns.name, [...(links.get(ns.name) ?? []), d.peer.ns]);
      else if (phys.has(d.peer.ns)) entry.add(d.peer.ns);
    }
  }
  const order = [...snap.namespaces.map((n) => n.name).filter((n) => phys.has(n))];
  const starts = [...order.filter((n) => entry.has(n)), ...order];
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const s of starts) {
    if (seen.has(s)) continue;
    const g: string[] = [];
    const queue = [s];
    seen.add(s);
    while (queue.length) {
      const n = queue.shift()!;
      g.push(n);
      for (const m of links.get(n) ?? []) if (!seen.has(m)) (seen.add(m), queue.push(m));
    }
    groups.push(g);
  }
  return groups;
}

function box(ns: string, pos: XY, width: number, height: number, devs: DevSnap[], devY: number): BoxLayout {
  const perRow = Math.min(devs.length, ROW_MAX);
  const rowW = perRow * DEV_W + Math.max(0, perRow - 1) * GAP;
  const x0 = Math.max(PAD, (width - rowW) / 2);
  return {
    ns,
    pos,
    width,
    height,
    stack: { pos: { x: PAD, y: TITLE_H }, width: width - 2 * PAD, height: STACK_H },
    devices: devs.map((d, i) => ({ name: d.name, pos: { x: x0 + (i % ROW_MAX) * (DEV_W + GAP), y: devY + Math.floor(i / ROW_MAX) * ROW_H } })),
    stations: [],
  };
}
