// Playback of packet flows: a position on the flow model's timeline (in hops) that moves with real time at
// the chosen speed, and the steps a reader takes through it. Plain TypeScript: the canvas layer ticks it
// every animation frame; React sees a throttled copy of its state in the store.
import type { TraceEvent } from '../../sim/index';
import { FlowModel, LINGER, type FlowEvent, type Topo } from '../model/flow';
import type { FrameKind } from '../model/frameKind';

/** A hop at 1x: long enough to follow with the eye and read its label. */
export const HOP_MS = 700;
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10] as const;
const SYNC_MS = 100;

export interface PlayerState {
  count: number;
  /** seq of the first event kept */
  base: number;
  /** seq of the current event, -1 before the first */
  cursor: number;
  p: number;
  end: number;
  playing: boolean;
  /** playing only to the next step, where it stops (cursor names that step) */
  stepping: boolean;
  speed: number;
  /** caught up with the simulation: the tables show the kernel as it is now */
  live: boolean;
}

export class Player {
  readonly model = new FlowModel();
  p = 0;
  playing = true;
  speed = 1;
  private cursor = -1;
  /** a step in progress: play to here, then pause on this event */
  private target: { p: number; seq: number } | null = null;
  private lastMs: number | null = null;
  private lastSync = 0;
  onChange: ((s: PlayerState) => void) | null = null;

  state(): PlayerState {
    const m = this.model;
    return {
      count: m.count,
      base: m.base,
      cursor: this.cursor,
      p: this.p,
      end: m.end,
      playing: this.playing,
      stepping: this.target !== null,
      speed: this.speed,
      live: this.isLive(),
    };
  }

  isLive(): boolean {
    return this.playing && this.target === null && this.p >= this.model.end;
  }

  add(events: readonly TraceEvent[], topo: Topo): void {
    if (!events.length) return;
    const first = this.model.base + this.model.count;
    // what arrives now is played from here on, never in the part already shown
    this.model.add(events, topo, this.p);
    const m = this.model;
    if (first < m.base) {
      // trimmed: the kept events were laid out again from 0
      this.p = Math.min(this.p, m.end);
      this.cursor = Math.max(this.cursor, m.base - 1);
    }
    this.sync(true);
  }

  /** Shows only the frames of the kinds `accept` takes, laid out again; back to now. */
  refilter(accept: (k: FrameKind) => boolean, topo: Topo): void {
    this.model.refilter(accept, topo);
    this.target = null;
    this.p = this.model.end;
    this.cursor = this.seqBefore(this.p + 1);
    this.playing = true;
    this.sync(true);
  }

  clear(): void {
    this.model.clear();
    this.p = 0;
    this.cursor = this.model.base - 1;
    this.target = null;
    this.playing = true;
    this.sync(true);
  }

  /** Moves the position on by the real time since the last tick; true while something moves. */
  tick(nowMs: number): boolean {
    if (!this.playing) {
      this.lastMs = null;
      return false;
    }
    const dt = this.lastMs === null ? 0 : Math.min(nowMs - this.lastMs, 100);
    this.lastMs = nowMs;
    // caught up, time still passes: the last frames fade out where they ended
    const limit = this.target?.p ?? this.model.end + LINGER;
    const moving = this.p < limit;
    if (moving) this.p = Math.min(limit, this.p + (dt / HOP_MS) * this.speed);
    const t = this.target;
    if (t && this.p >= t.p) {
      this.playing = false;
      this.target = null;
      this.cursor = t.seq;
      this.sync(true);
      return true;
    }
    if (moving && !t) {
      const ev = this.model.bySeq(this.cursor);
      const next = this.seqBefore(this.p);
      const nextEv = this.model.bySeq(next);
      // the cursor only moves on along the timeline while playing
      if (!ev || (nextEv && this.model.posOf(nextEv) > this.model.posOf(ev))) this.cursor = next;
    }
    if (moving) this.sync(false, nowMs);
    return moving;
  }

  play(): void {
    this.target = null;
    this.playing = true;
    this.sync(true);
  }

  pause(): void {
    this.playing = false;
    this.target = null;
    this.sync(true);
  }

  setSpeed(s: number): void {
    this.speed = s;
    this.sync(true);
  }

  /** Back to the kernel as it is now: the end of the flow, playing on as events come. */
  toLive(): void {
    this.target = null;
    this.p = this.model.end;
    this.cursor = this.seqBefore(this.p + 1);
    this.playing = true;
    this.sync(true);
  }

  /** Scrubbing the timeline: jump there and stay. */
  seek(p: number): void {
    this.target = null;
    this.playing = false;
    this.p = Math.max(0, Math.min(p, this.model.end));
    this.cursor = this.seqBefore(this.p);
    this.sync(true);
  }

  /** Shows event `seq` done (its hop over) and stays there. */
  goTo(seq: number): void {
    const ev = this.model.bySeq(seq);
    if (!ev) return;
    this.target = null;
    this.playing = false;
    this.p = ev.start + ev.dur;
    this.cursor = seq;
    this.sync(true);
  }

  /**
   * Which rows of the event list a step visits (the list's own filter: a place, hops only); null: all.
   * Steps go through the list in its order, the kernel's, not through the timeline: there, different
   * frames of one µs overlap, and walking it one start after another skipped and repeated rows.
   */
  private stepsOf: ((ev: FlowEvent) => boolean) | null = null;

  setStepFilter(f: ((ev: FlowEvent) => boolean) | null): void {
    this.stepsOf = f;
  }

  /** The event a step leaves from: the one being stepped to, else the current one (base-1 before the first). */
  private at(): number {
    return this.target?.seq ?? this.cursor;
  }

  /** The next event of the list after seq `from` in direction `dir`, among those steps visit; null at an end. */
  private nextInList(from: number, dir: 1 | -1, ok: (ev: FlowEvent) => boolean = () => true): FlowEvent | null {
    const m = this.model;
    const first = m.base;
    const last = m.base + m.count - 1;
    for (let s = Math.max(first - 1, Math.min(from, last + 1)) + dir; s >= first && s <= last; s += dir) {
      const ev = m.bySeq(s)!;
      if ((!this.stepsOf || this.stepsOf(ev)) && ok(ev)) return ev;
    }
    return null;
  }

  /**
   * One event on (its hop played) or back (shown at once), in the event list's order. Pressed while
   * playing, it pauses first; pressed while a step still plays, that step is done at once.
   */
  stepEvent(dir: 1 | -1): void {
    if (!this.model.count) return;
    const ev = this.nextInList(this.at(), dir);
    if (!ev) return this.stay();
    if (dir < 0) return this.goTo(ev.seq);
    this.playTo(ev.seq);
  }

  /** To the next frame's first step (played), or back to the previous frame's first step, in list order. */
  stepFrame(dir: 1 | -1): void {
    const m = this.model;
    if (!m.count) return;
    const from = this.at();
    const frame = m.bySeq(from)?.frame ?? 0;
    const isBirth = (ev: FlowEvent) => ev.frame !== 0 && ev.frame !== frame && m.frames.get(ev.frame)?.first === ev.seq;
    const ev =
      this.nextInList(from, dir, isBirth) ?? this.nextInList(dir > 0 ? m.base + m.count : m.base - 1, -dir as 1 | -1);
    if (!ev || ev.seq === from) return this.stay();
    if (dir < 0) return this.goTo(ev.seq);
    this.playTo(ev.seq);
  }

  /** At an end of the list: a step in progress is finished, playing stops. */
  private stay(): void {
    const t = this.target;
    if (t) return this.goTo(t.seq);
    if (this.playing) this.pause();
  }

  /** Plays event `seq`'s hop and stops when it is done; the position at rest is always the event's end. */
  private playTo(seq: number): void {
    const ev = this.model.bySeq(seq);
    if (!ev) return;
    const end = ev.start + ev.dur;
    // a hop that started with an earlier one (or one before the position): shown done at once
    if (end <= this.p) return this.goTo(seq);
    this.p = Math.max(this.p, ev.start);
    this.target = { p: end, seq };
    this.playing = true;
    this.lastMs = null;
    this.cursor = seq;
    this.sync(true);
  }

  /** The event that started last before `p` (the one whose hop is under way or just done). */
  private seqBefore(p: number): number {
    const i = this.model.indexAt(p - 1e-9);
    return i < 0 ? this.model.base - 1 : this.model.timeline[i].seq;
  }

  private sync(now: boolean, nowMs = 0): void {
    if (!this.onChange) return;
    if (!now && nowMs - this.lastSync < SYNC_MS) return;
    this.lastSync = nowMs;
    this.onChange(this.state());
  }
}

/** The page's one player (the store and the canvas layer share it). */
export const player = new Player();
