// The lesson format (lessons/FORMAT.md), as the runner holds it once a file has been validated:
// every optional part filled in, every text a pair of strings. A lesson is data: commands typed into
// the simulator's one interpreter and declarative checks evaluated against the simulator.
import type { TraceType } from '../net/trace';

/** The format version this runner reads and writes. */
export const LESSON_FORMAT_VERSION = 1;

export type Lang = 'zh' | 'en';

/** A text in Chinese and English; a file may give only one language, the other then falls back to it. */
export interface Text {
  zh: string;
  en: string;
}

/** One command line as a learner types it. A note (a line starting with `#`) is shown, never run. */
export interface LessonCommand {
  run: string;
  /** the namespace whose terminal it is typed in; `host` is the machine itself */
  ns: string;
  note: boolean;
  /** a note written in both languages (`{ "note": { "zh", "en" } }`), each with its leading `# ` */
  says?: Text;
}

/** The line a lesson types for a command: a bilingual note in the reader's language, else the command. */
export function commandLine(c: LessonCommand, lang: Lang): string {
  return c.says ? pick(c.says, lang) : c.run;
}

/** Text tests shared by the checks that read printed lines. */
export interface Match {
  /** each must appear somewhere in the text */
  contains: string[];
  /** none may appear */
  notContains: string[];
  /** a JavaScript regular expression (flag m) the text must match */
  matches?: string;
  /** with `matches`: how many lines must match it */
  count?: number;
}

/** What a check says when it passes or fails, overriding the sentence the runner makes up. */
export interface Says {
  pass?: Text;
  fail?: Text;
}

export type Check =
  | (Says & Match & { kind: 'output'; command: string; ns: string; code?: number })
  | (Says & Match & { kind: 'state'; command: string; ns: string })
  | (Says & Match & { kind: 'capture'; iface: string })
  | (Says & {
      kind: 'trace';
      event: TraceType;
      ns?: string;
      dev?: string;
      bridge?: string;
      /** a substring of the frame as `tcpdump -n` prints it (without -e), MACs named */
      frame?: string;
      /** a substring of a drop's reason */
      reason?: string;
      /** exactly this many events; without it, at least one */
      count?: number;
    })
  | (Says & { kind: 'neigh'; ns: string; ip: string; dev?: string; state: string[]; lladdr?: string })
  | (Says & { kind: 'all' | 'any'; of: Check[] })
  | (Says & { kind: 'not'; check: Check });

export interface LessonStep {
  id: string;
  title: Text;
  /** what to do and what to watch */
  text: Text;
  /** a diagram as the article draws it (monospace text), if the step has one */
  diagram?: string;
  commands: LessonCommand[];
  /** interfaces ([NS:]DEV) that tcpdump listens on while each of the step's commands runs */
  watch: { capture: string[] };
  check?: Check;
  /** where the real kernel differs from the source, and why */
  explain?: Text;
}

export interface Lesson {
  version: number;
  id: string;
  title: Text;
  summary?: Text;
  source?: { title: string; author?: string; url?: string };
  /** the simulator's seed: MAC addresses and timers are drawn from it */
  seed: number;
  /** run before the first step, without being shown */
  setup: LessonCommand[];
  steps: LessonStep[];
}

/** The outcome of one check, with a sentence in both languages and what it looked at. */
export interface CheckResult {
  pass: boolean;
  says: Text;
  /** the lines the check read (normalized), when it read any */
  observed?: string[];
  /** the results of the checks inside all/any/not */
  children?: CheckResult[];
}

/** Picks a language, falling back to the other when the file gave only one. */
export function pick(t: Text, lang: Lang): string {
  return t[lang] || t[lang === 'zh' ? 'en' : 'zh'];
}
