// Drives a lesson on the open lab: opens it (validated by the lesson worker), puts the lab in the state a
// step starts from whenever a step is entered (the lesson worker computes the setup and earlier steps'
// commands with their virtual times; the sim worker replays them at once, without streaming a packet
// flow), runs a step's commands with one click (opening the captures the step names), marks every
// command with the step it ran during, and asks the lesson worker for a step's verdict.
import { commandLine, type Lesson, type LessonCommand, type StepStart, own } from '../../sim/index';
import { toWorker, termNs } from '../protocol';
import { useLab } from '../store';
import { post } from '../store/port';
import { captureTerm } from '../store/captures';
import { BUILT_IN_LESSONS } from './builtin';
import { startLog, startStepOf } from './stepStart';
import { t, tf } from '../i18n/strings';
import type { FromLessonWorker, StepCommand, ToLessonWorker } from './protocol';

let worker: Worker | null = null;
let checkSeq = 0;
let startSeq = 0;
/** a lesson being opened at a saved step (a reload, a lab file): its lab is already there */
let resume: { step: number; marks: Record<string, string> } | null = null;
/** a one-click run waiting for its commands to be logged, then checked */
let pendingRun: { group: string; step: string; expect: number; timer: ReturnType<typeof setTimeout> } | null = null;

/** How long a capture runs on after a step's last command before the check reads it (the runner's tail, 300 ms). */
const CAPTURE_TAIL_MS = 400;

const isBase = (group: string) => group.startsWith('preset:');

function send(m: ToLessonWorker): void {
  if (!worker) {
    // the simulation worker's script, named 'lesson': one copy of the simulator for both workers
    worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'lesson' });
    worker.addEventListener('message', (e: MessageEvent<FromLessonWorker>) => receive(e.data));
  }
  worker.postMessage(m);
}

function receive(m: FromLessonWorker): void {
  const s = useLab.getState();
  switch (m.type) {
    case 'lesson':
      if (resume) {
        const at = resume;
        resume = null;
        s.setLesson(m.lesson, at.step, at.marks);
        // a saved lab of this lesson is its step's lab; one without the lesson's base is rebuilt
        if (startStepOf(s.log, m.lesson.id) === null) startStep(at.step);
      } else {
        s.setLesson(m.lesson);
        startStep(0);
      }
      return;
    case 'invalid':
      resume = null;
      s.setNotice({
        kind: 'error',
        text: tf('notice.lessonInvalid', s.lang, { source: m.source, problems: m.problems.slice(0, 4).join('; ') }),
      });
      return;
    case 'result':
      if (m.id === checkSeq) s.setVerdict(m.step, { state: 'done', result: m.result, error: m.error });
      return;
    case 'start':
      if (m.id !== startSeq) return; // a later step was entered meanwhile
      if (!m.start || !s.lesson) {
        useLab.setState({ lessonStarting: false });
        s.setNotice({
          kind: 'error',
          text: tf('notice.stepBuildFailed', s.lang, { error: m.error ?? t('notice.noLesson', s.lang) }),
        });
        return;
      }
      applyStart(s.lesson, m.start);
      return;
  }
}

/** Asks the lesson worker for the lab step `k` starts from; applyStart replays it. */
function startStep(k: number): void {
  const s = useLab.getState();
  if (!s.lesson) return;
  if (pendingRun) clearTimeout(pendingRun.timer);
  pendingRun = null;
  useLab.setState({ lessonStarting: true, lessonCaptures: null, lessonRan: null });
  send({ type: 'start', id: ++startSeq, lesson: s.lesson, step: k });
}

/** Replaces the lab by a step's start: a fresh World replaying the start's log, no flow streamed. */
function applyStart(lesson: Lesson, start: StepStart): void {
  const s = useLab.getState();
  const log = startLog(lesson.id, start);
  const step = lesson.steps[start.step];
  const verdicts = { ...s.verdicts };
  if (step) delete verdicts[step.id];
  useLab.setState({
    seed: lesson.seed,
    log,
    redoStack: [],
    moves: [],
    now: start.end,
    presetId: `lesson:${lesson.id}`,
    selectedId: null,
    selectedNs: 'host',
    activeTerm: 'host',
    lessonMarks: {},
    lessonStarting: false,
    lessonCaptures: null,
    lessonRan: null,
    verdicts,
  });
  s.termsReset();
  s.flowReset?.();
  s.clearCaptures?.();
  post(toWorker({ type: 'load', seed: lesson.seed, log, now: start.end }));
  const zh = s.lang === 'zh';
  const n = start.step;
  s.termInfo(
    'host',
    n === 0
      ? zh
        ? `# 步骤 1:课程的实验环境已建好(${log.length} 条命令)`
        : `# Step 1: the lesson's lab is built (${log.length} commands)`
      : zh
        ? `# 步骤 ${n + 1}:实验环境已恢复为步骤 1-${n} 完成后的样子(${log.length} 条命令)`
        : `# Step ${n + 1}: the lab is as steps 1-${n} left it (${log.length} commands replayed)`,
  );
}

/** Enters step `i` (Next, Back, the step list, the classroom's keys): its text, and the lab it starts from. */
export function goToStep(i: number): void {
  const s = useLab.getState();
  if (!s.lesson) return;
  const k = Math.max(0, Math.min(s.lesson.steps.length - 1, i));
  if (k === s.lessonStep && !s.lessonStarting && startStepOf(s.log, s.lesson.id) === k) return;
  s.setLessonStep(k);
  startStep(k);
}

/** "Reset this step": the lab goes back to the step's start, whatever was typed since. */
export function resetStep(): void {
  const s = useLab.getState();
  if (s.lesson) startStep(s.lessonStep);
}

export function openLessonText(
  text: string,
  source: string,
  at?: { step: number; marks: Record<string, string> },
): void {
  resume = at ?? null;
  send({ type: 'load', text, source });
}

export async function openBuiltInLesson(
  id: string,
  at?: { step: number; marks: Record<string, string> },
): Promise<void> {
  const b = own(BUILT_IN_LESSONS, id);
  if (!b) {
    const s = useLab.getState();
    s.setNotice({ kind: 'error', text: tf('notice.lessonMissing', s.lang, { id }) });
    return;
  }
  openLessonText(await b.text(), `lessons/${id}.json`, at);
}

/** The commands the lab ran since the step it started at, each with the step it ran during (captures left out). */
function stepCommands(lesson: Lesson): StepCommand[] {
  const { log, lessonMarks } = useLab.getState();
  const first = lesson.steps[0].id;
  return log
    .filter((e) => !isBase(e.group) && !e.ns.includes('#'))
    .map((e) => ({ step: lessonMarks[e.group] ?? first, run: e.line, ns: termNs(e.ns) }));
}

/** What the captures a step's run opened show, by the interface the step names. */
function shownCaptures(stepId: string, lesson: Lesson): Record<string, string[]> | undefined {
  const { lessonCaptures, captures } = useLab.getState();
  const step = lesson.steps.find((x) => x.id === stepId);
  if (!step || lessonCaptures?.step !== stepId) return undefined;
  const out: Record<string, string[]> = {};
  step.watch.capture.forEach((iface, i) => {
    const term = lessonCaptures.terms[i];
    const cap = Object.values(captures)
      .filter((c) => c.term === term)
      .sort((a, b) => b.id - a.id)[0];
    if (cap) out[iface] = cap.lines;
  });
  return out;
}

export function checkStep(stepId: string): void {
  const s = useLab.getState();
  if (!s.lesson) return;
  s.setVerdict(stepId, { state: 'pending' });
  const from = startStepOf(s.log, s.lesson.id) ?? 0;
  const captures = shownCaptures(stepId, s.lesson);
  send({
    type: 'check',
    id: ++checkSeq,
    lesson: s.lesson,
    step: stepId,
    from,
    commands: stepCommands(s.lesson),
    ...(captures ? { captures } : {}),
  });
}

/** Splits `[NS:]DEV` as a step's watch.capture names it. */
const ifaceOf = (iface: string) =>
  iface.includes(':') ? { ns: iface.split(':')[0], dev: iface.split(':')[1] } : { ns: 'host', dev: iface };

/** Opens a capture (tcpdump in a terminal of its own) on each interface the step names, in that order. */
function openCaptures(stepId: string, ifaces: readonly string[]): void {
  if (!ifaces.length) return;
  const s = useLab.getState();
  const terms: string[] = [];
  for (const iface of ifaces) {
    const { ns, dev } = ifaceOf(iface);
    const term = captureTerm(ns, dev);
    if (own(s.terms, term)?.busy) post(toWorker({ type: 'interrupt', ns: term }));
    const g = useLab.getState().groupSeq + 1;
    useLab.setState({ groupSeq: g });
    post(toWorker({ type: 'run', ns: term, lines: [`tcpdump -n -e -i ${dev}`], group: `c${g}`, mode: 'async' }));
    terms.push(term);
  }
  useLab.setState((st) => ({ lessonCaptures: { step: stepId, terms }, capturesShown: st.capturesShown + 1 }));
}

/** Sends a step's commands as runs, one message per run of consecutive commands in the same terminal. */
function sendRuns(cmds: readonly LessonCommand[], group: string): void {
  const lang = useLab.getState().lang;
  let i = 0;
  while (i < cmds.length) {
    const ns = cmds[i].ns;
    const lines: string[] = [];
    while (i < cmds.length && cmds[i].ns === ns) lines.push(commandLine(cmds[i++], lang));
    post(toWorker({ type: 'run', ns, lines, group, mode: 'sync' }));
  }
}

/** Runs the current step's commands in their terminals at once (its captures opened first), then checks the step. */
export function runStep(): void {
  const s = useLab.getState();
  const step = s.lesson?.steps[s.lessonStep];
  if (!step || s.lessonStarting) return;
  useLab.setState({ lessonRan: step.id });
  openCaptures(step.id, step.watch.capture);
  const g = useLab.getState().groupSeq + 1;
  const group = `l${g}`;
  useLab.setState({ groupSeq: g, redoStack: [] });
  s.markGroup(group, step.id);
  const expect = step.commands.filter((c) => !c.note).length;
  if (pendingRun) clearTimeout(pendingRun.timer);
  pendingRun = { group, step: step.id, expect, timer: setTimeout(() => finishRun(group), 3000) };
  for (const c of step.commands) if (!c.note) s.pushHistory(c.ns, c.run);
  sendRuns(step.commands, group);
  if (!expect) finishRun(group);
}

function finishRun(group: string): void {
  if (pendingRun?.group !== group) return;
  clearTimeout(pendingRun.timer);
  const step = pendingRun.step;
  pendingRun = null;
  const lesson = useLab.getState().lesson;
  const st = lesson?.steps.find((x) => x.id === step);
  if (!st?.check) return;
  // captures run on a little after the last command, as the runner's do, before the check reads them
  if (st.watch.capture.length)
    setTimeout(() => useLab.getState().lesson === lesson && checkStep(step), CAPTURE_TAIL_MS);
  else checkStep(step);
}

// commands typed during a lesson belong to the step on screen; a one-click run is checked once logged
useLab.subscribe((s, prev) => {
  if (s.log === prev.log || !s.lesson) return;
  const step = s.lesson.steps[s.lessonStep]?.id;
  const known = new Set(prev.log.map((e) => e.id));
  for (const e of s.log)
    if (!known.has(e.id) && !isBase(e.group) && !(e.group in useLab.getState().lessonMarks) && step)
      s.markGroup(e.group, step);
  if (pendingRun && s.log.filter((e) => e.group === pendingRun!.group).length >= pendingRun.expect)
    finishRun(pendingRun.group);
});
