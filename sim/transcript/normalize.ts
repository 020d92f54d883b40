// Transcript normalization of conformance/FORMAT.md, shared by the simulator's transcript CLI
// and the kernel runner (tools/conformance). Pure: no node: imports, no DOM, so that it also runs
// in a Web Worker.

import { abbreviates, isNetnsObject, NETNS_OPTS, OPTS_WITH_ARG } from '../shell/iproute2_words';

/** One device as seen after a command; ns is 'host' for the default namespace, mac lower-case. */
export interface DeviceMac {
  ns: string;
  name: string;
  mac: string;
}

const ZERO_MAC = '00:00:00:00:00:00';

// Six groups of two hex digits, not part of a longer colon-separated hex run (an IPv6 address).
// A MAC may be followed by `:` and a space (`ip neigh` never does this, but tcpdump might).
const MAC_RE = /(?<![0-9A-Fa-f:])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}(?![0-9A-Fa-f]|:[0-9A-Fa-f])/g;

/** Names each MAC address after the first device that had it. */
export class MacNamer {
  private readonly names = new Map<string, string>();

  /**
   * Called after every command with all devices: namespaces in creation order (host first),
   * devices in ifindex order. Gives each MAC not seen before the name DEV (host) or NS:DEV.
   * 00:00:00:00:00:00 is never named.
   */
  observe(devices: DeviceMac[]): void {
    for (const d of devices) {
      const mac = d.mac.toLowerCase();
      if (mac === ZERO_MAC || this.names.has(mac)) continue;
      this.names.set(mac, d.ns === 'host' ? d.name : `${d.ns}:${d.name}`);
    }
  }

  /** The name given to a MAC, if any (case-insensitive). */
  nameOf(mac: string): string | undefined {
    return this.names.get(mac.toLowerCase());
  }

  /**
   * Replaces MACs in a line: known lower-case mac -> {NAME}, known upper-case mac -> {NAME in
   * capitals}, unknown mac (and 00:00:00:00:00:00) -> {mac as written}.
   */
  apply(line: string): string {
    return line.replace(MAC_RE, (mac) => {
      const name = this.names.get(mac.toLowerCase());
      if (name === undefined) return `{${mac}}`;
      const capitals = /[A-F]/.test(mac) && !/[a-f]/.test(mac);
      return `{${capitals ? name.toUpperCase() : name}}`;
    });
  }
}

/** Times, ICMP ids, MACs and trailing spaces of one output or capture line. */
export function normalizeLine(line: string, namer: MacNamer): string {
  // trimEnd() drops exactly what /\s+$/ matches (WhiteSpace and LineTerminator), without the regex's
  // quadratic retries on a line with many inner runs of spaces
  let s = line.trimEnd();
  // each rewrite below needs a character or word it checks for first: a listing of 400,000 sysctls
  // (none of them holding one) is not run through seven regular expressions per line
  if (s.includes(':')) s = namer.apply(s);
  if (s.includes('time')) {
    // ping: `time=0.119 ms`, statistics `time 1003ms`
    s = s.replace(/\btime=\d+(?:\.\d+)? ms\b/g, 'time=T ms');
    s = s.replace(/\btime \d+ms\b/g, 'time Tms');
  }
  // `rtt min/avg/max/mdev = a/b/c/d ms[, pipe N]`
  if (s.startsWith('rtt ')) s = s.replace(/^rtt min\/avg\/max\/mdev = \S+ ms/, 'rtt min/avg/max/mdev = T');
  // arping: `Unicast reply from 192.168.3.101 [{ETH0}]  0.789ms`
  if (s.endsWith('ms')) s = s.replace(/(\]\s+)-?\d+\.-?\d+ms$/, '$1Tms');
  if (s.includes('id')) {
    // tcpdump: `ICMP echo request, id 5011, seq 1, length 64`
    s = s.replace(/\bid \d+,/g, 'id ID,');
    // conntrack -L: `type=8 code=0 id=9620`
    s = s.replace(/\bid=\d+\b/g, 'id=ID');
  }
  return s;
}

// tcpdump's own chatter, not packets.
const TCPDUMP_NOISE = [
  /^tcpdump: /,
  /^listening on /,
  /^\d+ packets? (?:captured|received by filter|dropped by kernel)$/,
];

function words(cmd: string): string[] {
  return cmd
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Skips `ip netns exec NS` prefixes and the options of ip/bridge; returns [tool, object]. */
function toolAndObject(cmd: string): [string | undefined, string | undefined] {
  let w = words(cmd);
  while (w[0] === 'ip' && isNetnsObject(w[1]) && abbreviates(w[2], 'exec') && w.length > 4) {
    w = w.slice(4);
  }
  const tool = w[0];
  let i = 1;
  while (i < w.length && w[i]!.startsWith('-')) {
    i += NETNS_OPTS.has(w[i]!) || OPTS_WITH_ARG.has(w[i]!) ? 2 : 1;
  }
  return [tool, w[i]];
}

/** True for commands that list a kernel hash table (`ip neigh`, `bridge fdb`): their lines are sorted. */
export function listsHashTable(cmd: string): boolean {
  const [tool, obj] = toolAndObject(cmd);
  if (tool === 'ip') return abbreviates(obj, 'neighbor') || abbreviates(obj, 'neighbour');
  if (tool === 'bridge') return abbreviates(obj, 'fdb');
  return false;
}

function outputLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/**
 * The transcript block of one command: `$ cmd`, its output lines (blank lines dropped,
 * normalized, sorted for `ip neigh` and `bridge fdb`), then for each capture `-- tcpdump -i IF`
 * and its normalized packet lines.
 */
export function transcriptBlock(
  cmd: string,
  output: string,
  captures: { iface: string; lines: string[] }[],
  namer: MacNamer,
): string[] {
  const block = [`$ ${cmd}`];
  const out = outputLines(output).map((l) => normalizeLine(l, namer));
  if (listsHashTable(cmd)) out.sort();
  for (const l of out) block.push(l);
  for (const c of captures) {
    block.push(`-- tcpdump -i ${c.iface}`);
    for (const raw of c.lines.flatMap(outputLines)) {
      if (TCPDUMP_NOISE.some((re) => re.test(raw))) continue;
      block.push(normalizeLine(raw, namer));
    }
  }
  return block;
}

/**
 * Parses a scenario into steps. `#> capture IF...` applies to the next command; other `#` lines
 * and blank lines are skipped.
 */
export function parseScenario(text: string): { cmd: string; capture: string[] }[] {
  const steps: { cmd: string; capture: string[] }[] = [];
  let capture: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') continue;
    const directive = /^#>\s*capture\b(.*)$/.exec(line);
    if (directive) {
      capture = words(directive[1]!);
      continue;
    }
    if (line.trimStart().startsWith('#')) continue;
    steps.push({ cmd: line, capture });
    capture = [];
  }
  return steps;
}
