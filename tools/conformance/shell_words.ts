// A scenario line as words, the way the simulator's shell reads it (sim/shell/lexer.ts), or the
// reason it is refused: the kernel runner executes the words without a shell, so anything a shell
// would have done beyond quoting (lists, pipes, substitutions, redirections, expansions) is refused
// rather than silently changed.

import { splitWords } from '../../sim/shell/lexer';

// Outside quotes: list and pipeline operators, redirections, subshells, brace groups, expansions.
const SPECIAL = new Set([';', '&', '|', '<', '>', '(', ')', '{', '}', '$', '`']);

const NAMES: Record<string, string> = {
  ';': 'a command list (;)',
  '&': 'a background job or list (&)',
  '|': 'a pipe (|)',
  '<': 'a redirection (<)',
  '>': 'a redirection (>)',
  '(': 'a subshell (()',
  ')': 'a subshell ())',
  '{': 'a brace expansion or group ({)',
  '}': 'a brace expansion or group (})',
  $: 'an expansion ($)',
  '`': 'a command substitution (`)',
  '~': 'a tilde expansion (~)',
};

/**
 * The first thing in the line a shell would act on beyond quoting, described, or undefined.
 * `*`, `?` and `[` are left alone: with no shell there is no pathname expansion, and bash itself
 * passes a pattern that matches no file unchanged (`ip addr show label e?h0`).
 */
export function shellSyntax(line: string): string | undefined {
  let wordStart = true;
  for (let i = 0; i < line.length; ) {
    const c = line[i]!;
    const code = c.charCodeAt(0);
    if ((code < 0x20 && c !== '\t') || code === 0x7f)
      return `a control character (U+${code.toString(16).padStart(4, '0')})`;
    if (c === '\\') {
      if (i + 1 < line.length && line.charCodeAt(i + 1) < 0x20) return 'a control character after a backslash';
      i += 2;
      wordStart = false;
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return 'an unterminated quote';
      const inner = line.slice(i + 1, end);
      if (/[\x00-\x08\x0a-\x1f\x7f]/.test(inner)) return 'a control character in quotes';
      i = end + 1;
      wordStart = false;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\') j++;
        else if (line[j] === '$' || line[j] === '`') return `${NAMES[line[j]!]} inside double quotes`;
        else if (/[\x00-\x08\x0a-\x1f\x7f]/.test(line[j]!)) return 'a control character in quotes';
      }
      if (j >= line.length) return 'an unterminated quote';
      i = j + 1;
      wordStart = false;
      continue;
    }
    if (c === ' ' || c === '\t') {
      wordStart = true;
      i++;
      continue;
    }
    // a comment: bash and the lexer both ignore the rest of the line
    if (c === '#' && wordStart) return undefined;
    if (SPECIAL.has(c)) return NAMES[c];
    if (c === '~' && wordStart) return NAMES[c];
    wordStart = false;
    i++;
  }
  return undefined;
}

export type Words = { ok: true; words: string[] } | { ok: false; reason: string };

/** The line's words, or why the runner will not run it. */
export function scenarioWords(line: string): Words {
  const special = shellSyntax(line);
  if (special !== undefined) return { ok: false, reason: `shell syntax is not run: ${special}` };
  const lexed = splitWords(line);
  if (!lexed.ok) return { ok: false, reason: lexed.error };
  if (lexed.words.length === 0) return { ok: false, reason: 'no command' };
  return { ok: true, words: lexed.words };
}
