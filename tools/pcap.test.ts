// The simulator's --pcap files read back by the real tcpdump -r print the lines the capture showed.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../sim/transcript/scenario';
import { writePcap } from '../sim/wire/pcap';
import { formatFrame } from '../sim/apps/tcpdump_print';

function hasTcpdump(): boolean {
  try {
    execFileSync('tcpdump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const SCENARIO = join(__dirname, '..', '..', 'shared', 'conformance', 'scenarios', 'article-1-veth-into-bridge.sh');

describe('pcap files', () => {
  it('tcpdump -r prints what the simulated capture printed', (ctx) => {
    if (!hasTcpdump()) {
      ctx.skip();
      return;
    }
    const r = runScenario(readFileSync(SCENARIO, 'utf8'));
    const caps = r.captures.filter((c) => c.frames.length);
    expect(caps.length).toBeGreaterThan(3);
    const dir = mkdtempSync(join(tmpdir(), 'netlab-pcap-'));
    try {
      for (const c of caps) {
        const file = join(dir, 'c.pcap');
        execFileSync('sh', ['-c', `cat > ${file}`], { input: writePcap(c.frames) });
        const out = execFileSync('tcpdump', ['-r', file, '-n', '-e', '-t'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        expect(out.trimEnd().split('\n')).toEqual(c.frames.map((f) => formatFrame(f.data, true)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
