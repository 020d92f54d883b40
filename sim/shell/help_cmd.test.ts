import { describe, expect, it } from 'vitest';
import { World } from '../net/world';
import { Shell, COMMANDS } from './shell';
import { commandSpec } from './commands';

function run(line: string) {
  const lines: string[] = [];
  const r = new Shell(new World()).start(line, (l) => lines.push(l));
  return { lines, code: r.code };
}

describe('help', () => {
  it('lists every command the shell runs, one line each, and nothing it does not run', () => {
    const { lines, code } = run('help');
    expect(code).toBe(0);
    const listed = lines.slice(1).map((l) => l.split(/\s+/)[0]);
    expect([...listed].sort()).toEqual([...COMMANDS].sort());
    // each listed command is one the shell knows: none answers "command not found"
    for (const c of listed) expect(run(c).lines.join('\n')).not.toContain('command not found');
  });
  it('help CMD shows that command; an unknown topic is answered as bash does', () => {
    expect(run('help ping').lines).toEqual([`ping${' '.repeat(15 - 4)}${commandSpec('ping')!.help}`]);
    const bad = run('help frob');
    expect(bad.code).toBe(1);
    expect(bad.lines).toEqual([
      "bash: help: no help topics match `frob'.  Try `help help' or `man -k frob' or `info frob'.",
    ]);
  });
});
