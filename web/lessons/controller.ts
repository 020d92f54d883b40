// Drives a lesson on the open lab: opens it (validated by the lesson worker), builds its lab (a fresh World
// with the lesson's seed, its setup run as the lab's base), runs a step's commands with one click, marks
// every command with the step it ran during, and asks the lesson worker for a step's verdict.
import type { Lesson, LessonCommand } from '../../sim/lessons/types';
import { toWorker, termNs } from '../protocol';
import { useLab } from '../store';
import { post } from '../store/port';
import { BUILT_IN_LESSONS } from './builtin';
import type { FromLessonWorker, StepCommand, ToLessonWorker } from './protocol';

let worker: Worker | null = null;
let checkSeq = 0;
/** a lesson being opened at a saved step (a reload, a lab file): its lab is already there */
let resume: { step: number; marks: Record<string, string> } | null = null;
/** a one-click run waiting for its commands to be logged, then checked */
let pendingRun: { group: string; step: string; expect: number; timer: ReturnType<typeof setTimeout> } | null = null;

const isBase = (group: string) => group.startsWith('preset:');

function send(m: ToLessonWorker): void {
  if (!worker) {
    worker = new Worker(new URL('./lesson.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<FromLessonWorker>) => receive(e.data));
  }
  worker.postMessage(m);
}

function receive(m: FromLessonWorker): void {
  const s = useLab.getState();
  switch (m.type) {
    case 'lesson':
      if (resume) {
        s.setLesson(m.lesson, resume.step, resume.marks);
        resume = null;
      } else {
        s.setLesson(m.lesson);
        buildLab(m.lesson);
      }
      return;
    case 'invalid':
      resume = null;
      s.setNotice({ kind: 'error', text: `${m.source} is not a valid lesson, the open lab is kept: ${m.problems.slice(0, 4).join('; ')}` });
      return;
    case 'result':
      if (m.id === checkSeq) s.setVerdict(m.step, { state: 'done', result: m.result, error: m.error });
      return;
  }
}

/** Sends commands as runs, one message per run of consecutive commands in the same terminal. */
function sendRuns(cmds: readonly LessonCommand[], group: string, mode: 'sync' | 'async'): void {
  let i = 0;
  while (i < cmds.length) {
    const ns = cmds[i].ns;
    const lines: string[] = [];
    while (i < cmds.length && cmds[i].ns === ns) lines.push(cmds[i++].run);
    post(toWorker({ type: 'run', ns, lines, group, mode }));
  }
}

function buildLab(lesson: Lesson): void {
  const s = useLab.getState();
  useLab.setState({ seed: lesson.seed, log: [], redoStack: [], moves: [], now: 0, presetId: `lesson:${lesson.id}`, positions: {}, selectedId: null, selectedNs: 'host' });
  s.termsReset();
  s.flowReset?.();
  s.clearCaptures?.();
  post(toWorker({ type: 'load', seed: lesson.seed, log: [], now: 0 }));
  sendRuns(lesson.setup, `preset:lesson:${lesson.id}`, 'sync');
}

export function openLessonText(text: string, source: string, at?: { step: number; marks: Record<string, string> }): void {
  resume = at ?? null;
  send({ type: 'load', text, source });
}

export async function openBuiltInLesson(id: string, at?: { step: number; marks: Record<string, string> }): Promise<void> {
  const b = BUILT_IN_LESSONS[id];
  if (!b) {
    useLab.getState().setNotice({ kind: 'error', text: `The lab was in lesson "${id}", which this app does not have; the lab is open without it.` });
    return;
  }
  openLessonText(await b.text(), `lessons/${id}.json`, at);
}

/** The commands the lab ran since the lesson's setup, each with the step it ran during. */
function stepCommands(lesson: Lesson): StepCommand[] {
  const { log, lessonMarks } = useLab.getState();
  const first = lesson.steps[0].id;
  return log.filter((e) => !isBase(e.group)).map((e) => ({ step: lessonMarks[e.group] ?? first, run: e.line, ns: termNs(e.ns) }));
}

export function checkStep(stepId: string): void {
  const s = useLab.getState();
  if (!s.lesson) return;
  s.setVerdict(stepId, { state: 'pending' });
  send({ type: 'check', id: ++checkSeq, lesson: s.lesson, step: stepId, commands: stepCommands(s.lesson) });
}

/** Runs the current step's commands in their terminals at once, then checks the step. */
export function runStep(): void {
  const s = useLab.getState();
  const step = s.lesson?.steps[s.lessonStep];
  if (!step) return;
  const g = s.groupSeq + 1;
  const group = `l${g}`;
  useLab.setState({ groupSeq: g, redoStack: [] });
  s.markGroup(group, step.id);
  const expect = step.commands.filter((c) => !c.note).length;
  if (pendingRun) clearTimeout(pendingRun.timer);
  pendingRun = { group, step: step.id, expect, timer: setTimeout(() => finishRun(group), 3000) };
  for (const c of step.commands) if (!c.note) s.pushHistory(c.ns, c.run);
  sendRuns(step.commands, group, 'sync');
  if (!expect) finishRun(group);
}

function finishRun(group: string): void {
  if (pendingRun?.group !== group) return;
  clearTimeout(pendingRun.timer);
  const step = pendingRun.step;
  pendingRun = null;
  if (useLab.getState().lesson?.steps.some((x) => x.id === step && x.check)) checkStep(step);
}

// commands typed during a lesson belong to the step on screen; a one-click run is checked once logged
useLab.subscribe((s, prev) => {
  if (s.log === prev.log || !s.lesson) return;
  const step = s.lesson.steps[s.lessonStep]?.id;
  const known = new Set(prev.log.map((e) => e.id));
  for (const e of s.log) if (!known.has(e.id) && !isBase(e.group) && !(e.group in useLab.getState().lessonMarks) && step) s.markGroup(e.group, step);
  if (pendingRun && s.log.filter((e) => e.group === pendingRun!.group).length >= pendingRun.expect) finishRun(pendingRun.group);
});
