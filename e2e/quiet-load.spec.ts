// Issue 14, "first visit": the first load does not print the setup the article never shows. The world
// around the host (LAN switch, gateway, internet) is built silently, its terminals' tabs grouped apart
// from the host's; the host's own lines (its address, br0) are typed as before. English and Chinese.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

for (const [lang, size, groups] of [
  ['en', { width: 1440, height: 900 }, { mine: 'This machine', world: 'Physical network' }],
  ['zh', { width: 1024, height: 768 }, { mine: '本机', world: '物理网络' }],
  ['en', { width: 390, height: 844 }, { mine: 'This machine', world: 'Physical network' }],
] as const) {
  test(`${lang} at ${size.width}x${size.height}: the world is built quietly, its tabs apart`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    const lab = new LabPage(page);
    await page.goto(lang === 'zh' ? '/?lang=zh' : '/');
    await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
    await expect(lab.device('host', 'br0')).toBeVisible();
    const term = lab.terminal();
    const check = async () => {
      await expect(term.locator('.term-line.cmd', { hasText: 'ip addr add 192.168.3.21/24 dev eth0' })).toHaveCount(1);
      await expect(term.locator('.term-line.cmd', { hasText: 'ip link add name br0 type bridge' })).toHaveCount(1);
      for (const hidden of [
        'ip netns add lan',
        'ip -n lan',
        'lab cable',
        'lab hosts add',
        'netns gw',
        'ip -n internet',
      ])
        await expect(term.locator('.term-line', { hasText: hidden })).toHaveCount(0);
      await expect(
        term.locator('.term-line.info', { hasText: lang === 'zh' ? '物理网络' : 'physical network' }),
      ).toHaveCount(1);
      const mine = page.getByRole('tablist', { name: groups.mine });
      const world = page.getByRole('tablist', { name: groups.world });
      await expect(mine.getByRole('tab')).toHaveText(['host']);
      await expect(world.getByRole('tab')).toHaveText(['lan', 'gw', 'internet']);
      await expect(world.getByRole('tab', { name: 'internet' })).toBeInViewport();
    };
    await check();
    // the world is there all the same
    const type = async (cmd: string) => {
      const input = page.getByLabel(lang === 'zh' ? '命令行 host' : 'Command line host');
      await input.click();
      await input.fill(cmd);
      await input.press('Enter');
      await lab.waitIdle();
    };
    await type('ip netns');
    for (const ns of ['lan', 'gw', 'internet']) await lab.expectOutput(new RegExp(`^${ns}\\b`));
    await type('ip -br -n gw addr show eth0');
    await lab.expectOutput('192.168.3.1/24');
    // another preset is quiet too
    await page.getByRole('button', { name: lang === 'zh' ? '关闭欢迎提示' : 'Close the welcome' }).click();
    await page.getByLabel(lang === 'zh' ? '预设' : 'Preset').selectOption('veth');
    await lab.waitIdle();
    await check();
    expect(lab.errors).toEqual([]);
  });
}
