// Tab completion for the terminal: commands, iproute2 keywords, device and namespace names. What may
// follow which word is each command's own (sim/shell/commands); this completes the last word as bash does.
import { COMMAND_SPECS, completionCandidates, type CompletionContext } from '../../sim/index';

export type { CompletionContext };

/** the command names Tab offers (each command's spec in sim/shell/commands says whether it is offered) */
export const COMMAND_WORDS: readonly string[] = COMMAND_SPECS.filter((c) => c.tab !== false).map((c) => c.name);

export interface Completion {
  /** the input after completion */
  text: string;
  /** when several words fit: the choices, to list as bash does */
  choices: string[];
}

function commonPrefix(xs: string[]): string {
  if (!xs.length) return '';
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Completes the last word of `input` (the cursor is at its end). */
export function complete(input: string, ctx: CompletionContext): Completion {
  const endsInSpace = /\s$/.test(input) || input === '';
  const words = input.trim() ? input.trim().split(/\s+/) : [];
  const partial = endsInSpace ? '' : (words.pop() ?? '');
  const pool = [...new Set(completionCandidates(words, ctx))];
  const fits = pool.filter((c) => c.startsWith(partial)).sort();
  if (!fits.length) return { text: input, choices: [] };
  const head = input.slice(0, input.length - partial.length);
  if (fits.length === 1) return { text: `${head}${fits[0]} `, choices: [] };
  const p = commonPrefix(fits);
  return { text: `${head}${p}`, choices: p.length > partial.length ? [] : fits };
}
