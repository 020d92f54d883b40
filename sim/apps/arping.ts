// iputils arping (arping.c, 20221126): an ETH_P_ARP packet socket on one device; broadcast requests
// (target hardware ff:ff:ff:ff:ff:ff) until a reply, then unicast to the replier.
import { type Ip4, type Mac, ANY, BCAST_MAC, fmtIp4, fmtMac, parseIp4 } from '../core/addr';
import { ARPOP_REPLY, ARPOP_REQUEST, emitArp, parseArp } from '../wire/arp';
import { ETH_HLEN, ETH_P_ARP, emitEthernet } from '../wire/ethernet';
import type { Timer } from '../core/scheduler';
import { devQueueXmit } from '../net/dev';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import type { PacketSocket } from '../net/packet_socket';
import { type Skb, allocSkb } from '../net/skb';
import { addrType, isRouteError, routeOutput } from '../ipv4/route';
import { ERRNO_TEXT, Proc, parseFloatStrict, parseIntStrict } from './proc';
import { resolveHost, unresolvedText } from './resolve';
import { ARPING_USAGE } from './arping_usage';
import { getopt } from './getopt';

const S = 1_000_000;

/** inet_bind(): an address of this host, a broadcast or a multicast one (ip_nonlocal_bind is 0). */
function canBind(ns: Netns, a: Ip4): boolean {
  const t = addrType(ns, a);
  return a === 0 || t === 'local' || t === 'broadcast' || t === 'multicast';
}

export class Arping extends Proc implements PacketSocket {
  readonly protocol = ETH_P_ARP;
  dev: NetDevice | null = null;
  private count = -1;
  private deadline = 0;
  private interval = 1;
  private quiet = false;
  private quitOnReply = false;
  private broadcastOnly = false;
  /** -D duplicate address detection, -U unsolicited request, -A unsolicited reply */
  private dad = false;
  private unsolicited = false;
  private advert = false;
  private target: Ip4 = ANY;
  private source: Ip4 = ANY;
  /** -s given: the source is the user's, even 0.0.0.0 */
  private sourceGiven = false;
  private sent = 0;
  private brdSent = 0;
  private received = 0;
  private brdRecv = 0;
  private reqRecv = 0;
  private he: Mac = BCAST_MAC;
  private start = 0;
  private lastSend = 0;
  private timers: Timer[] = [];

  constructor(ns: Netns, argv: string[], sink: (line: string) => void) {
    super(ns, sink);
    if (!this.parse(argv.slice(1))) return;
    this.begin();
  }

  private fail(lines: string[], code = 2): false {
    for (const l of lines) this.print(l);
    this.exit(code);
    return false;
  }

  private parse(argv: string[]): boolean {
    let devName: string | null = null;
    let src: string | null = null;
    const rest: string[] = [];
    const g = getopt(argv, 'cwiIs');
    if (!g.ok) return this.fail([`arping: option requires an argument -- '${g.missing}'`, '', ...ARPING_USAGE]);
    rest.push(...g.rest);
    for (const { c, val: v } of g.opts) {
      switch (c) {
        case 'c': {
          const n = parseIntStrict(v);
          if (n === undefined) return this.fail([`arping: invalid argument: '${v}'`]);
          this.count = n;
          break;
        }
        case 'w': {
          const n = parseFloatStrict(v);
          if (n === undefined) return this.fail([`arping: invalid argument: '${v}'`]);
          this.deadline = n;
          break;
        }
        case 'i': {
          const n = parseFloatStrict(v);
          if (n === undefined) return this.fail([`arping: invalid argument: '${v}'`]);
          this.interval = n;
          break;
        }
        case 'I':
          devName = v;
          break;
        case 's':
          src = v;
          break;
        case 'q':
          this.quiet = true;
          break;
        case 'f':
          this.quitOnReply = true;
          break;
        case 'b':
          this.broadcastOnly = true;
          break;
        case 'D':
          this.dad = true;
          this.quitOnReply = true;
          break;
        case 'U':
          this.unsolicited = true;
          break;
        case 'A':
          this.advert = true;
          this.unsolicited = true;
          break;
        case 'V':
          return this.fail(
            [
              'arping from iputils 20221126',
              'libcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes',
            ],
            0,
          );
        case 'h':
          return this.fail(['', ...ARPING_USAGE]);
        default:
          return this.fail([`arping: invalid option -- '${c}'`, '', ...ARPING_USAGE]);
      }
    }
    if (rest.length !== 1) return this.fail(['', ...ARPING_USAGE]);
    const ns = this.ns;
    // the target is resolved before the device is looked at
    const t = parseIp4(rest[0]) ?? resolveHost(ns, rest[0]);
    if (t === undefined) return this.fail([`arping: ${rest[0]}: ${unresolvedText(ns)}`]);
    if (devName === null) {
      // guess_device(): RTM_GETROUTE names the device the route leaves through (lo for a local
      // address); netlink_query() answers a failed lookup with its own words and exit(1)
      const rt = routeOutput(ns, { daddr: t });
      if (isRouteError(rt)) return this.fail(['arping: NETLINK_ROUTE unexpected iov element'], 1);
      devName = rt.dev.name;
    }
    const dev = ns.dev(devName);
    if (!dev) return this.fail([`arping: Device ${devName} not available.`]);
    // check_ifflags(): said on stdout without the program's name, and not at all with -q
    if (!dev.up) return this.fail(this.quiet ? [] : [`Interface "${devName}" is down`]);
    if (dev.flagsNoArp || dev.isLoopback)
      return this.fail(this.quiet ? [] : [`Interface "${devName}" is not ARPable`], this.dad ? 0 : 2);
    this.dev = dev;
    this.sourceGiven = src !== null;
    this.target = t;
    if (this.dad) {
      this.source = ANY;
    } else if (this.unsolicited && src === null) {
      // the probe socket is bound to the target itself: inet_bind() wants an address of this host
      if (!canBind(ns, t)) return this.fail(['arping: bind: Cannot assign requested address']);
      this.source = t;
    } else if (src !== null) {
      const s = parseIp4(src);
      if (s === undefined) return this.fail([`arping: invalid source ${src}`]);
      if (!canBind(ns, s)) return this.fail(['arping: bind: Cannot assign requested address']);
      this.source = s;
    } else {
      const rt = routeOutput(ns, { daddr: t, oif: dev.ifindex });
      if (isRouteError(rt)) return this.fail([`arping: connect: ${ERRNO_TEXT[rt.error] ?? rt.error}`]);
      this.source = rt.saddr;
    }
    return true;
  }

  private begin(): void {
    const dev = this.dev!;
    dev.ptypeSpecific.push(this);
    if (!this.quiet) this.print(`ARPING ${fmtIp4(this.target)} from ${fmtIp4(this.source)} ${dev.name}`);
    // the route to the target gave no source address (the device has none to offer)
    if (!this.sourceGiven && this.source === ANY && !this.dad) {
      this.print('arping: no source address in not-DAD mode');
      return this.exit(2);
    }
    this.start = this.ns.world.now;
    this.tick();
  }

  /** The interval timer: stop when all probes are out, send, stop at the deadline. */
  private tick(): void {
    if (this.done) return;
    if (this.count > 0 && this.sent >= this.count) return this.finish();
    this.sendPack();
    if (this.deadline && this.ns.world.now - this.start >= this.deadline * S) return this.finish();
    this.timers.push(this.ns.world.sched.after(Math.max(1, Math.round(this.interval * S)), () => this.tick()));
  }

  private sendPack(): void {
    const dev = this.dev!;
    const body = emitArp({
      op: this.advert ? ARPOP_REPLY : ARPOP_REQUEST,
      sha: dev.mac,
      sip: this.source,
      tha: this.advert ? dev.mac : this.he,
      tip: this.target,
    });
    const data = emitEthernet({ dst: this.he, src: dev.mac, ethertype: ETH_P_ARP }, body);
    this.lastSend = this.ns.world.now;
    this.sent++;
    if (this.he === BCAST_MAC) this.brdSent++;
    const id = this.ns.world.nextFrameId();
    if (this.ns.world.trace)
      this.ns.world.emit({
        type: 'socket-send',
        ns: this.ns.name,
        dev: dev.name,
        frameId: id,
        app: 'arping',
        bytes: data,
        dst: fmtIp4(this.target),
        fn: 'packet_sendmsg',
      });
    devQueueXmit(allocSkb(data, dev, 'outgoing', id));
  }

  /** recv_pack() */
  deliver(skb: Skb): void {
    if (this.done) return;
    if (skb.pktType !== 'host' && skb.pktType !== 'broadcast' && skb.pktType !== 'multicast') return;
    const a = parseArp(skb.data, ETH_HLEN);
    if (!a || (a.op !== ARPOP_REQUEST && a.op !== ARPOP_REPLY)) return;
    if (this.dad) {
      if (a.sip !== this.target || a.sha === this.dev!.mac) return;
    } else if (a.sip !== this.target || a.tip !== this.source || a.tha !== this.dev!.mac) return;
    if (!this.quiet) {
      const us = this.ns.world.now - this.lastSend;
      let msecs = Math.floor((us + 500) / 1000);
      let rem = us - (msecs * 1000 - 500);
      if (rem < 0) {
        msecs -= 1;
        rem += 1000;
      }
      const kind = skb.pktType === 'host' ? 'Unicast' : 'Broadcast';
      this.print(
        `${kind} ${a.op === ARPOP_REPLY ? 'reply' : 'request'} from ${fmtIp4(a.sip)} [${fmtMac(a.sha, true)}]  ${msecs}.${String(rem).padStart(3, '0')}ms`,
      );
    }
    this.received++;
    if (a.op === ARPOP_REQUEST) this.reqRecv++;
    if (skb.pktType !== 'host') this.brdRecv++;
    if (!this.broadcastOnly) this.he = a.sha;
    if (this.quitOnReply || (this.deadline && this.count > 0 && this.received >= this.count)) this.finish();
  }

  interrupt(): void {
    this.finish();
  }

  private finish(): void {
    if (this.done) return;
    // -q: not even the summary
    if (this.quiet) return this.exit(this.unsolicited ? 0 : this.dad ? (this.received ? 1 : 0) : this.received ? 0 : 1);
    this.print(`Sent ${this.sent} probes (${this.brdSent} broadcast(s))`);
    let l = `Received ${this.received} response(s)`;
    if (this.brdRecv || this.reqRecv) {
      const parts: string[] = [];
      if (this.reqRecv) parts.push(`${this.reqRecv} request(s)`);
      if (this.brdRecv) parts.push(`${this.brdRecv} broadcast(s)`);
      l += ` (${parts.join(', ')})`;
    }
    this.print(l);
    this.exit(this.unsolicited ? 0 : this.dad ? (this.received ? 1 : 0) : this.received ? 0 : 1);
  }

  protected override cleanup(): void {
    for (const t of this.timers) this.ns.world.sched.cancel(t);
    if (this.dev) this.dev.ptypeSpecific = this.dev.ptypeSpecific.filter((s) => s !== this);
  }
}
