// The part of a big diagram handed to React Flow: the nodes near the view and the wires that cross it.
// React Flow's work on every update (adoptUserNodes over the nodes it holds, updateConnectionLookup over
// its edges, each store update re-running every node's selectors) is linear in what it holds, visible or
// not; a window a screen larger than the view each side keeps that to a few hundred nodes at any size.
// The fit is computed here from the WHOLE diagram, as React Flow's fitViewport computes it from what it
// holds (getFitViewNodes -> getInternalNodesBounds -> getViewportForBounds), so a window never changes it.
import { getViewportForBounds } from '@xyflow/react';
import type { DiagramEdge, DiagramNode } from './diagram';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** A node's size as React Flow takes it (getNodeDimensions: measured, then width). */
const widthOf = (n: DiagramNode) => n.measured?.width ?? n.width ?? 0;
const heightOf = (n: DiagramNode) => n.measured?.height ?? n.height ?? 0;

/** The boxes of the node lists seen last (the fit and each window of one diagram share them). */
const boxesOf = new WeakMap<readonly DiagramNode[], Map<string, Rect>>();

/**
 * Each node's box in the diagram's coordinates: a child's position is its parent's plus its own. Kept for
 * the list (a list of nodes is never changed in place: React Flow's changes and each build make new ones).
 */
export function absoluteBoxes(nodes: readonly DiagramNode[]): Map<string, Rect> {
  const known = boxesOf.get(nodes);
  if (known) return known;
  const boxes = new Map<string, Rect>();
  boxesOf.set(nodes, boxes);
  for (const n of nodes) {
    let { x, y } = n.position;
    if (n.parentId) {
      const p = boxes.get(n.parentId) ?? parentBox(nodes, n.parentId, boxes);
      if (p) {
        x += p.x;
        y += p.y;
      }
    }
    boxes.set(n.id, { x, y, width: widthOf(n), height: heightOf(n) });
  }
  return boxes;
}

/** A parent listed after its child (React Flow allows it): its box found and kept. */
function parentBox(nodes: readonly DiagramNode[], id: string, boxes: Map<string, Rect>): Rect | undefined {
  const p = nodes.find((n) => n.id === id);
  if (!p) return undefined;
  const own = p.parentId ? (boxes.get(p.parentId) ?? parentBox(nodes, p.parentId, boxes)) : undefined;
  const box = {
    x: p.position.x + (own?.x ?? 0),
    y: p.position.y + (own?.y ?? 0),
    width: widthOf(p),
    height: heightOf(p),
  };
  boxes.set(id, box);
  return box;
}

/** The fitted view of the whole diagram, as React Flow's fitView would give it holding every node. */
export function fitWhole(
  nodes: readonly DiagramNode[],
  width: number,
  height: number,
  minZoom: number,
  maxZoom: number,
  padding: number,
): Viewport | null {
  let x = Infinity;
  let y = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of absoluteBoxes(nodes).values()) {
    // getFitViewNodes: only nodes with a size (hidden ones are never in a diagram)
    if (!b.width || !b.height) continue;
    x = Math.min(x, b.x);
    y = Math.min(y, b.y);
    x2 = Math.max(x2, b.x + b.width);
    y2 = Math.max(y2, b.y + b.height);
  }
  if (x === Infinity || !width || !height) return null;
  return getViewportForBounds({ x, y, width: x2 - x, height: y2 - y }, width, height, minZoom, maxZoom, padding);
}

/** What the pane shows at `vp`, in the diagram's coordinates. */
export function viewRect(vp: Viewport, width: number, height: number): Rect {
  return { x: -vp.x / vp.zoom, y: -vp.y / vp.zoom, width: width / vp.zoom, height: height / vp.zoom };
}

/** `r` grown by `k` times its own size on each side. */
export function grow(r: Rect, k: number): Rect {
  return { x: r.x - k * r.width, y: r.y - k * r.height, width: r.width * (1 + 2 * k), height: r.height * (1 + 2 * k) };
}

/** The window handed to React Flow for a view: a view's size more on each side. */
export const windowFor = (view: Rect): Rect => grow(view, 1);

/**
 * Whether `win` still serves `view`: half a view's margin left on every side (a pan or a zoom out moved
 * on), and the view not zoomed in so far that the window holds many times what it shows.
 */
export function windowServes(win: Rect, view: Rect): boolean {
  const m = grow(view, 0.5);
  return (
    m.x >= win.x &&
    m.y >= win.y &&
    m.x + m.width <= win.x + win.width &&
    m.y + m.height <= win.y + win.height &&
    view.width * 6 >= win.width
  );
}

/** The window for `view`: `win` while it still serves it (a pan, a fit that moved a little), else a new one. */
export const windowAt = (win: Rect | null, view: Rect): Rect =>
  win && windowServes(win, view) ? win : windowFor(view);

/** Rectangles overlapping by some area (getOverlappingArea > 0). */
function overlaps(a: Rect, b: Rect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0;
}

/** A wire's box as React Flow tests it for the view (isEdgeVisible: both ends' boxes, at least 1 wide). */
function edgeOverlaps(s: Rect, t: Rect, win: Rect): boolean {
  const x = Math.min(s.x, t.x);
  const y = Math.min(s.y, t.y);
  let x2 = Math.max(s.x + s.width, t.x + t.width);
  let y2 = Math.max(s.y + s.height, t.y + t.height);
  if (x === x2) x2 += 1;
  if (y === y2) y2 += 1;
  return overlaps({ x, y, width: x2 - x, height: y2 - y }, win);
}

/**
 * The nodes whose box meets `win`, the edges whose box meets it (a wire crossing the window with both ends
 * outside included, as React Flow would draw it), both ends of each such edge and every kept node's parent
 * (React Flow needs them), in the diagram's order.
 */
export function pickWindow(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  win: Rect,
): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const boxes = absoluteBoxes(nodes);
  const keep = new Set<string>();
  for (const n of nodes) if (overlaps(boxes.get(n.id)!, win)) keep.add(n.id);
  const shown: DiagramEdge[] = [];
  for (const e of edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t || !edgeOverlaps(s, t, win)) continue;
    shown.push(e);
    keep.add(e.source);
    keep.add(e.target);
  }
  // parents, and theirs (a box holds devices and stations, none of which hold others today)
  let added = true;
  while (added) {
    added = false;
    for (const n of nodes)
      if (n.parentId && keep.has(n.id) && !keep.has(n.parentId)) {
        keep.add(n.parentId);
        added = true;
      }
  }
  return { nodes: nodes.filter((n) => keep.has(n.id)), edges: shown };
}
