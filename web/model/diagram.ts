// Snapshot -> the diagram's nodes and edges (plain objects in React Flow's shape). Arrows follow the
// kernel state that sim/snapshot reports; nothing here decides how the network behaves.
import type { Node } from '@xyflow/react';
import { type DevSnap, type NsSnap, type Snapshot, type StackLink, own } from '../../sim/index';
import { devId, nsId, nsRole, nsTitle, physId, physKind, stackId, type NsRole, type PhysKind } from './ids';
import { DEV_H, devWidth, layoutSnapshot, sepY, type LayoutStyle, type XY } from './layout';

export interface NetnsData extends Record<string, unknown> {
  ns: string;
  title: string;
  role: NsRole;
  /** the top of the dotted line under the stack, relative to the box */
  sepY: number;
}
export interface StackData extends Record<string, unknown> {
  ns: string;
}
export interface DeviceData extends Record<string, unknown> {
  ns: string;
  dev: DevSnap;
}
/** One part of the physical network: a namespace drawn as a labelled block, not as its devices. */
export interface StationData extends Record<string, unknown> {
  ns: string;
  kind: PhysKind | 'lan';
  label: string;
  detail: string;
}

/**
 * React Flow's node of one kind (xyflow's `Node<Data, 'kind'>`), always with the size the layout gave it, and
 * that size as `measured` too: the page draws a node exactly that size, so React Flow, measuring it when it
 * comes into view, finds nothing changed and sends no dimension change (each one a pass over every node and
 * a render of the whole diagram, thousands of nodes, for a node scrolled into view).
 */
type Sized<T extends string, D extends Record<string, unknown>> = Node<D, T> & {
  width: number;
  height: number;
  measured: { width: number; height: number };
};
export type NetnsNode = Sized<'netns', NetnsData>;
export type StackNode = Sized<'stack', StackData>;
export type DeviceNode = Sized<'device', DeviceData>;
export type StationNode = Sized<'station', StationData>;
export type DiagramNode = NetnsNode | StackNode | DeviceNode | StationNode;

export interface EdgeData extends Record<string, unknown> {
  link?: StackLink;
  lane?: number;
  /** a cable between two parts of the physical network, drawn side to side */
  straight?: boolean;
  /** a cable down into the top of what it plugs into (a NIC's, to the physical network); else joined under the row */
  down?: boolean;
}
export interface DiagramEdge {
  id: string;
  type: 'stack' | 'bridge' | 'wire';
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  data: EdgeData;
  markerStart?: string;
  markerEnd?: string;
  selectable: false;
}

const ARROW = 'arrow';

/**
 * What the last diagram built with it made of each device (its node, its line to the stack, its cable):
 * a device whose row is the same object (the page keeps unchanged rows as they were) and whose place,
 * selection and lane are the same gets the same objects again, so thousands of unchanged devices cost
 * no new objects and compare as the same at once.
 */
export class DiagramCache {
  readonly devNodes = new WeakMap<DevSnap, DeviceNode>();
  readonly stackEdges = new WeakMap<DevSnap, { ns: string; edge: DiagramEdge }>();
  readonly wires = new WeakMap<DevSnap, { ns: string; lane: number; edge: DiagramEdge }>();
  /** a device's id and its peer's, made once per row (strings that are then hashed once) */
  readonly ids = new WeakMap<DevSnap, { ns: string; did: string; pid: string | null }>();
}

/** A device's id and its wire peer's, from the cache when the row was seen in that namespace before. */
function idsOf(dev: DevSnap, ns: string, cache: DiagramCache | undefined): { did: string; pid: string | null } {
  const hit = cache?.ids.get(dev);
  if (hit && hit.ns === ns) return hit;
  const ids = { ns, did: devId(ns, dev.name), pid: dev.peer ? devId(dev.peer.ns, dev.peer.name) : null };
  cache?.ids.set(dev, ids);
  return ids;
}

export function buildDiagram(
  snap: Snapshot,
  positions: Readonly<Record<string, XY>>,
  selected: string | null,
  style: LayoutStyle = 'article',
  cache?: DiagramCache,
): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const boxes = layoutSnapshot(snap, style);
  /** each device's place in its box's grid, for drawing a bridge's links beside or under it */
  const order = new Map<string, { row: number; col: number }>();
  /** station -> its place from the left in its box, so station cables run left to right */
  const stations = new Map<string, number>();
  const namespaces = new Map(snap.namespaces.map((n) => [n.name, n]));
  for (const b of boxes) {
    const role = nsRole(b.ns);
    const id = role === 'lan' ? physId(b.ns) : nsId(b.ns);
    nodes.push({
      id,
      type: 'netns',
      position: own(positions, id) ?? b.pos,
      data: { ns: b.ns, title: nsTitle(b.ns), role, sepY: sepY(style) },
      width: b.width,
      height: b.height,
      measured: { width: b.width, height: b.height },
      selected: selected === id,
      zIndex: 0,
    });
    for (const [i, st] of b.stations.entries()) {
      stations.set(st.ns, i);
      const sns = namespaces.get(st.ns)!;
      nodes.push({
        id: nsId(st.ns),
        type: 'station',
        parentId: id,
        position: st.pos,
        data: stationData(sns),
        width: st.width,
        height: st.height,
        measured: { width: st.width, height: st.height },
        draggable: false,
        selected: selected === nsId(st.ns),
      });
    }
    if (role !== 'lan') {
      nodes.push({
        id: stackId(b.ns),
        type: 'stack',
        parentId: id,
        position: b.stack.pos,
        data: { ns: b.ns },
        width: b.stack.width,
        height: b.stack.height,
        measured: { width: b.stack.width, height: b.stack.height },
        draggable: false,
        selectable: false,
      });
    }
    const width = devWidth(style);
    for (const d of b.devices) {
      const dev = d.dev;
      const hit = cache?.devNodes.get(dev);
      const { did } = idsOf(dev, b.ns, cache);
      // only bridges and their ports are looked up (to draw a port's line beside or under its bridge)
      if (dev.node === 'switch' || dev.master !== null) order.set(did, d);
      const position = own(positions, did) ?? d.pos;
      const sel = selected === did;
      if (
        hit &&
        hit.id === did &&
        hit.parentId === id &&
        hit.position.x === position.x &&
        hit.position.y === position.y &&
        hit.selected === sel &&
        hit.width === width
      )
        nodes.push(hit);
      else {
        const node: DeviceNode = {
          id: did,
          type: 'device',
          parentId: id,
          position,
          data: { ns: b.ns, dev },
          width,
          height: DEV_H,
          measured: { width, height: DEV_H },
          selected: sel,
        };
        cache?.devNodes.set(dev, node);
        nodes.push(node);
      }
      if (role !== 'lan' && dev.stackLink !== 'none') {
        const e = cache?.stackEdges.get(dev);
        if (e && e.ns === b.ns) edges.push(e.edge);
        else {
          const edge = stackEdge(b.ns, dev.name, dev.stackLink);
          cache?.stackEdges.set(dev, { ns: b.ns, edge });
          edges.push(edge);
        }
      }
    }
  }
  const shown = new Set(nodes.map((n) => n.id));
  let wireLane = 0;
  for (const ns of snap.namespaces) {
    const lanes = new Map<string, number>();
    for (const dev of ns.devices) {
      const { did, pid } = idsOf(dev, ns.name, cache);
      if (dev.master && shown.has(did)) {
        const bid = devId(ns.name, dev.master);
        const lane = lanes.get(bid) ?? 0;
        const at = order.get(bid);
        const pt = order.get(did);
        // a port beside its bridge or right under it takes no lane
        const near =
          !!at &&
          !!pt &&
          ((at.row === pt.row && Math.abs(at.col - pt.col) === 1) ||
            (at.col === pt.col && Math.abs(at.row - pt.row) === 1));
        if (!near) lanes.set(bid, lane + 1);
        edges.push(bridgeEdge(bid, did, at, pt, near ? 0 : lane + 1));
      }
      if (dev.lower && shown.has(did)) {
        // a macvlan and its parent: under it in one box, else a line between the boxes
        const lid = devId(dev.lower.ns, dev.lower.name);
        if (shown.has(lid))
          edges.push(
            dev.lower.ns === ns.name
              ? lowerEdge(lid, did)
              : { ...wireEdge(lid, did, false, wireLane++), id: `lower:${lid}:${did}` },
          );
      }
      if (!dev.peer || (dev.peer.ns === ns.name && stations.has(ns.name))) continue;
      const here = stations.has(ns.name),
        there = stations.has(dev.peer.ns);
      const peerId = pid ?? devId(dev.peer.ns, dev.peer.name);
      if (!here && !there) {
        // each pair once: from the end that sorts first
        if (shown.has(did) && shown.has(peerId) && did < peerId) {
          const lane = wireLane++;
          const w = cache?.wires.get(dev);
          if (w && w.ns === ns.name && w.lane === lane) edges.push(w.edge);
          else {
            const edge = wireEdge(did, peerId, false, lane);
            cache?.wires.set(dev, { ns: ns.name, lane, edge });
            edges.push(edge);
          }
        }
      } else if (!here && shown.has(did)) edges.push(wireEdge(did, nsId(dev.peer.ns), true, 0));
      else if (here && there && stations.get(ns.name)! < stations.get(dev.peer.ns)!)
        edges.push(stationLink(nsId(ns.name), nsId(dev.peer.ns)));
    }
  }
  return { nodes, edges };
}

/** Two plain values, or objects with the same own values one level down (a position, a node's data). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/** What reuseUnchanged answered for each object of `next` last time: the object React Flow was given for it. */
export type ReuseMemo = WeakMap<object, object>;

/**
 * `next` with each node or edge that equals the one of the same id in `prev` (on every field `next`
 * sets) replaced by that one: React Flow then keeps it and memo skips its component, so a change to
 * one device of thousands redraws one device. The one of the same id is looked for at the same place
 * first (shifted by what came or went before it), so a list of thousands costs no index of ids; with a
 * memo, an object of `next` already answered by an object still in `prev` is that answer again without
 * comparing (objects are never changed in place, so the same two compare equal again).
 */
export function reuseUnchanged<T extends { id: string }>(next: T[], prev: readonly T[], memo?: ReuseMemo): T[] {
  if (prev.length === 0) return next;
  let index: Map<string, number> | null = null;
  let shift = 0;
  return next.map((n, i) => {
    let o = prev[i + shift];
    if (o?.id !== n.id) {
      index ??= new Map(prev.map((x, j) => [x.id, j]));
      const j = index.get(n.id);
      if (j === undefined) return n;
      shift = j - i;
      o = prev[j]!;
    }
    if (o === n || memo?.get(n) === o) return o;
    for (const k of Object.keys(n))
      if (!sameValue((n as Record<string, unknown>)[k], (o as Record<string, unknown>)[k])) return n;
    memo?.set(n, o);
    return o;
  });
}

export function stackEdge(ns: string, dev: string, link: StackLink): DiagramEdge {
  return {
    id: `stack:${ns}:${dev}`,
    type: 'stack',
    source: stackId(ns),
    target: devId(ns, dev),
    sourceHandle: 'bs',
    targetHandle: 'tt',
    data: { link },
    // 'both': receive and send; 'tx': the stack sends through a bridge port but gets nothing back from it
    markerStart: link === 'both' ? ARROW : undefined,
    markerEnd: ARROW,
    selectable: false,
  };
}

type Place = { row: number; col: number } | undefined;

/** br0 <---> a port beside it, a straight line down to a port right under it, else a lane under the row. */
function bridgeEdge(br: string, port: string, at: Place, pt: Place, lane: number): DiagramEdge {
  const beside = !!at && !!pt && at.row === pt.row && lane === 0;
  const under = !!at && !!pt && at.col === pt.col && lane === 0;
  const right = !!at && !!pt && pt.col > at.col;
  const down = !!at && !!pt && pt.row > at.row;
  return {
    id: `br:${br}:${port}`,
    type: 'bridge',
    source: br,
    target: port,
    sourceHandle: beside ? (right ? 'rs' : 'ls') : under && !down ? 'ts' : 'bs',
    targetHandle: beside ? (right ? 'lt' : 'rt') : under && down ? 'tt' : 'bt',
    data: { lane },
    markerStart: ARROW,
    markerEnd: ARROW,
    selectable: false,
  };
}

/** The label and the line under it a station shows: what the part is, and its address. */
function stationData(ns: NsSnap): StationData {
  const kind = physKind(ns.name) ?? 'lan';
  const addrs = ns.devices.flatMap((d) => d.addrs.map((a) => a.local)).filter((a) => !a.startsWith('127.'));
  switch (kind) {
    case 'switch': {
      const ports = ns.devices.filter((d) => d.master).map((d) => d.name);
      return ports.length
        ? { ns: ns.name, kind, label: 'switch', detail: ports.join(' ') }
        : { ns: ns.name, kind, label: 'LAN', detail: addrs.join(' ') };
    }
    case 'gateway':
      return { ns: ns.name, kind, label: 'gateway', detail: addrs[0] ?? '' };
    case 'internet':
      return { ns: ns.name, kind, label: 'internet', detail: addrs.filter((a) => !a.startsWith('100.64.')).join(' ') };
    default:
      return { ns: ns.name, kind, label: ns.name, detail: addrs.join(' ') };
  }
}

function stationLink(a: string, b: string): DiagramEdge {
  return {
    id: `wire:${a}:${b}`,
    type: 'wire',
    source: a,
    target: b,
    sourceHandle: 'rs',
    targetHandle: 'lt',
    data: { straight: true },
    selectable: false,
  };
}

/** A stacked device's line to its parent (macvlan to eth0): from under the parent to its top, no arrows. */
function lowerEdge(parent: string, dev: string): DiagramEdge {
  return {
    id: `lower:${parent}:${dev}`,
    type: 'bridge',
    source: parent,
    target: dev,
    sourceHandle: 'bs',
    targetHandle: 'tt',
    data: { lane: 0 },
    selectable: false,
  };
}

function wireEdge(src: string, dst: string, down: boolean, lane: number): DiagramEdge {
  // a NIC goes down to the physical network; veth ends join under the row, as the article draws them
  return {
    id: `wire:${src}:${dst}`,
    type: 'wire',
    source: src,
    target: dst,
    sourceHandle: 'bs',
    targetHandle: down ? 'tt' : 'bt',
    // wires that run under the row each get a height of their own, so they never merge
    data: { lane: down ? 0 : lane, down },
    selectable: false,
  };
}
