// A macvlan typed in the terminal hangs under its parent NIC; moved into a container it keeps a line to
// it across the boxes, reaches the LAN through it, and all of it is still there after a reload.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-macvlan';
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

async function shoot(page: Page, name: string): Promise<void> {
  const start = page.viewportSize();
  for (const lang of ['en', 'zh']) {
    await page.locator('select.lang-switch').selectOption(lang);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}-${size.width}.png` });
    }
  }
  await page.locator('select.lang-switch').selectOption('en');
  if (start) await page.setViewportSize(start);
}

test('ip link add mv1 link eth0 type macvlan mode bridge draws mv1 under eth0, and in a container beside it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const lab = new LabPage(page);
  await lab.goto();
  await expect(lab.device('host', 'eth0')).toBeVisible();
  await lab.type('ip link add mv1 link eth0 type macvlan mode bridge');
  const mv1 = lab.device('host', 'mv1');
  await expect(mv1).toBeVisible();
  await expect(mv1.locator('.dev')).toHaveClass(/kind-macvlan/);
  await expect(lab.edge('lower:dev:host:eth0:dev:host:mv1')).toHaveCount(1);
  // under its parent, the next row down, half a column over so that eth0's cable runs past it
  const parent = (await lab.device('host', 'eth0').boundingBox())!;
  const child = (await mv1.boundingBox())!;
  expect(child.y).toBeGreaterThan(parent.y + parent.height);
  expect(child.x).toBeGreaterThan(parent.x + parent.width / 2);
  expect(child.x).toBeLessThan(parent.x + parent.width);
  await lab.type('ip -d link show mv1');
  await lab.expectOutput('macvlan mode bridge bcqueuelen 1000');
  await lab.waitIdle();
  await shoot(page, 'under-eth0');

  // as a container uses it: moved into c1, addressed there, out to the LAN's gateway through eth0
  await lab.type('ip netns add c1');
  await lab.type('ip link set mv1 netns c1');
  await expect(lab.device('c1', 'mv1')).toBeVisible();
  await expect(lab.device('host', 'mv1')).toHaveCount(0);
  await expect(lab.edge('lower:dev:host:eth0:dev:c1:mv1')).toHaveCount(1);
  await lab.type('ip -n c1 addr add 192.168.3.50/24 dev mv1');
  await lab.type('ip -n c1 link set mv1 up');
  await lab.type('ip netns exec c1 ping -c 1 192.168.3.1');
  await lab.expectOutputAtNow('1 packets transmitted, 1 received');
  await lab.waitIdle();
  await shoot(page, 'in-c1');

  // a reload keeps the lab
  await page.reload();
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  await expect(lab.device('c1', 'mv1')).toBeVisible();
  await expect(lab.edge('lower:dev:host:eth0:dev:c1:mv1')).toHaveCount(1);

  // the container's namespace going takes its macvlan, and eth0 is free for a bridge again
  await lab.type('ip netns del c1');
  await expect(lab.device('c1', 'mv1')).toHaveCount(0);
  await lab.type('ip link set eth0 master br0');
  await expect(lab.bridgeLink('host', 'br0', 'eth0')).toHaveCount(1);
  expect(lab.errors).toEqual([]);
});
