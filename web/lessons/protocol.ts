// Messages between the page and the lesson worker. The page never runs the model: it sends a lesson's
// text to be validated, and for a check the commands the lab ran during each step; the worker replays
// them on a fresh LessonRun (deterministic: the same seed and commands give the same lab) and answers
// with the check's verdict in both languages.
import type { CheckResult, Lesson, StepStart } from '../../sim/index';

/** A command the lab ran, with the step it ran during and the namespace of its terminal. */
export interface StepCommand {
  step: string;
  run: string;
  ns: string;
}

export type ToLessonWorker =
  | { type: 'load'; text: string; source: string }
  /**
   * A step's verdict: the setup and the steps before `from` (the step the lab was last started at), then
   * the commands the lab ran since, each during its step; `captures`: what the learner's captures of the
   * step showed (`tcpdump -n -e` lines by watched interface), read instead of the runner's own.
   */
  | {
      type: 'check';
      id: number;
      lesson: Lesson;
      step: string;
      from: number;
      commands: StepCommand[];
      captures?: Record<string, string[]>;
    }
  /** The lab step `step` starts from, as commands at their virtual times. */
  | { type: 'start'; id: number; lesson: Lesson; step: number };

export type FromLessonWorker =
  | { type: 'lesson'; lesson: Lesson }
  | { type: 'invalid'; source: string; problems: string[] }
  | { type: 'result'; id: number; step: string; result: CheckResult | null; error?: string }
  | { type: 'start'; id: number; start: StepStart | null; error?: string };
