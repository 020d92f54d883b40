// Child processes of the runner: run one with stdout and stderr merged in order, with a timeout,
// and remember every live one so that a signal can end exactly the processes we started.

import { spawn, type ChildProcess } from 'node:child_process';

export const ENV = { ...process.env, LC_ALL: 'C', LANG: 'C' };

const live = new Set<ChildProcess>();

/** Remembers a child (started in its own process group) until it exits. */
export function track(child: ChildProcess): void {
  live.add(child);
  child.on('exit', () => live.delete(child));
}

/** SIGKILLs the process group of every child still running (all started by us). */
export function killAll(): void {
  for (const child of live) {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
}

export interface RunResult {
  code: number | null;
  /** stdout and stderr together, in the order written (only stdout with `separate`) */
  output: string;
  /** stderr, with `separate` */
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs argv with stderr sent to the same pipe as stdout (so the two keep their order), or
 * apart with `separate`; stdin from /dev/null; in a process group of its own that is killed on
 * timeout.
 */
export function run(
  argv: string[],
  timeoutMs = 20_000,
  opts: { separate?: boolean; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const [file, args] = opts.separate
      ? [argv[0]!, argv.slice(1)]
      : ['bash', ['-c', 'exec "$@" 2>&1', 'bash', ...argv]];
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', opts.separate ? 'pipe' : 'ignore'],
      detached: true,
      env: ENV,
      cwd: opts.cwd,
    });
    track(child);
    let output = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => (output += d));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, stderr, timedOut });
    });
  });
}

/** Runs argv and throws with its output unless it exits 0. */
export async function runOk(argv: string[], timeoutMs?: number): Promise<string> {
  const r = await run(argv, timeoutMs);
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: exit ${r.code}${r.timedOut ? ' (timeout)' : ''}\n${r.output}`);
  return r.output;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
