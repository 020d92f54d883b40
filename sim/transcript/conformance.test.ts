// The simulator against transcripts recorded on the real kernel: every scenario in
// ../shared/conformance and conformance/ that has an expected file must come out byte for byte.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from './scenario';

const ROOT = join(__dirname, '..', '..');
const DIRS = [join(ROOT, '..', 'shared', 'conformance'), join(ROOT, 'conformance')];

function scenarios(): { name: string; script: string; expected: string }[] {
  const out: { name: string; script: string; expected: string }[] = [];
  for (const d of DIRS) {
    const sdir = join(d, 'scenarios');
    if (!existsSync(sdir)) continue;
    for (const f of readdirSync(sdir)
      .filter((x) => x.endsWith('.sh'))
      .sort()) {
      const exp = join(d, 'expected', f.replace(/\.sh$/, '.txt'));
      if (!existsSync(exp)) continue;
      out.push({ name: `${d.includes('shared') ? 'shared' : 'repo'}/${f}`, script: join(sdir, f), expected: exp });
    }
  }
  return out;
}

const all = scenarios();

describe('kernel transcripts', () => {
  it('finds the recorded scenarios', () => {
    expect(all.length).toBeGreaterThanOrEqual(4);
  });
  for (const s of all) {
    it(s.name, () => {
      const got = runScenario(readFileSync(s.script, 'utf8')).lines.join('\n') + '\n';
      expect(got).toBe(readFileSync(s.expected, 'utf8'));
    });
  }
});
