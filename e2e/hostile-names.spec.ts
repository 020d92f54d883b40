// Namespaces named like Object.prototype's properties are only names: typed in the terminal, their
// tabs open their own (empty) namespace, the page stays, and a reload brings them back.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('ip netns add constructor and __proto__: their tabs open their namespaces, a reload keeps them', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();
  for (const name of ['constructor', '__proto__']) {
    await lab.type(`ip netns add ${name}`);
    await lab.expectEcho(`ip netns add ${name}`);
    await expect(page.locator(`button[role="tab"][data-term="${name}"]`)).toHaveText(name);
    await expect(lab.node(`ns:${name}`)).toBeVisible();
  }
  for (const name of ['constructor', '__proto__']) {
    await page.locator(`button[role="tab"][data-term="${name}"]`).click();
    await expect(page.locator(`button[role="tab"][data-term="${name}"]`)).toHaveAttribute('aria-selected', 'true');
    // its own, empty terminal: a prompt in that namespace and no line of host's
    await expect(lab.terminal(name)).toBeVisible();
    await expect(lab.terminal(name).locator('.term-line')).toHaveCount(0);
    await lab.type('ip -br link', name);
    await lab.expectOutput(/^lo\s+(DOWN|UNKNOWN)/, name);
    await expect(lab.terminal(name).locator('.term-line.out')).toHaveCount(1);
    await lab.type('ip netns identify', name);
    await lab.expectOutput(name, name);
  }
  // the page is whole: the diagram, the toolbar and host's terminal still answer
  await page.locator('button[role="tab"][data-term="host"]').click();
  await lab.type('ip netns list');
  await lab.expectOutput('constructor');
  await lab.expectOutput('__proto__');
  await page.waitForTimeout(400); // autosave runs shortly after a change
  await page.reload();
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  for (const name of ['constructor', '__proto__']) {
    await expect(lab.node(`ns:${name}`)).toBeVisible();
    await page.locator(`button[role="tab"][data-term="${name}"]`).click();
    await expect(lab.terminal(name)).toBeVisible();
    await lab.type('ip netns identify', name);
    await lab.expectOutput(name, name);
  }
  expect(lab.errors).toEqual([]);
});
