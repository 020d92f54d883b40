// Lesson steps as a teacher jumps between them: each step starts from its own lab (the setup and every
// earlier step's commands), whether entered by the step list, Next, Back or a shared link; "reset this
// step" puts it back; a step that names captures opens them in order and its check reads them; and
// everything the lesson types is in the chosen language.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';

interface Step {
  id: string;
  title: { en: string };
  watch?: { capture: string[] };
}
const lesson = JSON.parse(readFileSync(new URL('../lessons/linux-bridge.json', import.meta.url), 'utf8')) as {
  steps: Step[];
};
const N = lesson.steps.length;

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

async function open(page: Page, lang: 'English' | '中文' = 'English') {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  await ls.openArticleLesson();
  await ls.language(lang).click();
  await expect(ls.pane.locator('.lesson-starting')).toHaveCount(0);
  return { lab, ls };
}

/** Runs the step on screen with one click and waits for its check to pass. */
async function runAndPass(ls: LessonPage) {
  await expect(ls.pane.locator('.lesson-starting')).toHaveCount(0);
  await ls.button('Run the commands').click();
  await expect(ls.verdict).toHaveAttribute('data-pass', 'true', { timeout: 20_000 });
}

async function choose(ls: LessonPage, k: number) {
  await ls.pane.getByLabel('Steps').selectOption(String(k - 1));
  await expect(ls.progress).toHaveText(`Step ${k} of ${N}`);
}

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('steps 6, 2, 23, 4 from the step list: each starts from its own lab and passes after run', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const { lab, ls } = await open(page);
      await choose(ls, 6);
      // step 6's lab: br0 holds the address, no container, no VM yet
      await expect(lab.device('host', 'br0')).toContainText('192.168.3.101');
      await expect(lab.node('ns:c1')).toHaveCount(0);
      await runAndPass(ls);
      await choose(ls, 2);
      await expect(lab.device('host', 'veth0')).toHaveCount(0);
      await expect(lab.device('host', 'br0')).toBeVisible();
      await runAndPass(ls);
      await choose(ls, 23);
      await expect(lab.node('ns:c1')).toBeVisible();
      await runAndPass(ls);
      await choose(ls, 4);
      // back from the Docker diagram: the containers are gone, veth0 is a port again
      await expect(lab.node('ns:c1')).toHaveCount(0);
      await expect(lab.bridgeLink('host', 'br0', 'veth0')).toHaveCount(1);
      await runAndPass(ls);
      expect(lab.errors).toEqual([]);
    });
  });
}

test('Next without running a step, Back from the last one: the lab follows the steps', async ({ page }) => {
  test.setTimeout(120_000);
  const { lab, ls } = await open(page);
  // step 1 skipped: step 2 still has br0
  await ls.button('Next →').click();
  await expect(ls.progress).toHaveText(`Step 2 of ${N}`);
  await expect(lab.device('host', 'br0')).toBeVisible();
  await runAndPass(ls);
  await ls.button('Next →').click();
  await ls.button('Next →').click();
  await expect(ls.progress).toHaveText(`Step 4 of ${N}`);
  await runAndPass(ls);
  await choose(ls, 23);
  await ls.button('← Previous').click();
  await expect(ls.progress).toHaveText(`Step 22 of ${N}`);
  await expect(lab.node('ns:c1')).toHaveCount(0); // step 22 makes the containers
  await runAndPass(ls);
  expect(lab.errors).toEqual([]);
});

test('reset this step undoes what was typed; a shared link opens the step with its lab', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { lab, ls } = await open(page);
  await choose(ls, 4);
  await lab.type('ip link del veth0');
  await expect(lab.device('host', 'veth0')).toHaveCount(0);
  await ls.button('Run the commands').click();
  await expect(ls.verdict).toHaveAttribute('data-pass', 'false', { timeout: 20_000 });
  await ls.button('Reset this step').click();
  await expect(lab.device('host', 'veth0')).toBeVisible();
  await expect(lab.terminal()).toContainText('Step 4: the lab is as steps 1-3 left it');
  await runAndPass(ls);

  await choose(ls, 6);
  await ls.menu('Share as link');
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('dialog', { name: 'Share link' }).getByRole('button', { name: 'Close' }).click();
  const other = await browser.newContext();
  const p2 = await other.newPage();
  const ls2 = new LessonPage(p2);
  const lab2 = new LabPage(p2);
  await p2.goto(link);
  await expect(ls2.progress).toHaveText(`Step 6 of ${N}`);
  await expect(lab2.device('host', 'br0')).toContainText('192.168.3.101');
  await runAndPass(ls2);
  await other.close();
  expect(lab.errors).toEqual([]);
});

test('a step that names captures opens them in the Captures pane, in its order, and its check reads them', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { lab, ls } = await open(page);
  await choose(ls, 4);
  const named = lesson.steps[3].watch!.capture;
  expect(named).toEqual(['veth0', 'veth1', 'br0']);
  await runAndPass(ls);
  await expect(page.getByRole('tab', { name: /^Captures/ })).toHaveAttribute('aria-selected', 'true');
  const sections = page.locator('section.capture');
  await expect(sections).toHaveCount(3);
  expect(await sections.evaluateAll((els) => els.map((e) => e.getAttribute('data-dev')))).toEqual(named);
  // what the student sees: the ARP request and its reply on veth0, only the reply on br0
  await expect(page.getByTestId('capture-lines-host-veth0')).toContainText('Request who-has 192.168.3.102');
  await expect(page.getByTestId('capture-lines-host-veth0')).toContainText('Reply 192.168.3.102 is-at');
  await expect(page.getByTestId('capture-lines-host-br0')).toContainText('Reply 192.168.3.102 is-at');
  await expect(page.getByTestId('capture-lines-host-br0')).not.toContainText('Request who-has');
  // the captures stopped: the check reads what they show, and fails on a capture with nothing on br0
  for (const dev of named)
    await page.locator(`section.capture[data-dev="${dev}"]`).getByRole('button', { name: 'Stop' }).click();
  await ls.button('Check').click();
  await expect(ls.verdict).toHaveAttribute('data-pass', 'true');
  expect(lab.errors).toEqual([]);
});

for (const lang of ['English', '中文'] as const) {
  test(`everything the lesson types is in ${lang}`, async ({ page }) => {
    test.setTimeout(90_000);
    const { lab, ls } = await open(page, lang);
    const term = lab.terminal();
    await ls.pane.getByLabel(lang === 'English' ? 'Steps' : '所有步骤').selectOption('6');
    await expect(ls.pane.locator('.lesson-starting')).toHaveCount(0);
    await expect(term).toContainText(
      lang === 'English' ? 'Step 7: the lab is as steps 1-6 left it' : '步骤 7:实验环境已恢复为步骤 1-6 完成后的样子',
    );
    await ls.button(lang === 'English' ? 'Run the commands' : '运行这些命令').click();
    await lab.expectEcho('ip neigh flush dev br0');
    if (lang === 'English') {
      await expect(term).toContainText('# clear the FAILED neighbour entry on br0');
      await expect(term).not.toContainText(/[\u4e00-\u9fff]/);
      await expect(ls.pane.locator('.lesson-commands')).not.toContainText(/[\u4e00-\u9fff]/);
    } else {
      await expect(term).toContainText('# 清掉 br0 上的 FAILED 邻居项');
      await expect(term).not.toContainText('clear the FAILED');
    }
    expect(lab.errors).toEqual([]);
  });
}
