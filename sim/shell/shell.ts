// One interpreter for every command: the terminal, the lessons, the diagram's actions and the conformance
// runner all type into it. Commands that take time (ping, arping, tcpdump) become processes on the clock.
import type { World } from '../net/world';
import type { Netns } from '../net/netns';
import { splitWords } from './lexer';
import { CmdError } from './errors';
import { rtnlNotify } from '../net/rtnl_notify';
import { COMMANDS, commandSpec } from './commands';
import { runnerOf, type RunCtx, type Sink, type StartResult } from './runners';

export type { Sink, StartResult };
/** every command the shell runs (./commands/index.ts) */
export { COMMANDS };

export class Shell {
  readonly world: World;
  constructor(world: World) {
    this.world = world;
  }

  /** Starts one command line in namespace `nsName`; what it prints goes to `sink`. Never throws. */
  start(line: string, sink: Sink, nsName = 'host'): StartResult {
    const ns = this.world.netns(nsName) ?? this.world.host;
    // a line that cannot fit execve() is refused before it is split (a pasted 50 MB line would cost GBs)
    const early = line.length >= MAX_ARG_STRLEN ? execveE2bigLine(line) : null;
    if (early) {
      sink(early);
      return { proc: null, code: 126 };
    }
    const lex = splitWords(line);
    if (!lex.ok) {
      sink(`bash: ${lex.error}`);
      return { proc: null, code: 2 };
    }
    if (!lex.words.length) return { proc: null, code: 0 };
    const tooLong = execveE2big(lex.words);
    if (tooLong) {
      sink(tooLong);
      return { proc: null, code: 126 };
    }
    // whatever the command changes, the next snapshot reads the links again (rtnl_notify.ts); what changes
    // later on the clock (linkwatch, STP, a process's exit) notifies where it happens
    rtnlNotify(this.world);
    try {
      return this.exec(lex.words, ns, sink);
    } catch (e) {
      if (e instanceof CmdError) {
        for (const l of e.lines) sink(l);
        return { proc: null, code: e.code };
      }
      sink(
        `netlab: internal error running "${line.length > 200 ? line.slice(0, 200) + '...' : line}": ${e instanceof Error ? e.message : String(e)}`,
      );
      return { proc: null, code: 70 };
    }
  }

  /**
   * Runs argv. `ip netns exec NS cmd...` runs cmd here in a loop rather than by recursion (the real one
   * execs it, replacing itself), so any depth of nesting costs neither stack nor copies of argv.
   */
  private exec(argv0: string[], ns0: Netns, sink: Sink): StartResult {
    let whole = argv0;
    let from = 0;
    let ns = ns0;
    for (;;) {
      const name = whole[from]!;
      const run = runnerOf(name);
      if (!run) {
        sink(`bash: ${name}: command not found`);
        return { proc: null, code: 127 };
      }
      let next: { ns: Netns; from: number } | null = null;
      const ctx: RunCtx = {
        world: this.world,
        ns,
        sink,
        from,
        exec: (nsName: string, argv: string[], at: number) => {
          whole = argv;
          next = { ns: this.world.netns(nsName)!, from: at };
        },
      };
      const r = run(whole, ctx);
      if (!next) return r;
      ({ ns, from } = next as { ns: Netns; from: number });
    }
  }

  /**
   * Runs a command to its end on the virtual clock (scripts, lessons, transcripts). A process that would
   * run past `limitUs` is interrupted there, as Ctrl-C would.
   */
  run(line: string, nsName = 'host', limitUs = 600_000_000): { lines: string[]; code: number } {
    const lines: string[] = [];
    const r = this.start(line, (l) => lines.push(l), nsName);
    const p = r.proc;
    // work the command left for this same instant (linkwatch) is done before the next command
    if (!p) {
      this.world.sched.runUntil(this.world.now);
      return { lines, code: r.code };
    }
    const sched = this.world.sched;
    const end = sched.now + limitUs;
    sched.runWhile(() => !p.done, end);
    if (!p.done) p.interrupt();
    return { lines, code: p.exitCode };
  }
}

/** execve()'s limits (include/uapi/linux/binfmts.h): one string over MAX_ARG_STRLEN bytes with its NUL, or all
 * of them with their pointers past ARG_MAX (a quarter of the 8 MB stack: bprm_stack_limits()), fail with E2BIG. */
const MAX_ARG_STRLEN = 131072;
const ARG_MAX = 2097152;
/** UTF-8 length of a string, as the kernel counts an argument */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** bash's "Argument list too long" when execve() would refuse argv (copy_strings()), else null. */
function execveE2big(argv: string[]): string | null {
  const path = commandSpec(argv[0])?.path;
  if (!path) return null;
  let total = 8 * (argv.length + 1);
  for (const w of argv) {
    const bytes = utf8Bytes(w) + 1;
    if (bytes > MAX_ARG_STRLEN) return `bash: ${path}: Argument list too long`;
    total += bytes;
  }
  return total > ARG_MAX ? `bash: ${path}: Argument list too long` : null;
}

/** Before lexing: the first word names an exec'd command and the other characters alone (quotes and
 * backslashes aside, each at least a byte of some argument) pass ARG_MAX, or one unbroken run of them
 * passes MAX_ARG_STRLEN. */
function execveE2bigLine(line: string): string | null {
  const m = /^\s*([A-Za-z-]+)(\s|$)/.exec(line.slice(0, 64));
  const path = m ? commandSpec(m[1])?.path : undefined;
  if (!path) return null;
  // a run without white space is never split, so it lies within one word
  let n = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10) run = 0;
    else if (c !== 39 && c !== 34 && c !== 92) {
      n++;
      if (++run > longest) longest = run;
    }
  }
  return n > ARG_MAX || longest + 1 > MAX_ARG_STRLEN ? `bash: ${path}: Argument list too long` : null;
}
