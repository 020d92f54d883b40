// The simulator's side of the flood benches (bench/floodSim.ts of a checkout), bundled as the browser gets it:
// esbuild, minified, one ES module for plain node.
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles `root`'s bench/floodSim.ts into `out`; returns `out`. */
export async function bundleFloodSim(root: string, out: string): Promise<string> {
  await build({
    entryPoints: [join(root, 'bench', 'floodSim.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    outfile: out,
    logLevel: 'warning',
  });
  return out;
}
