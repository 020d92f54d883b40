// Messages between the page and the lesson worker. The page never runs the model: it sends a lesson's
// text to be validated, and for a check the commands the lab ran during each step; the worker replays
// them on a fresh LessonRun (deterministic: the same seed and commands give the same lab) and answers
// with the check's verdict in both languages.
import type { CheckResult, Lesson } from '../../sim/lessons/types';

/** A command the lab ran, with the step it ran during and the namespace of its terminal. */
export interface StepCommand {
  step: string;
  run: string;
  ns: string;
}

export type ToLessonWorker =
  | { type: 'load'; text: string; source: string }
  | { type: 'check'; id: number; lesson: Lesson; step: string; commands: StepCommand[] };

export type FromLessonWorker =
  | { type: 'lesson'; lesson: Lesson }
  | { type: 'invalid'; source: string; problems: string[] }
  | { type: 'result'; id: number; step: string; result: CheckResult | null; error?: string };
