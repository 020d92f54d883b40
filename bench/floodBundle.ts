// The simulator's side of the flood benches (bench/floodSim.ts of a checkout), bundled as the browser gets it:
// the way Vite builds the app's worker (vite's bundleWorkerEntry): rolldown, the build's ES2022 target, Oxc's
// minifier, one ES module, with top-level `const` kept (the main build's topLevelVar is not applied to workers).
// esbuild, which this used before, turns every top-level `const` into a `var`: code the browser never runs, and
// whose whole flood Node 20 ran 2.5% slower (median of 25 alternating runs each, 2026-12-06). The worker's
// build also writes out the calls of one-expression helpers (tools/vite-inline.ts), and so does this.
import { rolldown } from 'rolldown';
import { inlineHelpers } from '../tools/vite-inline';
import { dirname, basename, join } from 'node:path';

/** Bundles `entry` into `out` as Vite builds the app's worker; returns `out`. `written` hears how many helper
 *  calls the inliner wrote out. */
export async function bundleLikeWorker(entry: string, out: string, written?: (sites: number) => void): Promise<string> {
  const bundle = await rolldown({
    input: entry,
    platform: 'node',
    // vite.config.ts's build.target, which the worker's build takes
    transform: { target: 'es2022' },
    logLevel: 'warn',
    plugins: [inlineHelpers(written)],
  });
  try {
    await bundle.write({ dir: dirname(out), entryFileNames: basename(out), format: 'es', minify: true });
  } finally {
    await bundle.close();
  }
  return out;
}

/** Bundles `root`'s bench/floodSim.ts into `out`; returns `out`. */
export const bundleFloodSim = (root: string, out: string): Promise<string> =>
  bundleLikeWorker(join(root, 'bench', 'floodSim.ts'), out);
