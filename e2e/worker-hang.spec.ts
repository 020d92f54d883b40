// A worker that stops answering is found by its heartbeat: the toolbar says "busy", the page offers to stop
// it, and the lab is rebuilt without the command that hung, saying which. A load that would replay too
// much stops and says so. The hanging command is the e2e build's test-only hook (VITE_NETLAB_E2E=1, see
// web/worker/sim.worker.ts); in other builds that line is an ordinary `echo`.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { labFile, shareLink } from './pages/labFiles';

const HANG = 'echo netlab-e2e-hang';

test('a link holding a command that hangs the worker: busy, an offer to stop, the lab rebuilt without it', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await page.goto(shareLink(labFile(['ip link add before0 type bridge', HANG, 'ip link add after0 type bridge'])));
  const status = page.getByTestId('worker-status');
  await expect(status).toHaveText('busy…', { timeout: 5000 });
  const offer = page.getByRole('alertdialog', { name: 'Stop and drop the command' });
  await expect(offer).toContainText(`It is still running \`${HANG}\``, { timeout: 8000 });
  await offer.getByRole('button', { name: 'Stop and drop the command' }).click();
  await expect(page.getByRole('alert')).toContainText(
    `The simulation stopped answering while running \`${HANG}\`: the lab was rebuilt without it.`,
  );
  await expect(status).toHaveText('kernel ready');
  await expect(lab.device('host', 'before0')).toBeVisible();
  await expect(lab.device('host', 'after0')).toBeVisible();
  await expect(lab.terminal().locator('.term-line', { hasText: `# dropped: ${HANG}` })).toBeVisible();
  // the lab works on, and a reload does not hang again (the command is gone from the saved lab)
  await lab.type('ip -br link show dev after0');
  await lab.expectOutput('after0');
  await page.waitForTimeout(400);
  await page.reload();
  await expect(lab.device('host', 'after0')).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(status).toHaveText('kernel ready');
  expect(lab.errors).toEqual([]);
});

test('a hanging command typed in the terminal: busy, and Ctrl+C ends it', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.type('ip link add kept0 type bridge');
  const input = lab.commandLine();
  await input.fill(HANG);
  await input.press('Enter');
  const status = page.getByTestId('worker-status');
  await expect(status).toHaveText('busy…', { timeout: 5000 });
  await input.press('Control+c');
  await expect(page.getByRole('alert')).toContainText(`while running \`${HANG}\``);
  await expect(status).toHaveText('kernel ready');
  await expect(lab.device('host', 'kept0')).toBeVisible();
  await lab.waitIdle();
  await lab.type('ip -br link show dev kept0');
  await lab.expectOutput('kept0');
  expect(lab.errors).toEqual([]);
});

test('a link whose replay would run too long stops at the bound and says so; a clock beyond 30 days is refused', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();
  // a flood left running for ten minutes of virtual time: far more events than a load may replay
  const flood = labFile(
    ['ip link add br0 type bridge', 'ip addr add 10.9.9.1/24 dev br0', 'ip link set br0 up', 'ping -f 10.9.9.1'],
    { now: 600_000_000 },
  );
  await page.goto(shareLink(flood));
  await expect(page.getByRole('alert')).toContainText('Loading the lab stopped after', { timeout: 30_000 });
  await expect(page.getByTestId('worker-status')).toHaveText('kernel ready');
  await expect(lab.device('host', 'br0')).toBeVisible();
  // still answering
  await lab.commandLine().press('Control+c');
  await lab.waitIdle();
  await lab.type('ip -br addr show dev br0');
  await lab.expectOutput('10.9.9.1/24');
  // a month and a bit: refused before anything runs
  await page.goto(shareLink(labFile(['ip link add x0 type bridge'], { now: 31 * 24 * 3600 * 1e6 })));
  await expect(page.getByRole('alert')).toContainText(
    'The shared link was refused, the open lab is kept: now: must be at most',
  );
  await expect(lab.device('host', 'br0')).toBeVisible();
  expect(lab.errors).toEqual([]);
});
