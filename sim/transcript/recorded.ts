// The scenarios recorded on the real kernel (node only, for tests): every scenario in ../shared/conformance and
// conformance/ that has an expected transcript.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Recorded {
  /** shared/NAME.sh or repo/NAME.sh */
  name: string;
  script: string;
  expected: string;
}

/** The recorded scenarios of the checkout at `root`, in name order within each library. */
export function recordedScenarios(root: string): Recorded[] {
  const out: Recorded[] = [];
  for (const d of [join(root, '..', 'shared', 'conformance'), join(root, 'conformance')]) {
    const sdir = join(d, 'scenarios');
    if (!existsSync(sdir)) continue;
    for (const f of readdirSync(sdir)
      .filter((x) => x.endsWith('.sh'))
      .sort()) {
      const exp = join(d, 'expected', f.replace(/\.sh$/, '.txt'));
      if (!existsSync(exp)) continue;
      out.push({ name: `${d.includes('shared') ? 'shared' : 'repo'}/${f}`, script: join(sdir, f), expected: exp });
    }
  }
  return out;
}
