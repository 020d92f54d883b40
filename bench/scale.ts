// npm run bench:scale — how the lab scales with devices: N veth pairs, one end of each a port of br0,
// built line by line through the interpreter (Shell.run, as `npm run -s transcript` and the app's
// presets run commands), inside the worker's Lab. For each N it prints the build time, the time of
// `ip -br link`, `ip addr`, `ip route`, `ip neigh` and `bridge fdb show`, a ping across the bridge
// (its ARP request floods every port), what one one-line command costs in the app (the worker's run
// and snapshot, the structured clone that crosses to the page, the store applying it), and the heap.
// SCALE_SIZES=100,1000 picks the sizes (default 100,1000,10000). Last, the app in Chromium: Enter -> diagram
// updated at 1,000 and 5,000 devices, the `enter` part of bench/scaleWeb.ts (npm run bench:scale:web).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { bundleLikeWorker } from './floodBundle';
import { cliScale } from './scaleCli';

const SIZES = (process.env.SCALE_SIZES ?? '100,1000,10000').split(',').map(Number);
// SCALE_PARTS=cli,app,web: the command line (bench/scaleCli.ts), the worker's Lab as the app drives it
// (bench/scaleApp.ts, bundled as the worker is),
// the app in Chromium (bench/scaleWeb.ts, its own process)
const PARTS = new Set((process.env.SCALE_PARTS ?? 'cli,app,web').split(','));

const gc = (globalThis as { gc?: () => void }).gc;

console.log(`bench:scale (node ${process.version}${gc ? '' : ', no --expose-gc: heap figures include garbage'})`);
if (PARTS.has('cli')) {
  console.log('\n== command line (npm run -s transcript) ==');
  for (const n of SIZES) cliScale(n);
}
if (PARTS.has('app')) {
  console.log("\n== the worker's Lab as the app drives it (bundled as the browser gets the worker) ==");
  const dir = mkdtempSync(join(tmpdir(), 'netlab-scale-'));
  try {
    const file = await bundleLikeWorker(join(import.meta.dirname, 'scaleApp.ts'), join(dir, 'scaleApp.mjs'));
    const r = spawnSync(process.execPath, ['--expose-gc', file, ...SIZES.map(String)], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (PARTS.has('web')) {
  console.log('\n== the app in Chromium (bench/scaleWeb.ts: Enter -> diagram updated) ==');
  const env = { SCALE_WEB_PARTS: 'enter', SCALE_WEB_SIZES: '1000,5000', ...process.env };
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scaleWeb.ts'], { stdio: 'inherit', env });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
