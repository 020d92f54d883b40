// The lesson runner's public face (lessons/FORMAT.md): load and validate a file, run it, check it.
export { commandLine, LESSON_FORMAT_VERSION, pick } from './types';
export type { Check, CheckResult, Lang, Lesson, LessonCommand, LessonStep, Match, Says, Text } from './types';
export { commandProblem, isReadOnlyCommand, LessonFormatError, loadLesson, NUD_STATES, TRACE_EVENTS, validateLesson, type Validated } from './validate';
export { evaluateCheck, type CheckEnv, type CommandRecord, type StepRecord } from './checks';
export { LessonRun, LessonRunError, type LessonRunOptions, type StepOutcome, type StepStart, type RanCommand } from './runner';
