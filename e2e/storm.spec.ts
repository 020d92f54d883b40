// A link holding a three-link loop between two bridges with STP off: the storm shows on the diagram and
// above it, the terminal stays responsive (input answered within 200 ms), Ctrl+C types the command that
// ends it, and a reload of the lab does not bring it back or hang.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { labFile, shareLink } from './pages/labFiles';
import { readFileSync } from 'node:fs';
import { readPcap } from '../sim/wire/pcap';
import { BRIDGE_LOOP } from '../sim/testing/bridgeLoop';

const LOOP = [
  ...BRIDGE_LOOP,
  // one broadcast starts it: an ARP request, then Ctrl+C 2 ms later
  'arping -c 1 10.9.0.2',
];

function stormLab() {
  const lab = labFile(LOOP) as ReturnType<typeof labFile> & { log: { at: number; stopAt?: number }[] };
  const last = lab.log[lab.log.length - 1];
  last.stopAt = last.at + 2000;
  return { ...lab, now: last.at + 30_000 };
}

/** Types a line and returns the wall time (ms) from Enter until `answer` shows in the terminal. */
async function answered(lab: LabPage, line: string, answer: RegExp): Promise<number> {
  const input = lab.commandLine();
  await input.click();
  await input.fill(line);
  const before = await lab.terminal().locator('.term-line.out', { hasText: answer }).count();
  const t0 = Date.now();
  await input.press('Enter');
  await expect
    .poll(() => lab.terminal().locator('.term-line.out', { hasText: answer }).count(), {
      intervals: [5],
      timeout: 5000,
    })
    .toBeGreaterThan(before);
  return Date.now() - t0;
}

test('a link holding a bridge loop: the storm shows, the terminal answers, Ctrl+C ends it, a reload stays calm', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await page.goto(shareLink(stormLab()));
  const notice = page.getByTestId('storm-notice');
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await expect(notice).toContainText('Broadcast storm');
  await expect(notice).toContainText(/[\d,]+ frames\/s go round the loop through a1, a2, a3, b1, b2, b3 \(br0, br1\)/);
  await expect(notice.getByRole('button', { name: 'Stop the storm: ip link set br0 down' })).toBeVisible();
  // the loop's devices and links are marked on the diagram
  for (const d of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'br0', 'br1'])
    await expect(lab.device('host', d).locator('.dev')).toHaveAttribute('data-storm', '1');
  await expect(lab.bridgeLink('host', 'br0', 'a1')).toHaveAttribute('data-storm', '1');
  await expect(page.locator('path[data-edge^="wire:"][data-storm="1"]')).toHaveCount(3);

  // the terminal answers while the storm goes on: the rx dropped counter grows between two looks
  await lab.waitIdle();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await answered(lab, 'ip -br link show dev a1', /^a1@b1\s+UP/));
  await expect(notice).toBeVisible();

  // Ctrl+C: the terminal shows the command a Linux user types to end it, and the storm is over
  await lab.commandLine().press('Control+c');
  await lab.expectEcho('ip link set br0 down');
  await expect(notice).toBeHidden({ timeout: 5000 });
  await expect(page.locator('[data-storm="1"]')).toHaveCount(0);
  await lab.waitIdle();
  // the same command on the same lab without the storm, on this machine now: what an answer costs anyway
  const calm: number[] = [];
  for (let i = 0; i < 5; i++) calm.push(await answered(lab, 'ip -br link show dev a1', /^a1@b1\s+UP/));
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  test
    .info()
    .annotations.push({ type: 'answer-ms', description: `storm ${times.join(', ')}; calm ${calm.join(', ')}` });
  console.log(`ip -br link answered in ${times.join(', ')} ms during the storm, ${calm.join(', ')} ms without it`);
  // within 200 ms during the storm (on a machine loaded by other work, no slower than twice a calm lab's answer)
  expect(median(times)).toBeLessThan(Math.max(200, 2 * median(calm)));
  await lab.type('ip -br link show dev br0');
  await lab.expectOutput(/^br0\s+DOWN/);

  // a reload replays the lab with br0 down: calm, and answering
  await page.waitForTimeout(400);
  await page.reload();
  await expect(lab.device('host', 'a1')).toBeVisible({ timeout: 10_000 });
  await page.waitForTimeout(500);
  await expect(notice).toBeHidden();
  const t = await answered(lab, 'ip -br link show dev br0', /^br0\s+DOWN/);
  expect(t).toBeLessThan(1000);
  expect(lab.errors).toEqual([]);
});

test("the notice's button ends the storm the same way, typed in the terminal", async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto(shareLink(stormLab()));
  const notice = page.getByTestId('storm-notice');
  await notice.getByRole('button', { name: 'Stop the storm: ip link set br0 down' }).click();
  await lab.expectEcho('ip link set br0 down');
  await expect(notice).toBeHidden({ timeout: 5000 });
  expect(lab.errors).toEqual([]);
});

test('a capture of a flood keeps its last 10,000 frames and says so; the pcap holds those', async ({ page }) => {
  const lab = new LabPage(page);
  const pair = [
    'ip netns add n1',
    'ip link add v0 type veth peer name v1 netns n1',
    'ip addr add 10.8.0.1/24 dev v0',
    'ip link set v0 up',
    'ip -n n1 addr add 10.8.0.2/24 dev v1',
    'ip -n n1 link set v1 up',
  ];
  await page.goto(shareLink(labFile(pair)));
  await expect(lab.device('host', 'v0')).toBeVisible({ timeout: 10_000 });
  await lab.deviceMenu('host', 'v0', 'Capture on v0');
  await lab.openTerminal('host');
  await lab.type('ping -f -q -c 6000 10.8.0.2');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow('6000 packets transmitted, 6000 received');
  await lab.dockTab('Captures').click();
  const cap = lab.capture('host', 'v0');
  const count = cap.locator('.cap-count');
  // each request and reply, and the ARP exchange before them
  await expect(count).toHaveText(/^showing the last 10,000 of 12,00\d frames$/, { timeout: 30_000 });
  await cap.getByRole('button', { name: 'Stop' }).click();
  await expect(cap).toContainText('stopped');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    cap.getByRole('button', { name: 'Download .pcap' }).click(),
  ]);
  const frames = readPcap(new Uint8Array(readFileSync((await download.path())!)));
  if ('error' in frames) throw new Error(frames.error);
  expect(frames).toHaveLength(10_000);
  // the latest ones, in order
  expect(frames.every((f, i) => i === 0 || f.time >= frames[i - 1].time)).toBe(true);
  expect(lab.errors).toEqual([]);
});
