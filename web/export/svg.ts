// The diagram as a standalone SVG picture: the same boxes, devices and lines the page draws (from the
// same nodes, edges and line shapes), with real text in a font stack every system has, so the picture
// can be put in a slide or a blog post and its text selected, searched and translated.
import type { DiagramEdge, DiagramNode, DeviceNode, StationNode } from '../model/diagram';
import { FlowGeometry } from '../flows/geometry';
import { edgePoints, handlePoint, svgPath, type Rect } from '../model/paths';
import type { Shape } from './shape';

export interface SvgOptions {
  /** a line under the picture (a flow step's narration) */
  caption?: string;
  /** the frames drawn at a flow step (see shapes.ts), in diagram coordinates */
  shapes?: readonly Shape[];
  /** the text of the stack bar ("Network Protocol Stack", or its translation) */
  stackLabel?: string;
  /** the box titles in the chosen language */
  title?: (n: DiagramNode) => string;
  /** a station's label (switch, gateway, internet) in the chosen language */
  station?: (label: string) => string;
  /** shapes the picture makes room for without drawing them (an animation's, drawn by `append`) */
  room?: readonly Shape[];
  /** captions the picture makes room for without writing them (an animation's, written by `append`) */
  captionRoom?: readonly string[];
  /** more of the picture, drawn last; given where the caption goes */
  append?: (caption: CaptionAt) => string;
}

/** Sans-serif text for Latin and Chinese, found on Windows, macOS and Linux without a download. */
export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif";

const INK = '#1d232b';
const MUTED = '#66707c';
const PORT = '#b45309';
const PAD = 16;
const CAPTION_H = 34;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 10) / 10);

/** The picture's extent: every node, with room for lines that run under the lowest row. */
function bounds(rects: Iterable<Rect>, shapes: readonly Shape[]): Rect {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  for (const s of shapes) {
    x0 = Math.min(x0, s.x);
    y0 = Math.min(y0, s.y);
    x1 = Math.max(x1, s.x + s.w);
    y1 = Math.max(y1, s.y + s.h);
  }
  if (x0 === Infinity) return { x: 0, y: 0, w: 200, h: 100 };
  return { x: x0 - PAD, y: y0 - PAD, w: x1 - x0 + 2 * PAD, h: y1 - y0 + 2 * PAD };
}

/** Text cut with an ellipsis to fit a width, at an average advance per character (the page's CSS does the same). */
const clip = (s: string, width: number, advance: number) => {
  const max = Math.max(1, Math.floor(width / advance));
  return [...s].length <= max ? s : `${[...s].slice(0, max - 1).join('')}…`;
};

const text = (x: number, y: number, s: string, attrs = '') =>
  `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;

function netnsBox(node: DiagramNode, r: Rect, title: string): string {
  if (node.type !== 'netns') return '';
  const lan = node.data.role === 'lan';
  const out = [`<g class="netns" data-ns="${esc(node.data.ns)}">`];
  out.push(
    `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" fill="${lan ? '#f3f6fb' : '#ffffff'}" stroke="${INK}" stroke-width="1.5"${lan ? ' stroke-dasharray="6 4"' : ''}/>`,
  );
  out.push(
    text(
      r.x + r.w / 2,
      lan ? r.y + r.h - 10 : r.y + 20,
      title,
      'text-anchor="middle" font-size="13" font-weight="600"',
    ),
  );
  if (!lan)
    out.push(
      `<line x1="${n(r.x)}" y1="${n(r.y + node.data.sepY)}" x2="${n(r.x + r.w)}" y2="${n(r.y + node.data.sepY)}" stroke="${MUTED}" stroke-width="1.5" stroke-dasharray="2 3"/>`,
    );
  out.push('</g>');
  return out.join('');
}

function stackBar(r: Rect, label: string): string {
  return `<g class="stack"><rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" fill="#eef2f7" stroke="${INK}" stroke-width="1.5"/>${text(r.x + r.w / 2, r.y + r.h / 2 + 4.5, label, 'text-anchor="middle" font-size="13"')}</g>`;
}

/** A device as the article draws it: its addresses in a cell above its name (and MAC). */
function device(node: DeviceNode, r: Rect): string {
  const d = node.data.dev;
  const stroke = d.master ? PORT : INK;
  const dash = d.up ? '' : ' stroke-dasharray="5 3"';
  const fill = d.node === 'switch' ? '#fff7ed' : '#ffffff';
  const color = d.up ? INK : MUTED;
  const out = [`<g class="device" data-dev="${esc(d.name)}" data-ns="${esc(node.data.ns)}">`];
  out.push(
    `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${dash}/>`,
  );
  out.push(
    `<line x1="${n(r.x)}" y1="${n(r.y + 26)}" x2="${n(r.x + r.w)}" y2="${n(r.y + 26)}" stroke="${INK}" stroke-width="1.5"/>`,
  );
  const addrs = d.addrs.slice(0, 2).map((a) => a.local);
  for (const [i, a] of addrs.entries())
    out.push(
      text(
        r.x + r.w / 2,
        r.y + (addrs.length === 1 ? 17 : 11.5 + i * 11),
        a,
        `text-anchor="middle" font-size="11" fill="${color}"`,
      ),
    );
  const label = d.tag ? `${d.name} (${d.tag})` : d.name;
  out.push(
    text(r.x + r.w / 2, r.y + 44, label, `text-anchor="middle" font-size="13" font-weight="600" fill="${color}"`),
  );
  out.push(text(r.x + r.w / 2, r.y + 57, d.mac, `text-anchor="middle" font-size="9" fill="${MUTED}"`));
  out.push('</g>');
  return out.join('');
}

function station(node: StationNode, r: Rect, label: string): string {
  const rx = node.data.kind === 'internet' ? ' rx="22"' : '';
  return [
    `<g class="station" data-ns="${esc(node.data.ns)}">`,
    `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}"${rx} fill="#ffffff" stroke="${INK}" stroke-width="1.5"/>`,
    text(r.x + r.w / 2, r.y + r.h / 2 - 2, label, 'text-anchor="middle" font-size="13" font-weight="600"'),
    text(
      r.x + r.w / 2,
      r.y + r.h / 2 + 12,
      clip(node.data.detail, r.w - 8, 5.6),
      `text-anchor="middle" font-size="10" fill="${MUTED}"`,
    ),
    '</g>',
  ].join('');
}

function edge(e: DiagramEdge, rects: ReadonlyMap<string, Rect>): string {
  const s = rects.get(e.source);
  const t = rects.get(e.target);
  if (!s || !t) return '';
  const [sx, sy] = handlePoint(s, e.sourceHandle);
  const [tx, ty] = handlePoint(t, e.targetHandle);
  const d = svgPath(edgePoints(e, sx, sy, tx, ty));
  const color = e.type === 'bridge' ? PORT : e.type === 'wire' ? '#475569' : INK;
  const width = e.type === 'bridge' ? 2 : 1.5;
  const ms = e.markerStart ? ` marker-start="url(#arrow-${e.type})"` : '';
  const me = e.markerEnd ? ` marker-end="url(#arrow-${e.type})"` : '';
  return `<path class="edge-${e.type}" data-edge="${esc(e.id)}" d="${d}" fill="none" stroke="${color}" stroke-width="${width}"${ms}${me}/>`;
}

function marker(type: string, color: string): string {
  return `<marker id="arrow-${type}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${color}"/></marker>`;
}

/** A frame (a labelled pill or a dot), or the spot of the step under way. */
export function shapeSvg(s: Shape): string {
  return s.kind === 'spot' ? spot(s) : frame(s);
}

/** Where the caption goes: its first line's baseline, and the width its lines wrap at. */
export interface CaptionAt {
  x: number;
  y: number;
  width: number;
}

const CAPTION_LINE = 19;
/** Average advances of the 14 px caption: a Latin character, a Chinese one (twice as wide). */
const LATIN_W = 7.4;
const wide = (ch: string) => /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch);

/** The caption in lines that fit `width`: broken at spaces, or anywhere in Chinese text. */
export function wrapCaption(s: string, width: number): string[] {
  const max = Math.max(10, Math.floor(width / LATIN_W));
  const lines: string[] = [];
  let line = '';
  let units = 0;
  let lastSpace = -1;
  for (const ch of s.trim()) {
    const u = wide(ch) ? 2 : 1;
    if (units + u > max && line) {
      if (lastSpace > 0 && !wide(ch)) {
        lines.push(line.slice(0, lastSpace));
        line = line.slice(lastSpace + 1);
      } else {
        lines.push(line);
        line = '';
      }
      units = [...line].reduce((n, c) => n + (wide(c) ? 2 : 1), 0);
      lastSpace = -1;
      if (ch === ' ' && !line) continue;
    }
    if (ch === ' ') lastSpace = line.length;
    line += ch;
    units += u;
  }
  if (line) lines.push(line);
  return lines;
}

/** The narration under the picture, wrapped to its width. */
export const captionSvg = (at: CaptionAt, s: string) =>
  `<text class="caption" font-size="14">${wrapCaption(s, at.width)
    .map((l, i) => `<tspan x="${n(at.x)}" y="${n(at.y + i * CAPTION_LINE)}">${esc(l)}</tspan>`)
    .join('')}</text>`;

function frame(s: Shape): string {
  const ring = s.ring ? ` stroke="#0f172a" stroke-width="2.5"` : '';
  if (s.label === null)
    return `<rect class="frame" x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" rx="3" fill="${s.color}" opacity="${n(s.alpha)}"/>`;
  return `<g class="frame" opacity="${n(s.alpha)}"><rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" rx="${n(s.h / 2)}" fill="${s.color}"${ring}/>${text(s.x + 6, s.y + s.h / 2 + 4, s.label, 'font-size="11" font-weight="600" fill="#ffffff"')}</g>`;
}

function spot(s: Shape): string {
  return `<circle class="step" cx="${n(s.x + s.w / 2)}" cy="${n(s.y + s.h / 2)}" r="${n(s.w / 2)}" fill="${s.color}"/>`;
}

/** The whole diagram (and, when given, the frames of a flow step and its narration) as an SVG document. */
export function diagramSvg(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[], opt: SvgOptions = {}): string {
  const geo = new FlowGeometry(nodes, edges);
  const rects = geo.rects;
  const shapes = opt.shapes ?? [];
  const box = bounds(rects.values(), [...shapes, ...(opt.room ?? [])]);
  const caption = opt.caption?.trim() ?? '';
  const captionAt = { x: box.x + PAD, y: box.y + box.h + CAPTION_H / 2 + 2, width: box.w - 2 * PAD };
  const lines = Math.max(
    0,
    ...[caption, ...(opt.captionRoom ?? [])].filter(Boolean).map((c) => wrapCaption(c, captionAt.width).length),
  );
  const height = box.h + (lines ? CAPTION_H + (lines - 1) * CAPTION_LINE : 0);
  const title = opt.title ?? ((x: DiagramNode) => (x.type === 'netns' ? x.data.title : ''));
  const parts: string[] = [];
  parts.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(box.w)}" height="${n(height)}" viewBox="${n(box.x)} ${n(box.y)} ${n(box.w)} ${n(height)}" font-family="${esc(FONT_STACK)}" fill="${INK}">`,
  );
  parts.push(`<defs>${marker('stack', INK)}${marker('bridge', PORT)}${marker('wire', '#475569')}</defs>`);
  parts.push(`<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(height)}" fill="#ffffff"/>`);
  // back to front, as the page stacks them: boxes, stack bars, lines, devices and stations, frames
  for (const node of nodes) if (node.type === 'netns') parts.push(netnsBox(node, rects.get(node.id)!, title(node)));
  for (const node of nodes)
    if (node.type === 'stack') parts.push(stackBar(rects.get(node.id)!, opt.stackLabel ?? 'Network Protocol Stack'));
  for (const e of edges) parts.push(edge(e, rects));
  for (const node of nodes) {
    if (node.type === 'device') parts.push(device(node, rects.get(node.id)!));
    else if (node.type === 'station')
      parts.push(station(node, rects.get(node.id)!, opt.station?.(node.data.label) ?? node.data.label));
  }
  for (const s of shapes) parts.push(shapeSvg(s));
  if (caption) parts.push(captionSvg(captionAt, caption));
  if (opt.append) parts.push(opt.append(captionAt));
  parts.push('</svg>');
  return parts.join('\n');
}
