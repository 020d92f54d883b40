// Terminals, one per namespace: what they show, their history and whether a command is running.
import type { StateCreator } from 'zustand';
import type { LabState } from './index';
import { own } from '../../sim/index';
import { SCROLLBACK } from '../protocol';

/** `at`: the sim's virtual µs when the command started or the process printed the line */
export type TermLine = { kind: 'cmd' | 'out' | 'info'; text: string; at?: number };

export interface TermState {
  lines: TermLine[];
  history: string[];
  busy: boolean;
}

export interface TerminalSlice {
  terms: Record<string, TermState>;
  termStarted: (ns: string, line: string, at?: number) => void;
  termOutput: (ns: string, lines: string[], at?: number) => void;
  termInfo: (ns: string, text: string) => void;
  termIdle: (ns: string) => void;
  termClear: (ns: string) => void;
  termsReset: () => void;
  /** after a rebuild: exactly these terminals have a process running */
  termsBusy: (busy: string[]) => void;
  pushHistory: (ns: string, line: string) => void;
}

/** Lines a terminal keeps; older ones scroll away. */
export { SCROLLBACK };
export const EMPTY_TERM: TermState = { lines: [], history: [], busy: false };

function update(s: LabState, ns: string, f: (t: TermState) => Partial<TermState>): Pick<LabState, 'terms'> {
  const t = own(s.terms, ns) ?? EMPTY_TERM;
  return { terms: { ...s.terms, [ns]: { ...t, ...f(t) } } };
}

/** A terminal's lines with `add` after them, the oldest scrolled away past SCROLLBACK. */
export const appendLines = (old: readonly TermLine[], add: TermLine[]): TermLine[] => {
  const lines = old.concat(add);
  return lines.length > SCROLLBACK ? lines.slice(lines.length - SCROLLBACK) : lines;
};

export const createTerminalSlice: StateCreator<LabState, [], [], TerminalSlice> = (set) => ({
  terms: {},
  termStarted: (ns, line, at) =>
    set((s) => update(s, ns, (t) => ({ busy: true, lines: appendLines(t.lines, [{ kind: 'cmd', text: line, at }]) }))),
  termOutput: (ns, lines, at) =>
    set((s) =>
      update(s, ns, (t) => ({
        lines: appendLines(
          t.lines,
          lines.map((text) => ({ kind: 'out' as const, text, at })),
        ),
      })),
    ),
  termInfo: (ns, text) => set((s) => update(s, ns, (t) => ({ lines: appendLines(t.lines, [{ kind: 'info', text }]) }))),
  termIdle: (ns) => set((s) => update(s, ns, () => ({ busy: false }))),
  termClear: (ns) => set((s) => update(s, ns, () => ({ lines: [] }))),
  // a new lab: every terminal blank, and the extra ones (NS#NAME) closed
  termsReset: () =>
    set((s) => ({
      terms: Object.fromEntries(
        Object.entries(s.terms)
          .filter(([k]) => !k.includes('#'))
          .map(([k, t]) => [k, { ...t, lines: [], busy: false }]),
      ),
    })),
  termsBusy: (busy) =>
    set((s) => ({
      terms: Object.fromEntries(Object.entries(s.terms).map(([k, t]) => [k, { ...t, busy: busy.includes(k) }])),
    })),
  pushHistory: (ns, line) =>
    set((s) => update(s, ns, (t) => ({ history: t.history.at(-1) === line ? t.history : [...t.history, line] }))),
});

/**
 * The lines a terminal shows while packet flow plays a command back: what a process printed after the
 * playback's event (`until`, virtual µs) waits until the playback gets there, as on the real machine.
 * Only a command the flow covers waits (started by the time of its last event, `flowEnd`): one typed
 * while the reader steps shows its output at once. `until` Infinity: everything.
 */
export function shownLines(lines: readonly TermLine[], until: number, flowEnd: number): readonly TermLine[] {
  if (until === Infinity) return lines;
  let cmdAt = -Infinity;
  return lines.filter((l) => {
    if (l.kind === 'cmd') cmdAt = l.at ?? -Infinity;
    return l.kind !== 'out' || l.at === undefined || l.at <= until || cmdAt > flowEnd;
  });
}
