// A lab as a file: versioned JSON holding the command log (with its virtual times), the seed, the clock,
// the diagram's positions, the lesson step and where the reader stopped on the packet flow. Validated field by field before anything of it reaches
// the store or the worker: a file carries commands for the interpreter's allow-list and nothing else.
import type { LogEntry } from '../protocol';
import type { XY } from '../model/layout';
import type { FlowPosition } from '../flows/position';
import { lineProblem } from './commands';

export const LAB_FORMAT = 'linux-netlab-lab';
export const LAB_VERSION = 1;
const MAX_ENTRIES = 20_000;
const NAME = /^[A-Za-z0-9_.-]{1,64}(#[A-Za-z0-9_.-]{1,64})?$/;
const GROUP = /^[A-Za-z0-9_:.-]{1,128}$/;
const ID = /^[A-Za-z0-9_:.@-]{1,256}$/;

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

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isUInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function extra(o: Record<string, unknown>, allowed: string[], path: string, out: string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) out.push(`${path}${k}: unknown field`);
}

function checkEntry(e: unknown, i: number, prevAt: number, out: string[]): LogEntry | null {
  const p = `log[${i}]`;
  if (!isObj(e)) {
    out.push(`${p}: not an object`);
    return null;
  }
  extra(e, ['id', 'group', 'ns', 'line', 'at', 'mode', 'stopAt'], `${p}.`, out);
  const n = out.length;
  if (!isUInt(e.id)) out.push(`${p}.id: not a whole number`);
  if (typeof e.group !== 'string' || !GROUP.test(e.group)) out.push(`${p}.group: not a group name`);
  if (typeof e.ns !== 'string' || !NAME.test(e.ns)) out.push(`${p}.ns: not a terminal name`);
  if (typeof e.line !== 'string') out.push(`${p}.line: not a string`);
  else {
    const why = lineProblem(e.line);
    if (why) out.push(`${p}.line: \`${e.line.slice(0, 80)}\` ${why}`);
  }
  if (!isUInt(e.at) || e.at < prevAt) out.push(`${p}.at: not a virtual time at or after the entry before`);
  if (e.mode !== 'sync' && e.mode !== 'async') out.push(`${p}.mode: "sync" or "async"`);
  if (e.stopAt !== undefined && (!isUInt(e.stopAt) || (isUInt(e.at) && e.stopAt < e.at))) out.push(`${p}.stopAt: not a virtual time after the start`);
  if (out.length > n) return null;
  const r: LogEntry = { id: e.id as number, group: e.group as string, ns: e.ns as string, line: e.line as string, at: e.at as number, mode: e.mode as 'sync' | 'async' };
  if (e.stopAt !== undefined) r.stopAt = e.stopAt as number;
  return r;
}

const SPEED_MIN = 0.1;
const SPEED_MAX = 10;
const TYPE = /^[a-z-]{1,32}$/;

function checkPlayback(p: unknown, out: string[]): FlowPosition | undefined {
  const n = out.length;
  if (!isObj(p)) {
    out.push('playback: not an object');
    return undefined;
  }
  extra(p, ['from', 'time', 'frame', 'type', 'ns', 'dev', 'nth', 'speed'], 'playback.', out);
  for (const k of ['from', 'time', 'frame', 'nth'] as const) if (!isUInt(p[k])) out.push(`playback.${k}: not a whole number`);
  if (typeof p.type !== 'string' || !TYPE.test(p.type)) out.push('playback.type: not an event type');
  if (typeof p.ns !== 'string' || !NAME.test(p.ns)) out.push('playback.ns: not a namespace name');
  if (typeof p.dev !== 'string' || !(p.dev === '' || ID.test(p.dev))) out.push('playback.dev: not a device name');
  if (!isNum(p.speed) || p.speed < SPEED_MIN || p.speed > SPEED_MAX) out.push(`playback.speed: not a speed from ${SPEED_MIN} to ${SPEED_MAX}`);
  if (out.length > n) return undefined;
  const { from, time, frame, type, ns, dev, nth, speed } = p as unknown as FlowPosition;
  return { from, time, frame, type, ns, dev, nth, speed };
}

/** Checks a parsed file; every problem is listed with the path of its field. */
export function checkLab(v: unknown): Checked {
  const out: string[] = [];
  if (!isObj(v)) return { ok: false, problems: ['not a lab file (a JSON object was expected)'] };
  if (v.format !== LAB_FORMAT) return { ok: false, problems: [`not a lab file (format is not "${LAB_FORMAT}")`] };
  if (!isUInt(v.version) || v.version > LAB_VERSION) return { ok: false, problems: [`version ${String(v.version)}: this app reads lab files up to version ${LAB_VERSION}; a newer app wrote it`] };
  extra(v, ['format', 'version', 'seed', 'presetId', 'now', 'log', 'positions', 'lesson', 'playback'], '', out);
  if (!isUInt(v.seed)) out.push('seed: not a whole number');
  if (typeof v.presetId !== 'string' || !ID.test(v.presetId)) out.push('presetId: not a name');
  if (!isUInt(v.now)) out.push('now: not a virtual time');
  const log: LogEntry[] = [];
  if (!Array.isArray(v.log)) out.push('log: not a list');
  else if (v.log.length > MAX_ENTRIES) out.push(`log: more than ${MAX_ENTRIES} entries`);
  else {
    let prev = 0;
    const ids = new Set<number>();
    v.log.forEach((e, i) => {
      const r = checkEntry(e, i, prev, out);
      if (!r) return;
      if (ids.has(r.id)) out.push(`log[${i}].id: ${r.id} appears twice`);
      ids.add(r.id);
      prev = r.at;
      log.push(r);
    });
  }
  const positions: Record<string, XY> = {};
  if (!isObj(v.positions)) out.push('positions: not an object');
  else
    for (const [k, p] of Object.entries(v.positions)) {
      if (!ID.test(k) || !isObj(p) || !isNum(p.x) || !isNum(p.y) || Object.keys(p).length !== 2) out.push(`positions.${k.slice(0, 40)}: not {x, y}`);
      else positions[k] = { x: p.x, y: p.y };
    }
  let lesson: LabLesson | undefined;
  if (v.lesson !== undefined) {
    const l = v.lesson;
    if (!isObj(l) || typeof l.id !== 'string' || !ID.test(l.id) || !isUInt(l.step) || !isObj(l.marks)) out.push('lesson: not {id, step, marks}');
    else {
      const marks: Record<string, string> = {};
      for (const [g, s] of Object.entries(l.marks)) {
        if (!GROUP.test(g) || typeof s !== 'string' || !ID.test(s)) out.push(`lesson.marks.${g.slice(0, 40)}: not a step id`);
        else marks[g] = s;
      }
      lesson = { id: l.id, step: l.step, marks };
    }
  }
  const playback = v.playback === undefined ? undefined : checkPlayback(v.playback, out);
  if (out.length) return { ok: false, problems: out };
  const lab: LabFile = { format: LAB_FORMAT, version: LAB_VERSION, seed: v.seed as number, presetId: v.presetId as string, now: v.now as number, log, positions };
  if (lesson) lab.lesson = lesson;
  if (playback) lab.playback = playback;
  return { ok: true, lab };
}

/** Parses and checks a file's text. */
export function parseLab(text: string): Checked {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`not JSON: ${(e as Error).message}`] };
  }
  return checkLab(v);
}

/** One message for a refused file or link. */
export const problemsText = (what: string, problems: string[]): string =>
  `${what} was refused, the open lab is kept: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`;
