// The open lab as a LabFile and back: what autosave, lab files and shared links carry. Applying a lab
// replaces the store's log and rebuilds the worker's World from it (the worker replays the log at its
// virtual times, then runs the clock to the saved `now`), so the lab comes back exactly.
import { useLab, type LabState } from '../store';
import { post } from '../store/port';
import { toWorker } from '../protocol';
import { LAB_FORMAT, LAB_VERSION, type LabFile } from './format';
import { player } from '../flows/player';
import { positionOf } from '../flows/position';

export function currentLab(s: LabState = useLab.getState()): LabFile {
  const lab: LabFile = {
    format: LAB_FORMAT,
    version: LAB_VERSION,
    seed: s.seed,
    presetId: s.presetId,
    now: Math.round(s.now),
    log: s.log,
    positions: s.positions,
  };
  if (s.lesson) lab.lesson = { id: s.lesson.id, step: s.lessonStep, marks: s.lessonMarks };
  const at = positionOf(player.model, s.flow);
  if (at) lab.playback = at;
  return lab;
}

/** The highest number in the log's group names (t12, a3, l7), so new groups never reuse one. */
const groupSeqOf = (lab: LabFile) =>
  lab.log.reduce((m, e) => Math.max(m, Number(/^[a-z](\d+)$/.exec(e.group)?.[1] ?? 0)), 0);

/**
 * Makes `lab` the open lab. A lesson it was in is reopened at its step (asynchronously). `traceFrom`: the
 * virtual time from which the replay's packets are shown as a flow (default: where the reader stopped).
 */
export function applyLab(lab: LabFile, traceFrom = lab.playback?.from): void {
  const s = useLab.getState();
  useLab.setState({
    seed: lab.seed,
    log: lab.log,
    now: lab.now,
    redoStack: [],
    moves: [],
    groupSeq: groupSeqOf(lab),
    presetId: lab.presetId,
    positions: lab.positions,
    selectedId: null,
    selectedNs: 'host',
    restoreAt: lab.playback ?? null,
  });
  s.termsReset();
  s.flowReset?.();
  s.clearCaptures?.();
  s.setLesson(null);
  post(toWorker({ type: 'load', seed: lab.seed, log: lab.log, now: lab.now, traceFrom }));
  s.termInfo('host', `# lab restored: ${lab.log.length} commands replayed`);
  if (lab.lesson) {
    const { id, step, marks } = lab.lesson;
    void import('../lessons/controller').then((c) => c.openBuiltInLesson(id, { step, marks }));
  }
}
