// Issue 14, "screen readers": axe (WCAG 2.x A and AA rules) finds nothing on the main views: the first
// load, a preset with a packet flow playing, the lesson pane, classroom mode and each dialog. The language
// loop holds English today; adding 'zh' runs every view in Chinese too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';

const LANGS = ['en'] as const;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function open(page: Page, lang: (typeof LANGS)[number]): Promise<LabPage> {
  const lab = new LabPage(page);
  await lab.goto();
  if (lang !== 'en') await page.evaluate((l) => localStorage.setItem('netlab:lang', l), lang);
  return lab;
}

for (const lang of LANGS) {
  for (const size of SIZES) {
    test.describe(`${lang} at ${size.width}x${size.height}`, () => {
      test.use({ viewport: size });

      test('first load', async ({ page }) => {
        await open(page, lang);
        expect(await violations(page)).toEqual([]);
      });

      test('a preset with a packet flow playing', async ({ page }) => {
        const lab = await open(page, lang);
        await page.getByRole('button', { name: 'Close the welcome' }).click();
        await lab.preset.selectOption('veth');
        await lab.waitIdle();
        await lab.type('ping -c 2 192.168.3.102');
        await expect(lab.narration).toContainText('#');
        expect(await violations(page)).toEqual([]);
      });

      test('the lesson pane and classroom mode', async ({ page }) => {
        await open(page, lang);
        const lesson = new LessonPage(page);
        await lesson.openArticleLesson();
        expect(await violations(page)).toEqual([]);
        await lesson.button('Classroom').click();
        await expect(page.locator('body.classroom')).toHaveCount(1);
        expect(await violations(page)).toEqual([]);
      });

      test('each dialog', async ({ page }) => {
        const lab = await open(page, lang);
        await page.getByRole('button', { name: 'Close the welcome' }).click();
        await page.locator('.lab-menu summary').click();
        await page.getByRole('menuitem', { name: 'Share as link' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.locator('.lab-menu summary').click();
        await page.getByRole('menuitem', { name: 'Import shell script…' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.locator('.lab-menu summary').click();
        await page.getByRole('menuitem', { name: 'About Linux netlab' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await lab.type('ip link add br1 type bridge');
        await lab.preset.selectOption('veth');
        await expect(page.getByRole('alertdialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    });
  }
}
