// Captures: what each tcpdump a terminal runs has seen, as frames (for the pcap file) and as the lines
// `tcpdump -n -e` prints; started and stopped from the diagram in a terminal of the device's namespace.
import type { StateCreator } from 'zustand';
import { toWorker, type CaptureUpdate, type TermId } from '../protocol';
import { post } from './port';
import type { LabState } from './index';
import { CAPTURE_RING, own } from '../../sim/index';

export interface CaptureView {
  id: number;
  term: TermId;
  ns: string;
  dev: string;
  running: boolean;
  /** the kept frames (the last CAPTURE_RING), and the lines tcpdump printed for them */
  frames: { time: number; data: Uint8Array }[];
  lines: string[];
  /** the number in the whole capture of frames[0] */
  first: number;
  /** frames the capture took in all */
  total: number;
}

/** Frames a capture keeps in the page: the last ones, as the capture itself keeps them. */
export const CAPTURE_MAX = CAPTURE_RING;

/** The kept frames after an update: the old ones numbered before `u.from`, then the new ones, the last `max` of them. */
export function mergeCapture(
  old: Pick<CaptureView, 'frames' | 'lines' | 'first'> | undefined,
  u: CaptureUpdate,
  max = CAPTURE_MAX,
): Pick<CaptureView, 'frames' | 'lines' | 'first' | 'total'> {
  // the update starts inside or right after what the page has (else the ring lost the frames between: start afresh)
  const keep = old && u.from > old.first && u.from <= old.first + old.frames.length ? u.from - old.first : 0;
  const frames = keep ? [...old!.frames.slice(0, keep), ...u.frames] : u.frames.slice();
  const lines = keep ? [...old!.lines.slice(0, keep), ...u.lines] : u.lines.slice();
  let first = keep ? old!.first : u.from;
  const over = frames.length - max;
  if (over > 0) {
    frames.splice(0, over);
    lines.splice(0, over);
    first += over;
  }
  return { frames, lines, first, total: Math.max(u.total, first + frames.length) };
}

/** The terminal a capture started from the diagram runs in: the device's namespace, a terminal of its own. */
export const captureTerm = (ns: string, dev: string): TermId => `${ns}#${dev}`;

export interface CapturesSlice {
  captures: Record<number, CaptureView>;
  upsertCapture: (u: CaptureUpdate) => void;
  clearCaptures: () => void;
  /** runs `tcpdump -n -e -i DEV` in the device's namespace, so the device really becomes promiscuous */
  startCapture: (ns: string, dev: string) => void;
  stopCapture: (term: TermId) => void;
}

export const createCapturesSlice: StateCreator<LabState, [], [], CapturesSlice> = (set, get) => ({
  captures: {},
  upsertCapture: (u) =>
    set((s) => {
      const kept = mergeCapture(s.captures[u.id], u);
      return {
        captures: {
          ...s.captures,
          [u.id]: { id: u.id, term: u.term, ns: u.ns, dev: u.dev, running: u.running, ...kept },
        },
      };
    }),
  clearCaptures: () => set({ captures: {} }),
  startCapture: (ns, dev) => {
    const term = captureTerm(ns, dev);
    if (own(get().terms, term)?.busy) return;
    const g = get().groupSeq + 1;
    set({ groupSeq: g, redoStack: [] });
    post(toWorker({ type: 'run', ns: term, lines: [`tcpdump -n -e -i ${dev}`], group: `a${g}`, mode: 'async' }));
  },
  stopCapture: (term) => post(toWorker({ type: 'interrupt', ns: term })),
});
