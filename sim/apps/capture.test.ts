// A capture keeps the last CAPTURE_RING frames (a ring, as Wireshark's ring buffer), counts them all, and
// the pcap file holds what is kept.
import { describe, expect, it } from 'vitest';
import { Lab, PAIR } from '../testing/lab';
import { CAPTURE_RING, Capture } from './capture';
import { readPcap, writePcap } from '../wire/pcap';

describe('a capture', () => {
  it('keeps the latest frames of a flood in order, counts every one, and writes the pcap from the kept ones', () => {
    const lab = new Lab(PAIR);
    const all: number[] = [];
    const c = new Capture(lab.world.netns('b')!.dev('eb')!, { promisc: false, filter: () => true });
    c.onFrame = (f) => all.push(f.id);
    c.start();
    const out = lab.run('ping -f -q -c 6000 192.0.2.2', 'a');
    expect(out.join('\n')).toContain('6000 packets transmitted, 6000 received');
    c.stop();
    // each request and its reply, and the ARP exchange before them
    expect(c.total).toBe(all.length);
    expect(c.total).toBeGreaterThan(12_000);
    const kept = c.frames;
    expect(kept).toHaveLength(CAPTURE_RING);
    expect(kept.map((f) => f.id)).toEqual(all.slice(-CAPTURE_RING));
    expect(kept.every((f, i) => i === 0 || f.time >= kept[i - 1].time)).toBe(true);
    // from a frame number on: what is still kept of them, and where that starts
    const part = c.since(c.total - 3);
    expect(part.first).toBe(c.total - 3);
    expect(part.frames.map((f) => f.id)).toEqual(all.slice(-3));
    const lost = c.since(5);
    expect(lost.first).toBe(c.total - CAPTURE_RING);
    expect(lost.frames).toHaveLength(CAPTURE_RING);
    expect(c.since(c.total)).toEqual({ first: c.total, frames: [] });
    const back = readPcap(writePcap(kept));
    if ('error' in back) throw new Error(back.error);
    expect(back).toHaveLength(CAPTURE_RING);
    expect(back.map((f) => f.time)).toEqual(kept.map((f) => f.time));
    expect(Array.from(back[back.length - 1].data)).toEqual(Array.from(kept[kept.length - 1].data));
  });

  it('a small ring wraps many times and still reads oldest first', () => {
    const lab = new Lab(PAIR);
    const c = new Capture(lab.world.netns('a')!.dev('ea')!, { promisc: false, filter: () => true, ring: 7 });
    const all: number[] = [];
    c.onFrame = (f) => all.push(f.time);
    c.start();
    lab.run('ping -c 23 -i 0.01 -q 192.0.2.2', 'a');
    expect(c.total).toBe(all.length);
    expect(c.frames.map((f) => f.time)).toEqual(all.slice(-7));
    for (let from = 0; from <= c.total; from++) {
      const s = c.since(from);
      expect(s.frames.map((f) => f.time)).toEqual(all.slice(Math.max(from, c.total - 7)));
      expect(s.first).toBe(Math.max(from, c.total - 7));
    }
  });
});
