// Issue 14, "first visit": a card offers the guided lesson, the article's diagrams and an empty lab; it is
// dismissed once and stays away; `help` lists the commands and the terminal says Tab completes; React
// Flow is credited in About instead of the diagram's corner. At 1440x900, 1024x768 and 390x844.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('the first-visit card: dismissed once, it stays away after a reload', async ({ page }) => {
      const lab = new LabPage(page);
      await lab.goto();
      const card = page.getByRole('region', { name: 'Welcome to Linux netlab' });
      await expect(card).toBeVisible();
      for (const b of ['Guided lesson', "The article's diagrams", 'Empty lab'])
        await expect(card.getByRole('button', { name: b })).toBeInViewport();
      await card.getByRole('button', { name: 'Close the welcome' }).click();
      await expect(card).toBeHidden();
      await page.reload();
      await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
      await expect(lab.device('host', 'br0')).toBeVisible();
      await expect(card).toBeHidden();
    });

    test('the card opens the guided lesson, or an empty lab', async ({ page }) => {
      const lab = new LabPage(page);
      await lab.goto();
      const card = page.getByRole('region', { name: 'Welcome to Linux netlab' });
      await card.getByRole('button', { name: 'Guided lesson' }).click();
      const lesson = new LessonPage(page);
      await expect(lesson.progress).toContainText('Step 1 of');
      await expect(card).toBeHidden();
      // a fresh visitor in another browser profile: the empty lab
      const other = await page.context().browser()!.newPage({ viewport: size });
      const lab2 = new LabPage(other);
      await lab2.goto();
      await other
        .getByRole('region', { name: 'Welcome to Linux netlab' })
        .getByRole('button', { name: 'Empty lab' })
        .click();
      await expect(lab2.device('host', 'br0')).toHaveCount(0);
      await expect(lab2.device('host', 'eth0')).toHaveCount(0);
      await expect(other.getByRole('region', { name: 'Welcome to Linux netlab' })).toBeHidden();
      await other.close();
    });

    test('help lists the commands; the terminal says that Tab completes', async ({ page }) => {
      const lab = new LabPage(page);
      await lab.goto();
      await page.getByRole('button', { name: 'Close the welcome' }).click();
      await expect(lab.terminal()).toContainText('Tab completes');
      await lab.type('help');
      for (const cmd of ['ip', 'bridge', 'ping', 'arping', 'tcpdump', 'iptables', 'lab', 'help']) {
        await expect(
          lab.terminal().locator('.term-line.out', { hasText: new RegExp(`^${cmd}\\s{2,}\\S`) }),
        ).toHaveCount(1);
      }
      await expect(lab.terminal()).not.toContainText('command not found');
    });

    test('React Flow is credited in About, not in the corner of the diagram', async ({ page }) => {
      const lab = new LabPage(page);
      await lab.goto();
      await page.getByRole('button', { name: 'Close the welcome' }).click();
      await expect(page.locator('.react-flow__attribution')).toHaveCount(0);
      await page.locator('.lab-menu summary').click();
      await page.getByRole('menuitem', { name: 'About Linux netlab' }).click();
      const about = page.getByRole('dialog', { name: 'About Linux netlab' });
      await expect(about.getByRole('link', { name: 'React Flow (@xyflow/react)' })).toHaveAttribute(
        'href',
        'https://reactflow.dev',
      );
      for (const lib of ['React', 'zustand', 'valibot', 'idb-keyval', 'Vite'])
        await expect(about.getByRole('link', { name: lib, exact: true })).toBeVisible();
      await expect(about.getByRole('button', { name: 'Close' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(about).toBeHidden();
    });
  });
}
