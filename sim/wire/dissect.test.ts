import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dissect, hexDump } from './dissect';
import { emitEthernet, ETH_P_ARP } from './ethernet';
import { emitArp } from './arp';
import { ip4, mac } from '../core/addr';

describe('dissect', () => {
  it('names every ARP field with the bytes it covers', () => {
    const f = emitEthernet(
      { dst: mac(0xffffffffffff), src: mac(0x020000000001), ethertype: ETH_P_ARP },
      emitArp({ op: 1, sha: mac(0x020000000001), sip: ip4(0xc0000201), tha: mac(0), tip: ip4(0xc0000202) }),
    );
    const tree = dissect(f);
    expect(tree.map((t) => t.name)).toEqual(['Frame', 'Ethernet II', 'Address Resolution Protocol']);
    const arp = tree[2];
    expect(arp.value).toBe('(request)');
    const tip = arp.children!.find((c) => c.name === 'Target IP address')!;
    expect(tip).toMatchObject({ value: '192.0.2.2', offset: 38, length: 4 });
    expect(Array.from(f.subarray(tip.offset, tip.offset + tip.length))).toEqual([192, 0, 2, 2]);
  });

  it('never throws and keeps every field inside the frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (b) => {
        const walk = (fs: ReturnType<typeof dissect>) => {
          for (const x of fs) {
            expect(x.offset).toBeGreaterThanOrEqual(0);
            if (x.children) walk(x.children);
          }
        };
        walk(dissect(b));
        hexDump(b);
      }),
    );
  });

  it('dumps 16 bytes a line', () => {
    expect(hexDump(new Uint8Array([0x41, 0x42, 0, 1]))).toEqual([`0000  ${'41 42 00 01'.padEnd(47)}  AB..`]);
  });
});
