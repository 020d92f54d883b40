// Issue 14, "Both languages, everywhere": the language is chosen in the toolbar and kept over a reload,
// set by ?lang=, and on a first visit follows the browser's language. In Chinese the toolbar, the Lab
// menu, a dialog, the tables, the event list and a packet step's narration are Chinese, while what the
// terminal prints stays byte for byte what Linux prints. Screenshots of each size go to /tmp/shots-i18n.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-i18n';

async function open(page: Page, url = '/'): Promise<LabPage> {
  const lab = new LabPage(page);
  await page.goto(url);
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  await expect(lab.node('dev:host:br0')).toBeVisible();
  return lab;
}

const language = (page: Page) => page.locator('select.lang-switch');

test('the language chosen in the toolbar is kept over a reload, and English comes back the same way', async ({
  page,
}) => {
  const lab = await open(page);
  // Playwright's default locale is en-US: English
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await language(page).selectOption('zh');
  await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeVisible();
  await expect(page.getByTestId('worker-status')).toHaveText('内核就绪');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeVisible();
  await expect(page.getByLabel('语言')).toHaveValue('zh');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  await page.reload();
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  expect(lab.errors).toEqual([]);
});

test('?lang=zh on a fresh profile opens in Chinese, and ?lang=en switches back', async ({ page }) => {
  await open(page, '/?lang=zh');
  await expect(page.getByRole('button', { name: '重做', exact: true })).toBeVisible();
  await expect(page.getByText('网络协议栈').first()).toBeVisible();
  await open(page, '/?lang=en');
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeVisible();
  // remembered without the parameter
  await open(page, '/');
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeVisible();
});

test.describe('a browser set to Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('opens in Chinese on the first visit', async ({ page }) => {
    await open(page);
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN');
    await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeVisible();
    await expect(page.getByLabel('语言')).toHaveValue('zh');
  });

  for (const size of SIZES) {
    test(`in Chinese the menus, a dialog, the tables, the events and the narration are Chinese; the terminal is Linux's, at ${size.width}x${size.height}`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      const lab = await open(page);
      const tag = `${size.width}x${size.height}`;
      await page.screenshot({ path: `${SHOTS}/zh-first-${tag}.png` });

      // the toolbar and the Lab menu
      await expect(page.getByRole('checkbox', { name: '数据包流' })).toBeChecked();
      await page.locator('.lab-menu summary').click();
      await expect(page.getByRole('menuitem', { name: '新建空实验' })).toBeVisible();
      await expect(page.getByRole('menuitem', { name: '分享为链接' })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/zh-labmenu-${tag}.png` });
      // a dialog: the share link
      await page.getByRole('menuitem', { name: '分享为链接' }).click();
      const share = page.getByRole('dialog', { name: '分享链接' });
      await expect(share).toContainText('整个实验都在这个链接里');
      await page.screenshot({ path: `${SHOTS}/zh-share-${tag}.png` });
      await share.getByRole('button', { name: '关闭' }).click();
      await expect(share).toHaveCount(0);

      // the article's second diagram and the failing ping -I veth0
      await page.getByLabel('预设').selectOption('veth');
      await expect(lab.bridgeLink('host', 'br0', 'veth0')).toHaveCount(1);
      await lab.waitIdle();
      // the command line is named in Chinese too
      const line = page.getByLabel('命令行 host');
      // a phone shows one lower panel at a time, chosen by a tab; the first visit's card is closed first
      const phone = size.width < 600;
      const panel = (name: '终端' | '事件' | '表格') =>
        page.getByRole('tablist', { name: '面板' }).getByRole('tab', { name });
      if (phone) {
        await page.getByRole('button', { name: '关闭欢迎提示' }).click();
        await panel('终端').click();
      }
      await line.click();
      await line.fill('ping -c 1 -W 1 -I veth0 192.168.3.102');
      await line.press('Enter');
      await lab.waitIdle();
      // the terminal prints what Linux prints, in English
      await expect(async () => {
        const now = page.getByRole('button', { name: '回到现在', exact: true });
        if (await now.isEnabled()) await now.click({ timeout: 1000 });
        await expect(lab.terminal('host')).toContainText('1 packets transmitted, 0 received, 100% packet loss', {
          timeout: 1000,
        });
      }).toPass({ timeout: 15_000 });
      await expect(lab.terminal('host')).toContainText(
        'PING 192.168.3.102 (192.168.3.102) from 192.168.3.101 veth0: 56(84) bytes of data.',
      );
      // what Linux printed is Linux's; the page's own notes among the lines (the quiet world's) are in the reader's language
      for (const l of await lab.terminal('host').locator('.term-line:not(.info)').allInnerTexts())
        expect(l).not.toMatch(/[\u4e00-\u9fff]/);
      await expect(lab.terminal('host').locator('.term-line.info').first()).toContainText('局域网交换机');

      // the event list: Chinese rows; one of them is br0 passing the ARP reply up its own stack
      if (phone) await panel('事件').click();
      const events = page.getByRole('listbox', { name: '事件' });
      await expect(events.getByRole('option').first()).toBeVisible();
      await page.getByRole('checkbox', { name: '所有步骤' }).check();
      const up = events.getByRole('option').filter({ hasText: 'br0 交给协议栈' }).first();
      await expect(up).toBeVisible();
      await up.click();
      // the narration of that step, in Chinese, with the facts the simulator reported
      const narration = page.getByTestId('narration');
      await expect(narration).toContainText('br_pass_frame_up');
      await expect(narration.locator('.narr-why')).toContainText(
        '是 br0 的本地地址(它自己的或某个端口的):帧被交给协议栈,就像是从 br0 而不是 veth0 收到的。',
      );
      await expect(
        page.getByRole('region', { name: '数据包流回放' }).getByRole('button', { name: '下一个事件', exact: true }),
      ).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/zh-narration-${tag}.png` });

      // the tables' headers
      if (phone) await panel('表格').click();
      await expect(page.getByRole('tab', { name: '邻居' })).toBeVisible();
      await expect(page.locator('.tables th').first()).toHaveText('设备');

      // English: the same step reads as before, and the terminal shows the very same lines
      if (phone) await panel('终端').click();
      const term = await lab.terminal('host').locator('.term-line').allInnerTexts();
      await page.getByLabel('语言').selectOption('en');
      if (phone) await page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name: 'Events' }).click();
      await expect(narration.locator('.narr-why')).toContainText(
        "is a local address of br0 (its own or a port's): the frame goes up the stack as if it arrived on br0, not on veth0.",
      );
      await expect(
        page
          .getByRole('listbox', { name: 'Events' })
          .getByRole('option')
          .filter({ hasText: 'br0 passes it up to the stack' })
          .first(),
      ).toBeVisible();
      if (phone) await page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name: 'Terminal' }).click();
      expect(await lab.terminal('host').locator('.term-line').allInnerTexts()).toEqual(term);
      await page.screenshot({ path: `${SHOTS}/en-narration-${tag}.png` });
      expect(lab.errors).toEqual([]);
    });
  }
});
