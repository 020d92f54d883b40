// Labs that persist and travel: autosave across a reload, a shared link opened in a fresh browser,
// lab files saved and opened, and broken files and links refused with the open lab kept.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LabPage } from './pages/LabPage';
import { LessonPage } from './pages/LessonPage';

test('a reload restores the lab; a shared link carries it to a fresh browser; broken links and files are refused', async ({
  page,
  browser,
}) => {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  await lab.type('ip link add dummy7 type bridge');
  await lab.type('ip addr add 10.7.7.7/24 dev dummy7');
  await expect(lab.device('host', 'dummy7')).toBeVisible();
  const mac = await lab.macOf('host', 'dummy7');
  await page.waitForTimeout(400); // autosave runs shortly after a change
  await page.reload();
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  await expect(lab.device('host', 'dummy7')).toBeVisible();
  expect(await lab.macOf('host', 'dummy7')).toBe(mac);
  await lab.type('ip -br addr show dev dummy7');
  await lab.expectOutput('10.7.7.7/24');
  // undo still takes back the last command after the reload
  await expect(lab.undoButton).toBeEnabled();

  // a shared link, opened in a browser that never saw the lab
  await ls.menu('Share as link');
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#lab=[A-Za-z0-9_-]+$/);
  await page.getByRole('dialog', { name: 'Share link' }).getByRole('button', { name: 'Close' }).click();
  const other = await browser.newContext();
  const p2 = await other.newPage();
  const lab2 = new LabPage(p2);
  await p2.goto(link);
  await expect(lab2.device('host', 'dummy7')).toBeVisible();
  expect(await lab2.macOf('host', 'dummy7')).toBe(mac);
  await expect(p2).toHaveURL(/\/$/); // the fragment is dropped once opened
  // a corrupt link leaves that lab as it was
  await p2.evaluate((h) => (location.hash = h), link.split('#')[1].slice(0, -12) + 'AAAAzzzz____');
  await expect(p2.getByRole('alert')).toContainText('The shared link was refused, the open lab is kept');
  await expect(lab2.device('host', 'dummy7')).toBeVisible();
  expect(lab2.errors).toEqual([]);
  await other.close();

  // a corrupt link in the first page too, then a broken file: the lab stays
  await page.evaluate(() => (location.hash = 'lab=not-a-lab'));
  await expect(ls.notice).toContainText('refused');
  await expect(lab.device('host', 'dummy7')).toBeVisible();
  const bad = {
    format: 'linux-netlab-lab',
    version: 1,
    seed: 1,
    presetId: 'x',
    now: 0,
    positions: {},
    log: [{ id: 1, group: 't1', ns: 'host', line: 'rm -rf /', at: 0, mode: 'sync' }],
  };
  await page
    .getByLabel('Lab file')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(ls.notice).toContainText(
    'The file bad.json was refused, the open lab is kept: log[0].line: `rm -rf /` "rm" is not a command the simulator knows',
  );
  await page.getByLabel('Lab file').setInputFiles({
    name: 'junk.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "linux-netlab-lab", "version": 9}'),
  });
  await expect(ls.notice).toContainText('a newer app wrote it');
  await expect(lab.device('host', 'dummy7')).toBeVisible();

  // a lab file saved, then opened after a different preset was loaded
  const download = page.waitForEvent('download');
  await ls.menu('Save lab file');
  const file = await (await download).path();
  await lab.preset.selectOption('veth');
  await lab.answerReplace(true); // the lab held typed commands: asked first
  await expect(lab.device('host', 'dummy7')).toHaveCount(0);
  await page.getByLabel('Lab file').setInputFiles(file!);
  await expect(lab.device('host', 'dummy7')).toBeVisible();
  expect(await lab.macOf('host', 'dummy7')).toBe(mac);
  expect(lab.errors).toEqual([]);
});

test('a lesson and its step survive a reload', async ({ page }) => {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  await ls.openArticleLesson();
  await ls.language('English').click();
  await ls.button('Run the commands').click();
  await expect(ls.verdict).toHaveAttribute('data-pass', 'true');
  await ls.button('Next →').click();
  await page.waitForTimeout(400);
  await page.reload();
  await expect(ls.progress).toHaveText(/^Step 2 of/);
  await ls.button('Run the commands').click();
  await expect(ls.verdict).toHaveAttribute('data-pass', 'true');
});

test('export the lab as a script; a pasted script is imported, or refused line by line', async ({ page }) => {
  const lab = new LabPage(page);
  const ls = new LessonPage(page);
  await lab.goto();
  const download = page.waitForEvent('download');
  await ls.menu('Export shell script');
  const script = readFileSync((await (await download).path())!, 'utf8');
  expect(script).toContain('# netlab-export 1');
  await ls.menu('Import shell script…');
  await page
    .getByRole('textbox', { name: 'Script', exact: true })
    .fill('ip link add br9 type bridge\nsudo reboot\nip link set br9 up\ncurl http://example.com');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByLabel('Refused lines')).toContainText('line 2:');
  await expect(page.getByLabel('Refused lines')).toContainText('line 4:');
  await expect(lab.device('host', 'br9')).toHaveCount(0);
  await page
    .getByRole('textbox', { name: 'Script', exact: true })
    .fill('ip link add br9 type bridge\nip link set br9 up');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(lab.device('host', 'br9')).toBeVisible();
  expect(lab.errors).toEqual([]);
});

test('a reload comes back to the packet-flow step the reader stopped at, paused, at the same speed', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.gotoVethOnBridge();
  await lab.type('ping -c 1 -W 1 -I veth0 192.168.3.102');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow('1 packets transmitted, 0 received, 100% packet loss');
  await expect(lab.event('leaves veth1').first()).toBeVisible();
  await lab.control('Pause').click();
  await page.getByLabel('Timeline').fill('0');
  for (let i = 0; i < 3; i++) await lab.control('Next frame').click();
  await lab.control('Next event').click();
  await lab.control('Next event').click();
  await expect(lab.narration).toContainText('br0 takes it (veth0 is its port)');
  await lab.playback.getByLabel('Speed').selectOption('0.5');
  const selected = await lab.events.getByRole('option', { selected: true }).innerText();
  await page.waitForTimeout(400); // autosave runs shortly after a change
  await page.reload();
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  await expect(lab.narration).toContainText('br0 takes it (veth0 is its port)');
  await expect.poll(() => lab.events.getByRole('option', { selected: true }).innerText()).toBe(selected);
  await expect(lab.control('Play')).toBeVisible();
  await expect(lab.playback.getByLabel('Speed')).toHaveValue('0.5');
  // and it goes on from there
  await lab.control('Next event').click();
  await expect(lab.narration).toContainText('br0 learns');
  expect(lab.errors).toEqual([]);
});
