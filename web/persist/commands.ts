// The interpreter's allow-list as the page needs it to vet a lab file or a shared link before anything is
// sent to the worker: the first word must be a command the simulator knows (sim/shell/commands, the
// commands' specs: pure data, so the page's first load does not pull in the interpreter), so a file can
// carry commands and nothing else.
import { COMMANDS } from '../../sim/index';

export const KNOWN_COMMANDS: readonly string[] = COMMANDS;

/** Longest line a lab may carry: far above any real command, short enough to refuse junk early. */
export const MAX_LINE = 1000;

/** Why `line` cannot be part of a lab, or undefined. Notes (`# ...`) and blank lines are fine. */
export function lineProblem(line: string): string | undefined {
  if (line.length > MAX_LINE) return `longer than ${MAX_LINE} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) return 'holds a control character';
  const t = line.trim();
  if (t === '' || t.startsWith('#')) return undefined;
  const first = t.split(/\s+/, 1)[0]!;
  if (first === 'sudo') return '"sudo" is refused: the lab is already root';
  if (!KNOWN_COMMANDS.includes(first))
    return `"${first}" is not a command the simulator knows (${KNOWN_COMMANDS.join(', ')})`;
  return undefined;
}
