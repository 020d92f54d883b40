// The lesson worker: validates lesson files and evaluates checks (sim/lessons). Each check replays the
// lesson's setup, the steps before the one the lab started at, and the commands the lab ran since on a
// fresh LessonRun, so the verdict depends only on what was run, never on an earlier check's own probes.
// It also computes the lab a step starts from (LessonRun.startOf), which the page replays. It runs in the
// simulation worker's own script (web/worker/sim.worker.ts, started with the name 'lesson'), so the page
// fetches the simulator once for both.
import { LessonFormatError, LessonRun, loadLesson } from '../../sim/runtime';
import type { FromLessonWorker, ToLessonWorker } from './protocol';

export interface LessonScope {
  addEventListener(type: 'message', fn: (e: { data: ToLessonWorker }) => void): void;
  postMessage(m: FromLessonWorker): void;
}
export function startLessonWorker(scope: LessonScope): void {
  scope.addEventListener('message', ({ data: m }) => {
    switch (m.type) {
      case 'load':
        try {
          scope.postMessage({ type: 'lesson', lesson: loadLesson(m.text, m.source) });
        } catch (e) {
          const problems = e instanceof LessonFormatError ? e.problems : [(e as Error).message];
          scope.postMessage({ type: 'invalid', source: m.source, problems });
        }
        return;
      case 'check':
        try {
          const run = new LessonRun(m.lesson);
          run.runUpTo(m.from);
          for (const c of m.commands) run.runCommand(c.step, { run: c.run, ns: c.ns });
          if (m.captures) run.useCaptures(m.step, m.captures);
          scope.postMessage({ type: 'result', id: m.id, step: m.step, result: run.check(m.step) ?? null });
        } catch (e) {
          scope.postMessage({ type: 'result', id: m.id, step: m.step, result: null, error: (e as Error).message });
        }
        return;
      case 'start':
        try {
          scope.postMessage({ type: 'start', id: m.id, start: new LessonRun(m.lesson).startOf(m.step) });
        } catch (e) {
          scope.postMessage({ type: 'start', id: m.id, start: null, error: (e as Error).message });
        }
        return;
    }
  });
}
