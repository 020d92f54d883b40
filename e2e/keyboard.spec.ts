// Issue 14, "keyboard": the terminal does not take focus on load and is no keyboard trap (Esc then Tab
// leaves it, as in VS Code; Tab alone completes); diagram nodes open in the inspector with Enter and the
// arrow keys move between devices, wires are no Tab stops; dialogs dim the page, keep focus inside, close
// with Esc and say when the link was copied. At 1440x900, 1024x768 and 390x844.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

const focusedClass = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.className ?? '');
const focusedId = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? '');

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('the terminal takes no focus on load; Tab completes, Esc then Tab or Shift+Tab leaves it', async ({
      page,
    }) => {
      const lab = new LabPage(page);
      await lab.goto();
      await page.getByRole('button', { name: 'Close the welcome' }).click();
      expect(await focusedClass(page)).not.toContain('term-input');
      await expect(lab.terminal()).toContainText('Tab completes');
      const line = lab.commandLine();
      await line.click();
      await line.pressSequentially('ip lin');
      await line.press('Tab');
      await expect(line).toHaveValue('ip link ');
      await expect(line).toBeFocused();
      // Tab again stays: nothing more to complete, still in the line
      await line.press('Tab');
      await expect(line).toBeFocused();
      await line.press('Escape');
      await line.press('Tab');
      await expect(line).not.toBeFocused();
      await line.click();
      await line.press('Escape');
      await line.press('Shift+Tab');
      await expect(line).not.toBeFocused();
      // what was typed is kept
      await expect(line).toHaveValue('ip link ');
    });

    test('dialogs: a backdrop, focus kept inside, "Copied", Esc closes', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const lab = new LabPage(page);
      await lab.goto();
      await page.getByRole('button', { name: 'Close the welcome' }).click();
      await page.locator('.lab-menu summary').click();
      await page.getByRole('menuitem', { name: 'Share as link' }).click();
      const dialog = page.getByRole('dialog', { name: 'Share link' });
      await expect(dialog).toBeVisible();
      await expect(page.getByTestId('modal-backdrop')).toBeVisible();
      await expect(dialog.getByRole('textbox', { name: 'Share link' })).toBeFocused();
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Shift+Tab');
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
      await dialog.getByRole('button', { name: 'Copy' }).click();
      await expect(dialog.getByRole('status')).toHaveText('Copied');
      const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('modal-backdrop')).toBeHidden();

      // the question before a changed lab is replaced: Esc keeps the lab
      await lab.type('ip link add br1 type bridge');
      // the command has reached the lab (the prompt can be back before the worker has the line)
      await expect(lab.device('host', 'br1')).toBeVisible();
      await lab.preset.selectOption('veth');
      const ask = page.getByRole('alertdialog', { name: 'Replace the open lab?' });
      await expect(ask).toBeVisible();
      await expect(ask.getByRole('button', { name: 'Keep my lab' })).toBeFocused();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(ask.getByRole('button', { name: 'Keep my lab' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(ask).toBeHidden();
      await expect(lab.device('host', 'br1')).toBeVisible();
      await expect(lab.device('host', 'veth0')).toHaveCount(0);

      // the import box: Esc closes it too
      await page.locator('.lab-menu summary').click();
      await page.getByRole('menuitem', { name: 'Import shell script…' }).click();
      const imp = page.getByRole('dialog', { name: 'Import shell script' });
      await expect(imp.getByRole('textbox', { name: 'Script' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(imp).toBeHidden();
    });
  });
}

test('diagram: Enter opens a device in the inspector, arrow keys move between devices, wires are no Tab stops', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();
  // wires are not focusable; devices are
  expect(await page.locator('.react-flow__edge[tabindex="0"]').count()).toBe(0);
  await expect(lab.device('host', 'eth0')).toHaveAttribute('tabindex', '0');
  // Tab from the zoom controls' neighbourhood: a person tabs into the diagram and reaches a node
  await page.getByRole('checkbox', { name: 'Packet flow' }).focus();
  let reached = '';
  for (let i = 0; i < 40 && !reached.startsWith('dev:'); i++) {
    await page.keyboard.press('Tab');
    reached = await focusedId(page);
  }
  expect(reached).toMatch(/^dev:/);
  await lab.device('host', 'eth0').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector eth0' })).toBeVisible();
  // the device itself did not move
  const before = await lab.device('host', 'eth0').boundingBox();
  await page.keyboard.press('ArrowRight');
  expect(await focusedId(page)).toBe('dev:host:br0');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector br0' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  expect(await focusedId(page)).toBe('dev:host:eth0');
  expect(await lab.device('host', 'eth0').boundingBox()).toEqual(before);
  await page.keyboard.press('ArrowDown');
  expect(await focusedId(page)).toMatch(/^(ns:lan|dev:lan)/);
  await page.keyboard.press('ArrowUp');
  expect(await focusedId(page)).toBe('dev:host:eth0');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Inspector br0' })).toBeHidden();
});
