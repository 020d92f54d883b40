// npm run bench:web — builds the app, prints the gzip size of the JavaScript a first visit loads, then
// serves the build on localhost and measures load to interactive (the first diagram drawn from the
// worker's snapshot) in Debian's Chromium, as the median of several cold loads.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LIMIT_KB = 250;
const LIMIT_MS = 1000;

/** The page's global the app sets for tests and this benchmark (no DOM types in this tsconfig). */
interface Page {
  __netlab?: { interactiveAt?: number };
}

const gz = (file: string) => gzipSync(readFileSync(file)).length / 1024;

async function main(): Promise<number> {
  await build({ logLevel: 'warn' });
  const assets = join('dist', 'assets');
  const files = readdirSync(assets);
  const html = readFileSync(join('dist', 'index.html'), 'utf8');
  // everything the page loads on a first visit: the entry and the chunks it imports at once (the UI);
  // the simulator is the worker's own file
  const isWorker = (f: string) => f.includes('.worker');
  const initial = files.filter((f) => f.endsWith('.js') && !isWorker(f));
  const worker = files.filter((f) => f.endsWith('.js') && isWorker(f));
  if (!initial.some((f) => html.includes(f))) throw new Error('the entry script is not among the assets');
  const initialKb = initial.reduce((a, f) => a + gz(join(assets, f)), 0);
  const workerKb = worker.reduce((a, f) => a + gz(join(assets, f)), 0);
  console.log(`initial JS (page): ${initialKb.toFixed(1)} KB gzip  [${initial.join(', ')}]  limit ${LIMIT_KB} KB`);
  console.log(`worker JS (simulator, fetched by the worker): ${workerKb.toFixed(1)} KB gzip  [${worker.join(', ')}]`);

  const server = await preview({ preview: { port: 4174, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await ctx.newPage();
      await page.goto('http://127.0.0.1:4174/');
      const t = await page.waitForFunction(() => (globalThis as unknown as Page).__netlab?.interactiveAt, null, {
        timeout: 10_000,
      });
      times.push(Number(await t.jsonValue()));
      await ctx.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `load to interactive (navigation start -> first diagram drawn), ${RUNS} cold loads: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms  limit ${LIMIT_MS} ms`,
  );
  const ok = initialKb <= LIMIT_KB && median <= LIMIT_MS;
  console.log(ok ? 'bench:web OK' : 'bench:web OVER LIMIT');
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
