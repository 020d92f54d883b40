// Selection: the namespace whose terminal and tables are shown, and the diagram item in the inspector.
import type { StateCreator } from 'zustand';
import { parseId } from '../model/ids';
import type { LabState } from './index';

export interface SelectionSlice {
  selectedNs: string;
  selectedId: string | null;
  select: (id: string | null) => void;
  selectNs: (ns: string) => void;
}

export const createSelectionSlice: StateCreator<LabState, [], [], SelectionSlice> = (set) => ({
  selectedNs: 'host',
  selectedId: null,
  select: (id) =>
    set(() => {
      const p = id ? parseId(id) : null;
      return p ? { selectedId: id, selectedNs: p.ns } : { selectedId: null };
    }),
  selectNs: (ns) => set({ selectedNs: ns }),
});
