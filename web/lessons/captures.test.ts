// A step's check reads the captures the learner sees: the lab (the app's worker) runs the step from its
// start with a tcpdump on each interface the step names, and those lines, given to the lesson runner in
// place of its own, pass every step's check; an empty capture fails the steps whose check reads one.
import { describe, expect, it } from 'vitest';
import file from '../../lessons/linux-bridge.json';
import { LessonRun } from '../../sim/lessons/runner';
import { loadLesson } from '../../sim/lessons/validate';
import type { Check } from '../../sim/lessons/types';
import { Lab } from '../worker/lab';
import { toWorker, type FromWorker } from '../protocol';
import { captureTerm } from '../store/captures';
import { startLog } from './stepStart';

const lesson = loadLesson(file, 'lessons/linux-bridge.json');
const readsCapture = (c: Check | undefined): boolean =>
  !!c &&
  (c.kind === 'capture' ||
    ((c.kind === 'all' || c.kind === 'any') && c.of.some(readsCapture)) ||
    (c.kind === 'not' && readsCapture(c.check)));
const watched = lesson.steps
  .map((s, k) => [s.id, k] as const)
  .filter(([, k]) => lesson.steps[k]!.watch.capture.length && lesson.steps[k]!.check);

/** What the app's captures show after a one-click run of step k, by the interface the step names. */
function labCaptures(k: number): Record<string, string[]> {
  const step = lesson.steps[k]!;
  const msgs: FromWorker[] = [];
  const lab = new Lab((m) => msgs.push(m));
  const start = new LessonRun(lesson).startOf(k);
  lab.handle(toWorker({ type: 'load', seed: lesson.seed, log: startLog(lesson.id, start), now: start.end }));
  const terms = step.watch.capture.map((iface) => {
    const [ns, dev] = iface.includes(':') ? iface.split(':') : ['host', iface];
    const term = captureTerm(ns!, dev!);
    lab.handle(toWorker({ type: 'run', ns: term, lines: [`tcpdump -n -e -i ${dev}`], group: 'c1', mode: 'async' }));
    return term;
  });
  for (const c of step.commands)
    if (!c.note) lab.handle(toWorker({ type: 'run', ns: c.ns, lines: [c.run], group: 'l2', mode: 'sync' }));
  lab.advance(400_000);
  const out: Record<string, string[]> = {};
  step.watch.capture.forEach((iface, i) => {
    out[iface] = msgs.flatMap((m) => (m.type === 'capture' && m.cap.term === terms[i] ? m.cap.lines : []));
  });
  return out;
}

function verdict(k: number, captures: Record<string, string[]>) {
  const run = new LessonRun(lesson);
  run.runUpTo(k);
  for (const c of lesson.steps[k]!.commands) if (!c.note) run.runCommand(k, c);
  run.useCaptures(k, captures);
  return run.check(k)!;
}

describe("a step's captures, as the learner sees them", () => {
  it.each(watched)("%s: the check passes on the lab's captures", (_id, k) => {
    const caps = labCaptures(k);
    for (const lines of Object.values(caps))
      expect(lines.every((l) => /^\d{2}:\d{2}:\d{2}\.\d{6} /.test(l))).toBe(true);
    const r = verdict(k, caps);
    expect(r.pass, r.says.en).toBe(true);
  });

  it.each(watched.filter(([, k]) => readsCapture(lesson.steps[k]!.check)))(
    '%s: the check fails when its captures show nothing',
    (_id, k) => {
      const empty = Object.fromEntries(lesson.steps[k]!.watch.capture.map((i) => [i, [] as string[]]));
      expect(verdict(k, empty).pass).toBe(false);
    },
  );
});
