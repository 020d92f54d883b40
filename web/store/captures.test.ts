// The page keeps what the capture keeps: the last CAPTURE_RING frames, however the updates arrive.
import { describe, expect, it } from 'vitest';
import { Lab, PAIR } from '../../sim/testing/lab';
import { CaptureWatch } from '../worker/captures';
import { CAPTURE_RING } from '../../sim/apps/capture_ring';
import type { Tcpdump } from '../../sim/apps/tcpdump';
import { mergeCapture, type CaptureView } from './captures';

describe('captures in the page', () => {
  it("follow the capture's ring through small updates and one larger than the ring", () => {
    const lab = new Lab(PAIR);
    const watch = new CaptureWatch();
    const { proc } = lab.sh.start('tcpdump -n -e -i ea', () => {}, 'a');
    watch.add(1, 'a#ea', proc);
    let view: Pick<CaptureView, 'frames' | 'lines' | 'first' | 'total'> | undefined;
    const pull = () => {
      for (const u of watch.updates()) view = mergeCapture(view, u);
    };
    pull();
    expect(view).toMatchObject({ frames: [], first: 0, total: 0 });
    // a few frames at a time
    for (let i = 0; i < 5; i++) {
      lab.run('ping -c 2 -i 0.01 -q 192.0.2.2', 'a');
      pull();
    }
    const cap = (proc as Tcpdump).capture!;
    expect(view!.total).toBe(cap.total);
    expect(view!.frames.map((f) => f.time)).toEqual(cap.frames.map((f) => f.time));
    const small = view!.total;
    // then a flood, all in one update: more than the ring keeps
    lab.run('ping -f -q -c 6000 192.0.2.2', 'a');
    pull();
    expect(cap.total).toBeGreaterThan(small + CAPTURE_RING);
    expect(view!.total).toBe(cap.total);
    expect(view!.frames).toHaveLength(CAPTURE_RING);
    expect(view!.first).toBe(cap.total - CAPTURE_RING);
    expect(view!.frames.map((f) => f.time)).toEqual(cap.frames.map((f) => f.time));
    expect(view!.lines).toHaveLength(CAPTURE_RING);
    // and small ones again: the oldest kept frames give way
    lab.run('ping -c 3 -i 0.01 -q 192.0.2.2', 'a');
    pull();
    expect(view!.frames).toHaveLength(CAPTURE_RING);
    expect(view!.first).toBe(cap.total - CAPTURE_RING);
    expect(view!.lines[CAPTURE_RING - 1]).toContain('ICMP echo reply');
    expect(view!.frames.map((f) => f.time)).toEqual(cap.frames.map((f) => f.time));
  });

  it('a rebuilt worker sends the capture again from its start: the page replaces what it had', () => {
    const frame = (time: number) => ({ time, data: new Uint8Array([time]) });
    const u = (from: number, times: number[], total: number) => ({
      id: 1,
      term: 'host',
      ns: 'host',
      dev: 'x',
      running: true,
      from,
      total,
      frames: times.map(frame),
      lines: times.map(String),
    });
    let v = mergeCapture(undefined, u(0, [1, 2, 3, 4], 4), 3);
    expect(v).toMatchObject({ first: 1, total: 4, lines: ['2', '3', '4'] });
    v = mergeCapture(v, u(0, [9], 1), 3);
    expect(v).toMatchObject({ first: 0, total: 1, lines: ['9'] });
    v = mergeCapture(v, u(1, [10, 11], 3), 3);
    expect(v).toMatchObject({ first: 0, total: 3, lines: ['9', '10', '11'] });
  });
});
