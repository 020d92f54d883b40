// Packet bytes are read by offset only in sim/wire (issue 13): everyone else calls its field accessors
// (ipv4HeaderLen, ipv4Protocol, icmpEchoId, ethType, ...). This scans sim/ and web/ for the patterns of
// reading a header by hand and fails on any outside sim/wire that the short allow-list does not explain.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

const PATTERNS: { what: string; re: RegExp }[] = [
  { what: 'an IPv4 header length by hand ((b[0] & 15) * 4)', re: /\]\s*&\s*(?:15|0x0?f)\)\s*\*\s*4/ },
  {
    what: 'a 16- or 32-bit field from packet bytes (b[i] << 8 | b[i + 1])',
    re: /\w\]\s*<<\s*(?:8|16|24)\)?\s*\|\s*\(?\s*[\w.]+\[/,
  },
  { what: 'a raw ethertype (0x0800, 0x0806, 0x86dd, 0x8100)', re: /\b0x(?:0800|0806|86dd|8100)\b/i },
  {
    what: 'IPv4 flag or fragment offset bits by hand (b[6] & 0x40)',
    re: /\[(?:[\w.]+ \+ )?6\]\s*&\s*0x(?:40|20|3f|1f)\b/,
  },
  { what: 'an IPv4 address by its header offset (ipFromBytes(ip, 16))', re: /ipFromBytes\([\w.]+,\s*(?:12|16)\)/ },
  { what: 'the IPv4 protocol byte by hand (ip[9] === 1)', re: /\w\[(?:[\w.]+ \+ )?(?:9|23)\]\s*[!=]==/ },
];

/** file -> why it may match (not packet bytes, or bytes by nature) */
const ALLOWED: Record<string, string> = {
  'sim/core/addr.ts': 'addresses to and from their bytes: the one conversion every accessor uses',
  'sim/shell/iptables_addr.ts': 'the parts of an address typed on the command line, not packet bytes',
  'sim/shell/ip/link_bridge.ts': "iproute2's table of ethertype names (ll_proto.c) for `protocol NAME`",
};

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('packet bytes', () => {
  it('are indexed only in sim/wire', () => {
    const found: string[] = [];
    for (const file of [...files(join(root, 'sim')), ...files(join(root, 'web'))]) {
      const rel = relative(root, file).split('\\').join('/');
      if (rel.startsWith('sim/wire/') || rel in ALLOWED) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*)/.test(line)) return;
          for (const p of PATTERNS) if (p.re.test(line)) found.push(`${rel}:${i + 1}: ${p.what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the patterns find what they are for', () => {
    const hits = (line: string) => PATTERNS.filter((p) => p.re.test(line)).length;
    expect(hits('const ihl = (inner[0] & 15) * 4;')).toBe(1);
    expect(hits('const id = (b[off + 4] << 8) | b[off + 5];')).toBe(1);
    expect(hits('if (type === 0x86dd) return;')).toBe(1);
    expect(hits('if (ip[6] & 0x40) return false;')).toBe(1);
    expect(hits('const d = ipFromBytes(v.ip, 16);')).toBe(1);
    expect(hits('fns.push((d) => d[23] === IPPROTO_ICMP);')).toBe(1);
    expect(hits('const ihl = ipv4HeaderLen(ip);')).toBe(0);
  });

  it('the allow-list names files that exist', () => {
    for (const f of Object.keys(ALLOWED)) expect(statSync(join(root, f)).isFile()).toBe(true);
  });
});
