// Packet flows: the simulator's trace events laid out as hops on a playback timeline. Each event puts
// its frame somewhere on the diagram (a device, or the stack above one); the frame travels there from
// where it was. A frame's hops follow one another, a new frame starts once what made it is done, and
// what the kernel did at a later microsecond never starts before what it did earlier; nothing else
// holds a hop back: different frames of one microsecond (a flood's copies, ARP flux's replies) travel at
// the same time. Playback time is counted in hops, not in the kernel's microseconds: a veth hop takes 4 µs,
// a ping's next second a pause. Nothing here decides what the network does.
import type { TraceEvent } from '../../sim/index';
import type { EventRef } from '../protocol';
import { frameKind, isBareIp, labelOf, type FrameKind } from './frameKind';
import { causalOrder } from './flowOrder';

/** A place on the diagram: `d|ns|dev` a device, `s|ns|dev` the stack right above it. */
export type LocKey = string;
export const devLoc = (ns: string, dev: string): LocKey => `d|${ns}|${dev}`;
export const stackLoc = (ns: string, dev: string): LocKey => `s|${ns}|${dev}`;
export function parseLoc(k: LocKey): { kind: 'd' | 's'; ns: string; dev: string } {
  const [kind, ns, dev] = k.split('|');
  return { kind: kind as 'd' | 's', ns, dev };
}

/** What the diagram knows of a device: the other end of its wire, and its bridge. */
export interface Topo {
  peer(ns: string, dev: string): { ns: string; name: string } | null;
  master(ns: string, dev: string): string | null;
}

export interface FlowEvent {
  /** stable number of the event (it survives trimming) */
  seq: number;
  e: TraceEvent;
  /** the frame it belongs to (an FDB update is counted with the frame that taught it; 0: none) */
  frame: number;
  ref: EventRef;
  /** where the frame comes from on this hop (null: it stays where it is, or appears) */
  from: LocKey | null;
  to: LocKey;
  /** playback time, in hops */
  start: number;
  dur: number;
  /** when its shape leaves `to`: the next hop from here starts, or it fades */
  visEnd: number;
  parent: number;
  hasChild: boolean;
}

export interface FrameInfo {
  id: number;
  kind: FrameKind;
  /** what its shape says: the kind's name, or for other frames what they are (IGMP, STP...) */
  label: string;
  /** seq of its first event */
  first: number;
  /** seq of its last event so far */
  last: number;
  /** no event of it carried bytes yet: kind and label are a placeholder */
  untyped?: boolean;
}

export const MOVE = 1;
export const STAY = 0.5;
export const LINGER = 1.2;
/** kernel time between two events that makes a new burst (a ping's next second) */
export const GAP_US = 50_000;
export const PAUSE = 0.8;
/** the longest a frame is shown waiting in one place (a packet queued while ARP asks) */
export const MAX_REST = 60;
/** events kept; older ones are trimmed away */
export const MAX_EVENTS = 20_000;

const STACK_TYPES = new Set(['socket-send', 'route', 'neigh', 'deliver', 'arp-reply', 'arp-ignore', 'loopback']);

export class FlowModel {
  /** in the order the kernel reported them (index = seq - base) */
  events: FlowEvent[] = [];
  /** the same events in playback order: by start, then seq */
  timeline: FlowEvent[] = [];
  /** the frames shown: the others' events are kept aside, not laid out */
  private accept: (k: FrameKind) => boolean = () => true;
  private rejected = new Set<number>();
  /** every event received, newest last (bounded), to lay them out again under another filter */
  private raw: TraceEvent[] = [];
  frames = new Map<number, FrameInfo>();
  /** seq of events[0] */
  base = 0;
  /** playback time the last event ends */
  end = 0;
  private byFrame = new Map<number, number[]>();
  /** each frame's latest event at each place (a flood's copies all leave from the bridge's) */
  private byPlace = new Map<number, Map<LocKey, FlowEvent>>();
  private nth = new Map<string, number>();
  private lastAt = new Map<string, number>();
  /** packets queued while ARP asks: shown until their next hop or the end of this burst */
  private waiting = new Set<FlowEvent>();
  /** where the current burst starts: nothing in it starts earlier */
  private burst = 0;
  /** the kernel time of the latest event, and the latest start among events of earlier times */
  private lastTime = -1;
  private timeFloor = 0;
  private maxStart = 0;

  get count(): number {
    return this.events.length;
  }

  bySeq(seq: number): FlowEvent | undefined {
    return this.events[seq - this.base];
  }

  eventsOf(frame: number): FlowEvent[] {
    return (this.byFrame.get(frame) ?? []).map((s) => this.bySeq(s)).filter((x): x is FlowEvent => !!x);
  }

  /** Appends a batch of events (oldest first); none starts before playback time `floor` (what is already shown). */
  add(batch: readonly TraceEvent[], topo: Topo, floor = 0): void {
    const evs = causalOrder(batch, (id) => this.frames.has(id) || this.rejected.has(id));
    for (const e of evs) {
      this.raw.push(e);
      if (this.admit(e)) this.push(e, topo, floor);
    }
    if (this.raw.length > MAX_EVENTS) this.raw = this.raw.slice(-Math.floor(MAX_EVENTS / 2));
    if (this.events.length > MAX_EVENTS) this.trim(Math.floor(MAX_EVENTS / 2), topo);
  }

  /** Shows only the frames of the kinds `accept` takes: everything received is laid out again. */
  refilter(accept: (k: FrameKind) => boolean, topo: Topo): void {
    const raw = this.raw;
    this.clear();
    this.accept = accept;
    this.add(raw, topo);
  }

  /** An event is laid out when its frame is of a kind shown (a frame's kind is known from its first bytes). */
  private admit(e: TraceEvent): boolean {
    const id = e.frameId || this.rawTeacher(e);
    if (!id) return true;
    if (this.rejected.has(id)) return false;
    if (this.frames.has(id) || !('bytes' in e)) return true;
    if (this.accept(frameKind(e.bytes))) return true;
    this.rejected.add(id);
    return false;
  }

  clear(): void {
    const next = this.base + this.events.length;
    this.events = [];
    this.timeline = [];
    this.frames.clear();
    this.byFrame.clear();
    this.byPlace.clear();
    this.nth.clear();
    this.lastAt.clear();
    this.waiting.clear();
    this.rejected.clear();
    this.raw = [];
    this.burst = 0;
    this.lastTime = -1;
    this.timeFloor = 0;
    this.maxStart = 0;
    this.base = next;
    this.end = 0;
  }

  /** Keeps the newest `keep` events, laid out again from playback time 0. */
  private trim(keep: number, topo: Topo): void {
    const kept = this.events.slice(-keep).map((x) => x.e);
    const base = this.base + this.events.length - keep;
    const raw = this.raw;
    const rejected = this.rejected;
    this.clear();
    this.raw = raw;
    this.rejected = rejected;
    this.base = base;
    for (const e of kept) this.push(e, topo);
  }

  /** Index (into timeline) of the last event started at or before `p`; -1 before the first. */
  indexAt(p: number): number {
    return this.search((ev) => ev.start <= p);
  }

  /** Index of an event in the timeline. */
  posOf(ev: FlowEvent): number {
    return this.search((x) => x.start < ev.start || (x.start === ev.start && x.seq <= ev.seq));
  }

  /** The last index of the timeline for which `before` holds (it holds for a prefix). */
  private search(before: (ev: FlowEvent) => boolean): number {
    let lo = 0;
    let hi = this.timeline.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.timeline[mid])) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** The events whose frame is on the diagram at playback time `p` (moving or resting). */
  visibleAt(p: number, out: FlowEvent[] = []): FlowEvent[] {
    out.length = 0;
    for (let k = this.indexAt(p); k >= 0; k--) {
      const ev = this.timeline[k];
      if (ev.start < p - MAX_REST - MOVE) break;
      if (ev.frame && p < ev.visEnd) out.push(ev);
    }
    return out;
  }

  private push(e: TraceEvent, topo: Topo, floor = 0): void {
    const seq = this.base + this.events.length;
    const frame = e.frameId || this.teacher(e);
    const refKey = `${e.time}|${e.type}|${e.ns}|${e.dev}|${e.frameId}`;
    const nth = this.nth.get(refKey) ?? 0;
    this.nth.set(refKey, nth + 1);
    const ref: EventRef = { time: e.time, type: e.type, ns: e.ns, dev: e.dev, frameId: e.frameId, nth };

    const place = this.place(e, frame, topo);
    const prev = this.events[this.events.length - 1];
    let start = floor;
    if (prev && e.time - prev.e.time > GAP_US) {
      // a new burst (the next second of a ping): after a pause, once everything before is over
      this.burst = this.end + PAUSE;
      this.waiting.clear();
    }
    if (e.time !== this.lastTime) {
      this.lastTime = e.time;
      this.timeFloor = this.maxStart;
    }
    start = Math.max(start, this.burst, this.timeFloor);
    const parent = place.parent;
    if (parent) start = Math.max(start, parent.start + parent.dur);
    // a packet ARP held back leaves because of what the kernel just did (the reply came up the stack)
    if (parent && prev && this.waiting.has(parent)) start = Math.max(start, prev.start + prev.dur);
    else start = Math.max(start, this.lastAt.get(`${e.ns}|${e.dev}`) ?? 0); // what made it happen here comes first
    const dur = place.from !== null && place.from !== place.to ? MOVE : STAY;
    const ev: FlowEvent = {
      seq,
      e,
      frame,
      ref,
      from: place.from,
      to: place.to,
      start,
      dur,
      visEnd: start + dur + LINGER,
      parent: parent ? parent.seq : -1,
      hasChild: false,
    };
    if (parent) {
      parent.visEnd = Math.min(parent.hasChild ? Math.max(parent.visEnd, start) : start, parent.start + MAX_REST);
      parent.hasChild = true;
      this.waiting.delete(parent);
    }
    this.events.push(ev);
    this.insert(ev);
    this.end = Math.max(this.end, start + dur);
    this.maxStart = Math.max(this.maxStart, start);
    for (const w of this.waiting) w.visEnd = Math.min(Math.max(w.visEnd, this.end + LINGER), w.start + MAX_REST);
    if (e.type === 'neigh' && e.queued) this.waiting.add(ev);
    this.lastAt.set(`${e.ns}|${e.dev}`, start + dur);
    if (!frame) return;
    const list = this.byFrame.get(frame);
    if (list) list.push(seq);
    else this.byFrame.set(frame, [seq]);
    const places = this.byPlace.get(frame);
    if (places) places.set(ev.to, ev);
    else this.byPlace.set(frame, new Map([[ev.to, ev]]));
    const info = this.frames.get(frame);
    if (info) {
      info.last = seq;
      // its first step carried no bytes (a packet looped over lo): the first that does says what it is
      if (info.untyped && 'bytes' in e) {
        info.kind = frameKind(e.bytes);
        info.label = labelOf(e.bytes, info.kind);
        info.untyped = false;
      }
    } else {
      const kind = 'bytes' in e ? frameKind(e.bytes) : 'other';
      this.frames.set(frame, {
        id: frame,
        kind,
        label: 'bytes' in e ? labelOf(e.bytes, kind) : 'frame',
        first: seq,
        last: seq,
        untyped: !('bytes' in e),
      });
    }
  }

  /** Into the timeline, by start (new events mostly go at or near its end). */
  private insert(ev: FlowEvent): void {
    const t = this.timeline;
    if (!t.length || t[t.length - 1].start <= ev.start) t.push(ev);
    else t.splice(this.indexAt(ev.start) + 1, 0, ev);
  }

  /** The frame an event without one belongs to, among all received (shown or not). */
  private rawTeacher(e: TraceEvent): number {
    for (let k = this.raw.length - 2; k >= 0 && k >= this.raw.length - 17; k--) {
      const x = this.raw[k];
      if (x.time !== e.time) break;
      if (x.ns === e.ns && x.dev === e.dev && x.frameId) return x.frameId;
    }
    return 0;
  }

  /** An FDB update names no frame: it is the one the bridge was just handed, on that port, at that µs. */
  private teacher(e: TraceEvent): number {
    for (let k = this.events.length - 1; k >= 0 && k >= this.events.length - 16; k--) {
      const x = this.events[k].e;
      if (x.time !== e.time) break;
      if (x.ns === e.ns && x.dev === e.dev && x.frameId) return x.frameId;
    }
    return 0;
  }

  private place(
    e: TraceEvent,
    frame: number,
    topo: Topo,
  ): { to: LocKey; from: LocKey | null; parent: FlowEvent | null } {
    const seqs = frame ? (this.byFrame.get(frame) ?? []) : [];
    const latest = (pred: (x: FlowEvent) => boolean): FlowEvent | null => {
      for (let k = seqs.length - 1; k >= 0 && k >= seqs.length - 64; k--) {
        const x = this.bySeq(seqs[k]);
        if (x && pred(x)) return x;
      }
      return null;
    };
    const ns = e.ns;
    // steps that do not move the frame: where it is now in this namespace
    if (e.type === 'fdb-learn' || e.type === 'nat' || e.type === 'drop') {
      const here = latest((x) => x.e.ns === ns);
      return { to: here ? here.to : devLoc(ns, e.dev), from: null, parent: here };
    }
    let to: LocKey;
    if (STACK_TYPES.has(e.type)) to = stackLoc(ns, e.dev);
    else if (e.type === 'br-flood' || e.type === 'br-forward' || e.type === 'br-up') to = devLoc(ns, e.bridge);
    else to = devLoc(ns, e.dev);

    const places = this.byPlace.get(frame);
    const same = places?.get(to);
    if (same) return { to, from: null, parent: same };
    const master = topo.master(ns, e.dev);
    let near: LocKey[];
    if (e.type === 'rx') {
      const p = topo.peer(ns, e.dev);
      near = p ? [devLoc(p.ns, p.name)] : [];
    } else if (e.type === 'xmit') near = master ? [devLoc(ns, master), stackLoc(ns, e.dev)] : [stackLoc(ns, e.dev)];
    else if (e.type === 'br-flood' || e.type === 'br-forward' || e.type === 'br-up') near = [devLoc(ns, e.dev)];
    else near = [];
    let adj: FlowEvent | null = null;
    for (const n of near) adj ??= places?.get(n) ?? null;
    adj ??= latest((x) => x.e.ns === ns) ?? latest(() => true);
    if (adj) return { to, from: adj.to, parent: adj };
    // a frame's first step: a stack sends it down to its device (a port too: the one-way arrow), or it appears
    if (e.type === 'xmit') return { to, from: stackLoc(ns, e.dev), parent: null };
    if (e.type === 'rx') {
      const p = topo.peer(ns, e.dev);
      return { to, from: p ? devLoc(p.ns, p.name) : null, parent: null };
    }
    return { to, from: null, parent: null };
  }
}

/** The bytes of frame `frame` as they were at event `seq`: that event's own, else the latest before it. */
export function bytesAt(m: FlowModel, frame: number, seq: number): { bytes: Uint8Array; l3: boolean } | null {
  let best: Uint8Array | null = null;
  let any: Uint8Array | null = null;
  for (const x of m.eventsOf(frame)) {
    if (!('bytes' in x.e)) continue;
    any ??= x.e.bytes;
    if (x.seq <= seq) best = x.e.bytes;
  }
  const b = best ?? any;
  return b ? { bytes: b, l3: isBareIp(b) } : null;
}
