// The diagram as the article draws it, in plain text: boxes of `+---+` and `|`, the protocol stack on
// top, ↑/↓ through the dotted line for what the stack sends and receives, `<--->` between a bridge and
// its port beside it, wires under the row and down to the "Physical Network". For a Markdown post, an
// e-mail or a terminal. Drawn from the same nodes and edges as the page, so it follows the lab.
import type { DeviceNode, DiagramEdge, DiagramNode, NetnsNode } from '../model/diagram';
import { Grid } from './grid';

export interface AsciiOptions {
  /** the stack bar's text */
  stackLabel?: string;
  /** the physical network's name under the drawing */
  physicalLabel?: string;
  /** the box titles */
  title?: (n: NetnsNode) => string;
}

/** Rows inside a box, from its top border, down to its first row of devices. */
const ROW = { title: 1, stackTop: 3, stackText: 4, stackBottom: 5, up: 6, dots: 7, down: 8, devTop: 9 };
/** Columns from a box's left border to its first device, and between devices (room for `<--->`). */
const MARGIN = 8;
const GAP = 5;

interface Placed {
  node: DeviceNode;
  /** its row of devices in its box */
  row: number;
  left: number;
  right: number;
  mid: number;
  addr: string;
  name: string;
}

/** The common first two octets of every address shown, which the article leaves out (".3.21"). */
function commonPrefix(devs: readonly DeviceNode[]): string | null {
  let prefix: string | null = null;
  for (const d of devs) {
    for (const a of d.data.dev.addrs) {
      const p = a.local.split('.').slice(0, 2).join('.');
      if (prefix === null) prefix = p;
      else if (prefix !== p) return null;
    }
  }
  return prefix;
}

const shortAddr = (a: string, prefix: string | null) =>
  prefix && a.startsWith(`${prefix}.`) ? a.slice(prefix.length) : a;

export function diagramAscii(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  opt: AsciiOptions = {},
): string {
  const g = new Grid();
  const boxes = nodes
    .filter((n): n is NetnsNode => n.type === 'netns' && n.data.role !== 'lan')
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y);
  const devices = nodes.filter((n): n is DeviceNode => n.type === 'device' && boxes.some((b) => b.id === n.parentId));
  const prefix = commonPrefix(devices);
  const placed = new Map<string, Placed>();
  const stackLabel = opt.stackLabel ?? 'Network Protocol Stack';
  const title = opt.title ?? ((n: NetnsNode) => n.data.title);
  const frames: { left: number; right: number; node: NetnsNode }[] = [];

  // each box: its devices left to right, a lower row's under the device above them (a bridge's
  // further ports), the box as wide as they and the stack need
  let left = 0;
  for (const box of boxes) {
    const devs = devices
      .filter((d) => d.parentId === box.id)
      .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
    const ys = [...new Set(devs.map((d) => d.position.y))];
    const firstRow = new Map<number, Placed>();
    let end = left + MARGIN;
    let col = end;
    let row = -1;
    for (const d of devs) {
      const r = ys.indexOf(d.position.y);
      if (r !== row) (row = r), (col = left + MARGIN);
      const addr = d.data.dev.addrs.length ? shortAddr(d.data.dev.addrs[0].local, prefix) : '';
      const name = d.data.dev.name;
      const inner = Math.max(6, name.length + 2, addr.length + 2);
      const half = Math.ceil((inner + 1) / 2);
      const over = r > 0 ? firstRow.get(d.position.x) : undefined;
      const l = over && over.mid - half >= col ? over.mid - half : col;
      const p = { node: d, row: r, left: l, right: l + inner + 1, mid: l + half, addr, name };
      if (r === 0) firstRow.set(d.position.x, p);
      placed.set(d.id, p);
      col = p.right + 1 + GAP;
      end = Math.max(end, col);
    }
    const width = Math.max(end - GAP - 1 + MARGIN - left, stackLabel.length + 2 * MARGIN + 8, title(box).length + 8);
    frames.push({ left, right: left + width, node: box });
    left += width;
  }

  // links under a row, each on a lane of its own: wires, and bridge ports neither beside nor under
  // their bridge; a lane runs under the lower row of its two ends
  const lanes: { a: Placed; b: Placed; level: number }[] = [];
  const nics: Placed[] = [];
  const beside: [Placed, Placed][] = [];
  const under: [Placed, Placed][] = [];
  for (const e of edges) {
    const s = placed.get(e.source);
    const t = placed.get(e.target);
    if (e.type === 'stack') continue;
    if (e.type === 'bridge' && s && t && (e.data.lane ?? 0) === 0) {
      if (s.row === t.row) beside.push(s.left < t.left ? [s, t] : [t, s]);
      else under.push(s.row < t.row ? [s, t] : [t, s]);
    } else if (s && t) lanes.push({ a: s, b: t, level: Math.max(s.row, t.row) });
    else if (e.type === 'wire' && s && !t) nics.push(s);
  }
  lanes.sort((x, y) => x.level - y.level);
  const rows = Math.max(1, ...[...placed.values()].map((p) => p.row + 1));
  // the rows of the drawing: each row of devices, the ↑ under it, a line, its lanes, then ↓ into the next
  const devTop: number[] = [];
  const laneRow = new Map<(typeof lanes)[number], number>();
  let y = ROW.devTop;
  for (let k = 0; k < rows; k++) {
    devTop.push(y);
    y += 7;
    for (const l of lanes) if (l.level === k) laneRow.set(l, y++);
    if (k + 1 < rows) y++;
  }
  const wireUp = (p: Placed) => devTop[p.row] + 5;
  const bottom = y + 1;
  const maxRight = frames.length ? frames[frames.length - 1].right : 0;

  for (const f of frames) {
    g.rect(0, f.left, bottom, f.right);
    const t = title(f.node);
    g.text(ROW.title, Math.floor((f.left + f.right - t.length) / 2), t);
    const s0 = f.left + MARGIN - 1;
    const s1 = f.right - MARGIN + 1;
    g.rect(ROW.stackTop, s0, ROW.stackBottom, s1);
    g.text(ROW.stackText, Math.floor((s0 + s1 + 1 - stackLabel.length) / 2), stackLabel);
    for (let c = f.left + 1; c < f.right; c++) g.set(ROW.dots, c, '.');
  }

  for (const p of placed.values()) {
    const top = devTop[p.row];
    g.rect(top, p.left, top + 4, p.right);
    g.rect(top + 2, p.left, top + 2, p.right);
    const inner = p.right - p.left - 1;
    g.text(top + 1, p.left + 1 + Math.floor((inner - p.addr.length) / 2), p.addr);
    g.text(top + 3, p.left + 1 + Math.floor((inner - p.name.length) / 2), p.name);
  }

  // the stack's arrows: ↑ and ↓ both ways, | then ↓ when the stack only sends through the device
  for (const e of edges) {
    if (e.type !== 'stack') continue;
    const p = placed.get(e.target);
    if (!p || !e.data.link || e.data.link === 'none') continue;
    g.set(ROW.up, p.mid, e.data.link === 'both' ? '↑' : '|');
    g.set(ROW.dots, p.mid, '|');
    g.set(ROW.down, p.mid, '↓');
  }

  for (const [a, b] of beside)
    g.text(devTop[a.row] + 3, a.right + 1, '<' + '-'.repeat(Math.max(1, b.left - a.right - 3)) + '>');
  for (const [a, b] of under) {
    g.set(wireUp(a), a.mid, '↑');
    g.vline(a.mid, wireUp(a) + 1, devTop[b.row] - 2);
    g.set(devTop[b.row] - 1, a.mid, '↓');
  }

  for (const l of lanes) g.hline(laneRow.get(l)!, l.a.mid, l.b.mid);
  // the lines down from the devices cross the lanes above their own; the corners last
  const ups = new Set<Placed>();
  for (const l of lanes) {
    for (const p of [l.a, l.b]) {
      ups.add(p);
      g.vline(p.mid, wireUp(p) + 1, laneRow.get(l)! - 1);
    }
  }
  for (const l of lanes) for (const p of [l.a, l.b]) g.set(laneRow.get(l)!, p.mid, '+');
  for (const p of nics) {
    ups.add(p);
    g.vline(p.mid, wireUp(p) + 1, bottom);
  }
  for (const p of ups) g.set(wireUp(p), p.mid, '↑');

  // down to the physical network, as the article ends its drawings
  const label = opt.physicalLabel ?? 'Physical Network';
  const seen = new Set<number>();
  for (const p of nics) {
    if (seen.has(p.mid)) continue;
    seen.add(p.mid);
    g.set(bottom + 1, p.mid, '↓');
    g.text(bottom + 2, Math.max(0, Math.min(maxRight - label.length, p.mid - Math.floor(label.length / 2))), label);
  }
  const lines = [g.toString()];
  if (prefix) lines.push('', `(.x.y stands for ${prefix}.x.y)`);
  return lines.join('\n') + '\n';
}
