// Issue 11, "steps go out of order": the teacher's ping from br0 on the article's second diagram, stepped
// through with "step ▶" and "◀ step" while paused and while playing at 0.25x, 1x and 10x. The events
// highlighted must be the event list's rows in its order, one at a time, forwards and then backwards.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

/** The event list's rows, top to bottom (it renders only the rows in view: scrolled through). */
async function listRows(page: Page): Promise<{ seq: number; text: string }[]> {
  const box = page.getByRole('listbox', { name: 'Events' });
  const seen = new Map<number, { seq: number; text: string; top: number }>();
  const { scrollHeight, clientHeight } = await box.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  for (let top = 0; ; top += Math.max(20, clientHeight - 40)) {
    await box.evaluate((el, t) => {
      el.scrollTop = t;
      el.dispatchEvent(new Event('scroll'));
    }, top);
    await page.waitForTimeout(50);
    const rows = await box.locator('[data-seq]').evaluateAll((els) =>
      els.map((e) => ({
        seq: Number(e.getAttribute('data-seq')),
        text: e.textContent ?? '',
        top: parseFloat((e as HTMLElement).style.top),
      })),
    );
    for (const r of rows) seen.set(r.seq, r);
    if (top + clientHeight >= scrollHeight) break;
  }
  return [...seen.values()].sort((a, b) => a.top - b.top).map(({ seq, text }) => ({ seq, text }));
}

/** The highlighted event: the narration's number and the list's current row must agree. */
async function expectAt(lab: LabPage, seq: number): Promise<void> {
  await expect(lab.narration).toContainText(`#${seq + 1} ·`);
  await expect(lab.events.locator('.ev-row.current')).toHaveAttribute('data-seq', String(seq));
}

async function shown(lab: LabPage): Promise<number> {
  const m = /#(\d+) ·/.exec((await lab.narration.textContent()) ?? '');
  return m ? Number(m[1]) - 1 : -1;
}

for (const size of SIZES) {
  test(`stepping a ping from br0 visits the event list in order, at ${size.width}x${size.height}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const lab = new LabPage(page);
    await lab.gotoVethOnBridge();
    await lab.type('ping -c 1 -I br0 192.168.3.102');
    // the whole ping has run: its summary shows at now (a loaded machine may play slower than 10 s)
    await lab.expectOutputAtNow('1 packets transmitted');

    const rows = await listRows(page);
    const list = rows.map((r) => r.seq);
    // a whole ping: the ARP request, its reply, the echo request and the echo reply
    for (const chip of ['ARP req', 'ARP reply', 'ICMP req', 'ICMP reply'])
      expect(
        rows.some((r) => r.text.includes(chip)),
        chip,
      ).toBe(true);
    expect(list).toEqual([...list].sort((a, b) => a - b));

    // paused at the start: every row, one at a time, then back again
    await lab.control('Pause').click();
    await page.getByLabel('Timeline').fill('0');
    for (const seq of list) {
      await lab.control('Next event').click();
      await expectAt(lab, seq);
    }
    for (const seq of list.slice(0, -1).reverse()) {
      await lab.control('Previous event').click();
      await expectAt(lab, seq);
    }

    // while playing, at each speed: the first press pauses and goes on from the event shown
    for (const speed of ['0.25', '1', '10']) {
      await page.getByLabel('Speed').selectOption(speed);
      await page.getByLabel('Timeline').fill('0');
      await lab.control('Play').click();
      await page.waitForTimeout(400);
      await lab.control('Next event').click();
      // the step stops on its event: playing ends with the step's hop, nothing else moves the highlight
      await expect(lab.control('Play')).toBeVisible({ timeout: 15_000 });
      const at = await shown(lab);
      const from = list.indexOf(at);
      expect(from).toBeGreaterThanOrEqual(0);
      await page.waitForTimeout(300);
      await expectAt(lab, list[from]);
      // pressed quickly, while each step still plays
      for (const seq of list.slice(from + 1)) {
        await lab.control('Next event').click();
        await expectAt(lab, seq);
      }
      for (const seq of list.slice(0, -1).reverse()) {
        await lab.control('Previous event').click();
        await expectAt(lab, seq);
      }
    }
    expect(lab.errors).toEqual([]);
  });
}
