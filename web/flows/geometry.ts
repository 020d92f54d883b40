// Where a frame is drawn: a flow location (a device, or the stack above it) as a point of the diagram,
// and a hop as the line the reader sees between the two (the stack arrow, the bridge link, the cable).
import type { DiagramEdge, DiagramNode } from '../model/diagram';
import { devId, nsId, stackId } from '../model/ids';
import { parseLoc, type LocKey } from '../model/flow';
import { edgePoints, handlePoint, type Pt, type Rect } from '../model/paths';
import { absoluteBoxes } from '../model/viewWindow';

export interface Path {
  pts: Pt[];
  /** length along the path up to each point */
  cum: number[];
  len: number;
}

/** Where a shape rests for the stack: at the top of the device's arrow, just under the bar (its title stays readable). */
const STACK_REST_DY = 12;

export class FlowGeometry {
  private byRect = new Map<string, Rect>();
  private edges = new Map<string, DiagramEdge>();
  private paths = new Map<string, Path>();
  private points = new Map<LocKey, Pt | null>();
  private stations = new Set<string>();
  private source: { nodes: readonly DiagramNode[]; edges: readonly DiagramEdge[] } | null;

  /** Indexed when first asked (a diagram rebuilt per command at 5,000 devices draws no frame most times). */
  constructor(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]) {
    this.source = { nodes, edges };
  }

  /** Each node's rectangle on the diagram (absolute). */
  get rects(): ReadonlyMap<string, Rect> {
    this.index();
    return this.byRect;
  }

  private index(): void {
    if (!this.source) return;
    const { nodes, edges } = this.source;
    this.source = null;
    // the same boxes the view's window and fit use (kept per node list: a build's list is indexed once)
    const boxes = absoluteBoxes(nodes);
    for (const n of nodes) {
      const b = boxes.get(n.id)!;
      this.byRect.set(n.id, { x: b.x, y: b.y, w: b.width, h: b.height });
      if (n.type === 'station') this.stations.add(n.id);
    }
    for (const e of edges) this.edges.set(`${e.source}|${e.target}`, e);
  }

  /** The node a location is drawn on: the device, else its namespace's station or stack. */
  nodeOf(loc: LocKey): string | null {
    this.index();
    const { kind, ns, dev } = parseLoc(loc);
    const station = nsId(ns);
    if (this.stations.has(station)) return station;
    if (kind === 'd' && this.rects.has(devId(ns, dev))) return devId(ns, dev);
    return this.rects.has(stackId(ns)) ? stackId(ns) : null;
  }

  /** A shape resting at `loc` sits above the point (on the line coming in), not centred on it. */
  onDevice(loc: LocKey): boolean {
    return this.nodeOf(loc)?.startsWith('dev:') ?? false;
  }

  point(loc: LocKey): Pt | null {
    let p = this.points.get(loc);
    if (p === undefined) {
      p = this.computePoint(loc);
      this.points.set(loc, p);
    }
    return p;
  }

  private computePoint(loc: LocKey): Pt | null {
    const node = this.nodeOf(loc);
    if (!node) return null;
    const r = this.rects.get(node)!;
    const { kind, ns, dev } = parseLoc(loc);
    if (this.stations.has(node)) return [r.x + r.w / 2, r.y + 1]; // on its top edge: its name stays readable
    // a device's top edge, where its stack arrow or bridge link meets it: a shape resting there is drawn
    // above the edge (see onDevice), never over the device's name and addresses
    if (node.startsWith('dev:')) return [r.x + r.w / 2, r.y];
    if (node.startsWith('stack:')) {
      const d = this.rects.get(devId(ns, dev));
      return kind === 's' && d ? [d.x + d.w / 2, r.y + r.h + STACK_REST_DY] : [r.x + r.w / 2, r.y + r.h / 2];
    }
    return [r.x + r.w / 2, r.y + r.h / 2];
  }

  /** The line a frame follows from one place to the next (null when either is not on the diagram). */
  path(from: LocKey, to: LocKey): Path | null {
    const key = `${from}>${to}`;
    let p = this.paths.get(key);
    if (!p) {
      const pts = this.computePath(from, to);
      if (!pts) return null;
      p = measure(pts);
      this.paths.set(key, p);
    }
    return p;
  }

  private computePath(from: LocKey, to: LocKey): Pt[] | null {
    const a = this.point(from);
    const b = this.point(to);
    if (!a || !b) return null;
    const na = this.nodeOf(from)!;
    const nb = this.nodeOf(to)!;
    if (na === nb && na.startsWith('stack:') && from !== to) {
      // up or down the arrow between the stack and a device... both ends drawn on the stack: along the bar
      return [a, b];
    }
    const line = this.line(na, nb);
    return line ? [a, ...line, b] : [a, b];
  }

  /** The diagram's line between two nodes, oriented from `a` to `b`. */
  private line(a: string, b: string): Pt[] | null {
    this.index();
    if (a.startsWith('stack:') || b.startsWith('stack:')) {
      const [s, d] = a.startsWith('stack:') ? [a, b] : [b, a];
      const sr = this.rects.get(s)!;
      const dr = this.rects.get(d);
      if (!dr || !d.startsWith('dev:')) return null;
      const x = dr.x + dr.w / 2;
      const pts: Pt[] = [
        [x, sr.y + sr.h],
        [x, dr.y],
      ];
      return s === a ? pts : pts.reverse();
    }
    const fwd = this.edges.get(`${a}|${b}`);
    const e = fwd ?? this.edges.get(`${b}|${a}`);
    if (!e) return null;
    const sp = handlePoint(this.rects.get(e.source)!, e.sourceHandle);
    const tp = handlePoint(this.rects.get(e.target)!, e.targetHandle);
    const pts = edgePoints(e, sp[0], sp[1], tp[0], tp[1]);
    return fwd ? pts : pts.reverse();
  }
}

function measure(pts: Pt[]): Path {
  const cum = [0];
  for (let i = 1; i < pts.length; i++)
    cum.push(cum[i - 1] + Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]));
  return { pts, cum, len: cum[cum.length - 1] };
}

/** The point a fraction `t` (0..1) of the way along a path. */
export function along(p: Path, t: number): Pt {
  if (p.len === 0) return p.pts[0];
  const d = Math.max(0, Math.min(1, t)) * p.len;
  let i = 1;
  while (i < p.cum.length - 1 && p.cum[i] < d) i++;
  const seg = p.cum[i] - p.cum[i - 1];
  const f = seg === 0 ? 0 : (d - p.cum[i - 1]) / seg;
  const [x0, y0] = p.pts[i - 1];
  const [x1, y1] = p.pts[i];
  return [x0 + (x1 - x0) * f, y0 + (y1 - y0) * f];
}
