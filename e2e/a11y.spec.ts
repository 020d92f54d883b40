// Issue 14, "screen readers": axe (WCAG 2.x A and AA rules) finds nothing on the main views: the first
// load, a preset with a packet flow playing, the lesson pane, classroom mode, each dialog, a device's menu
// and a refused wire's notice. The language loop runs every view in English and in Chinese.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';

const LANGS = ['en', 'zh'] as const;
/** The words a person clicks, in each language (web/i18n/en.json, zh.json). */
const W = {
  en: {
    preset: 'Preset',
    line: 'Command line host',
    welcome: 'Close the welcome',
    share: 'Share as link',
    import: 'Import shell script…',
    about: 'About Linux netlab',
    embed: 'Embed in a web page…',
    classroom: 'Classroom',
  },
  zh: {
    preset: '预设',
    line: '命令行 host',
    welcome: '关闭欢迎提示',
    share: '分享为链接',
    import: '导入 shell 脚本…',
    about: '关于 Linux netlab',
    embed: '嵌入网页…',
    classroom: '课堂模式',
  },
} as const;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return r.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

async function open(page: Page, lang: (typeof LANGS)[number]): Promise<LabPage> {
  const lab = new LabPage(page);
  await lab.goto();
  if (lang !== 'en') {
    // the language a reader chose, remembered: the page comes back in it
    await page.evaluate((l) => localStorage.setItem('netlab:lang', l), lang);
    await page.reload();
    await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  }
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
        await page.getByRole('button', { name: W[lang].welcome }).click();
        await page.getByLabel(W[lang].preset).selectOption('veth');
        await lab.waitIdle();
        const line = page.getByLabel(W[lang].line);
        await line.click();
        await line.fill('ping -c 2 192.168.3.102');
        await line.press('Enter');
        await expect(lab.narration).toContainText('#');
        expect(await violations(page)).toEqual([]);
      });

      test('the lesson pane and classroom mode', async ({ page }) => {
        await open(page, lang);
        const lesson = new LessonPage(page);
        await lesson.openArticleLesson();
        expect(await violations(page)).toEqual([]);
        await lesson.button(W[lang].classroom).click();
        await expect(page.locator('body.classroom')).toHaveCount(1);
        expect(await violations(page)).toEqual([]);
      });

      test('each dialog', async ({ page }) => {
        const lab = await open(page, lang);
        await page.getByRole('button', { name: W[lang].welcome }).click();
        await page.locator('.lab-menu summary').click();
        await page.getByRole('menuitem', { name: W[lang].share }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.locator('.lab-menu summary').click();
        await page.getByRole('menuitem', { name: W[lang].import }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.locator('.lab-menu summary').click();
        await page.getByRole('menuitem', { name: W[lang].about }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.locator('.lab-menu summary').click();
        await page.getByRole('menuitem', { name: W[lang].embed }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        const line = page.getByLabel(W[lang].line);
        await line.click();
        await line.fill('ip link add br1 type bridge');
        await line.press('Enter');
        await expect(lab.device('host', 'br1')).toBeVisible();
        await page.getByLabel(W[lang].preset).selectOption('veth');
        await expect(page.getByRole('alertdialog')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });

      test("a device's menu, a wire refused with its reason, the grouped terminal tabs", async ({ page }) => {
        const lab = await open(page, lang);
        await page.getByRole('button', { name: W[lang].welcome }).click();
        await expect(
          page.getByRole('tablist', { name: lang === 'zh' ? '物理网络' : 'Physical network' }),
        ).toBeVisible();
        await lab.waitIdle();
        await lab.device('host', 'eth0').click({ button: 'right' });
        await expect(page.getByRole('menu')).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        // eth0 onto itself: refused, the reason in a notice
        await lab.device('host', 'eth0').hover();
        const h = (await lab.device('host', 'eth0').locator('.wire-handle').boundingBox())!;
        const d = (await lab.device('host', 'eth0').boundingBox())!;
        await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
        await page.mouse.down();
        await page.mouse.move(d.x + 20, d.y + 20, { steps: 8 });
        await page.mouse.up();
        await expect(page.getByRole('alert')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    });
  }
}
