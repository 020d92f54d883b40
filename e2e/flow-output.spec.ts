// Issue 11, "the terminal gives the ending away": with packet flow on, a ping's lines appear when the
// playback reaches the events that printed them (the reply line with the echo reply, the summary at its
// end); stepping back hides them again; "now" shows everything. With packet flow off, output is at once.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];
const SUMMARY = '1 packets transmitted, 1 received, 0% packet loss';

for (const size of SIZES) {
  test(`a ping's output waits for its flow at 0.25x, at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    const lab = new LabPage(page);
    await lab.goto();
    await lab.preset.selectOption('docker');
    await lab.waitIdle();
    // c1's terminal by clicking its device (at 1024x768 the terminal's tab row is cut off by the dock)
    await lab.select('dev:c1:eth0');
    await page.getByLabel('Speed').selectOption('0.25');
    await lab.type('ping -c 1 -W 2 baidu.com', 'c1');
    const term = lab.terminal('c1');
    const summary = term.locator('.term-line.out', { hasText: SUMMARY });
    const reply = term.locator('.term-line.out', { hasText: /^64 bytes from/ });

    // the animation shows c1's ARP request: the ping has printed its header, not its reply nor its summary
    await expect(lab.narration).toContainText('ARP req');
    await expect(term.locator('.term-line.out', { hasText: 'PING baidu.com' })).toBeVisible();
    await expect(reply).toHaveCount(0);
    await expect(summary).toHaveCount(0);

    // at the end of the flow both are there
    await lab.control('Pause').click();
    const timeline = page.getByLabel('Timeline');
    await timeline.fill((await timeline.getAttribute('max'))!);
    await expect(reply).toBeVisible();
    await expect(summary).toBeVisible();

    // stepping back to before the echo reply reached c1 hides them again
    for (let i = 0; i < 40 && (await summary.count()) > 0; i++) await lab.control('Previous event').click();
    await expect(summary).toHaveCount(0);
    await expect(reply).toHaveCount(0);
    // one step on: the reply reaches ping's socket, and its line and the summary are printed
    await lab.control('Next event').click();
    await expect(summary).toBeVisible();
    await expect(reply).toBeVisible();
    await lab.control('Previous event').click();
    await expect(summary).toHaveCount(0);

    // "now": everything
    await lab.control('Back to now').click();
    await expect(reply).toBeVisible();
    await expect(summary).toBeVisible();

    // with packet flow off, output is immediate
    await page.getByRole('checkbox', { name: 'Packet flow' }).uncheck();
    await lab.type('ping -c 1 -W 2 baidu.com', 'c1');
    await expect(summary).toHaveCount(2, { timeout: 5_000 });
    expect(lab.errors).toEqual([]);
  });
}
