// Topology view: the last snapshot from the worker, the part of it the diagram draws, and the positions
// the user dragged things to (set by the playback slice's moveNode, which makes them undoable).
import type { StateCreator } from 'zustand';
import type { Snapshot } from '../../sim/index';
import { applySnapshotDiff, type SnapshotDiff } from '../model/snapDiff';
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
  /** The worker's changes applied to the snapshot held; unchanged parts stay the same objects. */
  applySnapshot: (d: SnapshotDiff) => void;
  forgetPosition: (id: string) => void;
  /** where devices and boxes about to be added go (a palette item dropped there): kept with the lab */
  placeNodes: (at: Record<string, XY>) => void;
}

/**
 * What the diagram shows of a snapshot: no tables, no time. A namespace whose devices (and forwarding)
 * are the same objects as before keeps its drawn object, and when all do, the whole is the previous one.
 */
function drawnOf(prev: Snapshot | null, snap: Snapshot): Snapshot {
  const old = new Map(prev ? prev.namespaces.map((n) => [n.name, n]) : []);
  let same = prev !== null && prev.namespaces.length === snap.namespaces.length;
  const namespaces = snap.namespaces.map((n, i) => {
    const o = old.get(n.name);
    const keep = o !== undefined && o.devices === n.devices && o.ipForward === n.ipForward;
    if (!keep || prev!.namespaces[i] !== o) same = false;
    return keep ? o : { ...n, routes: [], neigh: [], fdb: [] };
  });
  return same ? prev! : { time: 0, namespaces };
}

// a namespace that is gone takes its terminal and selection with it: back to the host
function adopt(s: LabState, snap: Snapshot): Partial<LabState> {
  const drawn = drawnOf(s.drawn, snap);
  return snap.namespaces.some((n) => n.name === s.selectedNs)
    ? { snap, drawn }
    : { snap, drawn, selectedNs: 'host', activeTerm: 'host', selectedId: null };
}

export const createTopologySlice: StateCreator<LabState, [], [], TopologySlice> = (set) => ({
  snap: null,
  drawn: null,
  positions: {},
  setSnapshot: (snap) => set((s) => adopt(s, snap)),
  applySnapshot: (d) => set((s) => adopt(s, applySnapshotDiff(s.snap, d))),
  placeNodes: (at) => set((s) => ({ positions: { ...s.positions, ...at } })),
  forgetPosition: (id) =>
    set((s) => {
      if (!(id in s.positions)) return s;
      const positions = { ...s.positions };
      delete positions[id];
      return { positions };
    }),
});
