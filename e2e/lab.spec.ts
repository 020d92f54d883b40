// The rest of what a user does: presets, the terminal's keys, containers, undo/redo, a worker crash.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const PRESETS: [string, string][] = [
  ['bridge', 'dev:host:br0'],
  ['veth', 'dev:host:veth1'],
  ['br-address', 'dev:host:veth1'],
  ['eth0', 'dev:host:eth0'],
  ['no-address', 'dev:host:veth0'],
  ['vms', 'dev:vm2:eth0'],
  ['docker', 'dev:c2:eth0'],
];

test('every preset of the article loads from the menu', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  for (const [id, probe] of PRESETS) {
    await lab.preset.selectOption(id);
    await expect(lab.node(probe)).toBeVisible();
    await lab.waitIdle();
  }
  // the last diagrams: eth0 a port of br0 with no arrow, containers wired to veth ports of br0
  await expect(lab.bridgeLink('host', 'br0', 'veth1')).toHaveCount(1);
  await expect(lab.edge('wire:dev:c1:eth0:dev:host:veth1')).toHaveCount(1);
  await lab.preset.selectOption('vms');
  await expect(lab.edge('wire:dev:host:tap1:dev:vm1:eth0')).toHaveCount(1);
  await expect(lab.bridgeLink('host', 'br0', 'tap2')).toHaveCount(1);
  await lab.openTerminal('vm1');
  await lab.type('ping -c 1 192.168.3.1', 'vm1');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow('1 packets transmitted, 1 received', 'vm1');
  await lab.openTerminal('host');
  await lab.preset.selectOption('eth0');
  await lab.answerReplace(true); // the ping typed in vm1 changed the lab: asked first
  await expect(lab.stackArrow('host', 'eth0')).toHaveCount(0);
  await expect(lab.bridgeLink('host', 'br0', 'eth0')).toHaveCount(1);
  // eth0 is the article's 1 Gb/s NIC: cost 4; and once the default route is back, baidu.com answers
  // as on Linux, eth0's carrier reaches the bridge in linkwatch's next round, up to a second later
  await expect(async () => {
    await lab.type('bridge link');
    await lab.expectOutput(/eth0: .* master br0 state forwarding priority 32 cost 4/, 'host', 400);
  }).toPass({ timeout: 5000 });
  await lab.type('ping -c 1 baidu.com');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow(/64 bytes from baidu\.com \(110\.242\.68\.66\): icmp_seq=1/);
  expect(lab.errors).toEqual([]);
});

test('the terminal: a ping prints a line a second and stops on Ctrl-C; history, Tab and Ctrl-L', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  // a line a second as the real ping prints them: packet flow off (with it on, lines follow the playback)
  await page.getByRole('checkbox', { name: 'Packet flow' }).uncheck();
  const input = lab.commandLine();
  await input.fill('ping 192.168.3.1');
  await input.press('Enter');
  await lab.expectOutput('icmp_seq=2');
  await expect(lab.terminal().locator('.term-line', { hasText: 'icmp_seq=4' })).toHaveCount(0);
  await input.press('Control+c');
  await lab.expectOutput(/packets transmitted, \d+ received, 0% packet loss/);
  await lab.waitIdle();

  await input.press('ArrowUp');
  await expect(input).toHaveValue('ping 192.168.3.1');
  await input.fill('ip link set dev b');
  await input.press('Tab');
  await expect(input).toHaveValue('ip link set dev br0 ');
  await input.press('Control+l');
  await expect(lab.terminal().locator('.term-line')).toHaveCount(0);
  expect(lab.errors).toEqual([]);
});

test('a pasted script runs line by line', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  const input = lab.commandLine();
  await input.click();
  await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    const dt = new DataTransfer();
    dt.setData(
      'text/plain',
      'ip link add veth0 type veth peer name veth1\nip link set veth0 up\nip -br link show dev veth0\n',
    );
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await lab.expectEcho('ip link set veth0 up');
  await lab.expectOutput(/^veth0@veth1\s+LOWERLAYERDOWN/);
  await expect(lab.device('host', 'veth1')).toBeVisible();
  expect(lab.errors).toEqual([]);
});

test('a long pasted script runs every line in order while the line stays free to type in; one undo takes it all back', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();
  const input = lab.commandLine();
  await input.click();
  // 120 lines: the page sends them in parts, and each part is drawn as it comes
  const lines = Array.from({ length: 60 }, (_, i) => [
    `ip link add pa${i} type veth peer name pb${i}`,
    `ip link set pa${i} up`,
  ]).flat();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text + '\n');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, lines.join('\n'));
  // typing goes on meanwhile: the keys land in the command line
  await input.pressSequentially('ip -br link show dev pa59');
  await expect(lab.device('host', 'pb59')).toBeAttached({ timeout: 30_000 });
  await input.press('Enter');
  await lab.expectOutput(/^pa59@pb59\s+LOWERLAYERDOWN/);
  // every line echoed once, in the order pasted, then the one typed
  const echoed = (await page.getByTestId('term-host').locator('.term-line.cmd').allTextContents())
    .map((t) => t.replace(/^root@host:~# /, ''))
    .filter((t) => / p[ab]\d/.test(t));
  expect(echoed).toEqual([...lines, 'ip -br link show dev pa59']);
  // the paste and the line typed after it are two actions: undo twice leaves no pa device
  await lab.undoButton.click();
  await lab.undoButton.click();
  await expect(lab.device('host', 'pb0')).toHaveCount(0);
  expect(lab.errors).toEqual([]);
});

test('a container from the palette, a veth end dragged into it, undo and redo', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.dragPalette('netns', 'ns:host');
  await lab.expectEcho('ip netns add c1');
  await expect(lab.node('ns:c1')).toBeVisible();
  await lab.dragPalette('veth', 'ns:host');
  await expect(lab.device('host', 'veth1')).toBeVisible();
  await lab.dragNode('dev:host:veth1', { ontoId: 'ns:c1' });
  await lab.expectEcho('ip link set veth1 netns c1');
  await expect(lab.device('c1', 'veth1')).toBeVisible();
  await expect(lab.edge('wire:dev:c1:veth1:dev:host:veth0')).toHaveCount(1);
  await lab.openTerminal('c1');
  await lab.type('ip -br link', 'c1');
  await lab.expectOutput(/^veth1@if\d+/, 'c1');

  // undo takes back the last thing done, the typed `ip -br link` first, then the drag
  await expect(lab.undoButton).toHaveAttribute('title', 'Undo: ip -br link');
  await lab.undoButton.click();
  await expect(lab.undoButton).toHaveAttribute('title', 'Undo: ip link set veth1 netns c1');
  await lab.undoButton.click();
  await expect(lab.device('host', 'veth1')).toBeVisible();
  await expect(lab.device('c1', 'veth1')).toHaveCount(0);
  await lab.redoButton.click();
  await expect(lab.device('c1', 'veth1')).toBeVisible();
  expect(lab.errors).toEqual([]);
});

test('a dragged position is kept and undone like a command; a port dragged out of every box is released', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.preset.page().goto('/');
  await lab.goto();
  await lab.preset.selectOption('veth');
  await expect(lab.bridgeLink('host', 'br0', 'veth0')).toHaveCount(1);
  const before = (await lab.device('host', 'veth1').boundingBox())!;
  await lab.dragNode('dev:host:veth1', { dx: 0, dy: 30 });
  await lab.type('ip link set veth1 down');
  const after = (await lab.device('host', 'veth1').boundingBox())!;
  expect(after.y).toBeGreaterThan(before.y + 10);
  // a move is an edit like any other: undo takes back the typed command, then the move
  const y = async () => (await lab.device('host', 'veth1').boundingBox())!.y;
  await expect(lab.undoButton).toHaveAttribute('title', 'Undo: ip link set veth1 down');
  await lab.undoButton.click();
  await expect(lab.undoButton).toHaveAttribute('title', 'Undo: move host veth1');
  await lab.undoButton.click();
  await expect.poll(async () => Math.abs((await y()) - before.y)).toBeLessThan(2);
  await lab.redoButton.click();
  await expect.poll(async () => Math.abs((await y()) - after.y)).toBeLessThan(2);
  await lab.dragNode('dev:host:veth0', { dx: 0, dy: -400 });
  await lab.expectEcho('ip link set dev veth0 nomaster');
  await expect(lab.bridgeLink('host', 'br0', 'veth0')).toHaveCount(0);
  expect(lab.errors).toEqual([]);
});

test('a worker that dies is restarted and the lab rebuilt from its command log', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.type('ip link add veth0 type veth peer name veth1');
  await lab.type('ip link set dev veth0 master br0');
  // the diagram shows the enslaved veth0's address on br0 once the worker's snapshot arrived
  const mac = await lab.macOf('host', 'veth0');
  await expect.poll(() => lab.macOf('host', 'br0')).toBe(mac);
  await page.evaluate(() => window.__netlab!.crashWorker());
  await expect(page.getByTestId('worker-status')).toHaveText('kernel ready');
  await lab.type('bridge link');
  await lab.expectOutput(/veth0@veth1: .* master br0 state disabled/);
  expect(await lab.macOf('host', 'br0')).toBe(mac);
  expect(lab.errors).toEqual([]);
});

test('palette: a bridge, a tun/tap and a LAN dropped in the host; the inspector changes a MAC and brings a device up', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.dragPalette('bridge', 'ns:host');
  await lab.expectEcho('ip link add name br1 type bridge');
  await lab.expectEcho('ip link set br1 up');
  await expect(lab.device('host', 'br1')).toBeVisible();
  await lab.dragPalette('tap', 'ns:host');
  await lab.expectEcho('ip tuntap add dev tap0 mode tap');
  await expect(lab.device('host', 'tap0')).toContainText('tap0 (tap)');
  await lab.dragPalette('lan', 'ns:host');
  await lab.expectEcho('lab cable eth1 lan2:gw');
  await lab.openTerminal('lan2');
  await lab.expectEcho('ip addr add 192.168.4.1/24 dev gw', 'lan2');
  await lab.openTerminal('host');
  await expect(lab.edge('wire:dev:host:eth1:ns:lan2')).toHaveCount(1);
  await expect(lab.node('ns:lan2')).toContainText('192.168.4.1');

  await lab.select('dev:host:tap0');
  const insp = lab.inspector('tap0');
  await insp.getByLabel('MAC address').fill('02:00:00:00:00:aa');
  await insp.getByRole('button', { name: 'Set' }).click();
  await lab.expectEcho('ip link set dev tap0 address 02:00:00:00:00:aa');
  await expect(lab.device('host', 'tap0').locator('.dev')).toHaveAttribute('data-mac', '02:00:00:00:00:aa');
  await insp.getByLabel('up').click();
  await expect(insp.getByLabel('up')).toBeChecked();
  await lab.expectEcho('ip link set tap0 up');
  await insp.getByLabel('master').selectOption('br1');
  await lab.expectEcho('ip link set dev tap0 master br1');
  await expect(lab.bridgeLink('host', 'br1', 'tap0')).toHaveCount(1);
  await insp.getByLabel('arp_ignore').fill('1');
  await lab.expectEcho('sysctl -w net.ipv4.conf.tap0.arp_ignore=1');
  await lab.expectOutput('net.ipv4.conf.tap0.arp_ignore = 1');
  expect(lab.errors).toEqual([]);
});
