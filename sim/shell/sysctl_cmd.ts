// procps sysctl: read, -w write, -n values only, -q quiet, -r pattern, directories listed.
import type { Netns } from '../net/netns';
import { sysctlDisplay, sysctlEntry, sysctlList, sysctlPath } from '../sysctl';
import { Ere } from './ere';

export function sysctlMain(argv: string[], ns: Netns): { lines: string[]; code: number } {
  let write = false;
  let quiet = false;
  let valuesOnly = false;
  let all = false;
  let ignoreUnknown = false;
  // -r: pattern_match() runs regcomp(REG_EXTENDED | REG_NOSUB); a pattern it refuses matches nothing
  let pattern: { test(s: string): boolean } | null = null;
  const keys: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-r' || a === '--pattern') {
      pattern = Ere.compile(args[++i] ?? '') ?? { test: () => false };
      continue;
    }
    if (/^-[wnqeNa]+$/.test(a)) {
      if (a.includes('w')) write = true;
      if (a.includes('q')) quiet = true;
      if (a.includes('n')) valuesOnly = true;
      if (a.includes('a')) all = true;
      if (a.includes('e')) ignoreUnknown = true;
    } else if (a === '--write') write = true;
    else if (a === '--values') valuesOnly = true;
    else if (a === '--quiet') quiet = true;
    else if (a === '--all') all = true;
    else if (a === '--ignore') ignoreUnknown = true;
    else keys.push(a);
  }
  const out: string[] = [];
  let code = 0;
  if (all) keys.push('net');
  for (const k of keys) {
    const eq = k.indexOf('=');
    if (eq >= 0 || write) {
      if (eq < 0) {
        out.push('sysctl: command line(0): invalid syntax, continuing...');
        code = 1;
        continue;
      }
      const name = k.slice(0, eq).trim();
      const value = k.slice(eq + 1).trim();
      const e = sysctlEntry(ns, name);
      if (!e) {
        // -e: unknown keys are passed over in silence
        if (ignoreUnknown) continue;
        out.push(`sysctl: cannot stat /proc/sys/${sysctlPath(name)}: No such file or directory`);
        code = 1;
        continue;
      }
      const r = e.set(value);
      if (!r.ok) {
        out.push(`sysctl: setting key "${name}": Invalid argument`);
        code = 1;
        continue;
      }
      if (!quiet) out.push(valuesOnly ? r.value : `${sysctlDisplay(name)} = ${r.value}`);
      continue;
    }
    const e = sysctlEntry(ns, k);
    if (e) {
      out.push(valuesOnly ? e.get() : `${sysctlDisplay(k)} = ${e.get()}`);
      continue;
    }
    const list = sysctlList(ns, k);
    if (!list.length) {
      if (ignoreUnknown) continue;
      out.push(`sysctl: cannot stat /proc/sys/${sysctlPath(k)}: No such file or directory`);
      code = 1;
      continue;
    }
    for (const { name, value } of list)
      if (!pattern || pattern.test(name)) out.push(valuesOnly ? value : `${name} = ${value}`);
  }
  return { lines: out, code };
}
