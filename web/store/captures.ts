// Captures: what each tcpdump a terminal runs has seen, as frames (for the pcap file) and as the lines
// `tcpdump -n -e` prints; started and stopped from the diagram in a terminal of the device's namespace.
import type { StateCreator } from 'zustand';
import { toWorker, type CaptureUpdate, type TermId } from '../protocol';
import { post } from './port';
import type { LabState } from './index';
import { own } from '../../sim/core/own';

export interface CaptureView {
  id: number;
  term: TermId;
  ns: string;
  dev: string;
  running: boolean;
  frames: { time: number; data: Uint8Array }[];
  lines: string[];
}

/** Frames a capture keeps in the page (a long capture keeps its first ones, as a ring would lose the start). */
export const CAPTURE_MAX = 50_000;

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
      const old = s.captures[u.id];
      const keep = (a: readonly unknown[]) => a.slice(0, u.from);
      const frames = [...(old ? (keep(old.frames) as CaptureView['frames']) : []), ...u.frames].slice(0, CAPTURE_MAX);
      const lines = [...(old ? (keep(old.lines) as string[]) : []), ...u.lines].slice(0, CAPTURE_MAX);
      return { captures: { ...s.captures, [u.id]: { id: u.id, term: u.term, ns: u.ns, dev: u.dev, running: u.running, frames, lines } } };
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
