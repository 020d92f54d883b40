// The shapes of the diagram's lines as points, shared by the edges that draw them and the frames that
// travel along them (so a frame follows the very line the reader sees).
import type { DiagramEdge } from './diagram';

export type Pt = [number, number];

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where React Flow puts a handle: the middle of the side its id names ('bs', 'tt', 'lt', 'rs'...). */
export function handlePoint(r: Rect, handle: string): Pt {
  switch (handle[0]) {
    case 't':
      return [r.x + r.w / 2, r.y];
    case 'b':
      return [r.x + r.w / 2, r.y + r.h];
    case 'l':
      return [r.x, r.y + r.h / 2];
    default:
      return [r.x + r.w, r.y + r.h / 2];
  }
}

/** Straight up from the device to the stack bar, as the article's ↑/↓ columns. */
export const stackPoints = (_sx: number, sy: number, tx: number, ty: number): Pt[] => [
  [tx, sy],
  [tx, ty],
];

/** br0 <---> port: straight when side by side, else under the row. */
export function bridgePoints(sx: number, sy: number, tx: number, ty: number, lane: number): Pt[] {
  if (lane === 0)
    return [
      [sx, sy],
      [tx, ty],
    ];
  const y = Math.max(sy, ty) + 6 + lane * 6;
  return [
    [sx, sy],
    [sx, y],
    [tx, y],
    [tx, ty],
  ];
}

/** A cable: veth ends joined under the row, a NIC down to the physical network, its parts side by side. */
export function wirePoints(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  lane: number,
  straight: boolean,
  down = ty > sy + 40,
): Pt[] {
  if (straight)
    return [
      [sx, sy],
      [tx, ty],
    ];
  const y = down ? ty - 28 : Math.max(sy, ty) + 30 + lane * 8;
  return [
    [sx, sy],
    [sx, y],
    [tx, y],
    [tx, ty],
  ];
}

export function edgePoints(e: DiagramEdge, sx: number, sy: number, tx: number, ty: number): Pt[] {
  if (e.type === 'stack') return stackPoints(sx, sy, tx, ty);
  if (e.type === 'bridge') return bridgePoints(sx, sy, tx, ty, e.data.lane ?? 0);
  return wirePoints(sx, sy, tx, ty, e.data.lane ?? 0, !!e.data.straight, e.data.down);
}

export const svgPath = (pts: readonly Pt[]): string => pts.map(([x, y], i) => `${i ? 'L' : 'M'} ${x},${y}`).join(' ');
