// Topology view: the last snapshot from the worker, the part of it the diagram draws, and the positions
// the user dragged things to (set by the playback slice's moveNode, which makes them undoable).
import type { StateCreator } from 'zustand';
import type { Snapshot } from '../../sim/snapshot';
import type { XY } from '../model/layout';
import type { LabState } from './index';

export interface TopologySlice {
  snap: Snapshot | null;
  /**
   * The namespaces and devices of the snapshot, the same object as long as they do not change: a ping
   * changes the neighbour tables, not the diagram, and a diagram of 300 devices is not rebuilt for it.
   */
  drawn: Snapshot | null;
  positions: Record<string, XY>;
  setSnapshot: (s: Snapshot) => void;
  forgetPosition: (id: string) => void;
}

/** What the diagram shows of a snapshot: no tables, no time. */
function drawnOf(snap: Snapshot): Snapshot {
  return { time: 0, namespaces: snap.namespaces.map((n) => ({ ...n, routes: [], neigh: [], fdb: [] })) };
}

export const createTopologySlice: StateCreator<LabState, [], [], TopologySlice> = (set) => ({
  snap: null,
  drawn: null,
  positions: {},
  // a namespace that is gone takes its terminal and selection with it: back to the host
  setSnapshot: (snap) =>
    set((s) => {
      const next = drawnOf(snap);
      const drawn = s.drawn && JSON.stringify(s.drawn) === JSON.stringify(next) ? s.drawn : next;
      return snap.namespaces.some((n) => n.name === s.selectedNs) ? { snap, drawn } : { snap, drawn, selectedNs: 'host', activeTerm: 'host', selectedId: null };
    }),
  forgetPosition: (id) =>
    set((s) => {
      if (!(id in s.positions)) return s;
      const positions = { ...s.positions };
      delete positions[id];
      return { positions };
    }),
});
