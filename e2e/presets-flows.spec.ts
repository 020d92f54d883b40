// The article's last two diagrams end to end (issue #7): a VM behind tap1 and a container behind NAT each
// reach baidu.com on the internet, and the flow view follows their frames out of the host's eth0.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

for (const [preset, ns, via] of [
  ['vms', 'vm1', 'tap1'],
  ['docker', 'c1', 'veth1'],
] as const) {
  test(`preset ${preset}: ${ns} pings baidu.com and its frames are followed through ${via} and eth0`, async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.preset.selectOption(preset);
    await lab.waitIdle();
    await lab.openTerminal(ns);
    await lab.type('ping -c 1 -W 2 baidu.com', ns);
    // the output waits for the packet flow's playback otherwise
    await lab.expectOutputAtNow('1 packets transmitted, 1 received, 0% packet loss', ns);
    // every step is in the list once playback reaches now; show those of each device in turn
    await lab.control('Back to now').click();
    const where = page.getByRole('combobox', { name: 'Where' });
    await where.selectOption(via);
    await expect(lab.event(`arrives on ${via}`).first()).toBeAttached();
    await where.selectOption('eth0');
    await expect(lab.event('leaves eth0').first()).toBeAttached();
    expect(lab.errors).toEqual([]);
  });
}
