// Issue #5 as a new user would meet it: the article's failing `ping -I veth0`, stepped through frame by
// frame; the ARP reply taken by br0 instead of the stack, and the sentence saying so; the neighbour table
// as it was; the reply in the inspector; the capture of veth0 read back by the real tcpdump.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('the failing ping -I veth0, frame by frame: br0 takes the ARP reply', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.gotoVethOnBridge();

  // capture on veth0 from the diagram: tcpdump runs in a terminal of its own, and veth0 really is promiscuous
  // (ip -d shows the count; the PROMISC flag is only for `ip link set promisc on`, as on Linux)
  await lab.deviceMenu('host', 'veth0', 'Capture on veth0');
  await lab.openTerminal('host#veth0');
  await lab.expectOutput('listening on veth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes', 'host#veth0');
  await lab.openTerminal('host');
  await lab.type('ip -d link show dev veth0');
  await lab.expectOutput(/promiscuity 2 /); // one for being br0's port, one for tcpdump

  await lab.type('ping -c 1 -W 1 -I veth0 192.168.3.102');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow('1 packets transmitted, 0 received, 100% packet loss');
  await expect(lab.event('leaves veth1').first()).toBeVisible();

  // back to the start, then frame by frame: the echo request, the ARP request, the ARP reply
  await lab.control('Pause').click();
  await page.getByLabel('Timeline').fill('0');
  await lab.control('Next frame').click();
  await expect(lab.narration).toContainText('ping sends');
  await expect(lab.narration).toContainText('ICMP req');
  await lab.control('Next frame').click();
  await expect(lab.narration).toContainText('ARP req');
  await expect(lab.narration).toContainText('leaves veth0');
  await lab.control('Next frame').click();
  await expect(lab.narration).toContainText('ARP reply');
  await expect(lab.narration).toContainText('leaves veth1');
  // then step by step: the reply arrives on veth0, and br0 takes it
  await lab.control('Next event').click();
  await expect(lab.narration).toContainText('arrives on veth0');
  await lab.control('Next event').click();
  await expect(lab.narration).toContainText('br0 takes it (veth0 is its port)');
  await expect(lab.narration).toContainText("its rx_handler takes every frame, so veth0's own IP and ARP never see it");
  await lab.control('Next event').click();
  await expect(lab.narration).toContainText('br0 learns');
  await lab.control('Next event').click();
  await expect(lab.narration).toContainText('br0 passes it up to the stack');
  await expect(lab.narration).toContainText('goes up the stack as if it arrived on br0, not on veth0');
  await expect(page.locator('canvas.flow-layer')).not.toHaveAttribute('data-shapes', '0');

  // the tables as they were then: veth0 still asks for veth1's MAC, veth1 has learnt veth0's
  await page.getByRole('tab', { name: 'Neighbours' }).click();
  const neigh = page.getByTestId('table-neigh');
  await expect(page.getByRole('status').filter({ hasText: 'As they were' })).toContainText(
    'As they were just after step',
  );
  await expect(neigh).toContainText(/192\.168\.3\.102\s*veth0\s*INCOMPLETE/);
  await expect(neigh).toContainText(/192\.168\.3\.101\s*veth1/);
  // now: ARP gave up on veth0
  await lab.control('Back to now').click();
  await expect(neigh).toContainText(/192\.168\.3\.102\s*veth0\s*FAILED/, { timeout: 10_000 });
  // step back to the ARP request: veth1 knows nothing yet, and veth0 is still asking
  await lab.control('Pause').click();
  await page.getByLabel('Timeline').fill('0');
  await lab.control('Next frame').click();
  await lab.control('Next frame').click();
  await expect(lab.narration).toContainText('leaves veth0');
  await lab.control('Next event').click();
  await expect(lab.narration).toContainText('arrives on veth1');
  await lab.control('Next event').click();
  await expect(lab.narration).toContainText('the stack answers for 192.168.3.102');
  await expect(neigh).toContainText(/192\.168\.3\.101\s*veth1/);
  await lab.control('Previous event').click();
  await lab.control('Previous event').click();
  await expect(lab.narration).toContainText('leaves veth0');
  await expect(neigh).toContainText(/192\.168\.3\.102\s*veth0\s*INCOMPLETE/);
  await expect(neigh).not.toContainText('FAILED');
  await expect(neigh).not.toContainText('veth1');

  // the reply in the inspector: its fields and bytes, the sender's MAC highlighted in both
  const veth1Mac = await lab.macOf('host', 'veth1');
  await lab.event('br0 passes it up to the stack').first().click();
  const insp = lab.frameInspector();
  await expect(insp).toContainText('ARP reply');
  await expect(insp).toContainText(`Reply 192.168.3.102 is-at ${veth1Mac}`);
  await insp.getByRole('treeitem', { name: /Address Resolution Protocol/ }).click();
  await insp.getByRole('treeitem', { name: /Sender MAC address/ }).click();
  await expect(insp.getByRole('treeitem', { name: /Sender MAC address/ })).toHaveAttribute('aria-selected', 'true');
  await expect(insp.getByRole('treeitem', { name: /Sender MAC address/ })).toContainText(veth1Mac);
  const hl = insp.getByTestId('hex').locator('.hex-bytes .hl');
  await expect(hl).toHaveCount(6);
  expect((await hl.allTextContents()).join(':')).toBe(veth1Mac);

  // stop the capture; the pane shows what tcpdump -n -e printed, and tcpdump -r reads the same from the file
  await lab.dockTab('Captures').click();
  const cap = lab.capture('host', 'veth0');
  await cap.getByRole('button', { name: 'Stop' }).click();
  await expect(cap).toContainText('stopped');
  await lab.openTerminal('host#veth0');
  // what tcpdump printed waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow(/\d+ packets? captured/, 'host#veth0');
  const shown = ((await cap.getByTestId('capture-lines-host-veth0').textContent()) ?? '').split('\n').filter(Boolean);
  expect(
    shown.some((l) =>
      /ethertype ARP \(0x0806\), length 42: Request who-has 192\.168\.3\.102 tell 192\.168\.3\.101, length 28$/.test(l),
    ),
  ).toBe(true);
  expect(shown.some((l) => l.endsWith(`Reply 192.168.3.102 is-at ${veth1Mac}, length 28`))).toBe(true);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    cap.getByRole('button', { name: 'Download .pcap' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('veth0.pcap');
  const file = join(mkdtempSync(join(tmpdir(), 'netlab-')), 'veth0.pcap');
  await download.saveAs(file);
  const read = execFileSync('tcpdump', ['-n', '-e', '-r', file], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(read.split('\n').filter(Boolean)).toEqual(shown);
  expect(lab.errors).toEqual([]);
});
