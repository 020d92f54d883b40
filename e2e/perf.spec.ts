// 100 devices on the canvas: the node follows the drag, and the frame intervals are printed as a
// figure (a benchmark's job, not an assertion that could flake on a loaded machine).
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

declare global {
  interface Window {
    __frames?: number[];
    __recording?: boolean;
  }
}

test('dragging with 100 devices on the canvas', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  const script = Array.from({ length: 50 }, (_, i) => `ip link add a${i} type veth peer name b${i}`).join('\n');
  await lab.commandLine().click();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text + '\n');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, script);
  await expect(lab.device('host', 'b49')).toBeAttached();
  // 100 veths, eth0 and br0 (the physical network is drawn as stations, not devices)
  await expect(page.locator('.react-flow__node-device')).toHaveCount(102);

  await page.evaluate(() => {
    window.__frames = [];
    window.__recording = true;
    const loop = (t: number) => {
      window.__frames!.push(t);
      if (window.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const node = page.locator('[data-id="dev:host:a3"]');
  const before = (await node.boundingBox())!;
  await lab.dragNode('dev:host:a3', { dx: 160, dy: 90 }, 60);
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames!;
  });
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .sort((a, b) => a - b);
  const p95 = gaps[Math.floor(gaps.length * 0.95)];
  const worst = gaps[gaps.length - 1];
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  console.log(
    `drag with 102 devices: ${gaps.length} frames, mean ${mean.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
  );
  test.info().annotations.push({
    type: 'drag-frames',
    description: `mean ${mean.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
  });
  const after = (await node.boundingBox())!;
  expect(after.x - before.x).toBeGreaterThan(100);
  expect(after.y - before.y).toBeGreaterThan(50);
  expect(lab.errors).toEqual([]);
});
