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
import { STATIONS } from '../components/diagram/StationNode';
import { diagramSvg } from './svg';
import { diagramAscii } from './ascii';
import { flowShapes } from './shapes';
import { flowAnimationSvg } from './animation';

export type PictureKind = 'svg' | 'png' | 'png2' | 'txt' | 'step-svg' | 'step-png' | 'flow-svg';

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The step's narration as the playback bar says it: where, what, why (in the reader's language). */
export const narration = (ev: FlowEvent, t: Tr) => `#${ev.seq + 1} ${where(ev.e)}: ${what(ev.e, t)}. ${why(ev.e, t)}`;

const STATION_LABELS: readonly string[] = STATIONS;

/** The diagram's words as the page shows them in the reader's language. */
export function words(t: Tr) {
  const title = (n: DiagramNode) => {
    if (n.type !== 'netns') return '';
    const d = n.data;
    return d.role === 'host' ? t('diagram.host') : d.role === 'lan' ? t('diagram.lan') : d.role === 'vm' ? t('diagram.vm', { name: d.ns }) : t('diagram.container', { name: d.ns });
  };
  const station = (label: string) => (STATION_LABELS.includes(label) ? t(`station.${label}` as 'station.switch') : label);
  return { stackLabel: t('diagram.stack'), title, station };
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
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded'))), 'image/png'));
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
      save('lab.svg', new Blob([diagramSvg(nodes, edges, w)], { type: svgType }));
      return true;
    case 'png':
    case 'png2':
      save(kind === 'png' ? 'lab.png' : 'lab@2x.png', await png(diagramSvg(nodes, edges, w), kind === 'png' ? 1 : 2));
      return true;
    case 'txt':
      save('lab.txt', new Blob([diagramAscii(nodes, edges)], { type: 'text/plain;charset=utf-8' }));
      return true;
    case 'step-svg':
    case 'step-png': {
      const ev = player.model.bySeq(s.flow.cursor);
      if (!ev) return false;
      const shapes = flowShapes({ geo: new FlowGeometry(nodes, edges), model: player.model, p: player.p, selFrame: s.selFrame, cursor: s.flow.cursor });
      const svg = diagramSvg(nodes, edges, { ...w, shapes, caption: caption(ev) });
      const name = `lab-step-${ev.seq + 1}`;
      if (kind === 'step-svg') save(`${name}.svg`, new Blob([svg], { type: svgType }));
      else save(`${name}.png`, await png(svg, 2));
      return true;
    }
    case 'flow-svg': {
      if (player.model.count === 0) return false;
      const svg = flowAnimationSvg(nodes, edges, player.model, { ...w, speed: player.state().speed, caption });
      save('lab-flow.svg', new Blob([svg], { type: svgType }));
      return true;
    }
  }
}
