// A big lab (640 veths, past the size where React Flow holds only the part of the diagram near the view):
// a person drags the pane to the far end and zooms with the wheel, sees the last devices drawn and clicks
// one; walks the diagram with the arrow keys and Tab past the screen's edge and the view follows; adds a
// device and the whole diagram is fitted again, as the fit button fits it.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const PAIRS = 320;

/** The pane's box on the page. */
const paneBox = async (page: Page) => (await page.locator('.rf-wrap').boundingBox())!;

/** Whether a node is drawn wholly inside the pane. */
async function inPane(page: Page, id: string): Promise<boolean> {
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  if (!(await node.count())) return false;
  const b = (await node.boundingBox())!;
  const p = await paneBox(page);
  return (
    b.x >= p.x - 0.5 &&
    b.y >= p.y - 0.5 &&
    b.x + b.width <= p.x + p.width + 0.5 &&
    b.y + b.height <= p.y + p.height + 0.5
  );
}

const viewport = (page: Page) =>
  page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
const focusedId = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? '');

/** Drags the pane by (dx, dy) on an empty spot near its right edge (the devices stand in the middle). */
async function dragPane(page: Page, dx: number, dy: number): Promise<void> {
  const p = await paneBox(page);
  const x = p.x + p.width - 60;
  const y = dy < 0 ? p.y + p.height - 30 : p.y + 30;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

test('a big diagram: pan and zoom to its far end, walk it by keyboard, a new device fits it all again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.commandLine().click();
  const script = Array.from({ length: PAIRS }, (_, i) => `ip link add va${i} type veth peer name vb${i}`).join('\n');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', `${text}\n`);
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, script);
  await expect(page.locator('.rf-wrap')).toHaveAttribute('data-devices', String(2 * PAIRS + 2), { timeout: 120_000 });
  await lab.waitIdle('host', 60_000);
  const last = `dev:host:vb${PAIRS - 1}`;
  // fitted: the least zoom, the middle of the diagram shown, neither end
  await expect.poll(() => viewport(page)).toMatch(/scale\(0\.2\)$/);
  const fitted = await viewport(page);
  expect(await inPane(page, last)).toBe(false);
  expect(await inPane(page, 'dev:host:eth0')).toBe(false);

  // drag the pane up until the last device is in view, then click it
  for (let i = 0; i < 12 && !(await inPane(page, last)); i++) await dragPane(page, 0, -300);
  expect(await inPane(page, last)).toBe(true);
  await lab.node(last).click();
  await expect(lab.inspector(`vb${PAIRS - 1}`)).toBeVisible();
  // the wheel zooms in on it: it stays drawn and grows
  const small = (await lab.node(last).boundingBox())!;
  await page.mouse.move(small.x + small.width / 2, small.y + small.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
  await expect.poll(async () => (await lab.node(last).boundingBox())?.width ?? 0).toBeGreaterThan(small.width * 2);
  expect(await inPane(page, last)).toBe(true);
  await lab.node(last).click();
  await expect(lab.inspector(`vb${PAIRS - 1}`)).toBeVisible();

  // the fit button: the whole diagram fitted again, as at first
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(() => viewport(page)).toBe(fitted);

  // Tab into the diagram: its box comes first, larger than the pane, and the view stays where it is
  await page.getByRole('checkbox', { name: 'Packet flow' }).focus();
  let reached = '';
  for (let i = 0; i < 40 && !/^(ns|dev):/.test(reached); i++) {
    await page.keyboard.press('Tab');
    reached = await focusedId(page);
  }
  expect(reached).toBe('ns:host');
  expect(await viewport(page)).toBe(fitted);

  // the arrow keys walk up from a device in view past the pane's top edge: the view follows
  const start = await page.evaluate(() => {
    const pane = document.querySelector('.rf-wrap')!.getBoundingClientRect();
    const mid = pane.top + pane.height / 2;
    const devs = [...document.querySelectorAll<HTMLElement>('.react-flow__node-device')];
    return devs.sort(
      (a, b) => Math.abs(a.getBoundingClientRect().top - mid) - Math.abs(b.getBoundingClientRect().top - mid),
    )[0]!.dataset.id!;
  });
  await lab.node(start).focus();
  const seen = new Set<string>();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('ArrowUp');
    const id = await focusedId(page);
    expect(id).toMatch(/^dev:host:/);
    expect(await inPane(page, id), id).toBe(true);
    seen.add(id);
  }
  expect(seen.size).toBe(25);
  expect(await viewport(page)).not.toBe(fitted);
  // Tab onwards through the devices: each one reached is in view
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const id = await focusedId(page);
    expect(id).toMatch(/^dev:host:/);
    expect(await inPane(page, id), id).toBe(true);
  }

  // a device added: the whole diagram is fitted again, as the fit button fits it
  const walked = await viewport(page);
  await lab.type('ip link add extra0 type veth peer name extra1');
  await expect(page.locator('.rf-wrap')).toHaveAttribute('data-devices', String(2 * PAIRS + 4));
  await expect.poll(() => viewport(page)).toMatch(/scale\(0\.2\)$/);
  const refitted = await viewport(page);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(200);
  expect(await viewport(page)).toBe(refitted);
  expect(refitted).not.toBe(walked);
  expect(lab.errors).toEqual([]);
});
