import { describe, expect, it } from 'vitest';
import { rowWindow } from './tableWindow';

describe('rowWindow', () => {
  const H = 19;
  it('draws the rows in view and a margin, the spacers standing for all the others', () => {
    for (const top of [0, 5, 1000, 37_000, 94_981]) {
      const w = rowWindow(5000, top, 320, H);
      const firstInView = Math.floor(top / H);
      const lastInView = Math.min(5000, Math.ceil((top + 320) / H));
      expect(w.first).toBeLessThanOrEqual(firstInView);
      expect(w.last).toBeGreaterThanOrEqual(lastInView);
      expect(w.last - w.first).toBeLessThan(120);
      // the spacers and the rows drawn are as tall as the whole table
      expect(w.above + (w.last - w.first) * H + w.below).toBe(5000 * H);
    }
  });

  it('moves in steps: a scroll of a few pixels draws the same rows', () => {
    expect(rowWindow(5000, 20_000, 320, H)).toEqual(rowWindow(5000, 20_003, 320, H));
  });

  it('stays within the table at both ends, and a scroll past the end draws the last rows', () => {
    expect(rowWindow(300, -50, 320, H).first).toBe(0);
    const end = rowWindow(300, 1e6, 320, H);
    expect(end.last).toBe(300);
    expect(end.below).toBe(0);
    expect(end.last - end.first).toBeGreaterThan(320 / H);
  });
});
