import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../sim/lessons/validate';
import { pick } from '../../sim/lessons/types';
import { lessonHandout } from './handout';

const lesson = loadLesson(readFileSync(new URL('../../lessons/linux-bridge.json', import.meta.url), 'utf8'));
const count = (s: string, needle: string) => s.split(needle).length - 1;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('lessonHandout', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: every step with its text, its commands, a picture of the lab after it and the kernel's notes`, () => {
      const html = lessonHandout(lesson, lang);
      expect(count(html, '<section class="step">')).toBe(lesson.steps.length);
      expect(count(html, '<svg ')).toBe(lesson.steps.length);
      expect(count(html, '<aside class="kernel">')).toBe(lesson.steps.filter((s) => s.explain).length);
      for (const [i, s] of lesson.steps.entries()) {
        expect(html).toContain(`. ${esc(pick(s.title, lang))}</h2>`);
        expect(html.indexOf(esc(pick(s.title, lang)))).toBeGreaterThan(
          i === 0 ? 0 : html.indexOf(esc(pick(lesson.steps[i - 1].title, lang))),
        );
        for (const c of s.commands.filter((x) => !x.note)) expect(html).toContain(esc(c.run));
      }
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
    });
  }

  it('prints what the commands printed, as the simulator ran them', () => {
    const html = lessonHandout(lesson, 'en');
    expect(html).toMatch(/<pre class="out">[^<]*packets transmitted/);
  });
});
