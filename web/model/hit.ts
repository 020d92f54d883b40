// Where on the diagram a point falls: which namespace box, and which bridge in it (for drops).
import type { DiagramNode } from './diagram';
import type { XY } from './layout';

export interface Hit {
  ns: string | null;
  bridge: string | null;
}

function absolute(n: DiagramNode, byId: Map<string, DiagramNode>): XY {
  const parent = n.parentId ? byId.get(n.parentId) : undefined;
  return parent ? { x: parent.position.x + n.position.x, y: parent.position.y + n.position.y } : n.position;
}

const inside = (p: XY, at: XY, w: number, h: number) =>
  p.x >= at.x && p.x <= at.x + w && p.y >= at.y && p.y <= at.y + h;

/** `ignore`: the node being dragged, which is always under the pointer. */
export function hitTest(nodes: readonly DiagramNode[], p: XY, ignore?: string): Hit {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let ns: string | null = null;
  for (const n of nodes) if (n.type === 'netns' && inside(p, n.position, n.width, n.height)) ns = n.data.ns;
  let bridge: string | null = null;
  for (const n of nodes) {
    if (n.type !== 'device' || n.id === ignore || n.data.dev.node !== 'switch' || n.data.ns !== ns) continue;
    if (inside(p, absolute(n, byId), n.width, n.height)) bridge = n.data.dev.name;
  }
  return { ns, bridge };
}

/** What a wire drawn from a device ends on: a device, a part of the physical network, a box, or nothing. */
export type WireEnd =
  | { type: 'dev'; ns: string; dev: string }
  | { type: 'station'; ns: string }
  | { type: 'ns'; ns: string }
  | null;

/** The innermost node under `p` a wire can end on: a device or station before the box around it. */
export function wireEndAt(nodes: readonly DiagramNode[], p: XY): WireEnd {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let box: WireEnd = null;
  for (const n of nodes) {
    if (!inside(p, absolute(n, byId), n.width, n.height)) continue;
    if (n.type === 'device') return { type: 'dev', ns: n.data.ns, dev: n.data.dev.name };
    if (n.type === 'station') return { type: 'station', ns: n.data.ns };
    if (n.type === 'netns') box = { type: 'ns', ns: n.data.ns };
  }
  return box;
}
