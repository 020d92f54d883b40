// The tcpdump processes the terminals started, watched so the page can show what each captured as
// `tcpdump -n -e` prints it and save it as a pcap file. Reads the capture; never changes it.
import { type Proc, Tcpdump, fmtClock, formatFrame } from '../../sim/runtime';
import type { CaptureUpdate, TermId } from '../protocol';

interface Watched {
  id: number;
  term: TermId;
  proc: Tcpdump;
  /** frames already sent */
  sent: number;
  running: boolean;
  announced: boolean;
}

/** One line of `tcpdump -n -e`: the time of day the capture saw the frame, then the frame. */
export const captureLine = (time: number, data: Uint8Array) => `${fmtClock(time)} ${formatFrame(data, true)}`;

export class CaptureWatch {
  private watched: Watched[] = [];

  /** A process a terminal started: watched when it is a tcpdump that opened its device. */
  add(id: number, term: TermId, proc: Proc | null): void {
    if (!(proc instanceof Tcpdump) || !proc.capture) return;
    this.watched.push({ id, term, proc, sent: 0, running: !proc.done, announced: false });
  }

  clear(): void {
    this.watched = [];
  }

  /** What changed since the last call: new frames, and captures that stopped. */
  updates(): CaptureUpdate[] {
    const out: CaptureUpdate[] = [];
    for (const w of this.watched) {
      const cap = w.proc.capture!;
      const running = !w.proc.done;
      // what the ring still keeps of the frames since the last update (a storm may have outrun it)
      const { first, frames: fresh } = cap.since(w.sent);
      if (!fresh.length && running === w.running && w.announced) continue;
      out.push({
        id: w.id,
        term: w.term,
        ns: cap.dev.ns.name,
        dev: cap.dev.name,
        running,
        from: first,
        total: cap.total,
        frames: fresh.map((f) => ({ time: f.time, data: f.data })),
        lines: fresh.map((f) => captureLine(f.time, f.data)),
      });
      w.sent = cap.total;
      w.running = running;
      w.announced = true;
    }
    this.watched = this.watched.filter((w) => w.running);
    return out;
  }
}
