// npx tsx tools/render.ts (--preset ID | --lab FILE.json | --all DIR) [--out FILE.svg|.png|.txt] [--scale 1|2]
//
// The diagram of one of the app's presets, or of a lab file saved from the app (Lab › Save lab file), as
// a picture: SVG (vector, real text), PNG (drawn from the SVG by Debian's Chromium, at 1x or 2x) or the
// article's ASCII style as plain text (.txt). Without --out, SVG or text goes to stdout (--format svg|txt).
// --all DIR writes every preset in all three forms into DIR, for a person to compare with the article.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { World } from '../sim/world';
import { Shell } from '../sim/shell/shell';
import { takeSnapshot, type Snapshot } from '../sim/snapshot';
import { PRESETS } from '../sim/labs/presets/article';
import { buildDiagram } from '../web/model/diagram';
import { parseLab, problemsText } from '../web/persist/format';
import { Lab } from '../web/worker/lab';
import { toWorker } from '../web/protocol';
import { diagramAscii } from '../web/export/ascii';
import { diagramSvg } from '../web/export/svg';

type Format = 'svg' | 'png' | 'txt';

function presetSnapshot(id: string): Snapshot {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset "${id}" (presets: ${PRESETS.map((x) => x.id).join(', ')})`);
  const w = new World(1);
  const sh = new Shell(w);
  for (const l of p.commands) if (!l.startsWith('#')) sh.run(l);
  return takeSnapshot(w);
}

function labSnapshot(file: string): { snap: Snapshot; positions: Record<string, { x: number; y: number }> } {
  const checked = parseLab(readFileSync(file, 'utf8'));
  if (!checked.ok) throw new Error(problemsText(file, checked.problems));
  const lab = new Lab(() => {});
  lab.handle(toWorker({ type: 'load', seed: checked.lab.seed, log: checked.lab.log, now: checked.lab.now }));
  return { snap: takeSnapshot(lab.liveWorld), positions: checked.lab.positions };
}

function picture(
  snap: Snapshot,
  positions: Record<string, { x: number; y: number }>,
  format: Exclude<Format, 'png'>,
): string {
  const { nodes, edges } = buildDiagram(snap, positions, null);
  return format === 'svg' ? diagramSvg(nodes, edges) : diagramAscii(nodes, edges);
}

/** The SVG drawn by Chromium at `scale` device pixels per pixel. */
export async function svgToPng(svg: string, scale: number): Promise<Buffer> {
  const { chromium } = await import('@playwright/test');
  const [, w, h] = svg.match(/<svg[^>]* width="([\d.]+)" height="([\d.]+)"/) ?? [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: Math.ceil(Number(w)), height: Math.ceil(Number(h)) },
      deviceScaleFactor: scale,
    });
    await page.setContent(
      `<!doctype html><html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`,
    );
    return await page.locator('svg').screenshot({ omitBackground: false });
  } finally {
    await browser.close();
  }
}

async function write(
  snap: Snapshot,
  positions: Record<string, { x: number; y: number }>,
  format: Format,
  out: string | undefined,
  scale: number,
): Promise<void> {
  if (format === 'png') {
    if (!out) throw new Error('a PNG needs --out FILE.png');
    writeFileSync(out, await svgToPng(picture(snap, positions, 'svg'), scale));
  } else if (out) writeFileSync(out, picture(snap, positions, format));
  else process.stdout.write(picture(snap, positions, format));
}

async function main(argv: string[]): Promise<number> {
  let preset: string | undefined, lab: string | undefined, out: string | undefined, all: string | undefined;
  let format: Format | undefined;
  let scale = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--preset') preset = argv[++i];
    else if (a === '--lab') lab = argv[++i];
    else if (a === '--out') out = argv[++i];
    else if (a === '--all') all = argv[++i];
    else if (a === '--scale') scale = Number(argv[++i]);
    else if (a === '--format') format = argv[++i] as Format;
    else {
      console.error(
        `render: unknown argument "${a}"\nusage: npx tsx tools/render.ts (--preset ID | --lab FILE.json | --all DIR) [--out FILE.svg|.png|.txt] [--scale 1|2] [--format svg|txt]`,
      );
      return 2;
    }
  }
  if (![1, 2, 3].includes(scale)) throw new Error('--scale must be 1, 2 or 3');
  if (all) {
    mkdirSync(all, { recursive: true });
    for (const p of PRESETS) {
      const snap = presetSnapshot(p.id);
      for (const f of ['svg', 'txt', 'png'] as const)
        await write(snap, {}, f, join(all, `${p.id}.${f}`), f === 'png' ? 2 : 1);
      console.log(`${p.id}: ${join(all, p.id)}.{svg,txt,png}`);
    }
    return 0;
  }
  format ??= (out?.match(/\.(svg|png|txt)$/)?.[1] as Format | undefined) ?? 'svg';
  if (!['svg', 'png', 'txt'].includes(format)) throw new Error(`unknown format "${format}" (svg, png, txt)`);
  if (preset !== undefined) await write(presetSnapshot(preset), {}, format, out, scale);
  else if (lab !== undefined) {
    const { snap, positions } = labSnapshot(lab);
    await write(snap, positions, format, out, scale);
  } else {
    console.error('render: give --preset ID, --lab FILE.json or --all DIR');
    return 2;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(`render: ${e.message}`);
      process.exit(1);
    },
  );
}
