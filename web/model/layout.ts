// An automatic layout that looks like the article: the host on the left, containers and VMs to its right,
// the physical network below; in each box the stack on top and the devices in one row, NICs first, then
// each bridge followed by its ports (and a port's veth peer beside it). The physical network is drawn as
// the article draws it, one "Physical Network" box, with a station for each of its parts (the switch, the
// gateway, the internet) instead of their devices.
import type { DevSnap, NsSnap, Snapshot } from '../../sim/index';
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
  /** devices relative to the box, in drawing order, with their row and column in the box's grid */
  devices: { name: string; dev: DevSnap; pos: XY; row: number; col: number }[];
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
export const STATION_W = 150;
export const STATION_H = 50;
/** Devices per row before a box wraps to another row (the article never needs a second one). */
export const ROW_MAX = 8;

/** The spacing of a layout: the article's, or a compact one for a projector (classroom mode). */
interface Spacing {
  /** a device's width (its height is DEV_H) */
  devW: number;
  gap: number;
  pad: number;
  titleH: number;
  stackH: number;
  stackToDev: number;
  under: number;
  boxGap: number;
  minW: number;
  stationGap: number;
  lanGap: number;
  /** containers and VMs in a column beside the host rather than in a row after it */
  guestsInColumn: boolean;
}

const ARTICLE: Spacing = {
  devW: DEV_W,
  gap: 40,
  pad: 36,
  titleH: 30,
  stackH: 40,
  stackToDev: 76,
  under: 64,
  boxGap: 60,
  minW: 300,
  stationGap: 70,
  lanGap: 90,
  guestsInColumn: false,
};
/** The same drawing with less air, so that a projector's small screen shows its text large. */
const COMPACT: Spacing = {
  devW: 124,
  gap: 18,
  pad: 12,
  titleH: 30,
  stackH: 40,
  stackToDev: 40,
  under: 28,
  boxGap: 20,
  minW: 160,
  stationGap: 24,
  lanGap: 36,
  guestsInColumn: true,
};

export type LayoutStyle = 'article' | 'compact';
const spacingOf = (style: LayoutStyle) => (style === 'compact' ? COMPACT : ARTICLE);

/** A device's width in a layout of this style. */
export const devWidth = (style: LayoutStyle = 'article') => spacingOf(style).devW;

/** Where a box's dotted line under its stack goes (its top, relative to the box). */
export const sepY = (style: LayoutStyle = 'article') => {
  const sp = spacingOf(style);
  return sp.titleH + sp.stackH + Math.round(sp.stackToDev / 2);
};

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
  const placed = new Set<DevSnap>();
  const place = (d: DevSnap | undefined) => {
    if (!d || placed.has(d)) return;
    placed.add(d);
    out.push(d);
    // a veth's peer in the same box sits right beside it (veth0, veth1)
    if (d.peer && d.peer.ns === ns.name) place(byName.get(d.peer.name));
  };
  const isNic = (d: DevSnap) => d.peer !== null && d.peer.ns !== ns.name && lans.has(d.peer.ns);
  for (const d of devs) if (isNic(d)) place(d);
  for (const br of devs.filter((d) => d.node === 'switch')) {
    place(br);
    for (const p of ports.get(br.name) ?? []) place(p);
  }
  for (const d of devs) place(d);
  return out;
}

function boxWidth(cols: number, sp: Spacing): number {
  return Math.max(sp.minW, sp.pad * 2 + cols * sp.devW + Math.max(0, cols - 1) * sp.gap);
}

export interface Slot {
  dev: DevSnap;
  row: number;
  col: number;
}

/**
 * Where each device sits in its box's grid. The article's rows: a bridge's ports beside it are joined
 * by <--->; its further ports go to a row under it (the second tun/tap and veth of its last two
 * diagrams), each bringing the veth peer that sits beside it. A box with more devices than a row holds
 * wraps them in order instead. A macvlan goes under its parent NIC, as a port goes under its bridge.
 */
export function deviceSlots(order: readonly DevSnap[], ns = ''): Slot[] {
  if (order.length > ROW_MAX) return order.map((dev, i) => ({ dev, row: Math.floor(i / ROW_MAX), col: i % ROW_MAX }));
  const index = new Map(order.map((d, i) => [d.name, i]));
  const below = new Map<string, DevSnap[]>();
  const moved = new Set<string>();
  for (const [i, br] of order.entries()) {
    if (br.node !== 'switch') continue;
    for (const p of order) {
      if (p.master !== br.name || moved.has(p.name)) continue;
      const j = index.get(p.name)!;
      if (Math.abs(j - i) === 1) continue;
      const group = [p];
      const next = order[j + 1];
      if (next && p.peer && p.peer.ns === next.peer?.ns && p.peer.name === next.name && next.master === null)
        group.push(next);
      for (const d of group) moved.add(d.name);
      below.set(br.name, [...(below.get(br.name) ?? []), ...group]);
    }
  }
  // a stacked device (a macvlan) hangs under its parent in the same box, half a column to the right so
  // that a NIC's cable still runs straight down past it
  const hanging = new Map<string, DevSnap[]>();
  for (const d of order) {
    if (!d.lower || d.lower.ns !== ns || moved.has(d.name) || moved.has(d.lower.name) || !index.has(d.lower.name))
      continue;
    moved.add(d.name);
    hanging.set(d.lower.name, [...(hanging.get(d.lower.name) ?? []), d]);
  }
  const slots: Slot[] = [];
  const top = order.filter((d) => !moved.has(d.name));
  for (const [col, dev] of top.entries()) slots.push({ dev, row: 0, col });
  let next = 0;
  for (const [col, d] of top.entries()) {
    let c = Math.max(col, next);
    for (const dev of below.get(d.name) ?? []) slots.push({ dev, row: 1, col: c++ });
    if (hanging.has(d.name)) c = Math.max(c, col + 0.5);
    for (const dev of hanging.get(d.name) ?? []) slots.push({ dev, row: 1, col: c++ });
    next = c;
  }
  return slots;
}

export function layoutSnapshot(snap: Snapshot, style: LayoutStyle = 'article'): BoxLayout[] {
  const sp = spacingOf(style);
  const lans = new Set(snap.namespaces.filter((n) => nsRole(n.name) === 'lan').map((n) => n.name));
  const boxes: BoxLayout[] = [];
  const devY = sp.titleH + sp.stackH + sp.stackToDev;
  const rowH = DEV_H + sp.under;
  let x = 0;
  let y = 0;
  let rowBottom = 0;
  for (const ns of snap.namespaces) {
    if (lans.has(ns.name)) continue;
    const slots = deviceSlots(deviceOrder(ns, lans), ns.name);
    const cols = slots.reduce((m, s) => Math.max(m, s.col + 1), 0);
    const rowCount = slots.reduce((m, s) => Math.max(m, s.row + 1), 1);
    const width = boxWidth(cols, sp);
    const height = devY + rowCount * rowH;
    boxes.push(box(ns.name, { x, y }, width, height, slots, cols, devY, sp));
    rowBottom = Math.max(rowBottom, y + height);
    // compact: the first box (the host) on the left, the others one under another beside it
    if (sp.guestsInColumn && boxes.length > 1) y += height + sp.boxGap;
    else x += width + sp.boxGap;
  }
  // the article draws the boxes of a row as tall as each other, the wires under the host's row of devices
  // running through its guests' boxes to theirs (its sixth and seventh diagrams)
  if (!sp.guestsInColumn) for (const b of boxes) b.height = rowBottom - b.pos.y;
  // the physical networks, below: one box per group of cabled parts, its first part under the NIC that
  // plugs into it when there is room, so the cable goes straight down as in the article
  let lx = -Infinity;
  for (const group of physicalGroups(snap, lans)) {
    const width = sp.pad * 2 + group.length * STATION_W + (group.length - 1) * sp.stationGap;
    const stations = group.map((ns, i) => ({
      ns,
      pos: { x: sp.pad + i * (STATION_W + sp.stationGap), y: 22 },
      width: STATION_W,
      height: STATION_H,
    }));
    const nic = nicAbove(snap, boxes, group[0], sp.devW);
    const x = Math.max(lx, nic === null ? 0 : nic - sp.pad - STATION_W / 2);
    boxes.push({
      ns: group[0],
      pos: { x, y: rowBottom + sp.lanGap },
      width,
      height: 22 + STATION_H + sp.titleH + 8,
      stack: NO_STACK,
      devices: [],
      stations,
    });
    lx = x + width + sp.boxGap;
  }
  return boxes;
}

const NO_STACK = { pos: { x: 0, y: 0 }, width: 0, height: 0 };

/** The x of the middle of the first device drawn above whose cable ends in namespace `ns`. */
function nicAbove(snap: Snapshot, boxes: readonly BoxLayout[], ns: string, devW: number): number | null {
  const namespaces = new Map(snap.namespaces.map((n) => [n.name, n]));
  for (const b of boxes) {
    const devs = new Map((namespaces.get(b.ns)?.devices ?? []).map((d) => [d.name, d]));
    for (const d of b.devices) if (devs.get(d.name)?.peer?.ns === ns) return b.pos.x + d.pos.x + devW / 2;
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
      for (const m of links.get(n) ?? []) if (!seen.has(m)) seen.add(m), queue.push(m);
    }
    groups.push(g);
  }
  return groups;
}

function box(
  ns: string,
  pos: XY,
  width: number,
  height: number,
  slots: Slot[],
  cols: number,
  devY: number,
  sp: Spacing,
): BoxLayout {
  const rowW = cols * sp.devW + Math.max(0, cols - 1) * sp.gap;
  const x0 = Math.max(sp.pad, (width - rowW) / 2);
  const rowH = DEV_H + sp.under;
  return {
    ns,
    pos,
    width,
    height,
    stack: { pos: { x: sp.pad, y: sp.titleH }, width: width - 2 * sp.pad, height: sp.stackH },
    devices: slots.map(({ dev, row, col }) => ({
      name: dev.name,
      dev,
      row,
      col,
      pos: { x: x0 + col * (sp.devW + sp.gap), y: devY + row * rowH },
    })),
    stations: [],
  };
}
