// A packet flow as an animated SVG that plays in any browser without the app (as an <img>, in a slide,
// on a course page): the diagram, then the frames as the page draws them at each moment (flows/draw.ts
// run on a recorder, sampled a number of times a second), each moment shown for its slice of the loop,
// and the step's narration as a caption. SMIL (<set>) needs no script, so a strict CSP still shows it.
import type { DiagramEdge, DiagramNode } from '../model/diagram';
import type { FlowEvent, FlowModel } from '../model/flow';
import { FlowGeometry } from '../flows/geometry';
import { HOP_MS } from '../flows/player';
import { flowShapes, type Shape } from './shapes';
import { captionSvg, diagramSvg, shapeSvg, type CaptionAt } from './svg';

export interface AnimationOptions {
  /** playback speed, as the page's speed control (1: one hop in 0.7 s) */
  speed?: number;
  /** pictures per second of the animation */
  fps?: number;
  /** the part of the flow: playback times (in hops) from and to; the whole flow by default */
  from?: number;
  to?: number;
  /** the narration of the step under way (the caption) */
  caption: (ev: FlowEvent) => string;
  stackLabel?: string;
  title?: (n: DiagramNode) => string;
}

/** The most pictures one animation holds (a long flow is sampled less often rather than grown). */
export const MAX_PICTURES = 600;

const sec = (s: number) => `${Math.round(s * 1000) / 1000}s`;

export function flowAnimationSvg(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  model: FlowModel,
  opt: AnimationOptions,
): string {
  const speed = opt.speed ?? 1;
  const from = Math.max(0, opt.from ?? 0);
  const to = Math.max(from, opt.to ?? model.end);
  const hopS = HOP_MS / 1000 / speed;
  const span = (to - from) * hopS;
  const fps = Math.max(1, Math.min(opt.fps ?? 12, MAX_PICTURES / Math.max(span, 1e-6)));
  const n = Math.max(1, Math.ceil(span * fps));
  const geo = new FlowGeometry(nodes, edges);
  // the moments: shapes and caption at each; a moment like the one before it extends that one
  const moments: { t: number; shapes: Shape[]; caption: string; key: string }[] = [];
  for (let i = 0; i <= n; i++) {
    const p = from + ((to - from) * i) / n;
    const k = model.indexAt(p);
    const cur = k >= 0 ? model.timeline[k] : undefined;
    const shapes = flowShapes({ geo, model, p, selFrame: null, cursor: cur?.seq ?? -1 });
    const caption = cur ? opt.caption(cur) : '';
    const key = JSON.stringify(shapes) + caption;
    if (moments.length && moments[moments.length - 1].key === key) continue;
    moments.push({ t: (p - from) * hopS, shapes, caption, key });
  }
  const total = Math.max(span, 0.1) + 1; // a second's pause on the last picture before the loop
  // one hidden group per moment, shown for its slice of each loop
  const groups = (caption: CaptionAt) =>
    moments
      .map((m, i) => {
        const end = i + 1 < moments.length ? moments[i + 1].t : total;
        const body = m.shapes.map(shapeSvg).join('') + (m.caption ? captionSvg(caption, m.caption) : '');
        return `<g class="moment" visibility="hidden"><set attributeName="visibility" to="visible" begin="loop.begin+${sec(m.t)}" dur="${sec(Math.max(0.001, end - m.t))}"/>${body}</g>`;
      })
      .join('\n');
  const clock = `<rect width="0" height="0"><animate id="loop" attributeName="x" from="0" to="0" begin="0s;loop.end" dur="${sec(total)}"/></rect>`;
  return diagramSvg(nodes, edges, {
    stackLabel: opt.stackLabel,
    title: opt.title,
    room: moments.flatMap((m) => m.shapes),
    captionRoom: moments.map((m) => m.caption),
    append: (caption) => `${clock}\n${groups(caption)}`,
  });
}
