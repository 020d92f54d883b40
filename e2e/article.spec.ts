// The article's experiments 2-4, done as a new user would: dragging from the palette and onto br0,
// typing the article's commands, and reading what the diagram and the terminal show.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('experiments 2-4: veth0 joins br0, the ping through veth0 fails, the address moves to br0 and it works', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.goto();

  // the article's first diagram: eth0 with its address and a two-way arrow, br0 beside it, eth0 wired to the LAN
  await expect(lab.stackArrow('host', 'eth0')).toHaveAttribute('data-arrows', 'both');
  // a bridge is joined to the stack both ways even before it has an address (the article's diagram 1)
  await expect(lab.stackArrow('host', 'br0')).toHaveAttribute('data-arrows', 'both');
  await expect(lab.edge('wire:dev:host:eth0:ns:lan')).toHaveCount(1);
  await expect(lab.node('phys:lan')).toContainText('Physical Network');
  await expect(lab.node('ns:gw')).toContainText('192.168.3.1');

  // experiment 2: a veth pair from the palette, addresses and up by typing
  await lab.dragPalette('veth', 'ns:host');
  await lab.expectEcho('ip link add veth0 type veth peer name veth1');
  await expect(lab.device('host', 'veth0')).toBeVisible();
  await expect(lab.device('host', 'veth1')).toBeVisible();
  await expect(lab.edge('wire:dev:host:veth0:dev:host:veth1')).toHaveCount(1);
  await lab.type('ip addr add 192.168.3.101/24 dev veth0');
  await lab.type('ip addr add 192.168.3.102/24 dev veth1');
  await lab.type('ip link set veth0 up');
  await lab.type('ip link set veth1 up');
  await expect(lab.device('host', 'veth0')).toContainText('192.168.3.101');
  await expect(lab.stackArrow('host', 'veth0')).toHaveAttribute('data-arrows', 'both');
  const veth0Mac = await lab.macOf('host', 'veth0');
  expect(await lab.macOf('host', 'br0')).not.toBe(veth0Mac);

  // drag veth0 onto br0: the command is typed for the user, and three things change at once
  await lab.dragNode('dev:host:veth0', { ontoId: 'dev:host:br0' });
  await lab.expectEcho('ip link set dev veth0 master br0');
  await expect(lab.stackArrow('host', 'veth0')).toHaveAttribute('data-arrows', 'end');
  await expect(lab.bridgeLink('host', 'br0', 'veth0')).toHaveAttribute('data-arrows', 'both');
  await expect(lab.device('host', 'br0').locator('.dev')).toHaveAttribute('data-mac', veth0Mac);
  await lab.type('bridge link');
  await lab.expectOutput(/veth0@veth1: .* master br0 state forwarding priority 32 cost 2/);

  // experiment 3: through veth0 the ping fails (the ARP reply goes to br0)
  await lab.type('ping -c 1 -W 1 -I veth0 192.168.3.102');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow('1 packets transmitted, 0 received, 100% packet loss');

  // experiment 4: the address moves from veth0 to br0 with the inspector
  await lab.select('dev:host:veth0');
  await lab.inspector('veth0').getByRole('button', { name: 'Delete 192.168.3.101' }).click();
  await lab.expectEcho('ip addr del 192.168.3.101/24 dev veth0');
  await expect(lab.stackArrow('host', 'veth0')).toHaveCount(0);
  await lab.select('dev:host:br0');
  const br = lab.inspector('br0');
  await br.getByLabel('New address').fill('192.168.3.101/24');
  await br.getByRole('button', { name: 'Add address' }).click();
  await lab.expectEcho('ip addr add 192.168.3.101/24 dev br0');
  await expect(lab.stackArrow('host', 'br0')).toHaveAttribute('data-arrows', 'both');
  await expect(lab.device('host', 'br0')).toContainText('192.168.3.101');

  await lab.type('ping -c 1 -I br0 192.168.3.102');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow(/64 bytes from 192\.168\.3\.102: icmp_seq=1 ttl=64/);
  await lab.expectOutput('1 packets transmitted, 1 received, 0% packet loss');
  // the gateway is still out of reach: the bridge has no way out yet
  await lab.type('ping -c 1 -W 1 -I br0 192.168.3.1');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow('1 packets transmitted, 0 received');

  // the tables show the kernel's view
  await page.getByRole('tab', { name: 'Neighbours' }).click();
  await expect(page.getByTestId('table-neigh')).toContainText('192.168.3.102');
  await page.getByRole('tab', { name: 'Bridge FDB' }).click();
  await expect(page.getByTestId('table-fdb')).toContainText('veth0');

  expect(lab.errors).toEqual([]);
});
