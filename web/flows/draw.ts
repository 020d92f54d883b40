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
  /** the text drawn (null: a dot) */
  label: string | null;
  /** resting where it arrived, not travelling */
  rest: boolean;
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
/** Shapes drawn stacked at one place; more are counted on the last one. */
const STACK = 3;
/** Below this zoom, or with more frames than this on the diagram, frames are dots (the current and the selected one keep their label). */
const COMPACT_ZOOM = 0.55;
const COMPACT_COUNT = 60;
const DOT = 9;
/** between a shape resting on a device and the device's top edge */
const REST_GAP = 2;
const widths = new Map<string, number>();
/** A canvas's 2D context, on the page or handed to the compositor (OffscreenCanvas). */
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
const visible: FlowEvent[] = [];

function width(ctx: Ctx2D, label: string): number {
  let w = widths.get(label);
  if (w === undefined) {
    w = Math.ceil(ctx.measureText(label).width) + 12;
    widths.set(label, w);
  }
  return w;
}

function pill(ctx: Ctx2D, x: number, y: number, w: number, color: string, label: string, ring: boolean): void {
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
export function drawFlow(ctx: Ctx2D, d: DrawInput): Hit[] {
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
      // on a device, around where its shape rests (above the edge), not over the device's text
      const dy = geo.onDevice(cur.to) ? -(H / 2 + REST_GAP) : 0;
      ctx.arc(at[0] * zoom + tx, at[1] * zoom + ty + dy, 16, 0, Math.PI * 2);
      ctx.fillStyle = 'rgba(250, 204, 21, 0.35)';
      ctx.fill();
    }
  }
  const stacked = new Map<string, number>();
  const extra = new Map<string, { x: number; y: number; n: number }>();
  model.visibleAt(p, visible);
  const compact = zoom < COMPACT_ZOOM || visible.length > COMPACT_COUNT;
  let selLabelled = false;
  // oldest first, so the newest is drawn on top
  for (let k = visible.length - 1; k >= 0; k--) {
    const ev = visible[k];
    const info = model.frames.get(ev.frame);
    if (!info) continue;
    const travels = ev.from !== null && ev.from !== ev.to;
    const moving = travels && p > ev.start && p < ev.start + ev.dur;
    // a hop not yet begun (the playback stopped just before it) waits where it leaves from
    const restAt = travels && p <= ev.start ? ev.from! : ev.to;
    let pt: [number, number] | null = null;
    if (moving) {
      const path = geo.path(ev.from!, ev.to);
      if (path) pt = along(path, (p - ev.start) / ev.dur);
    }
    pt ??= geo.point(restAt);
    if (!pt) continue;
    const drop = ev.e.type === 'drop';
    const color = drop ? KIND_COLOR['icmp-err'] : KIND_COLOR[info.kind];
    const sel = ev.frame === d.selFrame;
    const done = ev.start + ev.dur;
    ctx.globalAlpha = !ev.hasChild && p > done ? Math.max(0.15, Math.min(1, (ev.visEnd - p) / LINGER)) : 1;
    const sx = pt[0] * zoom + tx;
    const sy = pt[1] * zoom + ty;
    // compact: only the current step's frame and one copy of the selected frame keep their label
    const keep = ev.seq === d.cursor || (sel && !selLabelled);
    if (sel) selLabelled = true;
    if (compact && !keep) {
      ctx.beginPath();
      ctx.roundRect(sx - DOT / 2, sy - DOT / 2, DOT, DOT, 3);
      ctx.fillStyle = color;
      ctx.fill();
      hits.push({
        x: sx - DOT / 2,
        y: sy - DOT / 2,
        w: DOT,
        h: DOT,
        frame: ev.frame,
        seq: ev.seq,
        label: null,
        rest: !moving,
      });
      continue;
    }
    const label = drop ? `✕ ${info.label}` : info.label;
    const w = width(ctx, label);
    let x = sx - w / 2;
    let y = sy - H / 2;
    if (!moving) {
      // on a device: above its top edge, on the line that brought it, clear of the device's text
      if (geo.onDevice(restAt)) y = sy - H - REST_GAP;
      // frames resting at one place are stacked a few high, the rest counted
      const key = `${Math.round(x)},${Math.round(y)}`;
      const n = stacked.get(key) ?? 0;
      stacked.set(key, n + 1);
      if (n >= STACK) {
        const e = extra.get(key);
        if (e) e.n++;
        else extra.set(key, { x: x + STACK * 4 + w - 4, y: y - STACK * (H + 2) + H, n: 1 });
        continue;
      }
      y -= n * (H + 2);
      x += n * 4;
    }
    pill(ctx, x, y, w, color, label, sel);
    hits.push({ x, y, w, h: H, frame: ev.frame, seq: ev.seq, label, rest: !moving });
  }
  ctx.globalAlpha = 1;
  for (const e of extra.values()) {
    const label = `+${e.n}`;
    pill(ctx, e.x, e.y, width(ctx, label), '#334155', label, false);
  }
  return hits;
}
