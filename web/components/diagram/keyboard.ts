// The diagram by keyboard: Tab reaches each node (wires are not Tab stops), Enter opens the focused node
// in the inspector, Esc closes it, and the arrow keys move focus to the nearest device that way (React
// Flow's own arrow keys would move the node; a device moves by mouse, or by its commands); the menu key
// or Shift+F10 opens a device's menu.
import type { KeyboardEvent } from 'react';

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
const TARGETS = '.react-flow__node-device, .react-flow__node-station';

type Box = Pick<DOMRect, 'left' | 'top' | 'width' | 'height'>;
const centre = (r: Box) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

/** The device nearest to `from` in direction `dir`: ahead of it, the one least off the line first. */
export function nextInDirection<T>(from: Box, dir: [number, number], others: { el: T; r: Box }[]): T | null {
  const c = centre(from);
  let best: { el: T; score: number } | null = null;
  for (const o of others) {
    const p = centre(o.r);
    const ahead = (p.x - c.x) * dir[0] + (p.y - c.y) * dir[1];
    const aside = Math.abs((p.x - c.x) * dir[1] + (p.y - c.y) * dir[0]);
    if (ahead <= 1 || aside > 2 * ahead) continue; // not that way: more beside than ahead
    const score = ahead + 2 * aside;
    if (!best || score < best.score) best = { el: o.el, score };
  }
  return best?.el ?? null;
}

export function onDiagramKey(
  e: KeyboardEvent<HTMLElement>,
  select: (id: string | null) => void,
  menu?: (node: HTMLElement) => void,
): void {
  const node = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
  if (!node || e.target !== node) return;
  const id = node.dataset.id ?? null;
  if (menu && (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) {
    e.preventDefault();
    e.stopPropagation();
    menu(node);
  } else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    e.stopPropagation();
    select(id);
  } else if (e.key === 'Escape') {
    e.stopPropagation();
    select(null);
  } else if (ARROWS[e.key] && !e.altKey && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    e.stopPropagation();
    const pane = e.currentTarget;
    const others = [...pane.querySelectorAll<HTMLElement>(TARGETS)]
      .filter((el) => el !== node)
      .map((el) => ({ el, r: el.getBoundingClientRect() }));
    nextInDirection(node.getBoundingClientRect(), ARROWS[e.key], others)?.focus();
  }
}
