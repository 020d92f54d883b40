// The Lab menu's pictures: the diagram on screen as SVG, PNG (1x, 2x) or the article's ASCII style, the
// flow step under way as a picture with its narration, and the flow as an animated SVG; each a download.
// Loaded on demand: the page does not carry the exporters until someone asks for one.
import { useLab } from '../store';
import { buildDiagram } from '../model/diagram';
import { FlowGeometry } from '../flows/geometry';
import { player } from '../flows/player';
import type { FlowEvent } from '../model/flow';
import { what, where, why, type Tr } from '../model/eventText';
import { i18n } from '../i18n/i18n';
import type { DiagramNode } from '../model/diagram';
import { boxTitle, stationLabel } from '../model/diagramWords';
import { saveFile } from '../persist/saveFile';
import { diagramSvg } from './svg';
import { diagramAscii } from './ascii';
import { flowShapes } from './shapes';
import { flowAnimationSvg } from './animation';

export type PictureKind = 'svg' | 'png' | 'png2' | 'txt' | 'step-svg' | 'step-png' | 'flow-svg';

/** The step's narration as the playback bar says it: where, what, why (in the reader's language). */
export const narration = (ev: FlowEvent, t: Tr) => `#${ev.seq + 1} ${where(ev.e)}: ${what(ev.e, t)}. ${why(ev.e, t)}`;

/** The diagram's words as the page shows them in the reader's language. */
export function words(t: Tr) {
  return {
    stackLabel: t('diagram.stack'),
    title: (n: DiagramNode) => (n.type === 'netns' ? boxTitle(n.data, t) : ''),
    station: (label: string) => stationLabel(label, t),
  };
}

/** The SVG drawn on a canvas at `scale` pixels per pixel (an <img> of a data: URL, which the CSP allows). */
async function png(svg: string, scale: number): Promise<Blob> {
  const [, w, h] = svg.match(/<svg[^>]* width="([\d.]+)" height="([\d.]+)"/)!.map(Number);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * scale);
  canvas.height = Math.ceil(h * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, w, h);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded'))), 'image/png'),
  );
}

// the ASCII drawing keeps the article's English words: its boxes are drawn a character a column, and a
// Chinese character takes two

/** Makes the picture asked for and downloads it; false when there is nothing to draw (no flow step). */
export async function exportPicture(kind: PictureKind): Promise<boolean> {
  const s = useLab.getState();
  if (!s.drawn) return false;
  const { nodes, edges } = buildDiagram(s.drawn, s.positions, null);
  const t = i18n.getFixedT(s.lang);
  const w = words(t);
  const caption = (ev: FlowEvent) => narration(ev, t);
  const svgType = 'image/svg+xml';
  switch (kind) {
    case 'svg':
      saveFile('lab.svg', new Blob([diagramSvg(nodes, edges, w)], { type: svgType }));
      return true;
    case 'png':
    case 'png2':
      saveFile(
        kind === 'png' ? 'lab.png' : 'lab@2x.png',
        await png(diagramSvg(nodes, edges, w), kind === 'png' ? 1 : 2),
      );
      return true;
    case 'txt':
      saveFile('lab.txt', new Blob([diagramAscii(nodes, edges)], { type: 'text/plain;charset=utf-8' }));
      return true;
    case 'step-svg':
    case 'step-png': {
      const ev = player.model.bySeq(s.flow.cursor);
      if (!ev) return false;
      const shapes = flowShapes({
        geo: new FlowGeometry(nodes, edges),
        model: player.model,
        p: player.p,
        selFrame: s.selFrame,
        cursor: s.flow.cursor,
      });
      const svg = diagramSvg(nodes, edges, { ...w, shapes, caption: caption(ev) });
      const name = `lab-step-${ev.seq + 1}`;
      if (kind === 'step-svg') saveFile(`${name}.svg`, new Blob([svg], { type: svgType }));
      else saveFile(`${name}.png`, await png(svg, 2));
      return true;
    }
    case 'flow-svg': {
      if (player.model.count === 0) return false;
      const svg = flowAnimationSvg(nodes, edges, player.model, { ...w, speed: player.state().speed, caption });
      saveFile('lab-flow.svg', new Blob([svg], { type: svgType }));
      return true;
    }
  }
}
