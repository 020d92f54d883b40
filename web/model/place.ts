// Where what a palette item adds goes when it is dropped at a point of the diagram: the device where the
// pointer let go, inside its box (a device's position is relative to its box), the second end of a veth
// pair beside the first; a new box with its corner at the pointer. Positions only: the commands decide
// what exists.
import type { LabAction } from './actions';
import type { DiagramNode } from './diagram';
import type { XY } from './layout';

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

export function placeAdded(
  action: LabAction,
  ids: readonly string[],
  nodes: readonly DiagramNode[],
  p: XY,
  devW: number,
  devH: number,
): Record<string, XY> {
  const out: Record<string, XY> = {};
  if (action.type === 'addNetns') {
    // dropped on another box, the new box goes where the layout puts it (never over that box)
    if (
      nodes.some(
        (n) =>
          n.type === 'netns' &&
          p.x >= n.position.x &&
          p.x <= n.position.x + n.width &&
          p.y >= n.position.y &&
          p.y <= n.position.y + n.height,
      )
    )
      return out;
    for (const id of ids) out[id] = { x: Math.round(p.x - 20), y: Math.round(p.y - 15) };
    return out;
  }
  if (!('ns' in action)) return out;
  const box = nodes.find((n) => n.type === 'netns' && n.data.ns === action.ns);
  if (!box) return out;
  const gap = 24;
  // the devices side by side, centred on the pointer, kept inside the box (its title and stack above)
  const total = ids.length * devW + (ids.length - 1) * gap;
  let x = clamp(p.x - box.position.x - total / 2, 8, box.width - total - 8);
  const y = clamp(
    p.y - box.position.y - devH / 2,
    box.type === 'netns' ? box.data.sepY + 8 : 40,
    box.height - devH - 8,
  );
  for (const id of ids) {
    out[id] = { x: Math.round(x), y: Math.round(y) };
    x += devW + gap;
  }
  return out;
}
