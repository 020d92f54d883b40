// Live embeds as a blogger uses them: the Lab menu's snippet, pasted into a page; the documentation page's
// embed stepped through inside its frame; a read-only embed; the visitor's own lab left alone; file://.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type FrameLocator } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const OUT = process.env.E2E_PORT ? `dist-e2e-${process.env.E2E_PORT}` : 'dist';

const narration = (f: FrameLocator) => f.getByTestId('narration');

test("the documentation page's embed: a container's ping stepped through inside the frame", async ({ page }) => {
  await page.goto('/docs/embed.html');
  const live = page.frameLocator('#live');
  await expect(live.locator('.react-flow__node[data-id="dev:host:br0"]')).toBeVisible({ timeout: 20_000 });
  // step=1: the flow's first step is shown, and stepping moves it on
  await expect(narration(live)).toContainText('#1 ', { timeout: 20_000 });
  await live.getByRole('button', { name: 'Next event', exact: true }).click();
  await expect(narration(live)).toContainText('#2 ');
  await live.getByRole('button', { name: 'Next frame', exact: true }).click();
  await expect(narration(live)).not.toContainText('#2 ');
  // a terminal, live: a command typed in the frame runs there
  await live.locator('.term-screen').first().click();
  await page.keyboard.type('ip -br link show br0');
  await page.keyboard.press('Enter');
  await expect(live.locator('.term-screen').first()).toContainText(/br0\s+UP/);
  // the link back to the app carries the same lab
  await expect(live.getByRole('link', { name: /Open in Linux Netlab/ })).toHaveAttribute('href', /index\.html#lab=/);

  // the read-only one: no terminal, in Chinese, already playing
  const still = page.frameLocator('#still');
  await expect(still.locator('.react-flow__node[data-id="dev:c2:eth0"]')).toBeVisible({ timeout: 20_000 });
  await expect(still.locator('.terminal')).toHaveCount(0);
  await expect(still.getByRole('link', { name: /在 Linux Netlab 中打开/ })).toBeVisible();
  await expect(still.getByRole('button', { name: '暂停', exact: true })).toBeVisible();
});

test("Lab › Embed gives a snippet that shows this lab; the visitor's own lab is left as it was", async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new LabPage(page);
  await lab.gotoVethOnBridge();
  await lab.type('ping -c 1 -I br0 192.168.3.102');
  await lab.expectOutputAtNow('1 packets transmitted');
  await page.locator('.lab-menu summary').click();
  await page.getByRole('menuitem', { name: 'Embed in a web page…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this lab' });
  await expect(dialog.getByTestId('embed-snippet')).toHaveValue(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#lab=/,
  );
  await dialog.getByLabel('Read-only (no terminal)').check();
  await expect(dialog.getByTestId('embed-snippet')).toHaveValue(/readonly=1/);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toBe(await dialog.getByTestId('embed-snippet').inputValue());
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // pasted into someone's page
  await page.goto('/docs/embed.html');
  await page.setContent(`<!doctype html><title>a blog</title><p>My lab:</p>${snippet}`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.react-flow__node[data-id="dev:host:veth1"]')).toBeVisible({ timeout: 20_000 });
  await expect(frame.locator('.terminal')).toHaveCount(0);
  await frame.getByRole('button', { name: 'Previous event', exact: true }).click();
  await expect(narration(frame)).toContainText('#');

  // back in the app: the lab typed before is still the one there
  await page.goto('/');
  await expect(lab.device('host', 'veth0')).toBeVisible();
  await lab.expectOutputAtNow('--- 192.168.3.102 ping statistics ---');
  await expect(lab.node('ns:c1')).toHaveCount(0);
});

test('an embed opened from a file on disk, and a broken one', async ({ page }) => {
  const url = pathToFileURL(resolve(join(OUT, 'embed.html'))).href;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}#preset=docker&readonly=1`);
  await expect(page.locator('.react-flow__node[data-id="dev:c1:eth0"]')).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
  await page.goto(`${url}#lab=AAAA-not-a-lab`);
  await page.reload();
  await expect(page.locator('.notice')).toContainText('This embedded lab could not be opened');
  await expect(page.locator('.react-flow__node[data-id="dev:host:br0"]')).toBeVisible();
});
