// A terminal whose scrollback is full: each new line pushes the oldest out, and every other line stays
// the element it was, showing the same text (keyed by the line, not by its place: issue 15, a line
// then costs one element, not an update of thousands), the command line still in view at the bottom.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { SCROLLBACK } from '../web/protocol';

test('a full scrollback drops its oldest lines and leaves the others as they were', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = new LabPage(page);
  await lab.goto();
  const lines = lab.terminal().locator('.term-line');
  while ((await lines.count()) < SCROLLBACK) await lab.type('sysctl -a');
  await expect(lines).toHaveCount(SCROLLBACK);
  // the newest line's element and one in the middle, marked as a person cannot see: after more output
  // they must still be there and show the same lines
  const marks = await lines.evaluateAll((els) =>
    [els.length - 1, els.length >> 1].map((i, k) => {
      els[i].setAttribute('data-mark', String(k));
      return els[i].textContent;
    }),
  );
  await lines.first().evaluate((el) => el.setAttribute('data-oldest', ''));
  await lab.type('sysctl -a');
  await expect(lines).toHaveCount(SCROLLBACK);
  // the oldest line's element went (its text may come back: the same output again, further down)
  await expect(lab.terminal().locator('[data-oldest]')).toHaveCount(0);
  await expect(lab.terminal().locator('[data-mark="0"]')).toHaveText(marks[0] ?? '');
  await expect(lab.terminal().locator('[data-mark="1"]')).toHaveText(marks[1] ?? '');
  await expect(lab.commandLine()).toBeInViewport();
  await expect(lab.terminal().locator('.term-line.cmd').last()).toHaveText('root@host:~# sysctl -a');
});
