// Pictures of a lab, as a teacher takes them for slides: the diagram as SVG, PNG and ASCII text from the
// Lab menu, a flow step with its narration, and the whole flow as an animated SVG.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

async function picture(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('.lab-menu summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** The SVG parsed by the browser: its elements counted, or the parser's error. */
async function parsed(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    return {
      error: err ? err.textContent : null,
      devices: [...doc.querySelectorAll('g.device')].map((g) => g.getAttribute('data-dev')),
      frames: doc.querySelectorAll('g.frame').length,
      moments: doc.querySelectorAll('g.moment').length,
      caption: doc.querySelector('text.caption')?.textContent ?? null,
    };
  }, svg);
}

/** Whether the browser draws the picture as an image (what a slide or a blog does with it). */
async function drawsAsImage(page: Page, svg: string): Promise<{ w: number; h: number }> {
  return page.evaluate(async (text) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    return { w: img.naturalWidth, h: img.naturalHeight };
  }, svg);
}

test("the diagram as SVG, PNG at 1x and 2x, and the article's ASCII style", async ({ page }) => {
  const lab = new LabPage(page);
  await lab.gotoVethOnBridge();
  const onPage = await page
    .locator('.react-flow__node[data-id^="dev:"] .dev')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-dev')));

  const svg = await picture(page, 'Diagram as SVG');
  expect(svg.name).toBe('lab.svg');
  const doc = await parsed(page, svg.bytes.toString('utf8'));
  expect(doc.error).toBeNull();
  expect(doc.devices.sort()).toEqual(onPage.sort());
  const size = await drawsAsImage(page, svg.bytes.toString('utf8'));
  expect(size.w).toBeGreaterThan(400);

  for (const [item, scale] of [
    ['Diagram as PNG', 1],
    ['Diagram as PNG, 2x', 2],
  ] as const) {
    const png = await picture(page, item);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: width and height, big-endian, at bytes 16 and 20
    expect(png.bytes.readUInt32BE(16)).toBe(Math.ceil(size.w * scale));
    expect(png.bytes.readUInt32BE(20)).toBe(Math.ceil(size.h * scale));
  }

  const txt = await picture(page, 'Diagram as text (ASCII art)');
  const text = txt.bytes.toString('utf8');
  expect(text).toMatch(/\|\s+br0\s+\|<--->\|\s+veth0\s+\|/);
  expect(text).toContain('Physical Network');
  expect(text).toContain('Network Protocol Stack');
  expect(lab.errors).toEqual([]);
});

test('a flow step with its frames and narration, and the flow as an animated SVG', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.gotoVethOnBridge();
  // before any flow: nothing to draw, and the page says so
  await page.locator('.lab-menu summary').click();
  await page.getByRole('menuitem', { name: 'This flow step as SVG' }).click();
  await expect(page.locator('.notice')).toContainText('There is no packet flow to draw yet');

  await lab.type('ping -c 1 192.168.3.102');
  await lab.expectOutputAtNow('1 packets transmitted, 1 received');
  for (let i = 0; i < 4; i++) await lab.control('Previous event').click();
  await expect(lab.narration).toContainText('#');
  const head = (await lab.narration.locator('.narr-head').innerText()).split('·')[0].trim();

  const step = await picture(page, 'This flow step as SVG');
  expect(step.name).toMatch(/^lab-step-\d+\.svg$/);
  expect(step.name).toBe(`lab-step-${head.slice(1)}.svg`);
  const doc = await parsed(page, step.bytes.toString('utf8'));
  expect(doc.error).toBeNull();
  expect(doc.frames).toBeGreaterThan(0);
  expect(doc.caption).toContain(head);

  const stepPng = await picture(page, 'This flow step as PNG');
  expect(stepPng.bytes.subarray(1, 4).toString()).toBe('PNG');

  const flow = await picture(page, 'The packet flow as an animated SVG');
  const anim = await parsed(page, flow.bytes.toString('utf8'));
  expect(anim.error).toBeNull();
  expect(anim.moments).toBeGreaterThan(5);
  expect(flow.bytes.toString('utf8')).toContain('<set attributeName="visibility"');
  expect((await drawsAsImage(page, flow.bytes.toString('utf8'))).w).toBeGreaterThan(400);
  expect(lab.errors).toEqual([]);
});

test("a lesson prints as a handout: each step, its commands, the lab after it, the kernel's notes, in the chosen language", async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();
  await page.locator('.lab-menu summary').click();
  await page.getByRole('menuitem', { name: /^Lesson: Linux bridge/ }).click();
  await expect(page.getByTestId('lesson-progress')).toBeVisible();
  for (const lang of ['en', 'zh'] as const) {
    if (lang === 'zh')
      await page
        .locator('aside.lesson')
        .getByRole('group', { name: 'Language' })
        .getByRole('button', { name: '中文' })
        .click();
    await page.locator('.lab-menu summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('.lab-menu-items')
        .getByRole('menuitem', { name: lang === 'en' ? 'Lesson handout to print' : '可打印的课程讲义' })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(`linux-bridge-handout-${lang}.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    const steps = await page.locator('.lesson-steps option').count();
    // opened as a reader would open the file: every step there, each with a picture the browser draws
    const handout = await page.context().newPage();
    await handout.setContent(html);
    await expect(handout.locator('section.step')).toHaveCount(steps);
    await expect(handout.locator('section.step figure svg')).toHaveCount(steps);
    expect(
      await handout
        .locator('section.step figure svg')
        .first()
        .evaluate((el) => el.getBoundingClientRect().width),
    ).toBeGreaterThan(300);
    await expect(handout.locator('aside.kernel').first()).toContainText(
      lang === 'en' ? 'Where the real kernel differs' : '真实内核的不同之处',
    );
    await expect(handout.locator('h2').first()).toContainText(lang === 'en' ? 'Step 1.' : '步骤 1.');
    await handout.close();
  }
});
