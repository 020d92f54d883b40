import { describe, expect, it } from 'vitest';
import { nextInDirection } from './keyboard';

const box = (left: number, top: number) => ({ left, top, width: 100, height: 60 });
// the article's first diagram: eth0 and br0 side by side, the switch below eth0, the gateway right of it
const eth0 = box(100, 200);
const others = [
  { el: 'br0', r: box(260, 200) },
  { el: 'switch', r: box(80, 420) },
  { el: 'gateway', r: box(300, 420) },
];

describe('arrow keys between devices', () => {
  it('goes to the nearest device ahead, preferring the one on the line', () => {
    expect(nextInDirection(eth0, [1, 0], others)).toBe('br0');
    expect(nextInDirection(eth0, [0, 1], others)).toBe('switch');
    expect(
      nextInDirection(
        box(260, 200),
        [0, 1],
        others.filter((o) => o.el !== 'br0'),
      ),
    ).toBe('gateway');
  });
  it('stays put when nothing lies that way', () => {
    expect(nextInDirection(eth0, [-1, 0], others)).toBeNull();
    expect(nextInDirection(eth0, [0, -1], others)).toBeNull();
  });
});
