// A lab as a file: versioned JSON holding the command log (with its virtual times), the seed, the clock,
// the diagram's positions, the lesson step and where the reader stopped on the packet flow. Validated by a
// schema (valibot) before anything of it reaches the store or the worker: every field typed and bounded, a
// file carries commands for the interpreter's allow-list and nothing else, and each problem is named by the
// path of its field.
import * as v from 'valibot';
import type { LogEntry } from '../protocol';
import type { XY } from '../model/layout';
import type { FlowPosition } from '../flows/position';
import { lineProblem } from './commands';

export const LAB_FORMAT = 'linux-netlab-lab';
export const LAB_VERSION = 1;
export const MAX_ENTRIES = 20_000;
/** Dragged positions a lab may hold: one per device or namespace of a very large diagram. */
export const MAX_POSITIONS = 10_000;
/** A coordinate further out than this is no place on a diagram. */
export const MAX_COORD = 1_000_000;
/**
 * Latest virtual time (µs) a lab may name: 30 days. The clock runs with real time while a lab is open, so a
 * long-open tab legitimately reaches hours; what a load may replay is bounded separately (MAX_REPLAY_EVENTS).
 */
export const MAX_TIME_US = 30 * 24 * 3600 * 1_000_000;
/** Longest lab file (characters) read at all: 20,000 entries of long lines fit. */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;
const NAME = /^[A-Za-z0-9_.-]{1,64}(#[A-Za-z0-9_.-]{1,64})?$/;
const GROUP = /^[A-Za-z0-9_:.-]{1,128}$/;
const ID = /^[A-Za-z0-9_:.@-]{1,256}$/;
const SPEED_MIN = 0.1;
const SPEED_MAX = 10;
const TYPE = /^[a-z-]{1,32}$/;

export interface LabLesson {
  id: string;
  step: number;
  /** which log groups ran during which step, for the lesson's checks */
  marks: Record<string, string>;
}

export interface LabFile {
  format: typeof LAB_FORMAT;
  version: typeof LAB_VERSION;
  seed: number;
  presetId: string;
  /** virtual µs the lab had reached: a reload runs the clock on to here */
  now: number;
  log: LogEntry[];
  positions: Record<string, XY>;
  lesson?: LabLesson;
  /** where the reader stopped on the packet flow, if they did */
  playback?: FlowPosition;
}

export type Checked = { ok: true; lab: LabFile } | { ok: false; problems: string[] };

const whole = (what = 'must be a whole number') => v.pipe(v.number(what), v.safeInteger(what), v.minValue(0, what));
const time = () =>
  v.pipe(
    v.number('must be a virtual time in µs (a number)'),
    v.safeInteger('must be a whole number of µs'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(MAX_TIME_US, `must be at most ${MAX_TIME_US} µs (30 days)`),
  );
const text = (re: RegExp, what: string) => v.pipe(v.string(what), v.regex(re, what));
const finite = v.pipe(
  v.number('must be a number'),
  v.finite('must be a finite number'),
  v.minValue(-MAX_COORD, `must be at least -${MAX_COORD}`),
  v.maxValue(MAX_COORD, `must be at most ${MAX_COORD}`),
);

const Entry = v.strictObject(
  {
    id: whole(),
    group: text(GROUP, 'not a group name'),
    ns: text(NAME, 'not a terminal name'),
    line: v.pipe(
      v.string('must be a string'),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const why = lineProblem(dataset.value);
        if (why) addIssue({ message: `\`${dataset.value.slice(0, 80)}\` ${why}` });
      }),
    ),
    at: time(),
    mode: v.picklist(['sync', 'async'], 'must be "sync" or "async"'),
    stopAt: v.optional(time()),
  },
  'not an object',
);

const Playback = v.strictObject(
  {
    from: whole(),
    time: whole(),
    frame: whole(),
    type: text(TYPE, 'not an event type'),
    ns: text(NAME, 'not a namespace name'),
    dev: v.pipe(
      v.string('not a device name'),
      v.check((d) => d === '' || ID.test(d), 'not a device name'),
    ),
    nth: whole(),
    speed: v.pipe(
      v.number(`not a speed from ${SPEED_MIN} to ${SPEED_MAX}`),
      v.minValue(SPEED_MIN, `not a speed from ${SPEED_MIN} to ${SPEED_MAX}`),
      v.maxValue(SPEED_MAX, `not a speed from ${SPEED_MIN} to ${SPEED_MAX}`),
    ),
  },
  'not an object',
);

const Lesson = v.strictObject(
  {
    id: text(ID, 'not a lesson id'),
    step: whole(),
    marks: v.pipe(
      v.record(text(GROUP, 'not a group name'), text(ID, 'not a step id'), 'not an object'),
      v.check((m) => Object.keys(m).length <= MAX_ENTRIES, `more than ${MAX_ENTRIES} marks`),
    ),
  },
  'not {id, step, marks}',
);

const Lab = v.strictObject(
  {
    format: v.literal(LAB_FORMAT),
    version: v.number(),
    seed: v.pipe(
      v.number('must be a number'),
      v.safeInteger('must be a whole number'),
      v.minValue(0, 'must not be negative'),
      v.maxValue(0xffffffff, 'must be at most 4294967295'),
    ),
    presetId: text(ID, 'not a name'),
    now: time(),
    log: v.pipe(v.array(Entry, 'must be a list'), v.maxLength(MAX_ENTRIES, `more than ${MAX_ENTRIES} entries`)),
    positions: v.pipe(
      v.record(text(ID, 'not a node id'), v.strictObject({ x: finite, y: finite }, 'not {x, y}'), 'must be an object'),
      v.check((p) => Object.keys(p).length <= MAX_POSITIONS, `more than ${MAX_POSITIONS} positions`),
    ),
    lesson: v.optional(Lesson),
    playback: v.optional(Playback),
  },
  'not a lab file (a JSON object was expected)',
);

const pathOf = (issue: v.BaseIssue<unknown>): string =>
  (issue.path ?? [])
    .map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : `${i ? '.' : ''}${String(p.key).slice(0, 40)}`))
    .join('');

function describe(issue: v.BaseIssue<unknown>): string {
  const path = pathOf(issue);
  const unknownField = issue.type === 'strict_object' && issue.expected === 'never';
  const msg = unknownField ? 'unknown field' : issue.message;
  return path ? `${path}: ${msg}` : msg;
}

/** What only the whole file can tell: times in order, ids once, Ctrl-C after the start. */
function crossChecks(log: readonly LogEntry[], out: string[]): void {
  let prev = 0;
  const ids = new Set<number>();
  log.forEach((e, i) => {
    if (e.at < prev) out.push(`log[${i}].at: not a virtual time at or after the entry before`);
    if (e.stopAt !== undefined && e.stopAt < e.at) out.push(`log[${i}].stopAt: not a virtual time after the start`);
    if (ids.has(e.id)) out.push(`log[${i}].id: ${e.id} appears twice`);
    ids.add(e.id);
    prev = Math.max(prev, e.at);
  });
}

/** Checks a parsed file; every problem is listed with the path of its field. */
export function checkLab(x: unknown): Checked {
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    return { ok: false, problems: ['not a lab file (a JSON object was expected)'] };
  const o = x as Record<string, unknown>;
  if (o.format !== LAB_FORMAT) return { ok: false, problems: [`not a lab file (format is not "${LAB_FORMAT}")`] };
  // the version first, alone: a file from a newer app is told apart from a damaged one
  if (typeof o.version !== 'number')
    return {
      ok: false,
      problems: [
        `version: must be a number (this app reads version ${LAB_VERSION}), not ${JSON.stringify(o.version)?.slice(0, 20) ?? 'missing'}`,
      ],
    };
  if (!Number.isSafeInteger(o.version) || o.version < 1)
    return {
      ok: false,
      problems: [`version: ${o.version} is not a lab file version (this app reads version ${LAB_VERSION})`],
    };
  if (o.version > LAB_VERSION)
    return {
      ok: false,
      problems: [`version ${o.version}: this app reads lab files up to version ${LAB_VERSION}; a newer app wrote it`],
    };
  const r = v.safeParse(Lab, x);
  if (!r.success) return { ok: false, problems: r.issues.map(describe) };
  const out: string[] = [];
  crossChecks(r.output.log, out);
  if (out.length) return { ok: false, problems: out };
  const d = r.output;
  const log: LogEntry[] = d.log.map((e) => {
    const entry: LogEntry = { id: e.id, group: e.group, ns: e.ns, line: e.line, at: e.at, mode: e.mode };
    if (e.stopAt !== undefined) entry.stopAt = e.stopAt;
    return entry;
  });
  const lab: LabFile = {
    format: LAB_FORMAT,
    version: LAB_VERSION,
    seed: d.seed,
    presetId: d.presetId,
    now: d.now,
    log,
    positions: d.positions,
  };
  if (d.lesson) lab.lesson = d.lesson;
  if (d.playback) lab.playback = d.playback;
  return { ok: true, lab };
}

/** Parses and checks a file's text. */
export function parseLab(text: string): Checked {
  if (text.length > MAX_FILE_CHARS) return { ok: false, problems: [`larger than ${MAX_FILE_CHARS / 1024 / 1024} MB`] };
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`not JSON: ${(e as Error).message}`] };
  }
  return checkLab(x);
}

/** One message for a refused file or link (in English; the page wraps it in the reader's language). */
export const problemsText = (what: string, problems: string[]): string =>
  `${what} was refused, the open lab is kept: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`;
