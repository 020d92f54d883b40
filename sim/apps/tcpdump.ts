// tcpdump as a command: captures on one device until Ctrl-C or -c N, printing as tcpdump -n [-e] [-t] does.
import { ETH_HLEN, ETH_P_ARP, ETH_P_IP, ethType } from '../wire/ethernet';
import { IPPROTO_ICMP, ipv4Protocol } from '../wire/ipv4';
import type { Netns } from '../net/netns';
import { Capture } from './capture';
import { Proc, parseIntStrict } from './proc';

/** The capture filters labs use: arp, icmp, ip, and "or" of them; empty means everything. */
export function compileFilter(expr: string): ((d: Uint8Array) => boolean) | undefined {
  const e = expr.trim();
  if (!e) return () => true;
  const terms = e.split(/\s+or\s+/);
  const fns: ((d: Uint8Array) => boolean)[] = [];
  for (const t of terms) {
    if (t === 'arp') fns.push((d) => ethType(d) === ETH_P_ARP);
    else if (t === 'ip') fns.push((d) => ethType(d) === ETH_P_IP);
    else if (t === 'icmp') fns.push((d) => ethType(d) === ETH_P_IP && ipv4Protocol(d, ETH_HLEN) === IPPROTO_ICMP);
    else return undefined;
  }
  return (d) => fns.some((f) => f(d));
}

export function fmtClock(us: number): string {
  const s = Math.floor(us / 1e6);
  const h = Math.floor(s / 3600) % 24,
    m = Math.floor(s / 60) % 60,
    sec = s % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}.${String(us % 1e6).padStart(6, '0')}`;
}

export class Tcpdump extends Proc {
  capture: Capture | null = null;
  private max = 0;
  private count = 0;

  constructor(ns: Netns, argv: string[], sink: (line: string) => void) {
    super(ns, sink);
    this.setup(ns, argv);
  }

  private setup(ns: Netns, argv: string[]): void {
    let iface: string | null = null;
    let withE = false;
    let noTime = false;
    let promisc = true;
    const expr: string[] = [];
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-i' || a === '--interface') iface = argv[++i] ?? null;
      else if (a.startsWith('-i') && a.length > 2) iface = a.slice(2);
      else if (a === '-c') {
        const n = parseIntStrict(argv[++i] ?? '');
        if (n === undefined || n <= 0) return this.fail('tcpdump: invalid packet count');
        this.max = n;
      } else if (/^-[nelptvqS]+$/.test(a)) {
        if (a.includes('e')) withE = true;
        if (a.includes('t')) noTime = true;
        if (a.includes('p')) promisc = false;
      } else if (a.startsWith('-')) return this.fail(`tcpdump: unsupported option ${a} in this lab`);
      else expr.push(a);
    }
    if (iface === null) return this.fail('tcpdump: no interface given: use -i DEV');
    const dev = ns.dev(iface);
    if (!dev) return this.fail(`tcpdump: ${iface}: No such device exists`, ['(No such device exists)']);
    if (!dev.up) return this.fail(`tcpdump: ${iface}: That device is not up`);
    const filter = compileFilter(expr.join(' '));
    if (!filter) return this.fail(`tcpdump: can't parse filter expression: syntax error`);
    this.print('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode');
    this.print(`listening on ${iface}, link-type EN10MB (Ethernet), snapshot length 262144 bytes`);
    const c = new Capture(dev, { promisc, filter, withE });
    c.onFrame = (f, line) => {
      this.print(noTime ? line : `${fmtClock(f.time)} ${line}`);
      this.count++;
      if (this.max && this.count >= this.max) this.interrupt();
    };
    c.start();
    this.capture = c;
  }

  private fail(msg: string, extra: string[] = []): void {
    this.print(msg);
    for (const l of extra) this.print(l);
    this.exit(1);
  }

  interrupt(): void {
    if (this.done || !this.capture) return;
    this.capture.stop();
    this.print('');
    this.print(`${this.count} packet${this.count === 1 ? '' : 's'} captured`);
    this.print(`${this.capture.seen} packet${this.capture.seen === 1 ? '' : 's'} received by filter`);
    this.print('0 packets dropped by kernel');
    this.exit(0);
  }
}
