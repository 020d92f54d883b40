// Reads a lesson file (lessons/FORMAT.md) into a Lesson, or says precisely what is wrong with it:
// every problem, each with the path of the field (`steps[3].check.of[1].kind`), so that a teacher can
// fix a file without reading code. Nothing here runs a command.
import { parseIp4 } from '../core/addr';
import type { TraceType } from '../net/trace';
import { COMMANDS } from '../shell/commands';
import { isNetnsObject } from '../shell/iproute2_words';
import { splitWords } from '../shell/lexer';
import {
  LESSON_FORMAT_VERSION,
  type Check,
  type Lesson,
  type LessonCommand,
  type LessonStep,
  type Match,
  type Says,
  type Text,
} from './types';

/** Every trace event type, checked against TraceType in both directions at compile time. */
export const TRACE_EVENTS = [
  'socket-send',
  'route',
  'neigh',
  'xmit',
  'rx',
  'br-port-rx',
  'fdb-learn',
  'br-forward',
  'br-flood',
  'br-up',
  'deliver',
  'arp-reply',
  'arp-ignore',
  'loopback',
  'nat',
  'drop',
  'storm',
] as const satisfies readonly TraceType[];
type MissingTraceEvent = Exclude<TraceType, (typeof TRACE_EVENTS)[number]>;
const traceEventsComplete: MissingTraceEvent extends never ? true : never = true;
void traceEventsComplete;

export const NUD_STATES = [
  'INCOMPLETE',
  'REACHABLE',
  'STALE',
  'DELAY',
  'PROBE',
  'FAILED',
  'NOARP',
  'PERMANENT',
] as const;

const CHECK_KINDS = ['output', 'state', 'capture', 'trace', 'neigh', 'all', 'any', 'not'] as const;

/** A lesson file that cannot be used, with every problem found. */
export class LessonFormatError extends Error {
  constructor(
    readonly problems: string[],
    source = 'lesson',
  ) {
    super(`${source} is not a valid lesson:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LessonFormatError';
  }
}

export type Validated = { ok: true; lesson: Lesson } | { ok: false; problems: string[] };

type Obj = Record<string, unknown>;

const NS_RE = /^[A-Za-z0-9_.-]{1,64}$/;
const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const IFACE_RE = /^(?:[A-Za-z0-9_.-]{1,64}:)?[A-Za-z0-9_.@-]{1,15}$/;

class Reader {
  readonly problems: string[] = [];

  fail(path: string, msg: string): undefined {
    this.problems.push(`${path}: ${msg}`);
    return undefined;
  }

  obj(v: unknown, path: string, allowed: readonly string[]): Obj | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return this.fail(path, `expected an object, found ${kindOf(v)}`);
    const o = v as Obj;
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) this.fail(`${path}.${k}`, `unknown field (allowed here: ${allowed.join(', ')})`);
    }
    return o;
  }

  str(v: unknown, path: string, opts: { optional?: boolean; re?: RegExp; what?: string } = {}): string | undefined {
    if (v === undefined) return opts.optional ? undefined : this.fail(path, 'missing');
    if (typeof v !== 'string') return this.fail(path, `expected a string, found ${kindOf(v)}`);
    if (!opts.optional && v.trim() === '') return this.fail(path, 'is empty');
    if (opts.re && !opts.re.test(v)) return this.fail(path, `"${v}" is not ${opts.what ?? `of the form ${opts.re}`}`);
    return v;
  }

  int(v: unknown, path: string, min = 0): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
      return this.fail(path, `expected a whole number >= ${min}, found ${JSON.stringify(v)}`);
    return v;
  }

  /** A string, or a list of strings (all kept). */
  strings(v: unknown, path: string): string[] {
    if (v === undefined) return [];
    if (typeof v === 'string') return [v];
    if (!Array.isArray(v)) return this.fail(path, `expected a string or a list of strings, found ${kindOf(v)}`) ?? [];
    const out: string[] = [];
    v.forEach((s, i) => {
      const t = this.str(s, `${path}[${i}]`);
      if (t !== undefined) out.push(t);
    });
    return out;
  }

  /** {zh, en}: each a string or a list of paragraphs; at least one language. */
  text(v: unknown, path: string, optional = false): Text | undefined {
    if (v === undefined) return optional ? undefined : this.fail(path, 'missing (give {"zh": ..., "en": ...})');
    const o = this.obj(v, path, ['zh', 'en']);
    if (!o) return undefined;
    const lang = (k: 'zh' | 'en'): string => {
      const x = o[k];
      if (x === undefined) return '';
      if (Array.isArray(x)) return this.strings(x, `${path}.${k}`).join('\n\n');
      return this.str(x, `${path}.${k}`) ?? '';
    };
    const t = { zh: lang('zh'), en: lang('en') };
    if (!t.zh && !t.en) return this.fail(path, 'needs a text in at least one language (zh or en)');
    return t;
  }

  regex(v: unknown, path: string): string | undefined {
    const s = this.str(v, path, { optional: true });
    if (s === undefined) return undefined;
    try {
      new RegExp(s, 'm');
    } catch (e) {
      return this.fail(path, `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
    }
    return s;
  }
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

/** Why a command line cannot be run by the simulator, or undefined when it can. */
export function commandProblem(line: string): string | undefined {
  const lex = splitWords(line);
  if (!lex.ok) return `cannot be read as a command: ${lex.error}`;
  const w = lex.words;
  if (w.length === 0) return 'is empty';
  if (w[0] === 'sudo') return "starts with sudo: drop it, the lab's terminals are already root";
  if (!COMMANDS.includes(w[0]!)) return `"${w[0]}" is not a command the simulator knows (${COMMANDS.join(', ')})`;
  return undefined;
}

/** True when a command only reads the lab's state and takes no time, as a state check must. */
export function isReadOnlyCommand(line: string): boolean {
  const lex = splitWords(line);
  if (!lex.ok || lex.words.length === 0) return false;
  let w = lex.words;
  // ip netns exec NS CMD: the inner command decides
  while (w[0] === 'ip' && isNetnsObject(w[1]) && w[2] === 'exec') w = w.slice(4);
  const [tool] = w;
  const isShow = (verb: string | undefined) =>
    verb === undefined || ['show', 'list', 'lst', 'get'].some((v) => v.startsWith(verb) && verb.length > 0);
  if (tool === 'ip' || tool === 'bridge') {
    let i = 1;
    while (i < w.length && w[i]!.startsWith('-')) i += ['-n', '-netns', '-f', '-family'].includes(w[i]!) ? 2 : 1;
    const obj = w[i];
    if (obj === undefined) return false;
    if (tool === 'ip' && isNetnsObject(obj))
      return w[i + 1] === undefined || ['list', 'show', 'identify', 'list-id'].includes(w[i + 1]!);
    return isShow(w[i + 1]);
  }
  if (tool === 'sysctl') return !w.slice(1).some((a) => a === '-w' || a.includes('=') || a.startsWith('-p'));
  if (tool === 'route') return w.slice(1).every((a) => /^-[nveFC]+$/.test(a));
  if (tool === 'arp') return w.slice(1).every((a) => /^-[anv]+$/.test(a));
  if (tool === 'iptables-save') return true;
  if (tool === 'iptables')
    return (
      w.slice(1).some((a) => /^-(?:[nvtx]*[SL][nvx]*|-list(?:-rules)?)$/.test(a)) &&
      !w.slice(1).some((a) => /^-[ADIRFZNXPE]$/.test(a))
    );
  if (tool === 'conntrack')
    return w.slice(1).some((a) => a === '-L' || a === '--dump' || a === '-C' || a === '--count');
  if (tool === 'lab') return w.length === 2 && w[1] === 'hosts';
  return false;
}

/** A note as a terminal shows it: one line starting with `# `. */
const noteLine = (t: string) => `# ${t.replace(/^#\s*/, '').replace(/\s*\n\s*/g, ' ')}`;

function readCommand(r: Reader, v: unknown, path: string): LessonCommand | undefined {
  let run: string | undefined;
  let ns = 'host';
  if (typeof v === 'string') run = v;
  else {
    if (typeof v === 'object' && v !== null && 'note' in v) {
      // a note in both languages: the reader's language is typed
      const o = r.obj(v, path, ['note']);
      const t = o && r.text(o.note, `${path}.note`);
      if (!t) return undefined;
      const says = { zh: noteLine(t.zh || t.en), en: noteLine(t.en || t.zh) };
      return { run: says.en, ns: 'host', note: true, says };
    }
    const o = r.obj(v, path, ['run', 'ns']);
    if (!o) return undefined;
    run = r.str(o.run, `${path}.run`);
    ns = r.str(o.ns, `${path}.ns`, { optional: true, re: NS_RE, what: 'a namespace name' }) ?? 'host';
  }
  if (run === undefined) return undefined;
  if (typeof v === 'string' && run.trim() === '') return r.fail(path, 'is empty');
  if (run.trimStart().startsWith('#')) return { run: run.trim(), ns, note: true };
  const why = commandProblem(run);
  if (why) return r.fail(path, `\`${run}\` ${why}`);
  return { run: run.trim(), ns, note: false };
}

function readCommands(r: Reader, v: unknown, path: string): LessonCommand[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return r.fail(path, `expected a list of commands, found ${kindOf(v)}`) ?? [];
  return v.flatMap((c, i) => readCommand(r, c, `${path}[${i}]`) ?? []);
}

const SAYS = ['pass', 'fail'] as const;
const MATCH = ['contains', 'notContains', 'matches', 'count'] as const;

function readSays(r: Reader, o: Obj, path: string): Says {
  const says: Says = {};
  const pass = r.text(o.pass, `${path}.pass`, true);
  const fail = r.text(o.fail, `${path}.fail`, true);
  if (pass) says.pass = pass;
  if (fail) says.fail = fail;
  return says;
}

function readMatch(r: Reader, o: Obj, path: string): Match {
  const m: Match = {
    contains: r.strings(o.contains, `${path}.contains`),
    notContains: r.strings(o.notContains, `${path}.notContains`),
  };
  const re = r.regex(o.matches, `${path}.matches`);
  if (re !== undefined) m.matches = re;
  const count = r.int(o.count, `${path}.count`);
  if (count !== undefined) {
    if (o.matches === undefined) r.fail(`${path}.count`, 'counts the lines that match "matches": give "matches" too');
    m.count = count;
  }
  if (!m.contains.length && !m.notContains.length && m.matches === undefined)
    r.fail(path, 'needs at least one of contains, notContains, matches');
  return m;
}

function readCheck(r: Reader, v: unknown, path: string, captures: string[]): Check | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return r.fail(path, `expected a check object, found ${kindOf(v)}`);
  const k = (v as Obj).kind;
  if (typeof k !== 'string' || !(CHECK_KINDS as readonly string[]).includes(k)) {
    return r.fail(
      `${path}.kind`,
      `${k === undefined ? 'missing' : `unknown kind ${JSON.stringify(k)}`} (one of: ${CHECK_KINDS.join(', ')})`,
    );
  }
  const kind = k as Check['kind'];
  switch (kind) {
    case 'output':
    case 'state': {
      const o = r.obj(v, path, ['kind', 'command', 'ns', ...(kind === 'output' ? ['code'] : []), ...MATCH, ...SAYS])!;
      const command = r.str(o.command, `${path}.command`);
      const ns = r.str(o.ns, `${path}.ns`, { optional: true, re: NS_RE, what: 'a namespace name' }) ?? 'host';
      if (command !== undefined) {
        const why = commandProblem(command);
        if (why) r.fail(`${path}.command`, `\`${command}\` ${why}`);
        else if (kind === 'state' && !isReadOnlyCommand(command)) {
          r.fail(
            `${path}.command`,
            `\`${command}\` changes the lab or takes time; a state check only reads (ip ... show, bridge link, sysctl KEY, route -n, iptables -S ...): use an output check`,
          );
        }
      }
      const m = readMatch(r, o, path);
      const says = readSays(r, o, path);
      if (kind === 'output') {
        const code = r.int(o.code, `${path}.code`);
        return { kind, command: command ?? '', ns, ...m, ...says, ...(code !== undefined ? { code } : {}) };
      }
      return { kind, command: command ?? '', ns, ...m, ...says };
    }
    case 'capture': {
      const o = r.obj(v, path, ['kind', 'iface', ...MATCH, ...SAYS])!;
      const iface = r.str(o.iface, `${path}.iface`) ?? '';
      if (iface && !captures.includes(iface)) {
        r.fail(
          `${path}.iface`,
          `"${iface}" is not captured by this step: add it to the step's watch.capture (now ${captures.length ? captures.join(', ') : 'empty'})`,
        );
      }
      return { kind, iface, ...readMatch(r, o, path), ...readSays(r, o, path) };
    }
    case 'trace': {
      const o = r.obj(v, path, ['kind', 'event', 'ns', 'dev', 'bridge', 'frame', 'reason', 'count', ...SAYS])!;
      const event = r.str(o.event, `${path}.event`);
      if (event !== undefined && !(TRACE_EVENTS as readonly string[]).includes(event)) {
        r.fail(`${path}.event`, `unknown trace event "${event}" (one of: ${TRACE_EVENTS.join(', ')})`);
      }
      const c: Extract<Check, { kind: 'trace' }> = {
        kind,
        event: (event ?? 'rx') as TraceType,
        ...readSays(r, o, path),
      };
      for (const k of ['ns', 'dev', 'bridge', 'frame', 'reason'] as const) {
        const s = r.str(o[k], `${path}.${k}`, { optional: true });
        if (s !== undefined) c[k] = s;
      }
      const count = r.int(o.count, `${path}.count`);
      if (count !== undefined) c.count = count;
      return c;
    }
    case 'neigh': {
      const o = r.obj(v, path, ['kind', 'ns', 'ip', 'dev', 'state', 'lladdr', ...SAYS])!;
      const ip = r.str(o.ip, `${path}.ip`);
      if (ip !== undefined && parseIp4(ip) === undefined) r.fail(`${path}.ip`, `"${ip}" is not an IPv4 address`);
      const state = r.strings(o.state, `${path}.state`);
      if (o.state === undefined)
        r.fail(`${path}.state`, `missing (one or more of: ${NUD_STATES.join(', ')}, or "none" for no entry)`);
      for (const s of state) {
        if (s !== 'none' && !(NUD_STATES as readonly string[]).includes(s))
          r.fail(`${path}.state`, `unknown state "${s}" (one of: ${NUD_STATES.join(', ')}, none)`);
      }
      const c: Extract<Check, { kind: 'neigh' }> = {
        kind,
        ns: r.str(o.ns, `${path}.ns`, { optional: true, re: NS_RE, what: 'a namespace name' }) ?? 'host',
        ip: ip ?? '',
        state,
        ...readSays(r, o, path),
      };
      const dev = r.str(o.dev, `${path}.dev`, { optional: true });
      if (dev !== undefined) c.dev = dev;
      const lladdr = r.str(o.lladdr, `${path}.lladdr`, { optional: true });
      if (lladdr !== undefined) c.lladdr = lladdr;
      return c;
    }
    case 'all':
    case 'any': {
      const o = r.obj(v, path, ['kind', 'of', ...SAYS])!;
      if (!Array.isArray(o.of) || o.of.length === 0) {
        r.fail(`${path}.of`, 'expected a non-empty list of checks');
        return { kind, of: [], ...readSays(r, o, path) };
      }
      const of = o.of.flatMap((c, i) => readCheck(r, c, `${path}.of[${i}]`, captures) ?? []);
      return { kind, of, ...readSays(r, o, path) };
    }
    case 'not': {
      const o = r.obj(v, path, ['kind', 'check', ...SAYS])!;
      const inner = readCheck(r, o.check, `${path}.check`, captures);
      return { kind, check: inner ?? { kind: 'all', of: [] }, ...readSays(r, o, path) };
    }
  }
}

function readStep(r: Reader, v: unknown, path: string): LessonStep | undefined {
  const o = r.obj(v, path, ['id', 'title', 'text', 'diagram', 'commands', 'watch', 'check', 'explain']);
  if (!o) return undefined;
  const id = r.str(o.id, `${path}.id`, { re: ID_RE, what: 'an id (lower-case letters, digits and dashes)' }) ?? '';
  const title = r.text(o.title, `${path}.title`) ?? { zh: '', en: '' };
  const text = r.text(o.text, `${path}.text`) ?? { zh: '', en: '' };
  const step: LessonStep = {
    id,
    title,
    text,
    commands: readCommands(r, o.commands, `${path}.commands`),
    watch: { capture: [] },
  };
  if (o.diagram !== undefined) step.diagram = r.strings(o.diagram, `${path}.diagram`).join('\n');
  if (o.watch !== undefined) {
    const w = r.obj(o.watch, `${path}.watch`, ['capture']);
    if (w) {
      step.watch.capture = r.strings(w.capture, `${path}.watch.capture`);
      step.watch.capture.forEach((c, i) => {
        if (!IFACE_RE.test(c))
          r.fail(`${path}.watch.capture[${i}]`, `"${c}" is not an interface (DEV, or NS:DEV for another namespace)`);
      });
    }
  }
  if (o.check !== undefined) step.check = readCheck(r, o.check, `${path}.check`, step.watch.capture);
  const explain = r.text(o.explain, `${path}.explain`, true);
  if (explain) step.explain = explain;
  if (!step.commands.some((c) => !c.note) && step.check && needsCommands(step.check)) {
    r.fail(`${path}.check`, "reads what the step's commands did (capture or trace), but the step runs no command");
  }
  return step;
}

/** Capture and trace checks read what happened while the step's commands ran. */
function needsCommands(c: Check): boolean {
  switch (c.kind) {
    case 'capture':
    case 'trace':
      return true;
    case 'all':
    case 'any':
      return c.of.some(needsCommands);
    case 'not':
      return needsCommands(c.check);
    default:
      return false;
  }
}

/** Validates parsed JSON (or an object written in TypeScript) as a lesson. */
export function validateLesson(v: unknown): Validated {
  const r = new Reader();
  const o = r.obj(v, 'lesson', ['$schema', 'version', 'id', 'title', 'summary', 'source', 'seed', 'setup', 'steps']);
  if (!o) return { ok: false, problems: r.problems };
  if (o.version === undefined) r.fail('version', `missing (this runner reads version ${LESSON_FORMAT_VERSION})`);
  else if (o.version !== LESSON_FORMAT_VERSION) {
    const newer = typeof o.version === 'number' && o.version > LESSON_FORMAT_VERSION;
    r.fail(
      'version',
      newer
        ? `the file is written for lesson format ${o.version}; this runner reads version ${LESSON_FORMAT_VERSION}: update the app`
        : `expected ${LESSON_FORMAT_VERSION}, found ${JSON.stringify(o.version)}`,
    );
  }
  const lesson: Lesson = {
    version: LESSON_FORMAT_VERSION,
    id: r.str(o.id, 'id', { re: ID_RE, what: 'an id (lower-case letters, digits and dashes)' }) ?? '',
    title: r.text(o.title, 'title') ?? { zh: '', en: '' },
    seed: r.int(o.seed, 'seed', 1) ?? 1,
    setup: readCommands(r, o.setup, 'setup'),
    steps: [],
  };
  const summary = r.text(o.summary, 'summary', true);
  if (summary) lesson.summary = summary;
  if (o.source !== undefined) {
    const s = r.obj(o.source, 'source', ['title', 'author', 'url']);
    if (s) {
      lesson.source = { title: r.str(s.title, 'source.title') ?? '' };
      const author = r.str(s.author, 'source.author', { optional: true });
      const url = r.str(s.url, 'source.url', { optional: true });
      if (author) lesson.source.author = author;
      if (url) lesson.source.url = url;
    }
  }
  if (!Array.isArray(o.steps) || o.steps.length === 0) r.fail('steps', 'expected a non-empty list of steps');
  else {
    const seen = new Map<string, number>();
    o.steps.forEach((s, i) => {
      const step = readStep(r, s, `steps[${i}]`);
      if (!step) return;
      const prev = seen.get(step.id);
      if (prev !== undefined && step.id) r.fail(`steps[${i}].id`, `"${step.id}" is already the id of steps[${prev}]`);
      seen.set(step.id, i);
      lesson.steps.push(step);
    });
  }
  return r.problems.length ? { ok: false, problems: r.problems } : { ok: true, lesson };
}

/** Parses and validates a lesson file's text (JSON), or a value already parsed; throws LessonFormatError. */
export function loadLesson(input: string | unknown, source = 'lesson'): Lesson {
  let v: unknown = input;
  if (typeof input === 'string') {
    try {
      v = JSON.parse(input);
    } catch (e) {
      throw new LessonFormatError([`not JSON: ${e instanceof Error ? e.message : String(e)}`], source);
    }
  }
  const r = validateLesson(v);
  if (!r.ok) throw new LessonFormatError(r.problems, source);
  return r.lesson;
}
