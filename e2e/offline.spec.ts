// Closed and offline: the built page carries a strict CSP and runs under it (a lesson included) without a
// console error or a CSP violation; after the first visit a service worker holds every built file.
// (offline-reload.spec.ts reloads the app with its server really gone.)
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('a strict CSP with no violation, a lesson included; a service worker caches every built file', async ({
  page,
}) => {
  const lab = new LabPage(page);
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  await lab.goto();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await lab.type('ping -c 1 -I br0 192.168.3.1');
  await page.locator('.lab-menu summary').click();
  await page.getByRole('menuitem', { name: /^Lesson:/ }).click();
  await lab.answerReplace(true); // the ping changed the lab: asked first
  await expect(page.getByTestId('lesson-progress')).toBeVisible();

  await expect(page.getByTestId('lesson-verdict')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run the commands' }).click();
  await expect(page.getByTestId('lesson-verdict')).toHaveAttribute('data-pass', 'true');
  await page.reload();
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const cached = await page.evaluate(async () =>
    Promise.all(
      (await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)),
    ),
  );
  const loaded = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/assets/')),
  );
  for (const p of loaded) expect(cached.flat()).toContain(p);
  expect(cached.flat()).toContain('/index.html');
  expect(violations).toEqual([]);
  expect(lab.errors).toEqual([]);
});
