// Selectors, defined once at module level so components subscribe to exactly what they draw.
import type { LabState } from './index';
import { EMPTY_TERM } from './terminal';
import { lastEdit } from './playback';
import { parseId } from '../model/ids';
import { termNs } from '../protocol';
import { player } from '../flows/player';
import { PRESETS, own } from '../../sim/index';

export const selDrawn = (s: LabState) => s.drawn;
export const selPositions = (s: LabState) => s.positions;
export const selSelectedId = (s: LabState) => s.selectedId;
export const selTableTab = (s: LabState) => s.tableTab;
/** The Diagram menu's value: the preset while the lab is that preset unchanged, else '' (custom lab). */
export const selDiagramValue = (s: LabState) =>
  lastEdit(s.log, s.moves) === null && PRESETS.some((p) => p.id === s.presetId) ? s.presetId : '';
export const selWorkerStatus = (s: LabState) => s.workerStatus;
export const selCanUndo = (s: LabState) => lastEdit(s.log, s.moves) !== null || s.undoLabs.length > 0;
/** What undo would take back: the lines that ran, or the node that was moved. */
export const selUndoLabel = (s: LabState) => {
  const last = lastEdit(s.log, s.moves);
  if (!last) return s.undoLabs.length ? 'the lab before this one' : '';
  if (last.kind === 'move') return `move ${last.move.id.split(':').slice(1).join(' ')}`;
  return s.log
    .filter((e) => e.group === last.group)
    .map((e) => e.line)
    .join('; ');
};
export const selCanRedo = (s: LabState) => s.redoStack.length > 0;
export const selNamespaceNames = (s: LabState) => s.snap?.namespaces.map((n) => n.name).join(' ') ?? 'host';

export const selActiveTermId = (s: LabState) => s.activeTerm;
export const selActiveTerm = (s: LabState) => own(s.terms, s.activeTerm) ?? EMPTY_TERM;
/** Terminals besides each namespace's own (captures started from the diagram), as `id id ...`. */
export const selExtraTerms = (s: LabState) =>
  Object.keys(s.terms)
    .filter((t) => t.includes('#') && s.snap?.namespaces.some((n) => n.name === termNs(t)))
    .sort()
    .join(' ');
export const selSelectTerm = (s: LabState) => s.selectTerm;
export const selSelectedNsSnap = (s: LabState) => s.snap?.namespaces.find((n) => n.name === s.selectedNs) ?? null;

/** The device in the inspector, as the last snapshot has it (a stable reference between snapshots). */
export const selSelectedDevice = (s: LabState) => {
  const p = s.selectedId ? parseId(s.selectedId) : null;
  if (p?.type !== 'dev') return null;
  return s.snap?.namespaces.find((n) => n.name === p.ns)?.devices.find((d) => d.name === p.dev) ?? null;
};

export const selRunAction = (s: LabState) => s.runAction;
export const selInterrupt = (s: LabState) => s.interrupt;
export const selSelect = (s: LabState) => s.select;
export const selMoveNode = (s: LabState) => s.moveNode;
export const selForgetPosition = (s: LabState) => s.forgetPosition;
export const selPlaceNodes = (s: LabState) => s.placeNodes;
export const selTermClear = (s: LabState) => s.termClear;
export const selSetTableTab = (s: LabState) => s.setTableTab;

// packet flows
export const selFlowOn = (s: LabState) => s.flowOn;
export const selSetFlowOn = (s: LabState) => s.setFlowOn;
/**
 * Virtual µs up to which terminals show what processes printed: the playback's current event (before
 * the first: nothing of the flow); Infinity with packet flow off, caught up with the simulation, at the
 * flow's last event (its end: a ping's summary comes after it), or with no flow.
 */
export const selOutputUntil = (s: LabState) => {
  if (!s.flowOn || s.flow.live || s.flow.count === 0 || s.flow.cursor >= s.flow.base + s.flow.count - 1)
    return Infinity;
  const ev = player.model.bySeq(s.flow.cursor);
  return ev ? ev.e.time : (player.model.events[0]?.e.time ?? Infinity) - 1;
};
/** Virtual µs of the flow's last event (a command started later is not held back). */
export const selFlowEndTime = (s: LabState) =>
  s.flow.count ? (player.model.events.at(-1)?.e.time ?? -Infinity) : -Infinity;
export const selFlowCursor = (s: LabState) => s.flow.cursor;
export const selFlowCount = (s: LabState) => s.flow.count;
export const selFlowBase = (s: LabState) => s.flow.base;
export const selDropped = (s: LabState) => s.dropped;
export const selSelFrame = (s: LabState) => s.selFrame;
export const selSelEvent = (s: LabState) => s.selEvent;
export const selSelField = (s: LabState) => s.selField;
export const selFilters = (s: LabState) => s.filters;
export const selSetFilters = (s: LabState) => s.setFilters;
export const selSelectEvent = (s: LabState) => s.selectEvent;
export const selSelectFrame = (s: LabState) => s.selectFrame;
export const selSetSelField = (s: LabState) => s.setSelField;
export const selTablesAt = (s: LabState) => s.tablesAt;
/** The namespace's tables the side panel shows: as they were at the flow's event, else as they are. */
export const selTablesNsSnap = (s: LabState) =>
  (s.tablesAt?.snap ?? s.snap)?.namespaces.find((n) => n.name === s.selectedNs) ?? null;

// captures
export const selCaptures = (s: LabState) => s.captures;
export const selStartCapture = (s: LabState) => s.startCapture;
export const selStopCapture = (s: LabState) => s.stopCapture;
/** The capture running on a device, by `ns dev`, as `id` (0: none): what the device's menu offers to stop. */
export const selRunningCaptureTerms = (s: LabState) =>
  Object.values(s.captures)
    .filter((c) => c.running)
    .map((c) => `${c.ns}:${c.dev}=${c.term}`)
    .join(' ');

// whole labs, saving, the worker's heartbeat
export const selReplacing = (s: LabState) => s.replacing;
export const selRecent = (s: LabState) => s.recent;
export const selTabs = (s: LabState) => s.tabs;
export const selHung = (s: LabState) => s.hung;
