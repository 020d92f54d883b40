// A terminal whose scrollback is full: each new line pushes the oldest out, and every other line stays
// the element it was, showing the same text (keyed by the line, not by its place: issue 15, a line
// then costs one element, not an update of thousands), the command line still in view at the bottom.
// Only the last lines are in the page while the view is at the bottom (issue 15: an Enter laid out every
// line); going up the scrollback, by the wheel or by Page Up, brings back every line, up to the first.
import { expect, test, type Locator } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { SCROLLBACK } from '../web/protocol';
import { TAIL } from '../web/components/termTail';

/** The wheel up over the terminal until its first line is in view. */
async function wheelToTop(term: Locator): Promise<void> {
  await term.hover();
  const page = term.page();
  for (let i = 0; i < 40 && (await term.evaluate((el) => el.scrollTop)) > 0; i++) {
    await page.mouse.wheel(0, -5000);
    await page.waitForTimeout(100);
  }
  expect(await term.evaluate((el) => el.scrollTop)).toBe(0);
}

test('a full scrollback drops its oldest lines and leaves the others as they were', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = new LabPage(page);
  await lab.goto();
  const term = lab.terminal();
  const lines = term.locator('.term-line');
  for (;;) {
    await lab.type('sysctl -a');
    // at the bottom, only the tail of a long scrollback is in the page
    if ((await lines.count()) >= TAIL) await expect(lines).toHaveCount(TAIL);
    await wheelToTop(term);
    if ((await lines.count()) >= SCROLLBACK) break;
  }
  await expect(lines).toHaveCount(SCROLLBACK);
  await expect(lines.first()).toBeInViewport();
  // the newest line's element and one further up the tail, marked as a person cannot see: after more
  // output they must still be there and show the same lines
  const marks = await lines.evaluateAll(
    (els, tail) =>
      [els.length - 1, els.length - (tail >> 1)].map((i, k) => {
        els[i].setAttribute('data-mark', String(k));
        return els[i].textContent;
      }),
    TAIL,
  );
  await lines.first().evaluate((el) => el.setAttribute('data-oldest', ''));
  await lab.type('echo more');
  await expect(lines).toHaveCount(TAIL);
  // the oldest line's element went (its text may come back: the same output again, further down)
  await expect(term.locator('[data-oldest]')).toHaveCount(0);
  await expect(term.locator('[data-mark="0"]')).toHaveText(marks[0] ?? '');
  await expect(term.locator('[data-mark="1"]')).toHaveText(marks[1] ?? '');
  await expect(lab.commandLine()).toBeInViewport();
  await expect(term.locator('.term-line.cmd').last()).toHaveText('root@host:~# echo more');
});

test('Page Up from the command line goes up a long scrollback to its first line', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = new LabPage(page);
  await lab.goto();
  const term = lab.terminal();
  const lines = term.locator('.term-line');
  await lab.type('echo first');
  const first = await lines.first().textContent();
  while ((await lines.count()) < TAIL) await lab.type('sysctl -a');
  await expect(lines.first()).not.toHaveText(first ?? '');
  await expect(lab.commandLine()).toBeInViewport();
  // the line at the top of the view stays there as the earlier lines come back above it
  const atTop = await term.evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    const l = [...el.querySelectorAll('.term-line')].find((e) => e.getBoundingClientRect().bottom > top + 20)!;
    l.setAttribute('data-was-top', '');
    return l.getBoundingClientRect().top - top;
  });
  await lab.commandLine().press('PageUp');
  const was = term.locator('[data-was-top]');
  await expect(was).toBeInViewport();
  // one Page Up scrolls up by about a screen from where it was: the marked line went down, not away
  const moved = await was.evaluate(
    (l, top) => l.getBoundingClientRect().top - l.parentElement!.getBoundingClientRect().top - top,
    atTop,
  );
  expect(moved).toBeGreaterThan(0);
  for (let i = 0; i < 200 && (await term.evaluate((el) => el.scrollTop)) > 0; i++) {
    await lab.commandLine().press('PageUp');
    await page.waitForTimeout(50);
  }
  expect(await term.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(lines.first()).toHaveText(first ?? '');
  await expect(lines.first()).toBeInViewport();
  expect(await lines.count()).toBeGreaterThan(TAIL);
  // and the next command brings the view back to the bottom
  await lab.type('echo last');
  await expect(lab.commandLine()).toBeInViewport();
  await expect(term.locator('.term-line.out').last()).toHaveText('last');
});
