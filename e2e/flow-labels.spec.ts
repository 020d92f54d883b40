// Issue 11, "packet labels hide what they pass": a frame resting on a device is drawn beside the device's
// text (above its top edge, on the line that brought it), never over its name or addresses.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The labelled shapes resting on the diagram and the text boxes of every device node, in page px. */
async function layout(
  page: Page,
): Promise<{ shapes: (Box & { label: string })[]; texts: (Box & { node: string; text: string })[] }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas.flow-layer') as HTMLCanvasElement & {
      shapes?: { x: number; y: number; w: number; h: number; label: string | null; rest: boolean }[];
    };
    const c = canvas.getBoundingClientRect();
    const shapes = (canvas.shapes ?? [])
      .filter((s) => s.rest && s.label)
      .map((s) => ({ x: s.x + c.left, y: s.y + c.top, w: s.w, h: s.h, label: s.label! }));
    const texts: { x: number; y: number; w: number; h: number; node: string; text: string }[] = [];
    for (const node of document.querySelectorAll('.react-flow__node[data-id^="dev:"]')) {
      const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        if (!t.textContent?.trim()) continue;
        const r = document.createRange();
        r.selectNodeContents(t);
        for (const b of r.getClientRects())
          if (b.width > 0 && b.height > 0)
            texts.push({
              x: b.left,
              y: b.top,
              w: b.width,
              h: b.height,
              node: node.getAttribute('data-id')!,
              text: t.textContent.trim(),
            });
      }
    }
    return { shapes, texts };
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

for (const size of SIZES) {
  test(`a frame resting on a device leaves its name and address readable, at ${size.width}x${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const lab = new LabPage(page);
    await lab.gotoVethOnBridge();
    await lab.type('ping -c 1 -W 1 -I veth0 192.168.3.102');
    await lab.skipToNow();
    await expect(lab.event('leaves veth1').first()).toBeAttached();

    // the ARP request arrives on veth1 (192.168.3.102) and rests there while the stack answers
    await lab.control('Pause').click();
    await page.getByLabel('Timeline').fill('0');
    await lab.control('Next frame').click();
    await lab.control('Next frame').click();
    await expect(lab.narration).toContainText('leaves veth0');
    await lab.control('Next event').click();
    await expect(lab.narration).toContainText('arrives on veth1');
    await expect(lab.control('Play')).toBeVisible(); // the hop is over: the frame rests

    const veth1 = (await lab.device('host', 'veth1').boundingBox())!;
    await expect(lab.device('host', 'veth1')).toContainText('192.168.3.102');
    const { shapes, texts } = await layout(page);
    const onVeth1 = shapes.filter(
      (s) => s.x + s.w / 2 >= veth1.x && s.x + s.w / 2 <= veth1.x + veth1.width && Math.abs(s.y + s.h - veth1.y) < 40,
    );
    expect(onVeth1.map((s) => s.label)).toContain('ARP req');
    expect(texts.some((t) => t.node === 'dev:host:veth1' && t.text.includes('192.168.3.102'))).toBe(true);
    for (const s of shapes) {
      const covered = texts.filter((t) => overlap(s, t)).map((t) => `${t.node}: ${t.text}`);
      expect(covered, `${s.label} at ${Math.round(s.x)},${Math.round(s.y)}`).toEqual([]);
    }
    expect(lab.errors).toEqual([]);
  });
}
