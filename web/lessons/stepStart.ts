// The lab a lesson step starts from, as a command log: the lesson's setup and every earlier step's
// commands at the virtual times the lesson runner ran them (sim/lessons LessonRun.startOf), all in one
// base group that undo never takes back. Its name says which step it leads to, so a check (and a saved
// lab) knows where the step's own commands begin.
import type { StepStart } from '../../sim/index';
import type { LogEntry } from '../protocol';

const PREFIX = 'preset:lesson:';

/** The base group of a lesson's lab at the start of step `step` (0-based). */
export const startGroup = (lessonId: string, step: number) => `${PREFIX}${lessonId}:${step}`;

/** The log that rebuilds the lab at the start of a step: each command run to its end at its time. */
export function startLog(lessonId: string, start: StepStart): LogEntry[] {
  const group = startGroup(lessonId, start.step);
  return start.commands.map((c, i) => ({ id: i + 1, group, ns: c.ns, line: c.line, at: c.at, mode: 'sync' }));
}

/**
 * The step a lab's lesson base leads to: 0 for a lab whose base is the setup alone (as labs saved before
 * steps had starts were), null when the lab has no lesson base.
 */
export function startStepOf(log: readonly LogEntry[], lessonId: string): number | null {
  const e = log.find((x) => x.group.startsWith(PREFIX + lessonId));
  if (!e) return null;
  const m = /:(\d+)$/.exec(e.group.slice(PREFIX.length + lessonId.length));
  return m ? Number(m[1]) : 0;
}
