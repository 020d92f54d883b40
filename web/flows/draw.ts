// Drawing the frames in flight on a 2D canvas: a small labelled pill per frame, coloured by kind, moving
// along the line of its hop or resting where it arrived (several at one place are stacked, not piled).
import type { FlowEvent, FlowModel } from '../model/flow';
import { LINGER } from '../model/flow';
import { KIND_COLOR } from '../model/frameKind';
import { along, type FlowGeometry } from './geometry';

export interface Hit {
  x: number;
  y: number;
  w: number;
  h: number;
  frame: number;
  seq: number;
}

export interface DrawInput {
  geo: FlowGeometry;
  model: FlowModel;
  p: number;
  /** React Flow's viewport: screen = flow * zoom + t */
  tx: number;
  ty: number;
  zoom: number;
  selFrame: number | null;
  cursor: number;
}

const H = 17;
const FONT = '600 11px system-ui, sans-serif';
const widths = new Map<string, number>();
const visible: FlowEvent[] = [];

function width(ctx: CanvasRenderingContext2D, label: string): number {
  let w = widths.get(label);
  if (w === undefined) {
    w = Math.ceil(ctx.measureText(label).width) + 12;
    widths.set(label, w);
  }
  return w;
}

function pill(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, color: string, label: string, ring: boolean): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, H, H / 2);
  ctx.fillStyle = color;
  ctx.fill();
  if (ring) {
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#0f172a';
    ctx.stroke();
  }
  ctx.fillStyle = '#fff';
  ctx.fillText(label, x + 6, y + H / 2 + 0.5);
}

/** Draws the frames on the diagram at playback time `p`; returns where each was drawn (for clicks). */
export function drawFlow(ctx: CanvasRenderingContext2D, d: DrawInput): Hit[] {
  const { geo, model, p, tx, ty, zoom } = d;
  const hits: Hit[] = [];
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  const cur = model.bySeq(d.cursor);
  if (cur) {
    // where the current step happens
    const at = geo.point(cur.to);
    if (at) {
      ctx.beginPath();
      ctx.arc(at[0] * zoom + tx, at[1] * zoom + ty, 16, 0, Math.PI * 2);
      ctx.fillStyle = 'rgba(250, 204, 21, 0.35)';
      ctx.fill();
    }
  }
  const stacked = new Map<string, number>();
  model.visibleAt(p, visible);
  // oldest first, so the newest is drawn on top
  for (let k = visible.length - 1; k >= 0; k--) {
    const ev = visible[k];
    const info = model.frames.get(ev.frame);
    if (!info) continue;
    const moving = ev.from !== null && ev.from !== ev.to && p < ev.start + ev.dur;
    let pt: [number, number] | null = null;
    if (moving) {
      const path = geo.path(ev.from!, ev.to);
      if (path) pt = along(path, (p - ev.start) / ev.dur);
    }
    pt ??= geo.point(ev.to);
    if (!pt) continue;
    const drop = ev.e.type === 'drop';
    const label = drop ? `✕ ${info.label}` : info.label;
    const w = width(ctx, label);
    let x = pt[0] * zoom + tx - w / 2;
    let y = pt[1] * zoom + ty - H / 2;
    if (!moving) {
      const key = `${Math.round(x)},${Math.round(y)}`;
      const n = stacked.get(key) ?? 0;
      stacked.set(key, n + 1);
      y -= n * (H + 2);
      x += n * 4;
    }
    const done = ev.start + ev.dur;
    ctx.globalAlpha = !ev.hasChild && p > done ? Math.max(0.15, Math.min(1, (ev.visEnd - p) / LINGER)) : 1;
    pill(ctx, x, y, w, drop ? KIND_COLOR['icmp-err'] : KIND_COLOR[info.kind], label, ev.frame === d.selFrame);
    hits.push({ x, y, w, h: H, frame: ev.frame, seq: ev.seq });
  }
  ctx.globalAlpha = 1;
  return hits;
}
