import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../net/world';
import { emitIpv4, parseIpv4 } from '../wire/ipv4';
import { inetChecksum } from '../wire/checksum';
import { parseIp4 } from '../core/addr';
import { ipDefrag } from './ip_fragment';
import { ipFragment } from './ip_do_fragment';

const ip = (s: string) => parseIp4(s)!;
const packet = (len: number, id = 7) => {
  const body = new Uint8Array(len);
  for (let i = 0; i < len; i++) body[i] = (i * 7) & 255;
  return emitIpv4({ tos: 0, id, df: false, ttl: 64, protocol: 1, src: ip('10.0.0.1'), dst: ip('10.0.0.2') }, body);
};

describe('IPv4 fragments (ip_do_fragment, ip_defrag)', () => {
  it('cuts at a multiple of 8 under the MTU, MF on all but the last, each header checksummed', () => {
    const frags = ipFragment(packet(2008), 1500);
    expect(frags.map((f) => f.length)).toEqual([1500, 548]);
    const hs = frags.map((f) => parseIpv4(f)!);
    expect(hs.map((h) => [h.fragOff, h.mf, h.id])).toEqual([
      [0, true, 7],
      [1480, false, 7],
    ]);
    for (const f of frags) expect(inetChecksum(f, 0, 20)).toBe(0);
  });

  it('reassembles the pieces in any order into the packet that was cut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6000 }),
        fc.integer({ min: 68, max: 1500 }),
        fc.integer(),
        (len, mtu, seed) => {
          const w = new World(1);
          const p = packet(len);
          const frags = ipFragment(p, mtu);
          if (p.length <= mtu) return;
          const order = frags
            .map((_, i) => i)
            .sort((a, b) => (((a * 2654435761 + seed) >>> 0) % 97) - (((b * 2654435761 + seed) >>> 0) % 97));
          let whole: Uint8Array | null = null;
          order.forEach((i, k) => {
            const r = ipDefrag(w.host, frags[i], 'local')?.ip ?? null;
            if (k < order.length - 1) expect(r).toBeNull();
            else whole = r;
          });
          expect(whole).toEqual(p);
        },
      ),
      { numRuns: 60 },
    );
    // a World per run: 8 s on this 2-core machine at load 17, past vitest's 5 s default
  }, 30_000);

  it('a piece missing leaves the packet undelivered; the queue expires after 30 s', () => {
    const w = new World(1);
    const frags = ipFragment(packet(3000, 9), 1000);
    expect(ipDefrag(w.host, frags[0], 'local')).toBeNull();
    expect(ipDefrag(w.host, frags[2], 'local')).toBeNull();
    w.sched.runUntil(31_000_000);
    // after the expiry the late piece starts a new queue: still nothing whole
    expect(ipDefrag(w.host, frags[1], 'local')).toBeNull();
  });
});
