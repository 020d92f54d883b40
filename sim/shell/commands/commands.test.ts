// The command registry: the specs stay pure (the page loads them without the interpreter), every command
// of the list runs, and the lab export, the lesson checker and Tab read what each spec declares.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { World } from '../../net/world';
import { Shell } from '../shell';
import { exportLab } from '../../labs/export';
import { commandProblem } from '../../lessons/validate';
import { COMMAND_SPECS, COMMANDS, commandSpec, completionCandidates } from '.';

const here = dirname(fileURLToPath(import.meta.url));
const shellDir = resolve(here, '..');

describe('command specs', () => {
  it('import nothing but each other, command.ts and iproute2_words.ts (no interpreter on the page)', () => {
    const allowed = new Set([
      ...readdirSync(here)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => join(here, f)),
      join(shellDir, 'command.ts'),
      join(shellDir, 'iproute2_words.ts'),
    ]);
    const bad: string[] = [];
    for (const file of allowed) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
        const target = resolve(dirname(file), m[1]!);
        const ts = target.endsWith('.ts') ? target : target === here ? join(here, 'index.ts') : `${target}.ts`;
        if (!allowed.has(ts)) bad.push(`${relative(shellDir, file)} imports ${m[1]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('names each command once, and each runs in the shell (none is "command not found")', () => {
    expect(new Set(COMMANDS).size).toBe(COMMAND_SPECS.length);
    for (const name of COMMANDS) {
      const lines: string[] = [];
      const r = new Shell(new World()).start(name, (l) => lines.push(l));
      r.proc?.interrupt();
      expect(lines.join('\n')).not.toContain('command not found');
      expect(r.code).not.toBe(127);
    }
    const lines: string[] = [];
    expect(new Shell(new World()).start('nc -l 80', (l) => lines.push(l)).code).toBe(127);
    expect(lines).toEqual(['bash: nc: command not found']);
  });

  it('execve() limits only the commands bash would exec, at the path their spec gives', () => {
    const huge = 'a'.repeat(131072);
    for (const spec of COMMAND_SPECS) {
      const lines: string[] = [];
      new Shell(new World()).start(`${spec.name} ${huge}`, (l) => lines.push(l));
      if (spec.path) expect(lines).toEqual([`bash: ${spec.path}: Argument list too long`]);
      else expect(lines.join('\n')).not.toContain('Argument list too long');
    }
  });

  it('the lesson checker and the lab export take what the list takes', () => {
    for (const name of COMMANDS) expect(commandProblem(`${name} x`)).toBeUndefined();
    expect(commandProblem('nc -l 80')).toMatch(/^"nc" is not a command the simulator knows/);
    for (const spec of COMMAND_SPECS) {
      const refuse = spec.labExport?.refuse;
      if (!refuse) continue;
      // the bare command, as its own spec judges it, is what the export says of it
      const why = refuse([spec.name]);
      const r = exportLab([spec.name]);
      expect(r.problems.map((p) => p.message)).toEqual(why === undefined ? [] : [why]);
    }
  });

  it('a diagnostic that may fail is a `try` line of the script, anything else a `cmd` line', () => {
    const r = exportLab(['ping -c 1 10.0.0.1', 'tcpdump -c 1 -i eth0']);
    expect(r.problems).toEqual([]);
    const kinds = r.script
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^(try|cmd) \d/.test(l))
      .map((l) => `${l.split(' ')[0]} ${l.split(' ')[3]}`);
    expect(kinds).toEqual([`${commandSpec('ping')!.labExport?.mayFail ? 'try' : 'cmd'} ping`, 'cmd tcpdump']);
  });
});

describe('Tab from the specs', () => {
  const ctx = { devices: ['eth0', 'br0'], namespaces: ['ns1', 'ns2'] };
  it('offers the command names a spec does not hide', () => {
    const names = completionCandidates([], ctx);
    expect([...names].sort()).toEqual(
      COMMAND_SPECS.filter((c) => c.tab !== false)
        .map((c) => c.name)
        .sort(),
    );
    expect(names).toContain('ip');
    expect(names).not.toContain('true');
  });
  it('each command completes its own words', () => {
    expect(completionCandidates(['ip'], ctx)).toContain('netns');
    expect(completionCandidates(['ip', 'li'], ctx)).toEqual(['add', 'delete', 'set', 'show']);
    expect(completionCandidates(['ip', 'netns', 'delete'], ctx)).toEqual(ctx.namespaces);
    expect(completionCandidates(['ip', 'link', 'delete'], ctx)).toEqual(ctx.devices);
    expect(completionCandidates(['ip', 'netns', 'exec'], ctx)).toEqual(ctx.namespaces);
    expect(completionCandidates(['bridge'], ctx)).toEqual(['fdb', 'link']);
    expect(completionCandidates(['sysctl'], ctx)).toEqual(['-w']);
    expect(completionCandidates(['tcpdump', '-i'], ctx)).toEqual(ctx.devices);
    expect(completionCandidates(['ping'], ctx)).toContain('eth0');
  });
});
