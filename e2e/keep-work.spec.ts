// Never losing the user's work: replacing a changed lab asks first and is one undo step; replaced labs
// are kept in Lab › Recent labs; two tabs on one lab are told apart; saving failures are said at once;
// the autosave lives in IndexedDB (moved there from localStorage); broken files keep the lab.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';
import { labFile, shareLink } from './pages/labFiles';

const recentMenu = (page: Page) => page.getByRole('group', { name: 'Recent labs' });

async function openMenu(page: Page): Promise<void> {
  await page.locator('.lab-menu summary').click();
}

test('a shared link over a changed lab asks first: declined keeps the lab, accepted keeps it in Recent labs, restorable', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.type('ip link add mine0 type bridge');
  await expect(lab.device('host', 'mine0')).toBeVisible();
  await page.waitForTimeout(400); // autosave

  const link = shareLink(labFile(['ip link add theirs0 type bridge']));
  await page.goto(link);
  await expect(lab.replaceDialog).toContainText('the lab in the shared link');
  await expect(lab.device('host', 'mine0')).toBeVisible(); // the saved lab is what shows while asking
  await lab.answerReplace(false);
  await expect(lab.device('host', 'mine0')).toBeVisible();
  await expect(lab.device('host', 'theirs0')).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);

  await page.goto(link);
  await lab.answerReplace(true);
  await expect(lab.device('host', 'theirs0')).toBeVisible();
  await expect(lab.device('host', 'mine0')).toHaveCount(0);
  await expect(page.locator('.notice')).toContainText('Opened the lab in the shared link');

  // the replaced lab is in the Lab menu's recent labs, and comes back from there
  await openMenu(page);
  const item = recentMenu(page)
    .getByRole('menuitem', { name: /Linux bridge|bridge|2 commands|commands/ })
    .first();
  await expect(recentMenu(page).getByRole('menuitem')).toHaveCount(1);
  await item.click();
  await lab.answerReplace(true); // the link's lab holds a typed command too
  await expect(lab.device('host', 'mine0')).toBeVisible();
  await expect(lab.device('host', 'theirs0')).toHaveCount(0);
  // and the link's lab, replaced in turn, is the newest recent lab
  await openMenu(page);
  await expect(recentMenu(page).getByRole('menuitem')).toHaveCount(2);
  await expect(recentMenu(page).getByRole('menuitem').first()).toContainText('empty lab, 1 commands');
  expect(lab.errors).toEqual([]);
});

test('choosing a preset over a changed lab asks, and Ctrl+Z brings the old lab back; the Diagram menu says "custom lab"', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();
  await expect(lab.preset.locator('option:checked')).toHaveText(/bridge/i);
  await lab.type('ip link add keep0 type bridge');
  await expect(lab.preset.locator('option:checked')).toHaveText('custom lab');
  await lab.preset.selectOption('veth');
  await lab.answerReplace(false);
  await expect(lab.device('host', 'keep0')).toBeVisible();
  await expect(lab.preset.locator('option:checked')).toHaveText('custom lab');

  await lab.preset.selectOption('veth');
  await lab.answerReplace(true);
  await expect(lab.bridgeLink('host', 'br0', 'veth0')).toHaveCount(1);
  await expect(lab.device('host', 'keep0')).toHaveCount(0);
  await expect(lab.preset).toHaveValue('veth');
  await lab.waitIdle();

  // one undo step, from the diagram (focus outside any field)
  await page.locator('.toolbar .brand').click();
  await page.keyboard.press('Control+z');
  await expect(lab.device('host', 'keep0')).toBeVisible();
  await expect(lab.device('host', 'veth0')).toHaveCount(0);
  await expect(lab.preset.locator('option:checked')).toHaveText('custom lab');
  await page.keyboard.press('Control+Shift+z');
  await expect(lab.device('host', 'veth0')).toBeVisible();
  await expect(lab.device('host', 'keep0')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(lab.device('host', 'keep0')).toBeVisible();
  // and undo goes on into the old lab's own edits
  await page.keyboard.press('Control+z');
  await expect(lab.device('host', 'keep0')).toHaveCount(0);
  await expect(lab.preset.locator('option:checked')).toHaveText(/bridge/i);
  expect(lab.errors).toEqual([]);
});

test('Ctrl+Z in the terminal: with an empty line it undoes; with text it edits the line', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.type('ip link add undo0 type bridge');
  await expect(lab.device('host', 'undo0')).toBeVisible();
  const input = lab.commandLine();
  await input.click();
  await input.pressSequentially('ip li');
  await input.press('Control+z');
  await expect(input).not.toHaveValue('ip li'); // the line's own undo
  await expect(lab.device('host', 'undo0')).toBeVisible();
  await input.fill('');
  await input.press('Control+z');
  await expect(lab.device('host', 'undo0')).toHaveCount(0);
  await expect(input).toBeFocused();
  await input.press('Control+Shift+z');
  await expect(lab.device('host', 'undo0')).toBeVisible();
  expect(lab.errors).toEqual([]);
});

test('a new empty lab and a lesson over a changed lab ask first', async ({ page }) => {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  await lab.type('ip link add lesson0 type bridge');
  await ls.menu(/^Lesson: Linux bridge/);
  await expect(lab.replaceDialog).toContainText('the lesson');
  await lab.answerReplace(false);
  await expect(ls.progress).toHaveCount(0);
  await ls.menu('New empty lab');
  await lab.answerReplace(true);
  await expect(lab.device('host', 'lesson0')).toHaveCount(0);
  await expect(lab.device('host', 'br0')).toHaveCount(0);
  await page.locator('.toolbar .brand').click();
  await page.keyboard.press('Control+z');
  await expect(lab.device('host', 'lesson0')).toBeVisible();
  expect(lab.errors).toEqual([]);
});

test('two tabs on the same lab: the second is warned and takes over or opens a copy', async ({ context }) => {
  const a = await context.newPage();
  const labA = new LabPage(a);
  await labA.goto();
  await labA.type('ip link add tab0 type bridge');
  await a.waitForTimeout(400);
  const b = await context.newPage();
  const labB = new LabPage(b);
  await labB.goto();
  const askB = b.getByRole('alertdialog', { name: 'This lab is open in another tab' });
  await expect(askB).toBeVisible();
  await expect(labB.device('host', 'tab0')).toBeVisible();
  await askB.getByRole('button', { name: 'Take over here' }).click();
  await expect(askB).toHaveCount(0);
  await expect(b.locator('.notice')).toContainText('This tab now saves the lab');
  // the first tab is told it no longer saves, and may open a copy
  const askA = a.getByRole('alertdialog', { name: 'This lab is open in another tab' });
  await expect(askA).toContainText('Another tab took this lab over');
  await labB.type('ip link add tab1 type bridge');
  await b.waitForTimeout(400);
  await askA.getByRole('button', { name: 'Open a copy here' }).click();
  await labA.type('ip link add copy0 type bridge');
  await a.waitForTimeout(400);
  // each tab's lab survives its reload: the copy apart from the shared one
  await a.reload();
  await expect(labA.device('host', 'copy0')).toBeVisible();
  await expect(labA.device('host', 'tab1')).toHaveCount(0);
  await b.reload();
  await expect(labB.device('host', 'tab1')).toBeVisible();
  await expect(labB.device('host', 'copy0')).toHaveCount(0);
  expect([...labA.errors, ...labB.errors]).toEqual([]);
});

test('broken lab files are refused with a clear message and the lab stays', async ({ page }) => {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  await lab.type('ip link add stay0 type bridge');
  const open = (name: string, body: string) =>
    page.getByLabel('Lab file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  await open('v0.json', JSON.stringify(labFile(['ip link'], { version: 0 })));
  await expect(ls.notice).toContainText(
    'The file v0.json was refused, the open lab is kept: version: 0 is not a lab file version',
  );
  await open('vs.json', JSON.stringify(labFile(['ip link'], { version: '1' })));
  await expect(ls.notice).toContainText('version: must be a number');
  await expect(ls.notice).not.toContainText('newer app');
  await open('far.json', JSON.stringify(labFile(['ip link'], { now: 3600e9 })));
  await expect(ls.notice).toContainText('now: must be at most');
  await open('cut.json', '{"format": "linux-netlab-lab", "version": 1, "seed": 1, "log": [');
  await expect(ls.notice).toContainText('not JSON');
  await expect(lab.replaceDialog).toHaveCount(0);
  await expect(lab.device('host', 'stay0')).toBeVisible();
  expect(lab.errors).toEqual([]);
});

test('the autosave lives in IndexedDB: a legacy localStorage save is moved there and survives a reload', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await page.goto('/');
  // a lab saved by the earlier version, in localStorage
  await page.evaluate(
    (l) => localStorage.setItem('netlab:lab:v1', JSON.stringify(l)),
    labFile(['ip link add legacy0 type bridge']),
  );
  await page.reload();
  await expect(lab.device('host', 'legacy0')).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('netlab:lab:v1'))).toBeNull();
  await lab.type('ip link add idb0 type bridge');
  await page.waitForTimeout(400);
  const stored = await page.evaluate(
    () =>
      new Promise<string>((done, fail) => {
        const r = indexedDB.open('netlab');
        r.onerror = () => fail(r.error);
        r.onsuccess = () => {
          const g = r.result.transaction('labs').objectStore('labs').get('autosave');
          g.onsuccess = () => done(JSON.stringify(g.result));
        };
      }),
  );
  expect(stored).toContain('ip link add idb0 type bridge');
  await page.reload();
  await expect(lab.device('host', 'idb0')).toBeVisible();
  await expect(lab.device('host', 'legacy0')).toBeVisible();
  expect(lab.errors).toEqual([]);
});

test('a save that fails is said at once, with the lab file offered', async ({ page }) => {
  // IndexedDB refused and localStorage full, as in a locked-down or full browser profile
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const lab = new LabPage(page);
  await lab.goto();
  await lab.type('ip link add nosave0 type bridge');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The lab could not be saved in this browser (the storage is full)');
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download lab file' }).click();
  expect((await download).suggestedFilename()).toBe('lab.netlab.json');
  expect(lab.errors).toEqual([]);
});
