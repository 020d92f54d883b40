// The article as a lesson, as a new learner takes it: every step's commands run with one click and every
// check's verdict read, in English and then in Chinese; and classroom mode from the keyboard alone.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';

type T = { zh: string | string[]; en: string | string[] };
interface Step {
  id: string;
  title: T;
  check?: { pass?: T };
}
const lesson = JSON.parse(readFileSync(new URL('../lessons/linux-bridge.json', import.meta.url), 'utf8')) as {
  steps: Step[];
};
const text = (t: T, l: 'zh' | 'en') => {
  const v = t[l];
  return Array.isArray(v) ? v.join('\n\n') : v;
};

for (const lang of ['en', 'zh'] as const) {
  test(`the whole article lesson, in ${lang === 'en' ? 'English' : 'Chinese'}`, async ({ page }) => {
    test.setTimeout(240_000);
    const lab = new LabPage(page);
    const ls = new LessonPage(page);
    await lab.goto();
    await ls.openArticleLesson();
    await ls.language(lang === 'en' ? 'English' : '中文').click();
    const n = lesson.steps.length;
    for (let i = 0; i < n; i++) {
      const step = lesson.steps[i];
      await expect(ls.progress).toHaveText(lang === 'en' ? `Step ${i + 1} of ${n}` : `步骤 ${i + 1} / ${n}`);
      await expect(ls.heading()).toHaveText(text(step.title, lang));
      await ls.button(lang === 'en' ? 'Run the commands' : '运行这些命令').click();
      if (step.check) {
        await expect(ls.verdict).toHaveAttribute('data-pass', 'true', { timeout: 20_000 });
        // a check's own sentence, where it has one, is what the learner reads
        if (step.check.pass) await expect(ls.verdict).toContainText(text(step.check.pass, lang));
        else await expect(ls.verdict).toContainText(lang === 'en' ? 'Done' : '完成');
      }
      if (i < n - 1) await ls.button(lang === 'en' ? 'Next →' : '下一步 →').click();
    }
    expect(lab.errors).toEqual([]);
  });
}

test('a step skipped fails its check with the reason; typed commands count', async ({ page }) => {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  await ls.openArticleLesson();
  await ls.language('English').click();
  await ls.button('Check').click();
  await expect(ls.verdict).toHaveAttribute('data-pass', 'false');
  await lab.type('ip link add name br0 type bridge');
  await lab.type('ip link set br0 up');
  await ls.button('Check').click();
  await expect(ls.verdict).toHaveAttribute('data-pass', 'true');
});

test('classroom mode from the keyboard alone', async ({ page }) => {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  await ls.openArticleLesson();
  await ls.language('English').click();
  await ls.button('Classroom').click();
  await expect(page.locator('body')).toHaveClass(/classroom/);
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.locator('.side')).toBeHidden();
  await expect(ls.pane).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(ls.progress).toHaveText(/^Step 2 of/);
  await page.keyboard.press('ArrowDown');
  await expect(ls.progress).toHaveText(/^Step 3 of/);
  await page.keyboard.press('PageUp');
  await expect(ls.progress).toHaveText(/^Step 2 of/);
  await page.keyboard.press('Space');
  await page.keyboard.press('+');
  await page.keyboard.press('-');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('f');
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/classroom/);
  await expect(page.locator('.toolbar')).toBeVisible();
  expect(lab.errors).toEqual([]);
});
