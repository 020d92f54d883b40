// Issue 14, "every screen": at 1440x900, 1024x768 and 390x844 the page never scrolls sideways, the diagram
// is drawn inside its pane, the playback legend is whole, the tables show every column without a
// sideways scrollbar, and a phone shows the diagram first with tabs for the terminal, events and tables.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];
const PHONE = 720;
const TABLE_TABS = ['Addresses', 'Routes', 'Neighbours', 'Bridge FDB'];

/** Every rect inside the viewport horizontally (1 px of rounding allowed). */
async function outsideViewport(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => {
    const w = document.documentElement.clientWidth;
    return els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ t: (e.textContent ?? '').trim().slice(0, 30), r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.left < -1 || r.right > w + 1)
      .map(({ t, r }) => `${t} [${Math.round(r.left)}..${Math.round(r.right)}]`);
  });
}

for (const size of SIZES) {
  const phone = size.width <= PHONE;
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('the diagram is drawn in its pane and nothing runs out sideways', async ({ page }) => {
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.text().includes('[React Flow]')) warnings.push(m.text());
      });
      const lab = new LabPage(page);
      await lab.goto();
      const pane = await page.locator('.rf-wrap').boundingBox();
      expect(pane, 'the diagram pane').not.toBeNull();
      expect(pane!.width).toBeGreaterThan(300);
      expect(pane!.height).toBeGreaterThan(200);
      // every device of the first diagram is inside the pane once fitted
      for (const id of ['dev:host:eth0', 'dev:host:br0']) {
        const b = (await lab.node(id).boundingBox())!;
        expect(b.x, id).toBeGreaterThanOrEqual(pane!.x - 1);
        expect(b.x + b.width, id).toBeLessThanOrEqual(pane!.x + pane!.width + 1);
        expect(b.y + b.height, id).toBeLessThanOrEqual(pane!.y + pane!.height + 1);
      }
      const { sw, cw } = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        cw: document.documentElement.clientWidth,
      }));
      expect(sw, 'the page scrolls sideways').toBeLessThanOrEqual(cw);
      expect(
        await outsideViewport(
          page,
          '.legend .chip, .controls button, .toolbar > *, .palette-item, .terminal .tabs button',
        ),
      ).toEqual([]);
      // the legend's chips lie inside the canvas column, none under another
      const canvas = (await page.getByTestId('canvas').boundingBox())!;
      for (const chip of await page.locator('.legend .chip').all()) {
        const b = (await chip.boundingBox())!;
        expect(b.x + b.width, (await chip.textContent()) ?? '').toBeLessThanOrEqual(canvas.x + canvas.width + 1);
        expect(b.y + b.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
      }
      expect(warnings).toEqual([]);
    });

    test('the tables show every column without scrolling sideways, on every preset', async ({ page }) => {
      test.setTimeout(120_000);
      const lab = new LabPage(page);
      await lab.goto();
      // a phone shows the first visit's card over the lower panel: read, then closed
      if (phone) await page.getByRole('button', { name: 'Close the welcome' }).click();
      const tables = page.locator('section.tables');
      for (const preset of ['veth', 'eth0', 'vms', 'docker']) {
        await lab.preset.selectOption(preset);
        // a phone shows the terminal or the tables: the preset has been typed in when the prompt is back
        if (phone) await page.getByRole('tab', { name: 'Terminal' }).click();
        await lab.waitIdle();
        if (phone) await page.getByRole('tab', { name: 'Tables' }).click();
        for (const tab of TABLE_TABS) {
          await tables.getByRole('tab', { name: tab }).click();
          const wrap = tables.locator('.table-wrap');
          await expect(wrap).toBeVisible();
          const { sw, cw, rows } = await wrap.evaluate((e) => ({
            sw: e.scrollWidth,
            cw: e.clientWidth,
            rows: e.querySelectorAll('tbody tr').length,
          }));
          expect(sw, `${preset} ${tab}: ${sw} px in ${cw}`).toBeLessThanOrEqual(cw);
          if (tab === 'Addresses') expect(rows).toBeGreaterThan(2);
        }
        // a MAC address is never split anywhere but after its third byte
        await tables.getByRole('tab', { name: 'Addresses' }).click();
        const macs = await tables.locator('td.mono').evaluateAll((els) =>
          els.map((e) => {
            const r = document.createRange();
            r.selectNodeContents(e);
            const tops = [...r.getClientRects()].filter((x) => x.width > 0).map((x) => x.top);
            // a second line starts a line-height below the first
            return { text: e.textContent ?? '', lines: Math.max(...tops) - Math.min(...tops) > 4 ? 2 : 1 };
          }),
        );
        for (const m of macs) expect(m.text).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
        if (size.width >= 1440) for (const m of macs) expect(m.lines, `${m.text} wraps at 1440`).toBe(1);
      }
    });
  });
}

test.describe('a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('shows the diagram, then the terminal, events or tables chosen by a tab', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await page.getByRole('button', { name: 'Close the welcome' }).click();
    const term = lab.terminal();
    const events = page.getByRole('region', { name: 'Packet flow', exact: true });
    const tables = page.locator('section.tables');
    // the terminal first, below the diagram
    await expect(term).toBeVisible();
    await expect(events).toBeHidden();
    await expect(tables).toBeHidden();
    const diagram = (await page.locator('.rf-wrap').boundingBox())!;
    expect((await term.boundingBox())!.y).toBeGreaterThan(diagram.y + diagram.height - 1);
    await lab.type('ping -c 1 192.168.3.1');
    await page.getByRole('tab', { name: 'Events' }).click();
    await expect(events).toBeVisible();
    await expect(term).toBeHidden();
    await expect(page.getByRole('listbox', { name: 'Events' }).locator('[data-seq]').first()).toBeVisible();
    await page.getByRole('tab', { name: 'Tables' }).click();
    await expect(tables).toBeVisible();
    await expect(events).toBeHidden();
    await tables.getByRole('tab', { name: 'Neighbours' }).click();
    await expect(tables.locator('.table-wrap')).toContainText('192.168.3.1');
    await page.getByRole('tab', { name: 'Terminal' }).click();
    await expect(term).toBeVisible();
    await lab.expectOutputAtNow('1 packets transmitted');
  });

  test('the lesson pane takes the lower half; the diagram stays in view and Next works', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await page.getByRole('button', { name: 'Close the welcome' }).click();
    const lesson = new LessonPage(page);
    await lesson.openArticleLesson();
    const pane = (await lesson.pane.boundingBox())!;
    expect(pane.x).toBeGreaterThanOrEqual(0);
    expect(pane.x + pane.width).toBeLessThanOrEqual(391);
    expect(pane.y + pane.height).toBeLessThanOrEqual(845);
    const diagram = (await page.locator('.rf-wrap').boundingBox())!;
    expect(diagram.y + 100).toBeLessThan(pane.y);
    expect(await outsideViewport(page, 'aside.lesson button, aside.lesson select, aside.lesson h2')).toEqual([]);
    await expect(lesson.progress).toContainText('Step 1 of');
    await lesson.button('Next').click();
    await expect(lesson.progress).toContainText('Step 2 of');
    await expect(lesson.heading()).toBeInViewport();
  });
});
