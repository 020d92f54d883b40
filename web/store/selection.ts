// Selection: the namespace whose tables are shown, the terminal in front (the namespace's own or
// another one open in it), and the diagram item in the inspector.
import type { StateCreator } from 'zustand';
import { parseId } from '../model/ids';
import { termNs, type TermId } from '../protocol';
import type { LabState } from './index';

export interface SelectionSlice {
  selectedNs: string;
  activeTerm: TermId;
  selectedId: string | null;
  select: (id: string | null) => void;
  selectNs: (ns: string) => void;
  selectTerm: (t: TermId) => void;
}

export const createSelectionSlice: StateCreator<LabState, [], [], SelectionSlice> = (set) => ({
  selectedNs: 'host',
  activeTerm: 'host',
  selectedId: null,
  select: (id) =>
    set(() => {
      const p = id ? parseId(id) : null;
      // a device or box selected: its frame, if one was open in the inspector, gives way
      return p
        ? { selectedId: id, selectedNs: p.ns, activeTerm: p.ns, selFrame: null, selEvent: null }
        : { selectedId: null };
    }),
  selectNs: (ns) => set({ selectedNs: ns, activeTerm: ns }),
  selectTerm: (t) => set({ activeTerm: t, selectedNs: termNs(t) }),
});
