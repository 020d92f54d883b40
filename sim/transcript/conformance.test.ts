// The simulator against transcripts recorded on the real kernel: every scenario in
// ../shared/conformance and conformance/ that has an expected file must come out byte for byte.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from './scenario';
import { recordedScenarios } from './recorded';

const all = recordedScenarios(join(__dirname, '..', '..'));

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
