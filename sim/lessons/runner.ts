// Runs a lesson (lessons/FORMAT.md) through the simulator's interpreter: its setup, then each step's
// commands with tcpdump on the watched interfaces and the trace recorded, then the step's check.
// Pure: no DOM, no wall clock; the same lesson and seed always give the same outputs.
import { World } from '../world';
import { Shell } from '../shell/shell';
import { Capture } from '../apps/capture';
import { MacNamer, normalizeLine } from '../transcript/normalize';
import { allDeviceMacs, CAPTURE_TAIL_US, COMMAND_GAP_US } from '../transcript/scenario';
import { observesLinks } from '../transcript/commands';
import type { TraceEvent } from '../net/trace';
import { evaluateCheck, type CheckEnv, type CommandRecord, type StepRecord } from './checks';
import type { CheckResult, Lesson, LessonCommand, LessonStep } from './types';

/** A setup command that failed, or a step that does not exist. */
export class LessonRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonRunError';
  }
}

export interface LessonRunOptions {
  /** overrides the lesson's seed */
  seed?: number;
  /** bring lo up in namespaces made later (the conformance environment and exported scripts do; Linux does not) */
  loUpInNewNetns?: boolean;
}

/** A command as it ran: its terminal's namespace, its line and the virtual µs it started at. */
export interface RanCommand {
  ns: string;
  line: string;
  at: number;
}

/**
 * The lab a step starts from: the setup and every earlier step's commands, each at the virtual time it
 * started, and the clock at the end. A fresh World with the lesson's seed that runs each command to its
 * end at its time (the app's log replay) comes to the same state.
 */
export interface StepStart {
  step: number;
  commands: RanCommand[];
  end: number;
}

/** A line of `tcpdump -n -e` as the app's captures show it: the time of day first. */
const CLOCK = /^\d{2}:\d{2}:\d{2}\.\d{6} /;

export interface StepOutcome {
  step: LessonStep;
  record: StepRecord;
  /** undefined for a step without a check (reading only) */
  result?: CheckResult;
}

export class LessonRun {
  readonly world: World;
  readonly shell: Shell;
  /** names MACs after the first device that had them, as conformance/FORMAT.md does */
  readonly names = new MacNamer();
  private readonly records = new Map<string, StepRecord>();
  private setupDone = false;
  /** while computing a step's start: every command run, with its time */
  private journal: RanCommand[] | null = null;

  constructor(
    readonly lesson: Lesson,
    opts: LessonRunOptions = {},
  ) {
    this.world = new World(opts.seed ?? lesson.seed, { loUpInNewNetns: opts.loUpInNewNetns ?? false });
    this.shell = new Shell(this.world);
    this.names.observe(allDeviceMacs(this.world));
  }

  /** Runs the lesson's setup (once); throws LessonRunError naming the first command that failed. */
  setup(): void {
    if (this.setupDone) return;
    this.setupDone = true;
    this.lesson.setup.forEach((c, i) => {
      if (c.note) return;
      const r = this.exec(c.run, c.ns, [], null);
      if (r.code !== 0)
        throw new LessonRunError(
          `setup[${i}]: \`${c.run}\`${c.ns === 'host' ? '' : ` (in ${c.ns})`} failed with exit ${r.code}${r.lines.length ? `:\n${r.lines.join('\n')}` : ''}`,
        );
    });
  }

  step(ref: string | number): LessonStep {
    const s = typeof ref === 'number' ? this.lesson.steps[ref] : this.lesson.steps.find((x) => x.id === ref);
    if (!s) throw new LessonRunError(`no step ${JSON.stringify(ref)} in lesson ${this.lesson.id}`);
    return s;
  }

  /** What the step's commands did so far, if they ran. */
  record(ref: string | number): StepRecord | undefined {
    return this.records.get(this.step(ref).id);
  }

  /** Runs every command of a step (notes are skipped), recording outputs, captures and trace events. */
  runStep(ref: string | number): StepRecord {
    this.setup();
    const step = this.step(ref);
    const rec: StepRecord = { commands: [], events: [], captures: {} };
    this.records.set(step.id, rec);
    for (const c of step.commands) if (!c.note) this.exec(c.run, c.ns, step.watch.capture, rec);
    return rec;
  }

  /** Runs one command typed by the learner during a step: recorded with the step's, watched the same way. */
  runCommand(ref: string | number, cmd: Pick<LessonCommand, 'run' | 'ns'>): CommandRecord {
    this.setup();
    const step = this.step(ref);
    let rec = this.records.get(step.id);
    if (!rec) {
      rec = { commands: [], events: [], captures: {} };
      this.records.set(step.id, rec);
    }
    return this.exec(cmd.run, cmd.ns, step.watch.capture, rec);
  }

  /** Evaluates a step's check against the lab as it is now and what its commands did. */
  check(ref: string | number): CheckResult | undefined {
    this.setup();
    const step = this.step(ref);
    if (!step.check) return undefined;
    return evaluateCheck(step.check, this.env(this.records.get(step.id)));
  }

  /** Runs the setup and the commands of every step before step `k` (0-based): the lab step `k` starts from. */
  runUpTo(k: number): void {
    this.setup();
    const n = Math.max(0, Math.min(k, this.lesson.steps.length - 1));
    for (let i = 0; i < n; i++) this.runStep(i);
  }

  /** What `runUpTo(k)` runs, as a log the app replays. Only on a fresh run. */
  startOf(k: number): StepStart {
    if (this.setupDone) throw new LessonRunError('startOf needs a fresh LessonRun');
    const step = Math.max(0, Math.min(k, this.lesson.steps.length - 1));
    this.journal = [];
    try {
      this.runUpTo(step);
      return { step, commands: this.journal, end: this.world.now };
    } finally {
      this.journal = null;
    }
  }

  /**
   * Makes a step's captures those the learner saw (lines of `tcpdump -n -e` on each interface, as the
   * app's Captures pane shows them) instead of the run's own, so its capture checks read the same lines.
   */
  useCaptures(ref: string | number, captures: Record<string, readonly string[]>): void {
    const step = this.step(ref);
    let rec = this.records.get(step.id);
    if (!rec) {
      rec = { commands: [], events: [], captures: {} };
      this.records.set(step.id, rec);
    }
    for (const [iface, lines] of Object.entries(captures)) {
      if (!step.watch.capture.includes(iface)) continue;
      rec.captures[iface] = lines.map((l) => this.normalize(l.replace(CLOCK, '')));
    }
  }

  /** Runs every step in order and checks each. */
  runAll(): StepOutcome[] {
    return this.lesson.steps.map((step) => {
      const record = this.runStep(step.id);
      const result = this.check(step.id);
      return result ? { step, record, result } : { step, record };
    });
  }

  normalize(line: string): string {
    return normalizeLine(line, this.names);
  }

  private env(record: StepRecord | undefined): CheckEnv {
    return {
      world: this.world,
      record,
      normalize: (l) => this.normalize(l),
      probe: (line, ns) => {
        const r = this.exec(line, ns, [], null);
        return { lines: r.lines, code: r.code };
      },
    };
  }

  /**
   * One command on the virtual clock, as the transcript runner does it: tcpdump on `watch` for the
   * command's duration and a short tail after it, then a gap before the next command.
   */
  private exec(line: string, ns: string, watch: string[], rec: StepRecord | null): CommandRecord {
    const w = this.world;
    if (!w.netns(ns)) {
      const r = { run: line, ns, lines: [`netlab: there is no namespace "${ns}" (yet)`], code: 1 };
      rec?.commands.push(r);
      return r;
    }
    if (observesLinks(line)) w.linkWatch.settle();
    this.journal?.push({ ns, line, at: w.now });
    const caps: { iface: string; cap: Capture | null }[] = watch.map((iface) => {
      const [nsName, dev] = iface.includes(':') ? (iface.split(':', 2) as [string, string]) : ['host', iface];
      const d = w.netns(nsName)?.dev(dev);
      if (!d) return { iface, cap: null };
      const cap = new Capture(d, { withE: true });
      cap.start();
      return { iface, cap };
    });
    const prevTrace = w.trace;
    if (rec) {
      w.trace = (e: TraceEvent) => {
        rec.events.push(e);
        prevTrace?.(e);
      };
    }
    let r: { lines: string[]; code: number };
    try {
      r = this.shell.run(line, ns);
      if (caps.length) w.sched.runUntil(w.now + CAPTURE_TAIL_US);
    } finally {
      for (const c of caps) c.cap?.stop();
      w.trace = prevTrace;
    }
    w.sched.runUntil(w.now + COMMAND_GAP_US);
    this.names.observe(allDeviceMacs(w));
    const out: CommandRecord = {
      run: line,
      ns,
      lines: r.lines.filter((l) => l.trim() !== '').map((l) => this.normalize(l)),
      code: r.code,
    };
    if (rec) {
      rec.commands.push(out);
      for (const c of caps) {
        const lines = c.cap
          ? c.cap.lines().map((l) => this.normalize(l))
          : [`tcpdump: ${c.iface.split(':').pop()}: No such device exists`];
        (rec.captures[c.iface] ??= []).push(...lines);
      }
    }
    return out;
  }
}
