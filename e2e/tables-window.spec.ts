// A long table is drawn as a window (issue 15: at 5,000 devices the address table's layout of every row
// took most of a command's time): only the rows near the view are in the page, yet a person scrolling it
// with the wheel finds every device, the last one added included, and a short table is drawn whole.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('a table of hundreds of devices draws the rows in view, and scrolling finds each of them', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = new LabPage(page);
  await lab.goto();
  const table = page.getByTestId('table-addr');
  const body = table.locator('tbody');
  // the article's lab: every row drawn, no spacer
  const few = Number(await body.getAttribute('data-rows'));
  expect(few).toBeGreaterThan(0);
  await expect(body).toHaveAttribute('data-drawn', String(few));
  await expect(table.locator('.row-spacer')).toHaveCount(0);

  // 150 veth pairs pasted into the terminal
  const input = lab.commandLine();
  await input.click();
  const script = Array.from({ length: 150 }, (_, i) => `ip link add wa${i} type veth peer name wb${i}`).join('\n');
  await page.evaluate((text) => {
    const el = document.activeElement as HTMLInputElement;
    const dt = new DataTransfer();
    dt.setData('text/plain', `${text}\n`);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, script);
  await expect(body).toHaveAttribute('data-rows', String(few + 300), { timeout: 60_000 });
  const drawn = Number(await body.getAttribute('data-drawn'));
  expect(drawn).toBeLessThan(few + 300);
  // the top of the table as before: its first device
  await expect(table.locator('td', { hasText: /^wa0$/ })).toBeInViewport();

  // the wheel down to the end: the last pair is there, and the rows near the top are no longer drawn
  const wrap = (await table.boundingBox())!;
  await page.mouse.move(wrap.x + wrap.width / 2, wrap.y + wrap.height / 2);
  const atEnd = () => table.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
  for (let i = 0; i < 60 && !(await atEnd()); i++) await page.mouse.wheel(0, 600);
  await expect(table.locator('td', { hasText: /^wb149$/ })).toBeInViewport();
  await expect(table.locator('td', { hasText: /^wa0$/ })).toHaveCount(0);

  // one more command: its row comes at the end, where the person is looking
  await lab.type('ip link add wz0 type veth peer name wz1');
  await expect(body).toHaveAttribute('data-rows', String(few + 302));
  await page.mouse.move(wrap.x + wrap.width / 2, wrap.y + wrap.height / 2);
  for (let i = 0; i < 20 && !(await atEnd()); i++) await page.mouse.wheel(0, 600);
  await expect(table.locator('td', { hasText: /^wz1$/ })).toBeInViewport();
  // and back to the top with the wheel
  for (let i = 0; i < 60 && (await table.evaluate((el) => el.scrollTop > 0)); i++) await page.mouse.wheel(0, -600);
  await expect(table.locator('td', { hasText: /^wa0$/ })).toBeInViewport();

  // by keyboard alone: Tab from the last table tab onto the table, End to its last row, Home back
  await page.getByRole('tab', { name: 'Bridge FDB' }).focus();
  await page.keyboard.press('Tab');
  await expect(table).toBeFocused();
  await page.keyboard.press('End');
  await expect(table.locator('td', { hasText: /^wz1$/ })).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(table.locator('td', { hasText: /^wa0$/ })).toBeInViewport();
  expect(lab.errors).toEqual([]);
});
