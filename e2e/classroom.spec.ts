// Classroom mode on a projector: every step of the article's lesson driven with a presenter's clicker
// (PageDown, PageUp, Space) wherever the focus is, and at every step nothing clipped or covered: the
// bar never over the diagram or the step's title, the diagram fitted to its pane with its device text
// at least 14 px as projected, the legend whole; refitted when the window changes.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';
import { classroomProblems, MEASURE_CLASSROOM, type ClassroomReport } from './pages/classroomLayout';

const lesson = JSON.parse(readFileSync(new URL('../lessons/linux-bridge.json', import.meta.url), 'utf8')) as {
  steps: { id: string; check?: unknown }[];
};
const N = lesson.steps.length;
const measure = async (page: Page) => (await page.evaluate(MEASURE_CLASSROOM)) as ClassroomReport;

/** Puts the focus somewhere a presenter's click may have left it. */
const FOCUS = [
  '.lesson-steps select',
  '.lesson-steps button',
  '.playback select',
  '.playback input[type=range]',
  '.classroom-bar button',
  '.lesson-nav button:not([disabled])',
];

async function enter(page: Page, lang: 'English' | '中文') {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  // the terminal had the focus before
  await lab.commandLine().click();
  await ls.openArticleLesson();
  await ls.language(lang).click();
  await ls.button(lang === 'English' ? 'Classroom' : '课堂模式').click();
  await expect(page.locator('body')).toHaveClass(/classroom/);
  return { lab, ls };
}

/** The step's lab is built and the diagram refitted to it. */
async function settled(page: Page, ls: LessonPage) {
  await expect(ls.pane.locator('.lesson-starting')).toHaveCount(0);
  await page.waitForTimeout(400); // the snapshot of the rebuilt lab arrives, the diagram refits in the next frame
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width}x${size.height}: PageDown through all ${N} steps from any focus, nothing clipped or covered`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const { lab, ls } = await enter(page, 'English');
    for (let i = 0; i < N; i++) {
      await expect(ls.progress).toHaveText(`Step ${i + 1} of ${N}`);
      await settled(page, ls);
      const problems = classroomProblems(await measure(page));
      expect(problems, `step ${i + 1}`).toEqual([]);
      await page
        .locator(FOCUS[i % FOCUS.length])
        .first()
        .focus();
      await page.keyboard.press('PageDown');
    }
    await expect(ls.progress).toHaveText(`Step ${N} of ${N}`);
    // and back with PageUp and the arrow
    await page.keyboard.press('PageUp');
    await expect(ls.progress).toHaveText(`Step ${N - 1} of ${N}`);
    await page.keyboard.press('ArrowUp');
    await expect(ls.progress).toHaveText(`Step ${N - 2} of ${N}`);
    expect(lab.errors).toEqual([]);
  });
}

test('the whole lesson from the clicker alone: Space runs each step and its check passes, PageDown goes on (Chinese, 1024x768)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const { lab, ls } = await enter(page, '中文');
  for (let i = 0; i < N; i++) {
    await expect(ls.progress).toHaveText(`步骤 ${i + 1} / ${N}`);
    await settled(page, ls);
    await page
      .locator(FOCUS[i % FOCUS.length])
      .first()
      .focus();
    await page.keyboard.press('Space');
    if (lesson.steps[i].check) {
      await expect(ls.verdict).toHaveAttribute('data-pass', 'true', { timeout: 20_000 });
      await expect(ls.verdict).toBeInViewport(); // the class sees it without anyone scrolling
    }
    // the flow plays, Space again pauses it: the step stays
    await page.keyboard.press('Space');
    await expect(ls.progress).toHaveText(`步骤 ${i + 1} / ${N}`);
    if (i < N - 1) await page.keyboard.press('PageDown');
  }
  expect(lab.errors).toEqual([]);
});

test('the diagram is refitted when the window changes, and leaving gives the normal layout back', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { lab, ls } = await enter(page, 'English');
  await page.keyboard.press('PageDown');
  await settled(page, ls);
  const big = await measure(page);
  expect(classroomProblems(big)).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect.poll(async () => (await measure(page)).zoom).toBeLessThan(big.zoom - 0.05);
  expect(classroomProblems(await measure(page))).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/classroom/);
  await expect(page.locator('.toolbar')).toBeVisible();
  await expect(page.locator('.classroom-bar')).toHaveCount(0);
  expect(lab.errors).toEqual([]);
});
