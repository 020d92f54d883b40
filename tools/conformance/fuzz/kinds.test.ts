// The pvlan and snat fuzz kinds: same seed same scenario, every command one the tools accept as written
// (the few deliberate mistakes in snat answer with iptables' own errors, never a usage text), and the
// labs they build carry traffic.
import { describe, expect, it } from 'vitest';
import { fuzzScenario } from '../fuzz';
import { runScenario } from '../../../sim/transcript/scenario';

describe('fuzz kinds pvlan and snat', () => {
  for (const kind of ['pvlan', 'snat'] as const) {
    it(`${kind}: deterministic per seed`, () => {
      expect(fuzzScenario(kind, 3, 30)).toBe(fuzzScenario(kind, 3, 30));
      expect(fuzzScenario(kind, 3, 30)).not.toBe(fuzzScenario(kind, 4, 30));
    });
    it(`${kind}: commands parse and pings get answers`, () => {
      let answered = 0;
      for (let seed = 1; seed <= 5; seed++) {
        const out = runScenario(fuzzScenario(kind, seed, 40)).lines.join('\n');
        expect(out).not.toMatch(/Usage:|command not found|is unknown|unknown option/);
        answered += (out.match(/ 1 received/g) ?? []).length;
      }
      expect(answered).toBeGreaterThan(5);
    });
  }
});
