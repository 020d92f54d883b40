// An automatic layout that looks like the article: the host on the left, containers and VMs to its right,
// the physical network below; in each box the stack on top and the devices in one row, NICs first, then
// each bridge followed by its ports (and a port's veth peer beside it).
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
  const out: DevSnap[] = [];
  const placed = new Set<string>();
  const place = (d: DevSnap | undefined) => {
    if (!d || placed.has(d.name)) return;
    placed.add(d.name);
    out.push(d);
    // a veth's peer in the same box sits right beside it (veth0, veth1)
    if (d.peer && d.peer.ns === ns.name) place(devs.find((x) => x.name === d.peer!.name));
  };
  const isNic = (d: DevSnap) => d.peer !== null && d.peer.ns !== ns.name && lans.has(d.peer.ns);
  for (const d of devs) if (isNic(d)) place(d);
  for (const br of devs.filter((d) => d.kind === 'bridge')) {
    place(br);
    for (const p of devs) if (p.master === br.name) place(p);
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
    boxes.push(box(ns.name, { x, y: 0 }, width, height, devs, devY, true));
    x += width + BOX_GAP;
    rowBottom = Math.max(rowBottom, height);
  }
  // the physical networks, below
  let lx = 0;
  for (const ns of snap.namespaces) {
    if (!lans.has(ns.name)) continue;
    const devs = deviceOrder(ns, lans);
    const width = boxWidth(devs.length);
    const lh = TITLE_H + 20 + rows(devs.length) * ROW_H - UNDER + 24;
    boxes.push(box(ns.name, { x: lx, y: rowBottom + 90 }, width, lh, devs, TITLE_H + 20, false));
    lx += width + BOX_GAP;
  }
  return boxes;
}

function box(ns: string, pos: XY, width: number, height: number, devs: DevSnap[], devY: number, hasStack: boolean): BoxLayout {
  const perRow = Math.min(devs.length, ROW_MAX);
  const rowW = perRow * DEV_W + Math.max(0, perRow - 1) * GAP;
  const x0 = Math.max(PAD, (width - rowW) / 2);
  return {
    ns,
    pos,
    width,
    height,
    stack: hasStack ? { pos: { x: PAD, y: TITLE_H }, width: width - 2 * PAD, height: STACK_H } : { pos: { x: 0, y: 0 }, width: 0, height: 0 },
    devices: devs.map((d, i) => ({ name: d.name, pos: { x: x0 + (i % ROW_MAX) * (DEV_W + GAP), y: devY + Math.floor(i / ROW_MAX) * ROW_H } })),
  };
}
