// npm run shots — a screenshot of every step of the article's lesson in classroom mode, as a projector
// shows it, so a person can flip through them: builds the app, serves it on localhost, drives it in
// Debian's Chromium with the presenter's keys only (Space runs a step, PageDown goes on), and writes
// shots/classroom-LANG-WxH/step-NN.png (shots/ is not committed). For each step it also prints what a
// projector needs: the smallest device text on screen (font size x the diagram's zoom) and anything
// clipped or covered (the classroom bar over the diagram or the title, the legend cut, the diagram's
// devices outside its pane).
//   SHOTS_SIZES=1024x768,1280x720 SHOTS_LANGS=en,zh SHOTS_PORT=4197 npm run shots
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium, type Page } from '@playwright/test';
import { classroomProblems, MEASURE_CLASSROOM, type ClassroomReport } from '../e2e/pages/classroomLayout';

const SIZES = (process.env.SHOTS_SIZES ?? '1024x768,1280x720')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
const LANGS = (process.env.SHOTS_LANGS ?? 'en,zh').split(',') as ('en' | 'zh')[];
const PORT = Number(process.env.SHOTS_PORT ?? 4197);
const OUT = process.env.SHOTS_DIR ?? 'shots';
const DIST = 'dist-shots';

async function drive(page: Page, lang: 'en' | 'zh', dir: string): Promise<string[]> {
  const problems: string[] = [];
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(
    () => (globalThis as unknown as { __netlab?: { interactiveAt?: number } }).__netlab?.interactiveAt,
  );
  await page.locator('.lab-menu summary').click();
  await page.getByRole('menuitem', { name: /^Lesson: Linux bridge/ }).click();
  const pane = page.locator('aside.lesson');
  await pane
    .getByRole('group', { name: 'Language' })
    .getByRole('button', { name: lang === 'en' ? 'English' : '中文' })
    .click();
  await pane.getByRole('button', { name: lang === 'en' ? 'Classroom' : '课堂模式' }).click();
  const n = await pane.locator('.lesson-steps option').count();
  for (let i = 0; i < n; i++) {
    const want = lang === 'en' ? `Step ${i + 1} of ${n}` : `步骤 ${i + 1} / ${n}`;
    await page.getByTestId('lesson-progress').filter({ hasText: want }).waitFor();
    await page.locator('.lesson-starting').waitFor({ state: 'detached' });
    await page.keyboard.press('Space'); // runs the step's commands
    const checked = (await pane.locator('.lesson-verdict.reading').count()) === 0;
    if (checked) await page.locator('[data-testid="lesson-verdict"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1200); // the flow plays a little, the diagram refits
    const file = join(dir, `step-${String(i + 1).padStart(2, '0')}.png`);
    await page.screenshot({ path: file });
    const report = (await page.evaluate(MEASURE_CLASSROOM)) as ClassroomReport;
    const verdict = checked
      ? await page.locator('[data-testid="lesson-verdict"]').getAttribute('data-pass')
      : 'reading';
    const p = classroomProblems(report);
    console.log(
      `${file}: device text >= ${report.minDeviceTextPx.toFixed(1)} px, zoom ${report.zoom.toFixed(2)}, check ${verdict}${p.length ? `, PROBLEMS: ${p.join('; ')}` : ''}`,
    );
    problems.push(...p.map((x) => `step ${i + 1}: ${x}`));
    if (verdict === 'false') problems.push(`step ${i + 1}: its check failed`);
    if (i < n - 1) await page.keyboard.press('PageDown');
  }
  return problems;
}

async function main(): Promise<number> {
  await build({ logLevel: 'warn', build: { outDir: DIST } });
  const server = await preview({
    preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
    build: { outDir: DIST },
    logLevel: 'warn',
  });
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
  const all: string[] = [];
  try {
    for (const [w, h] of SIZES) {
      for (const lang of LANGS) {
        const dir = join(OUT, `classroom-${lang}-${w}x${h}`);
        mkdirSync(dir, { recursive: true });
        const ctx = await browser.newContext({ viewport: { width: w, height: h } });
        const page = await ctx.newPage();
        page.on('pageerror', (e) => all.push(`${lang} ${w}x${h}: page error ${e.message}`));
        all.push(...(await drive(page, lang, dir)).map((p) => `${lang} ${w}x${h} ${p}`));
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  console.log(all.length ? `shots: ${all.length} problems\n${all.join('\n')}` : `shots: every step clear (${OUT}/)`);
  return all.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
