// Topology view: the last snapshot from the worker and the positions the user dragged things to.
import type { StateCreator } from 'zustand';
import type { Snapshot } from '../../sim/snapshot';
import type { XY } from '../model/layout';
import type { LabState } from './index';

export interface TopologySlice {
  snap: Snapshot | null;
  positions: Record<string, XY>;
  setSnapshot: (s: Snapshot) => void;
  setPosition: (id: string, p: XY) => void;
  forgetPosition: (id: string) => void;
}

export const createTopologySlice: StateCreator<LabState, [], [], TopologySlice> = (set) => ({
  snap: null,
  positions: {},
  // a namespace that is gone takes its terminal and selection with it: back to the host
  setSnapshot: (snap) =>
    set((s) => (snap.namespaces.some((n) => n.name === s.selectedNs) ? { snap } : { snap, selectedNs: 'host', activeTerm: 'host', selectedId: null })),
  setPosition: (id, p) => set((s) => ({ positions: { ...s.positions, [id]: p } })),
  forgetPosition: (id) =>
    set((s) => {
      if (!(id in s.positions)) return s;
      const positions = { ...s.positions };
      delete positions[id];
      return { positions };
    }),
});
