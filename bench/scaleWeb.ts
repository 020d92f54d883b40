// npm run bench:scale:web — the app at scale, in Debian's Chromium, on a production build. Prints figures;
// asserts nothing (a loaded machine must not fail a build; the goals are printed beside the figures).
// 1. first visit: load to interactive (navigation start -> first diagram drawn), median of cold loads, and
//    the bytes fetched before it (gzip, the worker's files included), the lazily loaded chunks apart;
// 2. at 1,000 and 5,000 devices (veth pairs typed into the host's terminal): Enter pressed on a one-line
//    command -> its device drawn (median, p95), and what crossed the worker boundary per command
//    (messages and bytes, both ways; bytes as JSON, which a structured clone is close to);
// 3. a 500-line paste into the terminal: the longest task while it runs (PerformanceObserver 'longtask')
//    and the longest a 10 ms timer waited (what a key pressed then would wait), until the last line ran;
// 4. 1,000 devices with ~500 frames in flight (br0 with veth ports, ARP flux from every end): p95 frame time.
// SCALE_WEB_SIZES=1000,5000 picks the sizes; SCALE_WEB_PARTS=load,enter,paste,frames picks the parts;
// BENCH_OUT=dir serves another build (with BENCH_NO_BUILD=1: another worktree's, for a before/after);
// BENCH_TRACE=1 prints a CDP trace of the renderer's threads summed by event (paint, layout, ...);
// BENCH_PROFILE=1 builds without minifying and prints where the page's main thread spent the commands' time
// (from each Enter to its diagram drawn, summed).
// BENCH_AB_DIST=dir (another build, e.g. main's): part 1 loads it in turn with this one, part 2 gives it a page of
// its own with the same devices and runs each command on one page then the other (a paired comparison).
// BENCH_AB_CSS='rule' (e.g. '.react-flow__node-device { contain: none !important }') adds that rule to the page
// (style and layout done before the command) for every other command of part 2 and prints both halves apart: a paired comparison that a busy machine
// slows alike (the two halves interleaved), for a CSS change.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg, cpus } from 'node:os';
import { build, preview } from 'vite';
import { chromium, type Browser, type Page } from '@playwright/test';
import { addressedPortLines } from './scaleCli';

const PORT = Number(process.env.BENCH_PORT ?? 4178);
const OUT = process.env.BENCH_OUT ?? 'dist-bench/web';
const SIZES = (process.env.SCALE_WEB_SIZES ?? '1000,5000').split(',').map(Number);
const PARTS = new Set((process.env.SCALE_WEB_PARTS ?? 'load,enter,paste,frames').split(','));
const LOADS = Number(process.env.BENCH_RUNS ?? 7);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 20);
const URL = `http://127.0.0.1:${PORT}/`;
const PROFILE = !!process.env.BENCH_PROFILE;
const AB_CSS = process.env.BENCH_AB_CSS ?? '';
const AB_DIST = process.env.BENCH_AB_DIST ?? '';
const VERBOSE = !!process.env.BENCH_VERBOSE;
const PASTE_RUNS = Number(process.env.BENCH_PASTE_RUNS ?? 1);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** The functions the page's main thread spent most time in with what they called (each counted once per stack). */
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Several profiles as one (their samples together), for summing the windows of many commands. */
function joinProfiles(ps: Profile[]): Profile {
  const nodes: ProfileNode[] = [];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let base = 0;
  for (const p of ps) {
    let top = 0;
    for (const x of p.nodes) {
      nodes.push({ ...x, id: x.id + base, children: x.children?.map((c) => c + base) });
      top = Math.max(top, x.id);
    }
    for (const s of p.samples) samples.push(s + base);
    timeDeltas.push(...p.timeDeltas.map((d, i) => (i === 0 ? 0 : d)));
    base += top + 1;
  }
  return { nodes, samples, timeDeltas };
}

function topTotal(profile: Profile, n = 25): string[] {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const keyOf = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(at));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + dt);
  });
  return [...total.entries()]
    .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(idle)') && !k.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, us]) => `    ${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${k}`,
    );
}

/** The functions the page's main thread spent most time in (self time), from a CDP CPU profile. */
function topSelf(profile: Profile, n = 25): string[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const by = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    by.set(key, (by.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  return [...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, us]) => `    ${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
}

const TRACE = !!process.env.BENCH_TRACE;

/** Starts a CDP trace of the renderer; the function returned stops it and sums the events by thread and name. */
async function startTrace(page: Page): Promise<() => Promise<string[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: { ph: string; name: string; dur?: number; tid: number; pid: number; args?: { name?: string } }[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as typeof events)));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,cc,viz,gpu',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    const threads = new Map<string, string>();
    for (const e of events)
      if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const by = new Map<string, { ms: number; n: number }>();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur) continue;
      const k = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} ${e.name}`;
      const x = by.get(k) ?? { ms: 0, n: 0 };
      x.ms += e.dur / 1000;
      x.n++;
      by.set(k, x);
    }
    return [...by.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 30)
      .map(([k, x]) => `    ${x.ms.toFixed(0).padStart(6)} ms ${String(x.n).padStart(6)}x  ${k}`);
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
};
const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

// In the page (strings: tsx would wrap named functions in a helper the page does not have).
// Every worker's messages, both ways, kept by reference (sized after the timed part).
const HOOK = `(() => {
  window.__msgs = { in: [], out: [], inAt: [], outAt: [] };
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (e) => (window.__msgs.in.push(e.data), window.__msgs.inAt.push(performance.now())));
    }
    postMessage(m, t) {
      window.__msgs.out.push(m);
      window.__msgs.outAt.push(performance.now());
      return t ? super.postMessage(m, t) : super.postMessage(m);
    }
  };
  window.__longtasks = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

const SIZE_OF = `((from) => {
  const size = (m) => {
    // binary parts (frames' bytes) count as their length
    let bin = 0;
    try { return JSON.stringify(m, (k, v) => (ArrayBuffer.isView(v) ? ((bin += v.byteLength), 0) : v)).length + bin; } catch { return 0; }
  };
  const i = window.__msgs.in.slice(from.in), o = window.__msgs.out.slice(from.out);
  const sent = window.__msgs.outAt[from.out];
  const k = i.findIndex((m) => m.type === 'batch');
  const worker = sent !== undefined && k >= 0 ? window.__msgs.inAt[from.in + k] - sent : NaN;
  return { worker, inMsgs: i.length, inBytes: i.reduce((a, m) => a + size(m), 0), outMsgs: o.length, outBytes: o.reduce((a, m) => a + size(m), 0), types: i.map((m) => m.type).join(' ') };
})`;

// The steps of a first visit: each script fetched (responseEnd), the page's own marks, the worker's first
// message of each kind, the long tasks before interactive (count and sum).
const PHASES_HOOK = `(() => {
  window.__firstMsg = {};
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (e) => {
        const kinds = e.data && e.data.type === 'batch' ? e.data.msgs.map((m) => m.type) : [e.data && e.data.type];
        for (const k of kinds) if (!(k in window.__firstMsg)) window.__firstMsg[k] = performance.now();
      });
    }
    postMessage(m, t) {
      const k = 'to worker ' + (m && m.type);
      if (!(k in window.__firstMsg)) window.__firstMsg[k] = performance.now();
      return t ? super.postMessage(m, t) : super.postMessage(m);
    }
  };
  // the first device node put in the page, and the frames after it
  new MutationObserver((_, mo) => {
    if (!document.querySelector('.react-flow__node-device')) return;
    window.__firstMsg['device node in the page'] = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => (window.__firstMsg['frame after it'] = performance.now()));
  }).observe(document, { childList: true, subtree: true });
  new MutationObserver((_, mo) => {
    if (!document.querySelector('.react-flow')) return;
    window.__firstMsg['diagram in the page'] = performance.now();
    mo.disconnect();
  }).observe(document, { childList: true, subtree: true });
  window.__lt = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;
const PHASES = `(() => {
  const at = window.__netlab.interactiveAt;
  const r = {};
  for (const e of performance.getEntriesByType('resource'))
    if (/\\.(js|css)$/.test(e.name)) r[e.name.split('/').pop().replace(/-[\\w-]{8}\\./, '.')] = e.responseEnd;
  for (const e of performance.getEntriesByType('mark')) r['mark:' + e.name] = e.startTime;
  for (const [k, v] of Object.entries(window.__firstMsg)) r[/ /.test(k) && !/^to worker/.test(k) ? k : 'worker:' + k] = v;
  const lt = window.__lt.filter((e) => e.start < at);
  r['long tasks before interactive (count)'] = lt.length;
  r.tasks = lt.map((e) => Math.round(e.start) + '+' + Math.round(e.ms)).join(' ');
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav) { r['html'] = nav.responseEnd; r['dom interactive'] = nav.domInteractive; }
  r['long tasks before interactive (ms)'] = lt.reduce((a, e) => a + e.ms, 0);
  r['longest task before interactive'] = Math.max(0, ...lt.map((e) => e.ms));
  r.interactive = at;
  return r;
})()`;

async function launch(): Promise<Browser> {
  return chromium.launch({
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
      '--enable-precise-memory-info',
    ],
  });
}

async function open(browser: Browser, url = URL): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    serviceWorkers: 'block',
    bypassCSP: true,
  });
  const page = await ctx.newPage();
  await page.addInitScript(HOOK);
  await page.goto(url);
  await page.waitForFunction('window.__netlab && window.__netlab.interactiveAt !== undefined', null, {
    timeout: 30_000,
  });
  return page;
}

// the devices the diagram holds (with many, React Flow puts only those in view in the page)
const DEVICES = `Number(document.querySelector('.rf-wrap')?.dataset.devices ?? document.querySelectorAll('.react-flow__node-device').length)`;
const devices = (page: Page) => page.evaluate(DEVICES) as Promise<number>;

/**
 * Watches the next command: Enter's keydown (its event time) to the first frame painted with the veth pair's two
 * new devices, as window.__enterAt and window.__drawnAt.
 */
const WATCH_ENTER_TO_DRAWN = `(() => {
  window.__enterAt = undefined; window.__drawnAt = undefined;
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__enterAt = e.timeStamp; }, { once: true, capture: true });
  const want = ${DEVICES} + 2;
  const look = () => (${DEVICES} >= want ? requestAnimationFrame(() => (window.__drawnAt = performance.now())) : requestAnimationFrame(look));
  requestAnimationFrame(look);
})()`;

/** Types `text` into the host terminal through the page's handle and waits until `want` devices are drawn. */
async function build_(page: Page, lines: string[], want: number): Promise<number> {
  const t0 = Date.now();
  // a few thousand lines at a time, as a person pasting a long script in parts
  for (let i = 0; i < lines.length; i += 1000)
    await page.evaluate(`window.__netlab.run('host', ${JSON.stringify(lines.slice(i, i + 1000).join('\n'))})`);
  await page.waitForFunction(`${DEVICES} >= ${want}`, null, { timeout: 600_000, polling: 500 });
  return Date.now() - t0;
}

/** A build served for the first-visit part: this one, or BENCH_AB_DIST's (a baseline loaded in turn with it). */
interface Target {
  name: string;
  url: string;
  dir: string;
  times: number[];
  phases: Record<string, number>[];
  fetched: Set<string>;
  profile: string[] | null;
}

/** One cold load of `t` in a fresh context: load to interactive, the steps on the way, what it fetched. */
async function coldLoad(browser: Browser, t: Target, first: boolean): Promise<void> {
  const ctx = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    serviceWorkers: 'block',
    bypassCSP: true,
  });
  const seen = new Set<string>();
  ctx.on('request', (r) => seen.add(new globalThis.URL(r.url()).pathname));
  const page = await ctx.newPage();
  await page.addInitScript(PHASES_HOOK);
  // BENCH_PROFILE: the first load's main thread, by self time
  const cdp = PROFILE && first ? await ctx.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(t.url);
  const at = await page.waitForFunction('window.__netlab && window.__netlab.interactiveAt', null, { timeout: 30_000 });
  t.times.push(Number(await at.jsonValue()));
  if (cdp)
    t.profile = topSelf(
      ((await cdp.send('Profiler.stop')) as unknown as { profile: Parameters<typeof topSelf>[0] }).profile,
      30,
    );
  const ph = (await page.evaluate(PHASES)) as Record<string, number | string>;
  if (VERBOSE)
    console.log(`  ${t.name} load ${t.times.length}: ${f0(t.times.at(-1)!)} ms; long tasks (start+ms): ${ph.tasks}`);
  delete ph.tasks;
  t.phases.push(ph as Record<string, number>);
  if (first) t.fetched = seen;
  await ctx.close();
}

function report(t: Target): void {
  const assets = readdirSync(join(t.dir, 'assets'));
  const gz = (f: string) => gzipSync(readFileSync(join(t.dir, 'assets', f))).length;
  // the median of each step on the way, in the order they happen
  const keys = [...new Set(t.phases.flatMap((p) => Object.keys(p)))];
  const isCount = (k: string) => k.startsWith('long');
  const med = keys
    .map(
      (k) =>
        [
          k,
          pct(
            t.phases.map((p) => p[k] ?? NaN).filter((x) => !Number.isNaN(x)),
            0.5,
          ),
        ] as const,
    )
    .sort((a, b) => a[1] - b[1]);
  const files = [...t.fetched].filter((p) => p.startsWith('/assets/')).map((p) => p.slice('/assets/'.length));
  const html = gzipSync(readFileSync(join(t.dir, 'index.html'))).length;
  const total = files.reduce((a, f) => a + gz(f), 0) + html;
  const worker = files.filter((f) => f.includes('worker')).reduce((a, f) => a + gz(f), 0);
  const lazy = assets.filter((f) => f.endsWith('.js') && !files.includes(f));
  const lazyKb = lazy.reduce((a, f) => a + gz(f), 0);
  const ts = t.times;
  console.log(
    `first visit (${t.name}), ${ts.length} cold loads: load to interactive median ${f0(pct(ts, 0.5))} ms (min ${f0(Math.min(...ts))}, max ${f0(Math.max(...ts))})  goal <= 600 ms`,
  );
  console.log(
    `  fetched before interactive: ${f1(total / 1024)} KB gzip in ${files.length + 1} files (worker's ${f1(worker / 1024)} KB): ${files.join(', ')}`,
  );
  console.log(
    `  on the way (median ms after navigation start): ${med
      .filter(([k]) => !isCount(k))
      .map(([k, v]) => `${k} ${f0(v)}`)
      .join(', ')}`,
  );
  console.log(
    `  ${med
      .filter(([k]) => isCount(k))
      .map(([k, v]) => `${k}: ${f0(v)}`)
      .join(', ')} (medians)`,
  );
  if (t.profile) console.log(`  the first load's main thread, by self time:\n${t.profile.join('\n')}`);
  console.log(`  lazily loaded, not fetched: ${f1(lazyKb / 1024)} KB gzip: ${lazy.join(', ')}`);
}

// ---- 1. first visit ----
async function firstVisit(browser: Browser): Promise<void> {
  const target = (name: string, url: string, dir: string): Target => ({
    name,
    url,
    dir,
    times: [],
    phases: [],
    fetched: new Set(),
    profile: null,
  });
  const targets = [target('this build', URL, OUT)];
  // BENCH_AB_DIST: a baseline's build, loaded in turn with this one (base, this, base, this...), so that a
  // busy machine slows both alike
  let base: Awaited<ReturnType<typeof preview>> | null = null;
  if (AB_DIST) {
    base = await preview({
      preview: { port: PORT + 1, strictPort: true, host: '127.0.0.1' },
      build: { outDir: AB_DIST },
      logLevel: 'warn',
    });
    targets.unshift(target(`baseline ${AB_DIST}`, `http://127.0.0.1:${PORT + 1}/`, AB_DIST));
  }
  try {
    for (let i = 0; i < LOADS; i++) for (const t of targets) await coldLoad(browser, t, i === 0);
  } finally {
    if (base) await new Promise<void>((r) => base.httpServer.close(() => r()));
  }
  for (const t of targets) report(t);
  if (targets.length === 2) {
    const [a, b] = targets as [Target, Target];
    const diffs = a.times.map((x, i) => (b.times[i] ?? NaN) - x).filter((x) => !Number.isNaN(x));
    console.log(
      `  paired (this build - baseline, load by load): median ${f0(pct(diffs, 0.5))} ms, ${diffs.filter((d) => d < 0).length} of ${diffs.length} loads faster`,
    );
  }
}

// ---- 2. Enter -> diagram updated ----
async function enter(browser: Browser, n: number): Promise<void> {
  const page = await open(browser);
  const have = await devices(page);
  const pairs = Math.ceil((n - have) / 2);
  const lines = Array.from({ length: pairs }, (_, i) => `ip link add va${i} type veth peer name vb${i}`);
  const buildMs = await build_(page, lines, have + 2 * pairs);
  const count = await devices(page);
  await page.waitForTimeout(1000);
  const input = page.locator('[data-testid="term-host"] input.term-input');
  await input.click();
  const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  // BENCH_PROFILE: each command's window only, from just before Enter to the diagram drawn
  const windows: Profile[] = [];
  const times: number[] = [];
  // the renderer's own time in style and layout per command (CDP Performance metrics, seconds summed)
  const metrics = await page.context().newCDPSession(page);
  await metrics.send('Performance.enable');
  const styleLayout = async () => {
    const m = ((await metrics.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] })
      .metrics;
    return (
      1000 *
      m.filter((x) => x.name === 'LayoutDuration' || x.name === 'RecalcStyleDuration').reduce((a, x) => a + x.value, 0)
    );
  };
  const trace = TRACE ? await startTrace(page) : null;
  const layoutMs: number[] = [];
  const touched: { records: number; els: number }[] = [];
  const sizes: { worker: number; inMsgs: number; inBytes: number; outMsgs: number; outBytes: number; types: string }[] =
    [];
  for (let k = 0; k < COMMANDS; k++) {
    if (AB_CSS)
      await page.evaluate(
        `(() => { let s = document.getElementById('bench-ab'); if (!s) { s = document.createElement('style'); s.id = 'bench-ab'; document.head.append(s); } s.textContent = ${k % 2} ? ${JSON.stringify(AB_CSS)} : ''; void document.body.offsetHeight; return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); })()`,
      );
    await input.fill(`ip link add xa${k} type veth peer name xb${k}`);
    const from = await page.evaluate('({ in: window.__msgs.in.length, out: window.__msgs.out.length })');
    // Enter's keydown (its event time) to the first frame painted with the new device
    await page.evaluate(WATCH_ENTER_TO_DRAWN);
    // the diagram's DOM touched by the command (MutationObserver records until the next command)
    await page.evaluate(`(() => {
      window.__mut?.disconnect();
      window.__touched = { records: 0, els: new Set() };
      window.__mut = new MutationObserver((l) => { for (const r of l) { window.__touched.records++; window.__touched.els.add(r.target); } });
      window.__mut.observe(document.querySelector('.react-flow'), { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    const before = await styleLayout();
    if (cdp) await cdp.send('Profiler.start');
    await input.press('Enter');
    await page.waitForFunction('window.__drawnAt !== undefined', null, { timeout: 120_000, polling: cdp ? 'raf' : 50 });
    if (cdp) windows.push(((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile);
    times.push(Number(await page.evaluate('window.__drawnAt - window.__enterAt')));
    // the flush after the command, and the worker's next ticks
    await page.waitForTimeout(300);
    layoutMs.push((await styleLayout()) - before);
    touched.push(
      (await page.evaluate(
        '(window.__mut.takeRecords(), { records: window.__touched.records, els: window.__touched.els.size })',
      )) as {
        records: number;
        els: number;
      },
    );
    sizes.push(await page.evaluate(`${SIZE_OF}(${JSON.stringify(from)})`));
  }
  const prof = cdp
    ? [
        ...topSelf(joinProfiles(windows), 30),
        '  and with what each called:',
        ...topTotal(joinProfiles(windows), Number(process.env.BENCH_PROFILE_TOP ?? 40)),
      ]
    : null;
  const traced = trace ? await trace() : null;
  const med = (f: (s: (typeof sizes)[number]) => number) => pct(sizes.map(f), 0.5);
  console.log(`${count} devices on the diagram (built from ${pairs} veth pairs in ${f1(buildMs / 1000)} s):`);
  console.log(
    `  Enter -> diagram updated (ip link add ... type veth, ${COMMANDS} commands): median ${f0(pct(times, 0.5))} ms, p95 ${f0(pct(times, 0.95))} ms, worst ${f0(Math.max(...times))} ms  goal p95 < 100 ms`,
  );
  console.log(
    `  style + layout per command (the renderer's own count, median): ${f1(pct(layoutMs, 0.5))} ms, p95 ${f1(pct(layoutMs, 0.95))} ms`,
  );
  console.log(
    `  in the worker (command posted -> its batch back on the page, median): ${f1(med((s) => s.worker))} ms, p95 ${f1(
      pct(
        sizes.map((s) => s.worker),
        0.95,
      ),
    )} ms`,
  );
  console.log(
    `  the diagram's DOM touched per command (MutationObserver, median): ${pct(
      touched.map((x) => x.records),
      0.5,
    )} mutations on ${pct(
      touched.map((x) => x.els),
      0.5,
    )} elements (p95 ${pct(
      touched.map((x) => x.els),
      0.95,
    )})`,
  );
  console.log(
    `  crossing the worker boundary per command (median): worker -> page ${med((s) => s.inMsgs)} messages, ${f1(med((s) => s.inBytes) / 1024)} KB; page -> worker ${med((s) => s.outMsgs)} messages, ${f1(med((s) => s.outBytes) / 1024)} KB`,
  );
  console.log(`    messages of one command: ${sizes[sizes.length - 1]?.types}`);
  if (AB_CSS) {
    const half = (r: number) => times.filter((_, k) => k % 2 === r);
    const lay = (r: number) => layoutMs.filter((_, k) => k % 2 === r);
    console.log(
      `  paired: as built median ${f0(pct(half(0), 0.5))} ms (p95 ${f0(pct(half(0), 0.95))}), style + layout ${f1(pct(lay(0), 0.5))} ms; with ${AB_CSS}: median ${f0(pct(half(1), 0.5))} ms (p95 ${f0(pct(half(1), 0.95))}), style + layout ${f1(pct(lay(1), 0.5))} ms`,
    );
  }
  if (traced)
    console.log(
      `  the renderer's threads during the commands, by event (CDP trace, durations summed, nested counted twice):\n${traced.join('\n')}`,
    );
  if (prof)
    console.log(
      `  the page's main thread from Enter to the diagram drawn, ${COMMANDS} commands summed, by self time:\n${prof.join('\n')}`,
    );
  await page.context().close();
}

/**
 * BENCH_AB_DIST with the enter part: the baseline's build and this one, each on its own page with the same
 * devices, a command on each in turn (base, this, base, this...), so that both meet the same load.
 */
async function enterPaired(browser: Browser, n: number): Promise<void> {
  const base = await preview({
    preview: { port: PORT + 1, strictPort: true, host: '127.0.0.1' },
    build: { outDir: AB_DIST },
    logLevel: 'warn',
  });
  try {
    const sides = [
      {
        name: `baseline ${AB_DIST}`,
        url: `http://127.0.0.1:${PORT + 1}/`,
        times: [] as number[],
        toSnap: [] as number[],
        toDrawn: [] as number[],
      },
      { name: 'this build', url: URL, times: [] as number[], toSnap: [] as number[], toDrawn: [] as number[] },
    ];
    const pages: Page[] = [];
    for (const side of sides) {
      const page = await open(browser, side.url);
      const have = await devices(page);
      const pairs = Math.ceil((n - have) / 2);
      const lines = Array.from({ length: pairs }, (_, i) => `ip link add va${i} type veth peer name vb${i}`);
      await build_(page, lines, have + 2 * pairs);
      pages.push(page);
    }
    for (const page of pages) await page.locator('[data-testid="term-host"] input.term-input').click();
    await new Promise((r) => setTimeout(r, 1000));
    for (let k = 0; k < COMMANDS; k++)
      for (const [i, side] of sides.entries()) {
        const page = pages[i]!;
        await page.bringToFront();
        const input = page.locator('[data-testid="term-host"] input.term-input');
        await input.fill(`ip link add xa${k} type veth peer name xb${k}`);
        await page.evaluate(WATCH_ENTER_TO_DRAWN);
        const from = await page.evaluate('window.__msgs.in.length');
        await input.press('Enter');
        await page.waitForFunction('window.__drawnAt !== undefined', null, { timeout: 120_000, polling: 50 });
        side.times.push(Number(await page.evaluate('window.__drawnAt - window.__enterAt')));
        // the snapshot's arrival on the page splits the time: Enter -> there (worker, and the page's queue), then drawn
        const at = Number(
          await page.evaluate(`(() => {
            const has = (m) => m.type === 'snapshot' || (m.type === 'batch' && m.msgs.some(has));
            const i = window.__msgs.in.findIndex((m, i) => i >= ${from} && has(m));
            return i < 0 ? NaN : window.__msgs.inAt[i] - window.__enterAt;
          })()`),
        );
        side.toSnap.push(at);
        side.toDrawn.push(side.times.at(-1)! - at);
        await page.waitForTimeout(300);
      }
    console.log(`${n} devices, Enter -> diagram updated, ${COMMANDS} commands on each build in turn (load ${load()}):`);
    for (const side of sides)
      console.log(
        `  ${side.name}: median ${f0(pct(side.times, 0.5))} ms, p95 ${f0(pct(side.times, 0.95))} ms, worst ${f0(Math.max(...side.times))} ms; Enter -> snapshot on the page median ${f0(pct(side.toSnap, 0.5))} ms, then -> drawn median ${f0(pct(side.toDrawn, 0.5))} ms`,
      );
    const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
    const diffs = b.times.map((x, i) => x - a.times[i]!);
    console.log(
      `  paired (this - baseline, command by command): median ${f0(pct(diffs, 0.5))} ms, ${diffs.filter((d) => d < 0).length} of ${diffs.length} faster`,
    );
    for (const page of pages) await page.context().close();
  } finally {
    await new Promise<void>((r) => base.httpServer.close(() => r()));
  }
}

// ---- 3. a 500-line paste ----
async function paste(browser: Browser, url = URL, name = ''): Promise<void> {
  const page = await open(browser, url);
  const have = await devices(page);
  const input = page.locator('[data-testid="term-host"] input.term-input');
  await input.click();
  const script = Array.from({ length: 500 }, (_, i) =>
    i % 2 ? `ip link set pa${i - 1} up` : `ip link add pa${i} type veth peer name pb${i}`,
  ).join('\n');
  const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(`(() => {
    window.__longtasks = [];
    window.__lag = 0;
    let last = performance.now();
    window.__lagTimer = setInterval(() => { const t = performance.now(); window.__lag = Math.max(window.__lag, t - last - 10); last = t; }, 10);
    // each key typed during the paste: how long it waited for its handler, and for the next frame after it
    window.__keys = [];
    document.addEventListener('keydown', (e) => {
      const ran = performance.now();
      requestAnimationFrame(() => window.__keys.push({ wait: ran - e.timeStamp, frame: performance.now() - e.timeStamp }));
    }, { capture: true });
    window.__pasteAt = performance.now();
    const dt = new DataTransfer();
    dt.setData('text/plain', ${JSON.stringify(script)} + '\\n');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  })()`);
  // a person typing meanwhile: a key every 150 ms (letters, into the command line) until all is drawn
  let typing = true;
  const typist = (async () => {
    while (typing) {
      await page.keyboard.press('x');
      await new Promise((r) => setTimeout(r, 150));
    }
  })();
  await page.waitForFunction(`${DEVICES} >= ${have + 500}`, null, { timeout: 300_000, polling: 100 });
  typing = false;
  await typist;
  await page.waitForTimeout(500);
  const keys = (await page.evaluate('window.__keys')) as { wait: number; frame: number }[];
  const r = (await page.evaluate(
    `(() => { clearInterval(window.__lagTimer); const lt = window.__longtasks.filter((e) => e.start >= window.__pasteAt); return { tasks: lt.map((e) => Math.round(e.start - window.__pasteAt) + '+' + Math.round(e.ms)).join(' '), ms: performance.now() - window.__pasteAt, lag: window.__lag, longest: Math.max(0, ...lt.map((e) => e.ms)), count: lt.length, sum: lt.reduce((a, e) => a + e.ms, 0) }; })()`,
  )) as { tasks: string; ms: number; lag: number; longest: number; count: number; sum: number };
  if (cdp) {
    const prof = ((await cdp.send('Profiler.stop')) as unknown as { profile: Parameters<typeof topSelf>[0] }).profile;
    console.log(`  the page's main thread during the paste, by self time:\n${topSelf(prof, 30).join('\n')}`);
    console.log(`  and with what each called:\n${topTotal(prof, 50).join('\n')}`);
  }
  if (VERBOSE) console.log(`  long tasks (start+ms after the paste): ${r.tasks}`);
  console.log(
    `500-line paste (250 veth pairs)${name}: all drawn after ${f0(r.ms)} ms; longest task ${f0(r.longest)} ms (${r.count} long tasks, ${f0(r.sum)} ms in all); a 10 ms timer waited at most ${f0(r.lag)} ms  goal: input never blocked > 100 ms`,
  );
  const waits = keys.map((k) => k.wait);
  const frames = keys.map((k) => k.frame);
  console.log(
    `  ${keys.length} keys typed meanwhile: key -> handler median ${f0(pct(waits, 0.5))} ms, p95 ${f0(pct(waits, 0.95))}, worst ${f0(Math.max(...waits))}; key -> next frame median ${f0(pct(frames, 0.5))} ms, p95 ${f0(pct(frames, 0.95))}, worst ${f0(Math.max(...frames))}`,
  );
  await page.context().close();
}

// ---- 4. frames at 1,000 devices ----
async function frames(browser: Browser): Promise<void> {
  const page = await open(browser);
  const have = await devices(page);
  const pairs = Math.ceil((1000 - have) / 2);
  const lines = addressedPortLines(pairs);
  await build_(page, lines, have + 2 * pairs);
  const count = await devices(page);
  await page.waitForTimeout(2000);
  await page.getByRole('button', { name: 'Back to now', exact: true }).click();
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const canvas = document.querySelector('canvas.flow-layer');
    const loop = (t) => {
      window.__frames.push({ t, shapes: Number(canvas?.dataset.shapes ?? 0), ab: window.__ab ?? 0 });
      if (window.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    // BENCH_AB_CSS: the rule on for every other 2.5 s, the frames of each half told apart
    const ab = ${JSON.stringify(AB_CSS)};
    if (ab) {
      const s = document.createElement('style');
      document.head.append(s);
      window.__ab = 0;
      window.__abTimer = setInterval(() => { window.__ab = 1 - window.__ab; s.textContent = window.__ab ? ab : ''; }, 2500);
    }
  })()`);
  // the same page with nothing in flight first: the display's own frame interval and its jitter, the floor
  await page.waitForTimeout(3000);
  await page.evaluate(`(() => {
    window.__idleUntil = window.__frames.length;
    window.__netlab.run('host', 'arping -c 1 -I b0 10.0.0.2\\narping -c 1 -I b0 10.0.0.3\\narping -c 1 -I b0 10.0.0.4');
  })()`);
  await page
    .waitForFunction('(window.__frames || []).some((f) => f.shapes >= 400)', null, { timeout: 60_000 })
    .catch(() => {});
  const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const metrics = await page.context().newCDPSession(page);
  await metrics.send('Performance.enable');
  const taken = async () =>
    Object.fromEntries(
      ((await metrics.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map(
        (x) => [x.name, x.value * 1000],
      ),
    ) as Record<string, number>;
  const trace = TRACE ? await startTrace(page) : null;
  const m0 = await taken();
  const w0 = Date.now();
  await page.waitForTimeout(15_000);
  const m1 = await taken();
  const traced = trace ? await trace() : null;
  const secs = (Date.now() - w0) / 1000;
  const per = (k: string) => (m1[k]! - m0[k]!) / secs;
  const prof = cdp
    ? topSelf(((await cdp.send('Profiler.stop')) as unknown as { profile: Parameters<typeof topSelf>[0] }).profile)
    : null;
  const fr = (await page.evaluate(
    '(clearInterval(window.__abTimer), window.__recording = false, window.__frames)',
  )) as {
    t: number;
    shapes: number;
    ab: number;
  }[];
  const idleUntil = (await page.evaluate('window.__idleUntil')) as number;
  const idle: number[] = [];
  for (let i = 1; i < idleUntil; i++) if (fr[i - 1]!.shapes === 0) idle.push(fr[i]!.t - fr[i - 1]!.t);
  const maxShapes = Math.max(...fr.map((f) => f.shapes));
  const floor = Math.min(400, Math.floor(maxShapes / 2));
  const gaps: number[] = [];
  const halves: number[][] = [[], []];
  for (let i = 1; i < fr.length; i++)
    if (fr[i - 1].shapes >= floor && floor > 0) {
      gaps.push(fr[i].t - fr[i - 1].t);
      if (fr[i].ab === fr[i - 1].ab) halves[fr[i].ab]!.push(fr[i].t - fr[i - 1].t);
    }
  if (!gaps.length) console.log(`frames at ${count} devices: no frames in flight (at most ${maxShapes})`);
  else
    console.log(
      `frames at ${count} devices, up to ${maxShapes} frames in flight: ${gaps.length} animation frames with ${floor}+ in flight, p95 ${f1(pct(gaps, 0.95))} ms, median ${f1(pct(gaps, 0.5))} ms, worst ${f1(Math.max(...gaps))} ms  goal p95 <= 16.7 ms`,
    );
  if (idle.length && gaps.length) {
    // a frame missed is an interval of two display frames or more: longer than 1.5x the idle page's median
    const frame = pct(idle, 0.5);
    const missed = gaps.filter((g) => g > 1.5 * frame).length;
    console.log(
      `  the same page with nothing in flight just before: ${idle.length} frames, p95 ${f1(pct(idle, 0.95))} ms, median ${f1(frame)} ms; with the frames in flight ${missed} of ${gaps.length} intervals (${f1((100 * missed) / gaps.length)}%) spanned two display frames or more`,
    );
  }
  if (AB_CSS && gaps.length)
    console.log(
      `  paired (2.5 s each in turn): as built ${halves[0]!.length} frames, p95 ${f1(pct(halves[0]!, 0.95))} ms, median ${f1(pct(halves[0]!, 0.5))} ms; with ${AB_CSS}: ${halves[1]!.length} frames, p95 ${f1(pct(halves[1]!, 0.95))} ms, median ${f1(pct(halves[1]!, 0.5))} ms`,
    );
  console.log(
    `  the renderer's main thread per second of it (CDP): tasks ${f0(per('TaskDuration'))} ms, script ${f0(per('ScriptDuration'))} ms, style ${f0(per('RecalcStyleDuration'))} ms (${f0((m1.RecalcStyleCount! - m0.RecalcStyleCount!) / 1000 / secs)} recalcs), layout ${f0(per('LayoutDuration'))} ms (${f0((m1.LayoutCount! - m0.LayoutCount!) / 1000 / secs)} layouts)`,
  );
  if (traced)
    console.log(
      `  the renderer's threads while they flew, by event (CDP trace, durations summed, nested counted twice):\n${traced.join('\n')}`,
    );
  if (prof) console.log(`  the page's main thread while they flew, by self time:\n${prof.join('\n')}`);
  await page.context().close();
}

async function main(): Promise<void> {
  console.log(`bench:scale:web  ${new Date().toISOString()}  ${cpus().length} cores, load average ${load()}`);
  if (!process.env.BENCH_NO_BUILD)
    await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, minify: !PROFILE } });
  const server = await preview({
    preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
    build: { outDir: OUT },
    logLevel: 'warn',
  });
  const browser = await launch();
  try {
    if (PARTS.has('load')) await firstVisit(browser);
    // the largest size last: it takes longest to build
    const sizes = [...SIZES].sort((x, y) => x - y);
    const enterAt = AB_DIST ? enterPaired : enter;
    if (PARTS.has('enter')) for (const n of sizes.slice(0, -1)) await enterAt(browser, n);
    if (PARTS.has('paste')) {
      // BENCH_AB_DIST: the baseline's paste and this build's in turn, BENCH_PASTE_RUNS times each
      const base = AB_DIST
        ? await preview({
            preview: { port: PORT + 1, strictPort: true, host: '127.0.0.1' },
            build: { outDir: AB_DIST },
            logLevel: 'warn',
          })
        : null;
      try {
        for (let i = 0; i < PASTE_RUNS; i++) {
          if (base) await paste(browser, `http://127.0.0.1:${PORT + 1}/`, ` [baseline ${AB_DIST}]`);
          await paste(browser, URL, base ? ' [this build]' : '');
        }
      } finally {
        if (base) await new Promise<void>((r) => base.httpServer.close(() => r()));
      }
    }
    if (PARTS.has('frames')) await frames(browser);
    if (PARTS.has('enter') && sizes.length) await enterAt(browser, sizes[sizes.length - 1]!);
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  console.log(`load average at the end ${load()}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
