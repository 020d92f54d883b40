import { describe, expect, it } from 'vitest';
import { presetBuilt } from './autosave';
import { LAB_FORMAT, LAB_VERSION, type LabFile } from './format';
import { PRESETS } from '../../sim/labs/presets/article';

const lab = (presetId: string, lines: string[], group = `preset:${presetId}`): LabFile => ({
  format: LAB_FORMAT,
  version: LAB_VERSION,
  seed: 1,
  presetId,
  now: 0,
  positions: {},
  log: lines.map((line, i) => ({ id: i + 1, group, ns: 'host', line, at: 0, mode: 'sync' })),
});

describe('autosave keeps only built labs', () => {
  const p = PRESETS.find((x) => x.id === 'veth')!;
  const runnable = p.commands.filter((l) => l.trim() && !l.trim().startsWith('#'));

  it('a preset whose log arrived whole is saved, with what was typed after', () => {
    expect(presetBuilt(lab('veth', runnable))).toBe(true);
    const more = lab('veth', runnable);
    more.log.push({ id: 999, group: 't1', ns: 'host', line: 'ip link', at: 5, mode: 'async' });
    expect(presetBuilt(more)).toBe(true);
  });

  it("a page left while the preset's log was still arriving is not saved over the last lab", () => {
    expect(presetBuilt(lab('veth', runnable.slice(0, 5)))).toBe(false);
    expect(presetBuilt(lab('veth', []))).toBe(false);
  });

  it('a lab not built from a preset (a lesson, an import) is saved once it has a log', () => {
    expect(presetBuilt(lab('lesson:linux-bridge', ['ip link add br0 type bridge'], 'preset:lesson:linux-bridge'))).toBe(
      true,
    );
    expect(presetBuilt(lab('import', []))).toBe(false);
  });
});
