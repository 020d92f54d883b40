// What a person does to the lab that reaches beyond the store: typed lines, undo, redo, a preset, the
// command that ends a storm. Plain functions over the store (zustand's docs: "no store actions"), so the
// slices hold state and setters only; each writes the slices it needs in one update and posts to the worker.
import type { StoreApi } from 'zustand';
import { toWorker } from '../../protocol';
import { termNs } from '../../protocol';
import { PRESETS, own } from '../../../sim/index';
import { post } from '../port';
import { labSwap } from '../labPort';
import { lastEdit, quietRuns, sendSteps } from '../playback';
import { tf } from '../../i18n/strings';
import { stormBridge, stopLine } from '../storm';
import { EMPTY_TERM, appendLines, type TermState } from '../terminal';
import type { LabState } from '../index';

/** The store the actions work on: the page's (useLab), or one a test made. */
export type LabStore = Pick<StoreApi<LabState>, 'getState' | 'setState'>;

/**
 * Lines of a paste sent in one message: the page applies and draws one part a frame, so a key pressed meanwhile
 * waits for one part at most. 12, not 25: over seven 500-line pastes each (bench:scale:web's paste part), the
 * longest task was 52-104 ms with parts of 25 and at most 83 ms with parts of 12; the whole paste takes ~30%
 * longer to draw (each part has a pass over the diagram).
 */
export const PASTE_PART = 12;

const termOf = (s: LabState, ns: string): TermState => own(s.terms, ns) ?? EMPTY_TERM;

/** Lines typed (or pasted) in terminal `ns`: one action, the lines kept in its history, sent to the worker. */
export function runTyped(store: LabStore, ns: string, text: string): void {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) {
    // an empty line: the prompt again, as a shell does
    store.setState((s) => {
      const t = termOf(s, ns);
      return {
        terms: { ...s.terms, [ns]: { ...t, busy: false, lines: appendLines(t.lines, [{ kind: 'cmd', text: '' }]) } },
      };
    });
    return;
  }
  const g = store.getState().groupSeq + 1;
  store.setState((s) => {
    const t = termOf(s, ns);
    const history = [...t.history];
    for (const l of lines) if (history.at(-1) !== l) history.push(l);
    return { groupSeq: g, redoStack: [], terms: { ...s.terms, [ns]: { ...t, history } } };
  });
  // a long paste goes in parts: the worker reports each part in its own flush, so the page applies (and
  // draws) a part at a time and a key pressed meanwhile waits for one part at most; the lines queue on the
  // terminal one after another all the same, as one action for undo
  for (let i = 0; i < lines.length; i += PASTE_PART)
    post(toWorker({ type: 'run', ns, lines: lines.slice(i, i + PASTE_PART), group: `t${g}`, mode: 'async' }));
}

/** Takes back the newest edit: a node's move, a command group (the log replayed without it), or the lab itself. */
export function undo(store: LabStore): void {
  const { log, seed, now, moves, undoLabs } = store.getState();
  const last = lastEdit(log, moves);
  if (!last) {
    // no edit left in this lab: the replacement of the lab before it is the next step back
    if (undoLabs.length) labSwap().undo();
    return;
  }
  if (last.kind === 'move') {
    const { id, from, to } = last.move;
    store.setState((s) => {
      const positions = { ...s.positions };
      if (from) positions[id] = from;
      else delete positions[id];
      return { positions, moves: s.moves.slice(0, -1), redoStack: [...s.redoStack, { kind: 'move', id, to }] };
    });
    return;
  }
  const { group } = last;
  const undone = log.filter((e) => e.group === group);
  const rest = log.filter((e) => e.group !== group);
  store.setState((s) => {
    const terms = { ...s.terms };
    for (const ns of new Set(undone.map((e) => e.ns))) {
      const t = termOf(s, ns);
      const text = `# undo: ${undone
        .filter((e) => e.ns === ns)
        .map((e) => e.line)
        .join('; ')}`;
      terms[ns] = { ...t, lines: appendLines(t.lines, [{ kind: 'info', text }]) };
    }
    return {
      log: rest,
      terms,
      redoStack: [...s.redoStack, { kind: 'steps', steps: undone.map((e) => ({ ns: e.ns, line: e.line })) }],
    };
  });
  store.getState().flowReset();
  post(toWorker({ type: 'load', seed, log: rest, now }));
}

/** Does again what undo took back last. */
export function redo(store: LabStore): void {
  const stack = store.getState().redoStack;
  const top = stack.at(-1);
  if (!top) return;
  if (top.kind === 'lab') {
    store.setState({ redoStack: stack.slice(0, -1) });
    labSwap().redo(top.lab);
    return;
  }
  const g = store.getState().groupSeq + 1;
  if (top.kind === 'move') {
    const { id, to } = top;
    store.setState((s) => ({
      redoStack: stack.slice(0, -1),
      groupSeq: g,
      moves: [...s.moves, { id, from: own(s.positions, id) ?? null, to, order: g }],
      positions: { ...s.positions, [id]: to },
    }));
    return;
  }
  store.setState({ redoStack: stack.slice(0, -1), groupSeq: g });
  sendSteps(top.steps, `a${g}`);
}

/** A fresh lab built by a preset's commands: every terminal blank, the flow and the edits gone. */
export function loadPreset(store: LabStore, id: string): void {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) return;
  const { seed } = store.getState();
  store.setState((s) => ({
    log: [],
    redoStack: [],
    moves: [],
    now: 0,
    presetId: id,
    positions: {},
    selectedId: null,
    selectedNs: 'host',
    activeTerm: 'host',
    // a new lab: every terminal blank, and the extra ones (NS#NAME) closed
    terms: Object.fromEntries(
      Object.entries(s.terms)
        .filter(([k]) => !k.includes('#'))
        .map(([k, t]) => [k, { ...t, lines: [], busy: false }]),
    ),
  }));
  store.getState().flowReset();
  post(toWorker({ type: 'load', seed, log: [], now: 0 }));
  // the world around the host (LAN, gateway, internet) is built without a line on the host's terminal
  const runs = quietRuns(p.commands);
  if (runs.some((r) => r.quiet)) store.getState().termInfo('host', tf('term.worldQuiet', store.getState().lang, {}));
  for (const r of runs)
    post(toWorker({ type: 'run', ns: 'host', lines: r.lines, group: `preset:${id}`, mode: 'sync', quiet: r.quiet }));
}

/**
 * Types the command that ends a broadcast storm (the loop's bridge down), in terminal `term` when that is
 * the bridge's namespace, else in the bridge's own, and shows that terminal; false: no storm to stop.
 */
export function stopStorm(store: LabStore, term?: string): boolean {
  const v = store.getState().storm;
  if (!v) return false;
  const b = stormBridge(v, term);
  if (!b) return false;
  const where = term !== undefined && termNs(term) === b.ns && !term.includes('#') ? term : b.ns;
  runTyped(store, where, stopLine(b.br));
  if (store.getState().activeTerm !== where) store.getState().selectTerm(where);
  return true;
}
