// The neighbour table and its state machine (net/core/neighbour.c): __neigh_event_send, neigh_update,
// neigh_timer_handler, neigh_invalidate, neigh_flush_dev. Times are virtual microseconds.
import { type Ip4, type Mac, mac } from '../core/addr';
import type { Timer } from '../core/scheduler';
import type { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { TRUESIZE_PER_SKB } from './neigh_parms';
import { addrType } from './route';
import { timerWheelExpiry } from '../core/timer_wheel';

export type NudState =
  | 'NONE'
  | 'INCOMPLETE'
  | 'REACHABLE'
  | 'STALE'
  | 'DELAY'
  | 'PROBE'
  | 'FAILED'
  | 'NOARP'
  | 'PERMANENT';

const VALID = new Set<NudState>(['PERMANENT', 'NOARP', 'REACHABLE', 'PROBE', 'STALE', 'DELAY']);
const CONNECTED = new Set<NudState>(['PERMANENT', 'NOARP', 'REACHABLE']);
const IN_TIMER = new Set<NudState>(['INCOMPLETE', 'REACHABLE', 'DELAY', 'PROBE']);
export const nudValid = (s: NudState) => VALID.has(s);
export const nudConnected = (s: NudState) => CONNECTED.has(s);

/** A queued packet: the IP packet (no link header yet) and how to finish sending it. */
export interface QueuedPacket {
  /** IPv4 packet bytes */
  ip: Uint8Array;
  /** the skb metadata when it came from the stack */
  id: number;
  /** set for forwarded packets: the device they came in on */
  inputIif?: number;
  /** br_netfilter's bridged DNAT (nf_bridge->bridged_dnat): once resolved the frame goes on being
   *  bridged with this destination MAC, instead of leaving through the neighbour's device */
  bridged?: (ha: Mac) => void;
}

export interface Neighbour {
  key: Ip4;
  dev: NetDevice;
  state: NudState;
  ha: Mac | null;
  /** jiffies-like stamps in µs */
  updated: number;
  confirmed: number;
  used: number;
  probes: number;
  timer: Timer | null;
  arpQueue: QueuedPacket[];
  isRouter: boolean;
  externLearn: boolean;
  dead: boolean;
  /** the cached hardware header (hh_cache): once set, connected entries send without touching `used` */
  hh: boolean;
}

export const NEIGH_UPDATE_F_OVERRIDE = 1;
export const NEIGH_UPDATE_F_WEAK_OVERRIDE = 2;
export const NEIGH_UPDATE_F_ADMIN = 4;

/** What the table calls back into the protocol (struct neigh_ops for ARP). */
export interface NeighOps {
  solicit(n: Neighbour, last: QueuedPacket | undefined): void;
  errorReport(n: Neighbour, p: QueuedPacket): void;
  /** neigh->output once the entry is valid: send the queued packet with n->ha */
  output(n: Neighbour, p: QueuedPacket): void;
}

const MS = 1000;

export class NeighTable {
  private ns: Netns;
  entries = new Map<number, Neighbour>();
  ops!: NeighOps;

  constructor(ns: Netns) {
    this.ns = ns;
  }

  private get now(): number {
    return this.ns.world.sched.now;
  }

  /** the hash key (neigh_hash: the address and the device): one number, no string per lookup */
  static keyOf(dev: NetDevice, ip: number): number {
    return dev.ifindex * 0x100000000 + (ip >>> 0);
  }

  lookup(ip: Ip4, dev: NetDevice): Neighbour | undefined {
    return this.entries.get(NeighTable.keyOf(dev, ip));
  }

  /**
   * __neigh_create() -> arp_constructor(): a new entry in NUD_NONE; multicast addresses (arp_mc_map),
   * NOARP and loopback devices (their own address), broadcasts and point-to-point devices (the
   * device's broadcast address) get NUD_NOARP at once.
   */
  create(ip: Ip4, dev: NetDevice): Neighbour {
    const old = this.lookup(ip, dev);
    if (old) return old;
    const now = this.now;
    // the local table's type of the key, whichever device its route names (measured on 6.18: the
    // broadcast address of another device's subnet gets a NOARP entry on this one)
    const type = addrType(this.ns, ip);
    const multicast = type === 'multicast';
    const own = dev.flagsNoArp || dev.isLoopback;
    const bcast = type === 'broadcast';
    const n: Neighbour = {
      key: ip,
      dev,
      state: multicast || own || bcast ? 'NOARP' : 'NONE',
      ha: multicast ? mac(0x01005e000000 + (ip & 0x7fffff)) : own ? dev.mac : bcast ? dev.broadcast : null,
      updated: now,
      confirmed: now - dev.neighParms.v.baseReachableMs * MS * 2,
      used: now,
      probes: 0,
      timer: null,
      arpQueue: [],
      isRouter: false,
      externLearn: false,
      dead: false,
      hh: false,
    };
    this.entries.set(NeighTable.keyOf(dev, ip), n);
    return n;
  }

  private delTimer(n: Neighbour): void {
    if (n.timer) {
      this.ns.world.sched.cancel(n.timer);
      n.timer = null;
    }
  }

  /** neigh_add_timer(): mod_timer() on the timer wheel, which never fires early and often later */
  private addTimer(n: Neighbour, at: number): void {
    this.delTimer(n);
    n.timer = this.ns.world.sched.at(timerWheelExpiry(this.now, at), () => {
      n.timer = null;
      this.timerHandler(n);
    });
  }

  private maxProbes(n: Neighbour): number {
    const v = n.dev.neighParms.v;
    return v.ucastProbes + v.appProbes + (n.state === 'PROBE' ? v.mcastReprobes : v.mcastProbes);
  }

  /** neigh_event_send()'s first answer, for an entry that goes at once (nothing to queue): true as
   *  eventSend() would return it, with its side effect (n->used); false when eventSend() must decide. */
  eventSendReady(n: Neighbour): boolean {
    const st = n.state;
    // neigh_output(): a connected entry with a cached header goes out without neigh_event_send()
    if (n.hh && (st === 'PERMANENT' || st === 'NOARP' || st === 'REACHABLE')) return true;
    n.used = this.now;
    return st === 'REACHABLE' || st === 'PERMANENT' || st === 'NOARP' || st === 'DELAY' || st === 'PROBE';
  }

  /**
   * neigh_event_send(): true when the packet may go now with n.ha; false when it was queued (or dropped)
   * while the address is resolved.
   */
  eventSend(n: Neighbour, p: QueuedPacket | null): boolean {
    if (this.eventSendReady(n)) return true;
    const now = this.now;
    if (n.dead) return false;
    const v = n.dev.neighParms.v;
    let immediateProbe = false;
    if (n.state !== 'STALE' && n.state !== 'INCOMPLETE') {
      if (v.mcastProbes + v.appProbes) {
        n.probes = v.ucastProbes;
        n.state = 'INCOMPLETE';
        n.updated = now;
        immediateProbe = true;
        this.addTimer(n, now + Math.max(v.retransMs, 10) * MS);
      } else {
        n.state = 'FAILED';
        n.updated = now;
        return false;
      }
    } else if (n.state === 'STALE') {
      n.state = 'DELAY';
      n.updated = now;
      this.addTimer(n, now + v.delayProbeMs * MS);
    }
    let sendNow = true;
    if (n.state === 'INCOMPLETE') {
      if (p) {
        const maxq = Math.max(1, Math.floor(v.queueLenBytes / TRUESIZE_PER_SKB));
        while (n.arpQueue.length >= maxq) n.arpQueue.shift();
        n.arpQueue.push(p);
      }
      sendNow = false;
    }
    if (immediateProbe) this.probe(n);
    // neigh_resolve_output(): a packet that goes out initialises the header cache
    if (sendNow) n.hh = true;
    return sendNow;
  }

  /** neigh_probe() */
  private probe(n: Neighbour): void {
    const last = n.arpQueue[n.arpQueue.length - 1];
    this.ops.solicit(n, last);
    n.probes++;
  }

  /** neigh_timer_handler() */
  private timerHandler(n: Neighbour): void {
    const now = this.now;
    const v = n.dev.neighParms.v;
    const reach = n.dev.neighParms.reachableMs * MS;
    let next = now + 1000 * MS;
    if (!IN_TIMER.has(n.state)) return;
    if (n.state === 'REACHABLE') {
      if (now <= n.confirmed + reach) {
        next = n.confirmed + reach;
      } else if (now <= n.used + v.delayProbeMs * MS) {
        n.state = 'DELAY';
        n.updated = now;
        next = now + v.delayProbeMs * MS;
      } else {
        n.state = 'STALE';
        n.updated = now;
      }
    } else if (n.state === 'DELAY') {
      if (now <= n.confirmed + v.delayProbeMs * MS) {
        n.state = 'REACHABLE';
        n.updated = now;
        next = n.confirmed + reach;
      } else {
        n.state = 'PROBE';
        n.updated = now;
        n.probes = 0;
        next = now + Math.max(v.retransMs, 10) * MS;
      }
    } else {
      next = now + Math.max(v.retransMs, 10) * MS;
    }
    if ((n.state === 'INCOMPLETE' || n.state === 'PROBE') && n.probes >= this.maxProbes(n)) {
      n.state = 'FAILED';
      this.invalidate(n);
      return;
    }
    if (IN_TIMER.has(n.state)) {
      if (next < now + 10 * MS) next = now + 10 * MS;
      this.addTimer(n, next);
    }
    if (n.state === 'INCOMPLETE' || n.state === 'PROBE') this.probe(n);
  }

  /** neigh_invalidate(): report every queued packet as unreachable. */
  private invalidate(n: Neighbour): void {
    n.updated = this.now;
    while (n.state === 'FAILED' && n.arpQueue.length) {
      const p = n.arpQueue.shift()!;
      if (!p.bridged) this.ops.errorReport(n, p);
    }
    n.arpQueue = [];
  }

  /** __neigh_update() */
  update(n: Neighbour, lladdr: Mac | null, newState: NudState, flags: number): void {
    const now = this.now;
    const old = n.state;
    if (n.dead) return;
    if (!(flags & NEIGH_UPDATE_F_ADMIN) && (old === 'NOARP' || old === 'PERMANENT')) return;
    if (!VALID.has(newState)) {
      this.delTimer(n);
      n.state = newState;
      if ((old === 'INCOMPLETE' || old === 'PROBE') && newState === 'FAILED') this.invalidate(n);
      return;
    }
    let ll: Mac | null;
    if (lladdr !== null) {
      ll = lladdr;
    } else {
      if (!VALID.has(old)) return;
      ll = n.ha;
    }
    if (CONNECTED.has(newState)) n.confirmed = now;
    if (VALID.has(old)) {
      if (ll !== n.ha && !(flags & NEIGH_UPDATE_F_OVERRIDE)) {
        if (flags & NEIGH_UPDATE_F_WEAK_OVERRIDE && CONNECTED.has(old)) {
          ll = n.ha;
          newState = 'STALE';
        } else return;
      } else if (ll === n.ha && newState === 'STALE' && !(flags & NEIGH_UPDATE_F_ADMIN)) {
        newState = old;
      }
    }
    if (newState !== old || ll !== n.ha) n.updated = now;
    if (newState !== old) {
      this.delTimer(n);
      if (newState === 'PROBE') n.probes = 0;
      if (IN_TIMER.has(newState))
        this.addTimer(n, now + (newState === 'REACHABLE' ? n.dev.neighParms.reachableMs * MS : 0));
      n.state = newState;
    }
    if (ll !== n.ha) {
      n.ha = ll;
      if (!CONNECTED.has(newState)) n.confirmed = now - n.dev.neighParms.v.baseReachableMs * MS * 2;
    }
    if (newState === old) return;
    if (!VALID.has(old)) {
      while (VALID.has(n.state) && n.arpQueue.length) {
        const p = n.arpQueue.shift()!;
        if (p.bridged) p.bridged(n.ha!);
        // n1->output(): neigh_connected_output() for a connected entry, else neigh_resolve_output(),
        // whose neigh_event_send() moves a STALE entry to DELAY
        else if (CONNECTED.has(n.state) || this.eventSend(n, null)) this.ops.output(n, p);
      }
      n.arpQueue = [];
    }
  }

  /** neigh_flush_dev(): drop a device's entries (all of them on ifdown; not permanent ones on carrier loss). */
  flushDev(dev: NetDevice, skipPerm: boolean): void {
    for (const [k, n] of this.entries) {
      if (n.dev !== dev) continue;
      if (skipPerm && n.state === 'PERMANENT') continue;
      this.delTimer(n);
      n.arpQueue = [];
      n.dead = true;
      this.entries.delete(k);
    }
  }

  remove(n: Neighbour): void {
    this.delTimer(n);
    n.arpQueue = [];
    n.dead = true;
    this.entries.delete(NeighTable.keyOf(n.dev, n.key));
  }

  /** Re-key a device's entries after its ifindex changed (namespace move flushes them anyway). */
  list(): Neighbour[] {
    return [...this.entries.values()];
  }
}
