import { describe, expect, it } from 'vitest';
import { fuzzScenario } from './fuzz';
import { runScenario } from '../../sim/transcript/scenario';

describe('fuzz scenarios', () => {
  it('are the same for the same seed and differ between seeds', () => {
    expect(fuzzScenario('bridge', 7, 30)).toBe(fuzzScenario('bridge', 7, 30));
    expect(fuzzScenario('bridge', 7, 30)).not.toBe(fuzzScenario('bridge', 8, 30));
  });

  for (const kind of ['bridge', 'router', 'docker', 'arp', 'links', 'bridge-mtu', 'fdb', 'bridge-opts'] as const) {
    it(`${kind}: every generated command is one the tools accept as written`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const text = fuzzScenario(kind, seed, 40);
        const out = runScenario(text).lines.join('\n');
        // a typo in the grammar would show as a usage text or an unknown word, not as a network outcome
        expect(out).not.toMatch(/Usage:|command not found|is unknown|Bad argument|invalid argument/);
        expect(out).toMatch(/\$ ip netns add /);
      }
    });
  }
});
