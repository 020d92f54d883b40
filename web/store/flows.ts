// Packet flows as the page shows them: whether someone watches, the player's state (a throttled copy),
// the frame and event selected, the event list's filters, and the tables as they were at the event.
import type { StateCreator } from 'zustand';
import type { Snapshot } from '../../sim/index';
import { player, type PlayerState } from '../flows/player';
import { findPosition, type FlowPosition } from '../flows/position';
import { topoOf } from '../flows/topo';
import { kindClass, type FrameKind } from '../model/frameKind';
import { isHop } from '../model/eventText';
import type { FlowEvent } from '../model/flow';
import type { LabState } from './index';

export interface FlowFilters {
  arp: boolean;
  icmp: boolean;
  other: boolean;
  /** `ns dev`, or '' for everywhere */
  where: string;
  /** the bridge's and the stack's steps too, not only the frames' hops between devices */
  steps: boolean;
}

/** The kernel's tables just after an event (a probe's answer). */
export interface TablesAt {
  seq: number;
  time: number;
  snap: Snapshot;
  exact: boolean;
}

export interface FlowsSlice {
  flowOn: boolean;
  flow: PlayerState;
  /** events the worker left out of full batches */
  dropped: number;
  selFrame: number | null;
  /** the event whose bytes the inspector shows */
  selEvent: number | null;
  /** `i.j` path of the field highlighted in the inspector */
  selField: string | null;
  filters: FlowFilters;
  tablesAt: TablesAt | null;
  /** a playback position to go back to once the rebuilt lab's events are in (a restored lab) */
  restoreAt: FlowPosition | null;
  setFlowOn: (on: boolean) => void;
  flowSync: (s: PlayerState) => void;
  flowDropped: (n: number) => void;
  /** an event clicked in the list or stepped to: the player stops there, its frame is selected */
  selectEvent: (seq: number) => void;
  selectFrame: (frame: number | null, seq?: number) => void;
  setSelField: (path: string | null) => void;
  setFilters: (f: Partial<FlowFilters>) => void;
  setTablesAt: (t: TablesAt | null) => void;
  /** the rebuilt lab is loaded: stop where the restored position says, if its event came back */
  restorePosition: () => void;
  /** a new lab (preset, undo): the old flow is gone with it */
  flowReset: () => void;
}

/** The frames shown by default: ARP and ICMP, the article's; IGMP reports and BPDUs on request. */
const DEFAULT_FILTERS: FlowFilters = { arp: true, icmp: true, other: false, where: '', steps: true };
const acceptOf = (f: FlowFilters) => (k: FrameKind) => f[kindClass(k)];
/** The rows the event list shows: a step visits exactly those. */
export const rowsOf = (f: FlowFilters) =>
  f.where || !f.steps
    ? (ev: FlowEvent) => (!f.where || `${ev.e.ns} ${ev.e.dev}` === f.where) && (f.steps || isHop(ev.e))
    : null;

export const createFlowsSlice: StateCreator<LabState, [], [], FlowsSlice> = (set, get) => {
  player.refilter(acceptOf(DEFAULT_FILTERS), topoOf(null));
  player.setStepFilter(rowsOf(DEFAULT_FILTERS));
  return {
    flowOn: true,
    flow: player.state(),
    dropped: 0,
    selFrame: null,
    selEvent: null,
    selField: null,
    filters: DEFAULT_FILTERS,
    tablesAt: null,
    restoreAt: null,
    setFlowOn: (flowOn) => set({ flowOn }),
    flowSync: (flow) => set((s) => (flow.live && s.tablesAt ? { flow, tablesAt: null } : { flow })),
    flowDropped: (n) => set((s) => ({ dropped: s.dropped + n })),
    selectEvent: (seq) => {
      player.goTo(seq);
      const ev = player.model.bySeq(seq);
      set({ selEvent: seq, selFrame: ev?.frame || null, selField: null });
    },
    selectFrame: (frame, seq) =>
      set({
        selFrame: frame,
        selEvent: frame === null ? null : (seq ?? player.model.frames.get(frame)?.first ?? null),
        selField: null,
      }),
    setSelField: (selField) => set({ selField }),
    setFilters: (f) => {
      const filters = { ...get().filters, ...f };
      set({ filters });
      player.setStepFilter(rowsOf(filters));
      if ('arp' in f || 'icmp' in f || 'other' in f) player.refilter(acceptOf(filters), topoOf(get().snap));
    },
    setTablesAt: (tablesAt) => set({ tablesAt }),
    restorePosition: () => {
      const at = get().restoreAt;
      if (!at) return;
      set({ restoreAt: null });
      const seq = findPosition(player.model, at);
      if (seq === null) return;
      player.setSpeed(at.speed);
      get().selectEvent(seq);
    },
    flowReset: () => {
      player.clear();
      set({ selFrame: null, selEvent: null, selField: null, tablesAt: null, dropped: 0 });
    },
  };
};
