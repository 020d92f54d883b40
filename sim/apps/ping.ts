// iputils ping (ping/ping.c, ping/ping_common.c), version 20221126: a raw ICMP socket, the probe connect()
// that picks the source, one echo request per interval, replies and errors printed as ping prints them.
import { type Ip4, ANY, fmtIp4, isMulticastIp, parseIp4 } from '../core/addr';
import { IPPROTO_ICMP, IPV4_HLEN, emitIpv4Header, ipv4HeaderLen, ipv4Src, ipv4TotalLen, ipv4Ttl } from '../wire/ipv4';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  ICMP_REDIRECT,
  ICMP_TIME_EXCEEDED,
  echoDataSum,
  echoPatternSum,
  emitEchoRequest,
  icmpEchoId,
  icmpEchoSeq,
  icmpType,
  parseIcmp,
  quotedIcmpOff,
} from '../wire/icmp';
import type { Timer } from '../core/scheduler';
import type { Netns } from '../net/netns';
import { RawSocket, type RawError } from '../ipv4/raw';
import { type Rtable, isRouteError, ipDevFind, routeOutput } from '../ipv4/route';
import { ipLocalOut, routeMtu } from '../ipv4/ip_output';
import type { Flow } from '../ipv4/fib';
import { BACKLOG_DELAY } from '../net/world';
import { ERRNO_TEXT, Proc, longOverflows, parseFloatStrict, parseIntStrict } from './proc';
import { resolveHost, reverseHost, unresolvedText } from './resolve';
import { getopt } from './getopt';
import { PING_USAGE } from './ping_usage';

const MS = 1000;
const S = 1000 * MS;

export interface PingOpts {
  count: number;
  interval: number;
  timeoutW: number;
  deadline: number;
  iface: string | null;
  ttl: number;
  size: number;
  quiet: boolean;
  numeric: boolean;
  broadcast: boolean;
  flood: boolean;
  /** -M: IP_MTU_DISCOVER, "want" by default */
  pmtudisc: 'want' | 'do' | 'dont';
  /** -M was given */
  pmtudiscGiven: boolean;
  verbose: boolean;
  /** -O: report requests still unanswered when the next one goes */
  outstanding: boolean;
  /** -A: adaptive (the summary then shows ipg/ewma) */
  adaptive: boolean;
  target: string;
}

type Parsed = { ok: true; opts: PingOpts; warnings: string[] } | { ok: false; lines: string[]; code: number };

/** The options of iputils ping that labs use; others are refused with ping's own words. */
export function parsePingArgs(argv: string[]): Parsed {
  const o: PingOpts = {
    count: 0,
    interval: 1000,
    timeoutW: 10,
    deadline: 0,
    iface: null,
    ttl: 0,
    size: 56,
    quiet: false,
    numeric: false,
    broadcast: false,
    flood: false,
    pmtudisc: 'want',
    pmtudiscGiven: false,
    verbose: false,
    outstanding: false,
    adaptive: false,
    target: '',
  };
  const rest: string[] = [];
  const bad = (v: string): Parsed => ({ ok: false, lines: [`ping: invalid argument: '${v}'`], code: 1 });
  // strtol_or_err(): errno ERANGE is reported before the range is checked
  const erange = (v: string): Parsed => ({
    ok: false,
    lines: [`ping: invalid argument: '${v}': Numerical result out of range`],
    code: 1,
  });
  const range = (v: string, lo: number, hi: string): Parsed => ({
    ok: false,
    lines: [`ping: invalid argument: '${v}': out of range: ${lo} <= value <= ${hi}`],
    code: 1,
  });
  const WITH_ARG = 'cWiIwtsSlmMpQTFNe';
  const warnings: string[] = [];
  const g = getopt(argv, WITH_ARG);
  if (!g.ok)
    return { ok: false, lines: [`ping: option requires an argument -- '${g.missing}'`, ...PING_USAGE], code: 2 };
  rest.push(...g.rest);
  for (const { c, val } of g.opts) {
    switch (c) {
      case 'c': {
        const n = parseIntStrict(val);
        if (n === undefined) return bad(val);
        if (longOverflows(val)) return erange(val);
        if (n < 1) return range(val, 1, '9223372036854775807');
        o.count = n;
        break;
      }
      case 'W': {
        // ping_strtod(): trailing garbage is only warned about (strtod's prefix is used); below 0 or
        // past INT_MAX/1000 s is refused
        let n = parseFloatStrict(val);
        if (n === undefined) {
          warnings.push(
            `ping: option argument contains garbage: ${val}`,
            'ping: this will become fatal error in the future',
          );
          n = Number(/^\s*[-+]?(\d+\.?\d*|\.\d+)/.exec(val)?.[0] ?? 0);
        }
        if (n < 0 || n > 2147483.647)
          return { ok: false, lines: [...warnings, `ping: bad linger time: ${val}`], code: 2 };
        o.timeoutW = n;
        break;
      }
      case 'w': {
        const n = parseIntStrict(val);
        if (n === undefined) return bad(val);
        if (longOverflows(val)) return erange(val);
        if (n < 0 || n > 2147483) return range(val, 0, '2147483');
        o.deadline = n;
        break;
      }
      case 'i': {
        const n = parseFloatStrict(val);
        if (n === undefined) return bad(val);
        o.interval = Math.round(n * 1000);
        break;
      }
      case 'I':
        o.iface = val;
        break;
      case 't': {
        const n = parseIntStrict(val);
        if (n === undefined) return bad(val);
        if (longOverflows(val)) return erange(val);
        if (n < 0 || n > 255) return range(val, 0, '255');
        // setsockopt(IP_TTL, 0) is refused by the kernel
        if (n === 0) return { ok: false, lines: ['ping: cannot set unicast time-to-live: Invalid argument'], code: 2 };
        o.ttl = n;
        break;
      }
      case 's': {
        const n = parseIntStrict(val);
        if (n === undefined) return bad(val);
        if (longOverflows(val)) return erange(val);
        if (n < 0 || n > 2147483647) return range(val, 0, '2147483647');
        o.size = n;
        break;
      }
      case 'M':
        if (val !== 'do' && val !== 'dont' && val !== 'want')
          return { ok: false, lines: [`ping: invalid -M argument: ${val}`], code: 2 };
        o.pmtudisc = val;
        o.pmtudiscGiven = true;
        break;
      case 'q':
        o.quiet = true;
        break;
      case 'b':
        o.broadcast = true;
        break;
      case 'f':
        o.flood = true;
        if (o.interval === 1000) o.interval = 0;
        break;
      case 'n':
        o.numeric = true;
        break;
      case 'v':
        o.verbose = true;
        break;
      case 'O':
        o.outstanding = true;
        break;
      case 'A':
        o.adaptive = true;
        break;
      case '4':
      case 'D':
      case 'U':
      case 'L':
      case 'a':
      case 'B':
      case 'C':
      case 'd':
      case 'R':
        break;
      case 'h':
        return { ok: false, lines: PING_USAGE, code: 2 };
      case 'V':
        return {
          ok: false,
          lines: [
            'ping from iputils 20221126',
            'libcap: yes, IDN: yes, NLS: yes, error.h: yes, getrandom(): yes, __fpending(): yes',
          ],
          code: 0,
        };
      default:
        // options the lab accepts without modelling them (-S sndbuf, -m mark, -p pattern, ...)
        if (WITH_ARG.includes(c)) break;
        return { ok: false, lines: [`ping: invalid option -- '${c}'`, '', ...PING_USAGE], code: 2 };
    }
  }
  if (!rest.length) return { ok: false, lines: ['ping: usage error: Destination address required'], code: 1 };
  o.target = rest[rest.length - 1];
  return { ok: true, opts: o, warnings };
}

const UNREACH_TEXT = [
  'Destination Net Unreachable',
  'Destination Host Unreachable',
  'Destination Protocol Unreachable',
  'Destination Port Unreachable',
  'Frag needed and DF set',
  'Source Route Failed',
  'Destination Net Unknown',
  'Destination Host Unknown',
  'Source Host Isolated',
  'Destination Net Prohibited',
  'Destination Host Prohibited',
  'Destination Net Unreachable for Type of Service',
  'Destination Host Unreachable for Type of Service',
  'Packet filtered',
  'Precedence Violation',
  'Precedence Cutoff',
];

/** pr_icmph() */
function icmpText(type: number, code: number, info: number): string {
  if (type === ICMP_DEST_UNREACH) {
    if (code === 4) return `Frag needed and DF set (mtu = ${info})`;
    return UNREACH_TEXT[code] ?? `Dest Unreachable, Bad Code: ${code}`;
  }
  if (type === ICMP_REDIRECT) {
    const kind =
      [
        'Redirect Network',
        'Redirect Host',
        'Redirect Type of Service and Network',
        'Redirect Type of Service and Host',
      ][code] ?? `Redirect, Bad Code: ${code}`;
    return `${kind}(New nexthop: ${fmtIp4(info)})`;
  }
  if (type === ICMP_TIME_EXCEEDED)
    return code === 0
      ? 'Time to live exceeded'
      : code === 1
        ? 'Frag reassembly time exceeded'
        : `Time exceeded, Bad Code: ${code}`;
  return `Bad ICMP type: ${type}`;
}

function putU32le(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 255;
  b[o + 1] = (v >>> 8) & 255;
  b[o + 2] = (v >>> 16) & 255;
  b[o + 3] = (v >>> 24) & 255;
}

/** printf("%g") of a float, as ping prints the loss percentage. */
export function fmtG(x: number): string {
  const f = Math.fround(x);
  if (f === 0) return '0';
  let s = f.toPrecision(6);
  if (s.includes('e')) return s;
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** The " time=..." of a reply, by iputils' rounding rules (µs in). */
export function fmtTriptime(us: number): string {
  if (us >= 100000 - 50) return `${Math.floor((us + 500) / 1000)} ms`;
  if (us >= 10000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)} ms`;
  if (us >= 1000)
    return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, '0')} ms`;
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')} ms`;
}

function fmtMs3(us: number): string {
  const v = Math.floor(us);
  return `${Math.floor(v / 1000)}.${String(v % 1000).padStart(3, '0')}`;
}

export class Ping extends Proc {
  private o: PingOpts;
  private sock: RawSocket | null = null;
  private ident: number;
  private dst: Ip4 = ANY;
  private source: Ip4 = ANY;
  private strictSource = false;
  private boundDev = 0;
  private ntransmitted = 0;
  private nreceived = 0;
  private nrepeats = 0;
  private nerrors = 0;
  private pipesize = -1;
  /** rcvd_tbl: one bit per icmp_seq, set when its reply came (iputils' bitmap; a long ping holds 8 KB) */
  private received = new Uint8Array(0x10000 >> 3);
  private tmin = Infinity;
  private tmax = 0;
  private tsum = 0;
  private tsum2 = 0;
  private start = 0;
  /** -w's alarm, the next pinger() and the exit wait: one of each at a time (a long ping keeps no list) */
  private deadlineTimer: Timer | null = null;
  private nextTimer: Timer | null = null;
  private exitTimer: Timer | null = null;
  private exitScheduled = false;
  private hostname = '';
  /** the send time of each icmp_seq (iputils reads it from the reply's payload); NaN: never sent */
  private sentAt = new Float64Array(0x10000).fill(NaN);
  /** pinger() as a timer callback, made once rather than per request */
  private readonly pingerFn = (): void => this.pinger();
  private floodTimer: Timer | null = null;
  /** the flood wait a reply just cancelled, for pinger() to re-arm (del_timer + mod_timer on one timer_list) */
  private parkedFlood: Timer | null = null;
  private pattern: Uint8Array | null = null;
  /** csumPartial() of the pattern with the send time's words (bytes 0-3 and 8-11) zero; -1: not yet */
  private patternSum = -1;
  /** the flow each request is routed by (raw_sendmsg()'s flowi4), reused */
  private readonly flow: Flow = {
    daddr: ANY,
    saddr: undefined,
    oif: undefined,
    iif: undefined,
    tos: undefined,
    scope: undefined,
  };
  /** inside sendmsg(): what arrives is read from the error queue before the main loop looks again */
  private sending = false;
  private ewma = 0;
  /** cur_time: the statistics' time runs to the last request sent */
  private lastSend = 0;

  constructor(ns: Netns, argv: string[], sink: (line: string) => void) {
    super(ns, sink);
    this.ident = ns.world.nextPid() & 0xffff;
    const p = parsePingArgs(argv.slice(1));
    if (!p.ok) {
      for (const l of p.lines) this.print(l);
      this.o = {} as PingOpts;
      this.exit(p.code);
      return;
    }
    for (const l of p.warnings) this.print(l);
    this.o = p.opts;
    this.setup();
  }

  private fail(msg: string, code = 2): void {
    this.print(msg);
    this.exit(code);
  }

  private setup(): void {
    const ns = this.ns;
    const o = this.o;
    const dst = parseIp4(o.target) ?? resolveHost(ns, o.target);
    if (dst === undefined) return this.fail(`ping: ${o.target}: ${unresolvedText(ns)}`);
    this.dst = dst;
    // ping4_run(): broadcast (-b) and multicast pings do not fragment unless -M says otherwise
    if ((o.broadcast || isMulticastIp(dst)) && !o.pmtudiscGiven) o.pmtudisc = 'do';
    this.hostname = o.target;
    // a numeric target means numeric output (ping.c sets opt_numeric)
    if (parseIp4(o.target) !== undefined) o.numeric = true;
    let device: string | null = null;
    if (o.iface !== null) {
      const a = parseIp4(o.iface);
      if (a !== undefined) {
        this.source = a;
        this.strictSource = true;
      } else device = o.iface;
    }
    if (device !== null) {
      const d = ns.dev(device);
      if (!d) return this.fail(`ping: SO_BINDTODEVICE ${device}: No such device`);
      this.boundDev = d.ifindex;
    }
    if (this.strictSource && !ipDevFind(ns, this.source))
      return this.fail('ping: bind: Cannot assign requested address');
    if (!this.source) {
      // the probe: a UDP socket connect()ed to the destination tells which source the kernel would use
      const rt = routeOutput(ns, { daddr: dst, oif: this.boundDev || undefined });
      // connect() answers EACCES for a broadcast without SO_BROADCAST and for a prohibit route alike
      const broadcastRefused = !isRouteError(rt) && rt.type === 'broadcast' && !o.broadcast;
      if ((isRouteError(rt) && rt.error === 'EACCES') || broadcastRefused)
        return this.fail('ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules');
      if (isRouteError(rt)) return this.fail(`ping: connect: ${ERRNO_TEXT[rt.error] ?? rt.error}`);
      if (rt.type === 'broadcast') this.print('WARNING: pinging broadcast address');
      this.source = rt.saddr;
      if (device !== null) {
        const d = ns.dev(device)!;
        if (!d.inDev?.ifaList.some((a) => a.local === this.source))
          this.print(`ping: Warning: source address might be selected on device other than: ${device}`);
      }
    }
    const s = new RawSocket(ns, IPPROTO_ICMP);
    s.boundDev = this.boundDev;
    if (this.strictSource) s.rcvSaddr = this.source;
    s.onPacket = (ip) => this.onPacket(ip);
    s.onError = (e) => this.onError(e);
    this.sock = s;
    let head = `PING ${this.hostname} (${fmtIp4(dst)}) `;
    if (device !== null || this.strictSource) head += `from ${fmtIp4(this.source)} ${device ?? ''}: `;
    head += `${o.size}(${o.size + 28}) bytes of data.`;
    this.print(head);
    this.start = ns.world.now;
    if (o.deadline) this.deadlineTimer = ns.world.sched.after(o.deadline * S, () => this.finish());
    this.pinger();
  }

  /** pinger()'s static oom_count: sends the device refused (ENOBUFS) since the last one that went */
  private oomCount = 0;
  /** milliseconds until the refused request is tried again */
  private retryIn = 0;

  /** pinger(): send one request, schedule the next or the exit wait. */
  private pinger(): void {
    if (this.done) return;
    const o = this.o;
    if (o.count && this.ntransmitted >= o.count) return;
    // -O: the previous request has had no reply (an ICMP error does not count as one)
    if (o.outstanding && this.ntransmitted > 0 && !this.rcvd(this.ntransmitted & 0xffff) && !o.quiet) {
      this.print(`no answer yet for icmp_seq=${this.ntransmitted % 0x10000}`);
    }
    this.sendEcho();
    if (this.retryIn) {
      this.nextTimer = this.ns.world.sched.after(this.retryIn * MS, this.pingerFn);
      this.retryIn = 0;
      return;
    }
    if (o.count && this.ntransmitted >= o.count) {
      this.scheduleExit();
      return;
    }
    if (o.flood && !o.interval) {
      // flood: the next request goes when this one is answered, or after 10 ms at the latest
      // mod_timer(): the wait the last reply cut short is pushed back rather than made anew
      const sched = this.ns.world.sched;
      const parked = this.parkedFlood;
      this.parkedFlood = null;
      this.floodTimer = parked
        ? sched.rearm(parked, sched.now + 10 * MS, this.pingerFn)
        : sched.after(10 * MS, this.pingerFn);
      return;
    }
    this.nextTimer = this.ns.world.sched.after(Math.max(o.interval, 0) * MS || 10 * MS, this.pingerFn);
  }

  private floodNext(): void {
    if (!this.o.flood || this.o.interval || this.done) return;
    const sched = this.ns.world.sched;
    sched.cancel(this.floodTimer);
    this.parkedFlood = this.floodTimer;
    this.floodTimer = null;
    this.pinger();
    this.parkedFlood = null;
  }

  /** schedule_exit(): wait for late replies after the last request. */
  private scheduleExit(): void {
    if (this.exitScheduled || this.o.deadline) return;
    let wait: number;
    if (this.nreceived) {
      wait = 2 * this.tmax;
      if (wait < this.o.interval * MS) wait = this.o.interval * MS;
    } else wait = Math.floor(this.o.timeoutW * 1000) * MS; // lingertime, whole milliseconds
    // a waittime of 0 disarms the alarm: ping waits on until a reply (or Ctrl-C), asking again later
    if (wait <= 0) return;
    this.exitScheduled = true;
    this.exitTimer = this.ns.world.sched.after(wait, () => this.finish());
  }

  /** The request's trace events (raw_sendmsg, its route), out of sendEcho()'s line: the hot path stays
   *  small, so the JIT compiles less and inlines it. */
  private traceSend(rt: Rtable, ip: Uint8Array, id: number, seq: number): void {
    const ns = this.ns;
    ns.world.emit({
      type: 'socket-send',
      ns: ns.name,
      dev: rt.dev.name,
      frameId: id,
      app: 'ping',
      bytes: ip,
      dst: fmtIp4(this.dst),
      seq,
      fn: 'raw_sendmsg',
    });
    ns.world.emit({
      type: 'route',
      ns: ns.name,
      dev: rt.dev.name,
      frameId: id,
      dst: fmtIp4(this.dst),
      src: fmtIp4(rt.saddr),
      via: rt.gw !== null ? fmtIp4(rt.gw) : null,
      purpose: 'output',
      local: !!rt.local,
      bound: !!this.boundDev,
      fn: 'ip_route_output_key_hash_rcu',
    });
  }

  /** sendmsg() failed with `err` (nerrors was `before`): ENOBUFS is tried again later, others are reported. */
  private sendFailed(err: 'EPERM' | 'ENETUNREACH' | 'ENOBUFS', before: number): void {
    const ns = this.ns;
    if (err === 'ENOBUFS') {
      // pinger(): "device queue overflow", the packet was not sent; it is tried again after
      // nores_interval until oom_count * nores_interval reaches lingertime, then reported and counted
      const nores = Math.min(Math.max(Math.floor(this.o.interval / 2), 10), 500);
      this.oomCount++;
      if (this.oomCount * nores < Math.floor(this.o.timeoutW * 1000)) {
        this.ntransmitted--;
        this.retryIn = nores;
        return;
      }
      if (!this.o.quiet) this.print('ping: sendmsg: No buffer space available');
      this.checkDone();
      return;
    }
    // the softirq run as the send returns (local_bh_enable) delivers what it looped back, such as the
    // ICMP error of a REJECT; only then does ping say why sendmsg failed (a plain DROP stays silent)
    this.sending = true;
    ns.world.sched.runUntil(ns.world.now + 2 * BACKLOG_DELAY);
    this.sending = false;
    if (this.nerrors > before && !this.o.quiet) this.print(`ping: sendmsg: ${ERRNO_TEXT[err] ?? err}`);
    // the main loop checks for the end only once pinger() has returned
    this.checkDone();
  }

  private sendEcho(): void {
    const ns = this.ns;
    const seq = ++this.ntransmitted & 0xffff;
    this.lastSend = ns.world.now;
    // past outpack[] (65528 bytes of data and more) iputils sends nothing it could report; checked before
    // the pattern is made, so no size asks for more than an IPv4 datagram can hold
    if (this.o.size >= 65528) return;
    // the pattern is bytes 0, 1, 2, ...; the first 16 hold the send time as a struct timeval
    if (!this.pattern) {
      this.pattern = new Uint8Array(this.o.size);
      for (let i = 0; i < this.pattern.length; i++) this.pattern[i] = i & 0xff;
    }
    const data = this.pattern;
    const now = ns.world.now;
    let dataSum: number | undefined;
    if (data.length >= 16) {
      putU32le(data, 0, Math.floor(now / S));
      putU32le(data, 8, now % S);
      // the checksum's sum over the data: the pattern's (kept, the time's words left out) and the time's
      if (this.patternSum < 0) this.patternSum = echoPatternSum(data);
      dataSum = echoDataSum(data, this.patternSum);
    }
    // raw_sendmsg()'s flowi4 on its stack: one per ping, filled per request (routeOutput() keeps nothing of it)
    const fl = this.flow;
    fl.daddr = this.dst;
    fl.saddr = this.strictSource ? this.source : undefined;
    fl.oif = this.boundDev || undefined;
    const rt = routeOutput(ns, fl);
    if (isRouteError(rt)) {
      // sendto() fails, nothing is on the error queue: ping4_receive_error_msg() returns -1 and the
      // request just counts as sent (pinger()'s hard_local_error prints only after an ICMP error)
      return;
    }
    const icmp = emitEchoRequest(this.ident, seq, data, dataSum);
    // ipv4_mtu() never says more than IP_MAX_MTU
    const mtu = Math.min(routeMtu(rt), 0xffff);
    const total = 20 + icmp.length;
    // ip_append_data(): past IP's 64 KiB, or past the MTU with DF demanded, EMSGSIZE and a local error
    if (total > 0xffff || (this.o.pmtudisc === 'do' && total > mtu)) {
      // ip_append_data() refuses it with EMSGSIZE and queues a local error carrying the MTU
      this.nerrors++;
      if (!this.o.quiet) this.print(`ping: local error: message too long, mtu=${mtu}`);
      this.checkDone();
      return;
    }
    // __ip_make_skb(): DF when demanded, or with "want" on a packet that fits the route
    const df = this.o.pmtudisc === 'do' || (this.o.pmtudisc === 'want' && total <= mtu);
    const ip = emitIpv4Header(
      0,
      ns.world.prng.u32() & 0xffff,
      df,
      this.o.ttl || ns.ipv4.ipDefaultTtl,
      IPPROTO_ICMP,
      rt.saddr,
      this.dst,
      icmp,
    );
    this.sentAt[seq] = now;
    // rcvd_clear(): a reused sequence number is new again
    this.received[seq >> 3] &= ~(1 << (seq & 7));
    const id = ns.world.nextFrameId();
    if (ns.world.trace) this.traceSend(rt, ip, id, seq);
    const before = this.nerrors;
    const err = ipLocalOut(ns, rt, ip, id, true);
    if (err === null) this.oomCount = 0;
    else this.sendFailed(err, before);
  }

  /** rts->timing: the payload has room for a struct timeval */
  private get timing(): boolean {
    return this.o.size >= 16;
  }

  /** pr_addr(): "name (address)" unless numeric. */
  private prAddr(a: number): string {
    if (this.o.numeric) return fmtIp4(a);
    return `${reverseHost(this.ns, a) ?? fmtIp4(a)} (${fmtIp4(a)})`;
  }

  /** rcvd_test(): the reply to `seq` has come */
  private rcvd(seq: number): boolean {
    return (this.received[seq >> 3] & (1 << (seq & 7))) !== 0;
  }

  /** acknowledge(): track the largest number of requests in flight. */
  private acknowledge(seq: number): void {
    const diff = ((this.ntransmitted & 0xffff) - seq) & 0xffff;
    if (diff <= 0x7fff && diff + 1 > this.pipesize) this.pipesize = diff + 1;
  }

  /** The line a reply prints (neither -q nor -f), out of onPacket()'s way. */
  private printReply(
    ip: Uint8Array,
    len: number,
    src: Ip4,
    seq: number,
    trip: number,
    dup: boolean,
    wrongSource: boolean,
  ): void {
    // with fewer than 16 bytes of data there is no timestamp to time the reply by
    const time = this.timing ? ` time=${fmtTriptime(trip)}` : '';
    // a broadcast or multicast ping expects many replies: they are not flagged (unless -v)
    const showDup = dup && (!(this.o.broadcast || isMulticastIp(this.dst)) || this.o.verbose);
    this.print(
      `${len} bytes from ${this.prAddr(src)}: icmp_seq=${seq} ttl=${ipv4Ttl(ip)}${time}${showDup ? ' (DUP!)' : ''}${wrongSource ? ' (DIFFERENT ADDRESS!)' : ''}`,
    );
  }

  /** An ICMP message other than an echo or its reply, seen on the raw socket: an error about a request. */
  private onOtherIcmp(ip: Uint8Array, ihl: number, totalLen: number): void {
    const icmp = parseIcmp(ip, ihl, totalLen - ihl);
    if (icmp?.kind === 'error') {
      const inner = icmp.original;
      const seq = this.quotedSeq(inner);
      if (seq < 0) return;
      if (icmp.type !== ICMP_REDIRECT) {
        // an error about one of our requests, seen on the raw socket itself: acknowledged, not printed
        this.acknowledge(seq);
        return;
      }
      // ping4_parse_reply(): a redirect is not an error; it is printed as it arrives
      if (!this.o.quiet && !this.o.flood)
        this.print(`From ${this.prAddr(ipv4Src(ip))}: icmp_seq=${seq} ${icmpText(icmp.type, icmp.code, icmp.info)}`);
    }
  }

  private onPacket(ip: Uint8Array): void {
    if (this.done) return;
    // ping4_parse_reply() reads the reply in place: the echo reply path builds no object per packet
    if (ip.length < IPV4_HLEN) return;
    const ihl = ipv4HeaderLen(ip);
    const totalLen = ipv4TotalLen(ip);
    if (ip[0] >> 4 !== 4 || ihl < IPV4_HLEN || ip.length < ihl || totalLen < ihl || ip.length < totalLen) return;
    if (totalLen - ihl < 8) return;
    const type = icmpType(ip, ihl);
    if (type === ICMP_ECHO) return;
    if (type === ICMP_ECHOREPLY) {
      // the raw socket's filter checks only the identifier: a broadcast ping hears every host
      if (icmpEchoId(ip, ihl) !== this.ident) return;
      const src = ipv4Src(ip);
      // a broadcast or multicast target is answered by others: no "(DIFFERENT ADDRESS!)"
      const wrongSource = !this.o.broadcast && !isMulticastIp(this.dst) && src !== this.dst;
      const seq = icmpEchoSeq(ip, ihl);
      this.acknowledge(seq);
      const sent = this.sentAt[seq];
      const trip = Number.isNaN(sent) ? 0 : this.ns.world.now - sent;
      const dup = this.rcvd(seq);
      if (dup) this.nrepeats++;
      else {
        this.received[seq >> 3] |= 1 << (seq & 7);
        this.nreceived++;
      }
      this.tsum += trip;
      this.tsum2 += trip * trip;
      if (trip < this.tmin) this.tmin = trip;
      if (trip > this.tmax) this.tmax = trip;
      this.ewma = this.ewma ? this.ewma + trip - this.ewma / 8 : trip * 8;
      if (!this.o.quiet && !this.o.flood) this.printReply(ip, totalLen - ihl, src, seq, trip, dup, wrongSource);
      this.checkDone();
      this.floodNext();
      return;
    }
    this.onOtherIcmp(ip, ihl, totalLen);
  }

  /** The seq of the echo request of ours that an ICMP error quotes, or -1 when it quotes another packet. */
  private quotedSeq(inner: Uint8Array): number {
    const q = quotedIcmpOff(inner);
    if (q < 0 || icmpType(inner, q) !== ICMP_ECHO || icmpEchoId(inner, q) !== this.ident) return -1;
    return icmpEchoSeq(inner, q);
  }

  /** ping4_receive_error_msg(): an ICMP error from the socket's error queue. */
  private onError(e: RawError): void {
    if (this.done) return;
    const seq = this.quotedSeq(e.quoted);
    if (seq < 0) return;
    this.acknowledge(seq);
    this.nerrors++;
    if (!this.o.quiet && !this.o.flood)
      this.print(`From ${this.prAddr(e.offender)} icmp_seq=${seq} ${icmpText(e.type, e.code, e.info)}`);
    this.checkDone();
    this.floodNext();
  }

  private checkDone(): void {
    if (this.sending) return;
    const o = this.o;
    if (o.count && this.nreceived + this.nerrors >= o.count) this.finish();
    else if (o.deadline && this.nerrors) this.finish();
  }

  interrupt(): void {
    if (!this.done) this.finish();
  }

  /** finish(): the statistics. */
  private finish(): void {
    if (this.done) return;
    const elapsed = this.lastSend - this.start;
    if (this.o.flood && !this.o.quiet)
      this.print('.'.repeat(Math.max(0, this.ntransmitted - this.nreceived - this.nerrors)));
    this.print('');
    this.print(`--- ${this.hostname} ping statistics ---`);
    let l = `${this.ntransmitted} packets transmitted, ${this.nreceived} received`;
    if (this.nrepeats) l += `, +${this.nrepeats} duplicates`;
    if (this.nerrors) l += `, +${this.nerrors} errors`;
    if (this.ntransmitted) {
      l += `, ${fmtG(((this.ntransmitted - this.nreceived) * 100) / this.ntransmitted)}% packet loss`;
      l += `, time ${Math.floor((elapsed + 500) / 1000)}ms`;
    }
    this.print(l);
    let last = '';
    let comma = '';
    if (this.nreceived && this.timing) {
      const total = this.nreceived + this.nrepeats;
      const avg = this.tsum / total;
      const mdev = Math.sqrt(Math.max(0, this.tsum2 / total - avg * avg));
      last = `rtt min/avg/max/mdev = ${fmtMs3(this.tmin)}/${fmtMs3(avg)}/${fmtMs3(this.tmax)}/${fmtMs3(mdev)} ms`;
      comma = ', ';
    }
    if (this.pipesize > 1) {
      last += `${comma}pipe ${this.pipesize}`;
      comma = ', ';
    }
    if (this.nreceived && (!this.o.interval || this.o.flood || this.o.adaptive) && this.ntransmitted > 1) {
      const ipg = Math.floor(elapsed / (this.ntransmitted - 1));
      const e = Math.floor(this.ewma);
      last += `${comma}ipg/ewma ${Math.floor(ipg / 1000)}.${String(ipg % 1000).padStart(3, '0')}/${Math.floor(e / 8000)}.${String(Math.floor(e / 8) % 1000).padStart(3, '0')} ms`;
    }
    this.print(last);
    this.exit(this.nreceived ? 0 : 1);
  }

  protected override cleanup(): void {
    for (const t of [this.deadlineTimer, this.nextTimer, this.exitTimer]) this.ns.world.sched.cancel(t);
    this.deadlineTimer = this.nextTimer = this.exitTimer = null;
    this.ns.world.sched.cancel(this.floodTimer);
    this.sock?.close();
  }
}
