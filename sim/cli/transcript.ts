// npm run -s transcript -- FILE.sh [--raw] [--pcap DIR] [--seed N]
// Prints the simulator's transcript of a scenario; --pcap saves every captured interface as a pcap file.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../transcript/scenario';
import { writePcap } from '../wire/pcap';

function main(argv: string[]): number {
  let raw = false;
  let pcapDir: string | null = null;
  let seed = 1;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--raw') raw = true;
    else if (a === '--pcap') pcapDir = argv[++i] ?? null;
    else if (a === '--seed') seed = Number(argv[++i]);
    else files.push(a);
  }
  if (files.length !== 1) {
    process.stderr.write('usage: npm run -s transcript -- FILE.sh [--raw] [--pcap DIR] [--seed N]\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(files[0], 'utf8');
  } catch (e) {
    process.stderr.write(`transcript: cannot read ${files[0]}: ${(e as Error).message}\n`);
    return 2;
  }
  const r = runScenario(text, { raw, seed });
  process.stdout.write(r.lines.join('\n') + '\n');
  if (pcapDir) {
    mkdirSync(pcapDir, { recursive: true });
    const byIface = new Map<string, (typeof r.captures)[number]['frames']>();
    for (const c of r.captures) {
      const name = c.ns === 'host' ? c.dev : `${c.ns}_${c.dev}`;
      byIface.set(name, [...(byIface.get(name) ?? []), ...c.frames]);
    }
    for (const [name, frames] of byIface) writeFileSync(join(pcapDir, `${name}.pcap`), writePcap(frames));
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
