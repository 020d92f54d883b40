// The same scenario through the simulator's transcript CLI (`npm run -s transcript -- FILE`).

import { run } from './proc';

export interface SimulatorRun {
  lines?: string[];
  /** why there is no transcript: the CLI is missing, failed or timed out */
  error?: string;
}

export async function runOnSimulator(file: string, repoRoot: string, timeoutMs = 120_000): Promise<SimulatorRun> {
  let r: Awaited<ReturnType<typeof run>>;
  try {
    r = await run(['npm', 'run', '-s', 'transcript', '--', file], timeoutMs, { separate: true, cwd: repoRoot });
  } catch (e) {
    return { error: `the simulator could not start: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (r.timedOut) return { error: `the simulator timed out after ${timeoutMs} ms` };
  if (r.code !== 0) {
    // the message, not node's stack frames
    const head = (r.stderr + r.output)
      .split('\n')
      .filter((l) => l.trim() !== '' && !/^\s+at /.test(l))
      .slice(0, 8)
      .map((l) => `  ${l}`)
      .join('\n');
    return { error: `the simulator failed (exit ${r.code}):\n${head}` };
  }
  const lines = r.output.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return { lines };
}
