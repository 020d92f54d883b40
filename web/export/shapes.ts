// The frames of a flow step as shapes: the page's own drawing code (flows/draw.ts) run on a context that
// records what it draws instead of painting, so a picture shows the frames exactly where the page does.
import { drawFlow, type DrawInput } from '../flows/draw';
import type { Shape } from './shape';

export type { Shape };

/** An average advance of the 600-weight 11 px sans-serif the pills use, per character. */
const CHAR_W = 6.6;

/** The part of CanvasRenderingContext2D that drawFlow uses, recording shapes. */
class Recorder {
  font = '';
  textBaseline = 'alphabetic';
  fillStyle = '#000';
  strokeStyle = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  readonly shapes: Shape[] = [];
  private path: { kind: 'rect' | 'arc'; x: number; y: number; w: number; h: number } | null = null;
  private last: Shape | null = null;

  beginPath(): void {
    this.path = null;
  }
  roundRect(x: number, y: number, w: number, h: number): void {
    this.path = { kind: 'rect', x, y, w, h };
  }
  arc(x: number, y: number, r: number): void {
    this.path = { kind: 'arc', x: x - r, y: y - r, w: 2 * r, h: 2 * r };
  }
  fill(): void {
    if (!this.path) return;
    const p = this.path;
    const kind = p.kind === 'arc' ? 'spot' : p.h === p.w ? 'dot' : 'pill';
    this.last = {
      kind,
      x: p.x,
      y: p.y,
      w: p.w,
      h: p.h,
      color: String(this.fillStyle),
      label: null,
      alpha: this.globalAlpha,
      ring: false,
    };
    this.shapes.push(this.last);
  }
  stroke(): void {
    if (this.last) this.last.ring = true;
  }
  fillText(s: string): void {
    if (this.last && this.last.kind === 'pill') this.last.label = s;
  }
  measureText(s: string): { width: number } {
    return { width: [...s].length * CHAR_W };
  }
}

/** What the page would draw at playback time `p`, in the diagram's own coordinates. */
export function flowShapes(input: Omit<DrawInput, 'tx' | 'ty' | 'zoom'>): Shape[] {
  const rec = new Recorder();
  drawFlow(rec as unknown as CanvasRenderingContext2D, { ...input, tx: 0, ty: 0, zoom: 1 });
  return rec.shapes;
}
