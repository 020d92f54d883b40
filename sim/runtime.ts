// The simulator itself, for the code that runs it: the page's worker (web/worker), the lesson worker and
// the exports that replay a lab or a lesson. Importing it builds the registrations (./world.ts -> ./init.ts).
export type { Proc } from './apps/proc';
export { Tcpdump, fmtClock } from './apps/tcpdump';
export { formatFrame } from './apps/tcpdump_print';
export { LessonRun } from './lessons/runner';
export { LessonFormatError, loadLesson } from './lessons/validate';
export { type Lang, type Lesson, commandLine, pick } from './lessons/types';
export type { TraceEvent } from './net/trace';
export { Shell } from './shell/shell';
export { type Snapshot, SnapshotCache, takeSnapshot } from './snapshot';
export { World } from './world';
