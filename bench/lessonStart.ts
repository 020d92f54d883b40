// npx tsx bench/lessonStart.ts — how long entering a lesson step takes, outside the browser: the lesson
// worker's part (LessonRun.startOf: the setup and every earlier step run) and the sim worker's (a fresh
// Lab replaying that log), median of RUNS, for the first, a middle and the last step of the article.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LessonRun } from '../sim/lessons/runner';
import { loadLesson } from '../sim/lessons/validate';
import { Lab } from '../web/worker/lab';
import { toWorker } from '../web/protocol';
import { startLog } from '../web/lessons/stepStart';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const lesson = loadLesson(
  readFileSync(new URL('../lessons/linux-bridge.json', import.meta.url), 'utf8'),
  'lessons/linux-bridge.json',
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const k of [0, 5, 11, lesson.steps.length - 1]) {
  const compute: number[] = [];
  const replay: number[] = [];
  let n = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const start = new LessonRun(lesson).startOf(k);
    compute.push(performance.now() - t);
    const log = startLog(lesson.id, start);
    n = log.length;
    t = performance.now();
    new Lab(() => {}).handle(toWorker({ type: 'load', seed: lesson.seed, log, now: start.end }));
    replay.push(performance.now() - t);
  }
  console.log(
    `step ${k + 1}: ${n} commands; lesson worker ${median(compute).toFixed(1)} ms, lab replay ${median(replay).toFixed(1)} ms (median of ${RUNS})`,
  );
}
