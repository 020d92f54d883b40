// A stopped playback position, named so that a replay of the same log finds it again: the event under
// the cursor by its kernel time, frame, type and place (and which of several alike it was), plus the
// virtual time the flow started at, from which the worker re-sends the replay's events.
import type { TraceEvent } from '../../sim/index';
import type { FlowModel } from '../model/flow';
import type { PlayerState } from './player';

export interface FlowPosition {
  /** virtual µs of the first event the flow held */
  from: number;
  time: number;
  frame: number;
  type: string;
  ns: string;
  dev: string;
  /** how many events with this same key came before it */
  nth: number;
  speed: number;
}

const alike = (a: TraceEvent, p: Pick<FlowPosition, 'time' | 'frame' | 'type' | 'ns' | 'dev'>) =>
  a.time === p.time && a.frameId === p.frame && a.type === p.type && a.ns === p.ns && a.dev === p.dev;

/** Where the reader stopped (or is stepping to); undefined while the flow plays on or is empty. */
export function positionOf(m: FlowModel, st: PlayerState): FlowPosition | undefined {
  if (st.playing && !st.stepping) return undefined;
  const ev = m.bySeq(st.cursor);
  const first = m.events[0];
  if (!ev || !first) return undefined;
  const e = ev.e;
  const key = { time: e.time, frame: e.frameId, type: e.type, ns: e.ns, dev: e.dev };
  let nth = 0;
  for (let i = 0; i < ev.seq - m.base; i++) if (alike(m.events[i].e, key)) nth++;
  return { from: first.e.time, ...key, nth, speed: st.speed };
}

/** The seq of the event a position names in a flow rebuilt by replay, or null when it is not there. */
export function findPosition(m: FlowModel, p: FlowPosition): number | null {
  let nth = 0;
  let found: number | null = null;
  for (const ev of m.events) {
    if (!alike(ev.e, p)) continue;
    found = ev.seq;
    if (nth++ === p.nth) break;
  }
  return found;
}
