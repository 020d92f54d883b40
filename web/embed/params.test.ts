import { describe, expect, it } from 'vitest';
import { appHref, parseEmbed } from './params';
import { embedSnippet } from '../export/embedSnippet';

describe('parseEmbed', () => {
  it("reads the lab and the options of an embed's address", () => {
    const p = parseEmbed('#lab=q1w2-e3_r4&step=7&lang=zh&readonly=1&autoplay=2');
    expect(p).toEqual({ lab: 'q1w2-e3_r4', preset: null, step: 7, lang: 'zh', readonly: true, autoplay: 2 });
    expect(appHref(p, 'https://example.org/netlab/embed.html#x')).toBe(
      'https://example.org/netlab/index.html#lab=q1w2-e3_r4',
    );
  });

  it('ignores what it cannot use: no option is taken from a hostile or huge value', () => {
    const p = parseEmbed('#preset=constructor&step=1e308&lang=__proto__&readonly=true&autoplay=999');
    expect(p).toMatchObject({ lab: null, preset: 'constructor', step: null, lang: null, readonly: false, autoplay: 1 });
    expect(parseEmbed('#step=-3&autoplay=0').step).toBeNull();
    expect(parseEmbed('#step=-3&autoplay=0').autoplay).toBeNull();
    expect(parseEmbed('#autoplay').autoplay).toBe(1);
    expect(parseEmbed('').lab).toBeNull();
  });
});

describe('embedSnippet', () => {
  it('escapes the address and the title for an HTML attribute', () => {
    const s = embedSnippet('https://x/embed.html#lab=a&step=2', 'A "lab" <b>');
    expect(s).toContain('src="https://x/embed.html#lab=a&amp;step=2"');
    expect(s).toContain('title="A &quot;lab&quot; &lt;b>"');
  });
});
