// `diff -u` of two transcripts, through the system's diff.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './proc';

export async function unifiedDiff(a: string[], b: string[], labelA: string, labelB: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-'));
  try {
    const fa = join(dir, 'a.txt');
    const fb = join(dir, 'b.txt');
    await writeFile(fa, a.map((l) => `${l}\n`).join(''));
    await writeFile(fb, b.map((l) => `${l}\n`).join(''));
    const r = await run(['diff', '-u', '--label', labelA, '--label', labelB, fa, fb]);
    return r.output;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
