// Both languages hold the same keys with the same {{places}}, and the page's words reach the reader in
// the language chosen: English and Chinese are told apart by their script, not by a copied text.
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh.json';
import { i18n } from './i18n';
import { t, tf } from './strings';

const places = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const tags = (s: string) => [...s.matchAll(/<(\/?\w+)>/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;

describe('i18n resources', () => {
  const E = en as Record<string, string>;
  const Z = zh as Record<string, string>;

  it('has every key in both languages', () => {
    expect(Object.keys(Z).filter((k) => !(k in E))).toEqual([]);
    expect(Object.keys(E).filter((k) => !(k in Z))).toEqual([]);
  });

  it('has the same {{places}} and tags in both languages, and no empty text', () => {
    for (const k of Object.keys(E)) {
      expect([k, places(Z[k]!)]).toEqual([k, places(E[k]!)]);
      expect([k, tags(Z[k]!)]).toEqual([k, tags(E[k]!)]);
      expect([k, E[k]!.trim().length > 0, Z[k]!.trim().length > 0]).toEqual([k, true, true]);
    }
  });

  it("names no place after one of i18next's options (ns would pick a namespace, count a plural)", () => {
    const reserved = new Set([
      'ns',
      'lng',
      'lngs',
      'count',
      'context',
      'defaultValue',
      'replace',
      'ordinal',
      'returnObjects',
      'keyPrefix',
    ]);
    for (const [k, v] of Object.entries(E)) expect([k, places(v).filter((p) => reserved.has(p!))]).toEqual([k, []]);
  });

  it('keeps the old single-brace places out (i18next would print them as they are)', () => {
    for (const [k, v] of [...Object.entries(E), ...Object.entries(Z)])
      expect([k, /(^|[^{])\{\w+\}(?!\})/.test(v)]).toEqual([k, false]);
  });

  it('has English without Chinese characters, and Chinese where the English has words', () => {
    for (const k of Object.keys(E)) {
      expect([k, HAN.test(E[k]!)]).toEqual([k, false]);
      // a text with English words (not only a command, a symbol or a name) has Chinese beside it
      const words = E[k]!.replace(/\{\{\w+\}\}/g, '').replace(/<\/?\w+>/g, '');
      if (/\b[a-z]{4,}\b/.test(words) && !/^(iptables|tcpdump|rp_filter|arp_|net\.)/.test(words))
        expect([k, HAN.test(Z[k]!)]).toEqual([k, true]);
    }
  });

  it('fills places and switches language', () => {
    expect(tf('replaceBody', 'en', { what: 'X' })).toContain('Replace it with X?');
    expect(tf('replaceBody', 'zh', { what: 'X' })).toContain('要用X替换它吗');
    expect(t('toolbar.undo', 'zh')).toBe('撤销');
    expect(i18n.getFixedT('en')('why.rx', { dev: 'eth0' })).toBe(
      'The frame arrives on eth0; taps such as tcpdump see it first.',
    );
    expect(i18n.getFixedT('zh')('why.rx', { dev: 'eth0' })).toContain('eth0');
  });
});
