// The article's sixth and seventh diagrams: the second tap/veth under br0, and the boxes of the row as
// tall as each other, so that the wires under the host's devices run through the guests' boxes as drawn.
import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot } from '../../sim/snapshot';
import { PRESETS } from '../../sim/labs/presets/article';
import { layoutSnapshot } from './layout';

function boxesOf(id: string, style: 'article' | 'compact' = 'article') {
  const w = new World(1);
  const sh = new Shell(w);
  for (const l of PRESETS.find((p) => p.id === id)!.commands) if (!l.startsWith('#')) sh.run(l);
  return layoutSnapshot(takeSnapshot(w), style);
}

describe('the article layout of presets 6 and 7', () => {
  for (const [id, second] of [
    ['vms', 'tap2'],
    ['docker', 'veth2'],
  ] as const) {
    it(`${id}: ${second} sits right under br0; the host and its guests are one row of equally tall boxes`, () => {
      const boxes = boxesOf(id);
      const host = boxes.find((b) => b.ns === 'host')!;
      const br0 = host.devices.find((d) => d.name === 'br0')!;
      const dev = host.devices.find((d) => d.name === second)!;
      expect({ row: dev.row, col: dev.col }).toEqual({ row: br0.row + 1, col: br0.col });
      const row = boxes.filter((b) => b.stations.length === 0);
      expect(row.length).toBe(3);
      expect(new Set(row.map((b) => b.pos.y)).size).toBe(1);
      expect(new Set(row.map((b) => b.height))).toEqual(new Set([host.height]));
      // the guests' devices keep their place at the top of their taller boxes
      for (const g of row.slice(1)) expect(g.devices[0].pos.y).toBe(br0.pos.y);
    });
  }

  it('compact (classroom) guests, one under another, keep their own heights', () => {
    const boxes = boxesOf('vms', 'compact').filter((b) => b.stations.length === 0);
    expect(boxes[1].height).toBeLessThan(boxes[0].height);
  });
});
