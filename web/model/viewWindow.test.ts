import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot } from '../../sim/snapshot';
import { buildDiagram, type DiagramEdge, type DiagramNode } from './diagram';
import { absoluteBoxes, fitWhole, grow, pickWindow, windowFor, windowServes, type Rect } from './viewWindow';

/** A big lab: a bridge with addressed veth ports (stack lines, bridge links) and pairs into other namespaces. */
function bigDiagram(pairs: number) {
  const w = new World(1);
  const sh = new Shell(w);
  sh.run('ip link add br0 type bridge');
  for (let i = 0; i < pairs; i++) {
    sh.run(`ip link add a${i} type veth peer name b${i}`);
    if (i % 3 === 0) sh.run(`ip link set a${i} master br0`);
    if (i % 5 === 0) sh.run(`ip addr add 10.${i >> 8}.${i & 255}.1/32 dev b${i}`);
  }
  for (const ns of ['red', 'blue']) {
    sh.run(`ip netns add ${ns}`);
    sh.run(`ip link add to-${ns} type veth peer name in-${ns} netns ${ns}`);
  }
  return buildDiagram(takeSnapshot(w), {}, null);
}

const overlap = (a: Rect, b: Rect) =>
  Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) &&
  Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);
const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
};

/** What React Flow draws of `nodes`/`edges` in `view`: the node ids and edge ids whose boxes meet it. */
function drawnIn(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[], view: Rect) {
  const boxes = absoluteBoxes(nodes);
  return {
    nodes: nodes.filter((n) => overlap(boxes.get(n.id)!, view)).map((n) => n.id),
    edges: edges.filter((e) => overlap(union(boxes.get(e.source)!, boxes.get(e.target)!), view)).map((e) => e.id),
  };
}

describe('the window of a big diagram handed to React Flow', () => {
  const d = bigDiagram(400);
  const boxes = absoluteBoxes(d.nodes);
  const host = d.nodes.find((n) => n.id === 'ns:host')!;
  const hostBox = boxes.get(host.id)!;

  it("places a child at its parent's position plus its own", () => {
    const dev = d.nodes.find((n) => n.type === 'device' && n.parentId === host.id && n.position.y > 0)!;
    const b = boxes.get(dev.id)!;
    expect(b.x).toBe(host.position.x + dev.position.x);
    expect(b.y).toBe(host.position.y + dev.position.y);
    expect(b.width).toBe(dev.width);
  });

  it('holds everything drawn in the view, far fewer nodes than the diagram, and what React Flow needs', () => {
    // a screen at zoom 1 in the middle of the host's box
    const view: Rect = { x: hostBox.x, y: hostBox.y + hostBox.height / 2, width: 1200, height: 700 };
    const held = pickWindow(d.nodes, d.edges, windowFor(view));
    const ids = new Set(held.nodes.map((n) => n.id));
    const edgeIds = new Set(held.edges.map((e) => e.id));
    const drawn = drawnIn(d.nodes, d.edges, view);
    expect(drawn.nodes.length).toBeGreaterThan(20);
    for (const id of drawn.nodes) expect(ids.has(id), id).toBe(true);
    for (const id of drawn.edges) expect(edgeIds.has(id), id).toBe(true);
    expect(held.nodes.length).toBeLessThan(d.nodes.length / 3);
    // both ends of every held edge, every held node's parent before it, in the diagram's order
    for (const e of held.edges) expect([ids.has(e.source), ids.has(e.target)], e.id).toEqual([true, true]);
    const at = new Map(held.nodes.map((n, i) => [n.id, i]));
    for (const n of held.nodes) if (n.parentId) expect(at.get(n.parentId)! < at.get(n.id)!, n.id).toBe(true);
    const order = held.nodes.map((n) => d.nodes.indexOf(n));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('holds a wire that crosses the window with both its ends outside it', () => {
    // the longest edge, and a thin window across its middle that meets neither end's box
    const long = d.edges
      .map((e) => ({ e, s: boxes.get(e.source)!, t: boxes.get(e.target)! }))
      .sort((a, b) => Math.abs(b.s.y - b.t.y) - Math.abs(a.s.y - a.t.y))[0]!;
    const top = Math.min(long.s.y + long.s.height, long.t.y + long.t.height);
    const bottom = Math.max(long.s.y, long.t.y);
    expect(bottom - top).toBeGreaterThan(100);
    const span = union(long.s, long.t);
    const win: Rect = { x: span.x, y: top + 20, width: span.width, height: bottom - top - 40 };
    const held = pickWindow(d.nodes, d.edges, win);
    expect(overlap(long.s, win) || overlap(long.t, win)).toBe(false);
    expect(held.edges).toContain(long.e);
    expect(held.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([long.e.source, long.e.target]));
  });

  it('fits the whole diagram into the pane, or its middle at the least zoom', () => {
    const [width, height] = [1200, 700];
    const all = fitWhole(d.nodes, width, height, 0.001, 1.4, 0.08)!;
    // unclamped: every node's box lies within the pane, and the diagram spans it in one direction
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const b of boxes.values()) {
      left = Math.min(left, b.x * all.zoom + all.x);
      top = Math.min(top, b.y * all.zoom + all.y);
      right = Math.max(right, (b.x + b.width) * all.zoom + all.x);
      bottom = Math.max(bottom, (b.y + b.height) * all.zoom + all.y);
    }
    expect(left).toBeGreaterThanOrEqual(0);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(width);
    expect(bottom).toBeLessThanOrEqual(height);
    expect(Math.max(right - left, (bottom - top) * (width / height))).toBeGreaterThan(width * 0.8);
    // clamped at the least zoom: the diagram's middle in the pane's middle
    const clamped = fitWhole(d.nodes, width, height, 0.2, 1.4, 0.08)!;
    expect(clamped.zoom).toBe(0.2);
    expect(((top - all.y) / all.zoom + (bottom - all.y) / all.zoom) / 2).toBeCloseTo(
      (height / 2 - clamped.y) / clamped.zoom,
      6,
    );
    expect(fitWhole([], width, height, 0.2, 1.4, 0.08)).toBeNull();
    expect(fitWhole(d.nodes, 0, 0, 0.2, 1.4, 0.08)).toBeNull();
  });

  it('keeps a window while the view stays well inside it, and asks for a new one when it leaves or zooms in', () => {
    const view: Rect = { x: 1000, y: 2000, width: 1200, height: 700 };
    const win = windowFor(view);
    expect(windowServes(win, view)).toBe(true);
    expect(windowServes(win, { ...view, x: view.x + 0.4 * view.width })).toBe(true);
    expect(windowServes(win, { ...view, y: view.y - 0.6 * view.height })).toBe(false);
    expect(windowServes(win, { ...view, x: view.x + 0.6 * view.width })).toBe(false);
    // zoomed out (the view grown about its middle) past 1.5x: no longer served
    expect(windowServes(win, grow(view, 0.1))).toBe(true);
    expect(windowServes(win, grow(view, 0.3))).toBe(false);
    // zoomed in 3x about its middle: served but far too big
    expect(windowServes(win, grow(view, -1 / 3))).toBe(false);
  });
});
