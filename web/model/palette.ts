// The palette: what can be dragged onto the canvas, and the action a drop becomes.
import type { LabAction } from './actions';
import { nsRole } from './ids';

export const PALETTE_MIME = 'application/x-netlab-palette';

export const PALETTE = [
  { kind: 'bridge', label: 'Bridge' },
  { kind: 'veth', label: 'veth pair' },
  { kind: 'tap', label: 'tun/tap' },
  { kind: 'netns', label: 'Container' },
  { kind: 'lan', label: 'LAN' },
] as const;

export type PaletteKind = (typeof PALETTE)[number]['kind'];

/** A palette item dropped in box `ns` (or on the empty canvas: the host). */
export function paletteAction(kind: PaletteKind, ns: string | null): LabAction | null {
  const target = ns && nsRole(ns) !== 'lan' ? ns : 'host';
  switch (kind) {
    case 'bridge':
      return { type: 'addBridge', ns: target };
    case 'veth':
      return { type: 'addVethPair', ns: target };
    case 'tap':
      return { type: 'addTap', ns: target };
    case 'netns':
      return { type: 'addNetns' };
    case 'lan':
      return { type: 'addLan', ns: target };
    default:
      return null;
  }
}
