// The field accessors read what the parsers read: on a real kernel's echo request (tcpdump -xx, veth
// pair, 192.0.2.1 -> 192.0.2.2) and on random headers; the checksum helpers keep a header valid.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmtIp4, ip4 } from '../core/addr';
import { ETH_HLEN, ETH_P_IP, ethType } from './ethernet';
import {
  IPV4_CHECK_OFF,
  IPV4_SRC_OFF,
  emitIpv4,
  ipv4Df,
  ipv4Dst,
  ipv4FragOffset,
  ipv4HeaderLen,
  ipv4Protocol,
  ipv4SetFrag,
  ipv4Src,
  ipv4Tos,
  ipv4TotalLen,
  ipv4Version,
  isFragment,
  parseIpv4,
} from './ipv4';
import { ICMP_ECHO, emitIcmp, icmpEchoId, icmpEchoSeq, icmpType, parseIcmp, quotedIcmpOff } from './icmp';
import { csumReplace16, inetChecksum } from './checksum';

const ECHO_REQUEST = new Uint8Array(
  '02000000000202000000000108004500 00540ff240004001a6b3c0000201c000 02020800067b7d9300012275 0b6b0000'
    .replace(/\s/g, '')
    .match(/../g)!
    .map((b) => parseInt(b, 16)),
);

describe('field accessors', () => {
  it("read the kernel's echo request as tcpdump shows it", () => {
    const b = ECHO_REQUEST;
    expect(ethType(b)).toBe(ETH_P_IP);
    expect(ipv4Version(b, ETH_HLEN)).toBe(4);
    expect(ipv4HeaderLen(b, ETH_HLEN)).toBe(20);
    expect(ipv4TotalLen(b, ETH_HLEN)).toBe(0x54);
    expect(ipv4Df(b, ETH_HLEN)).toBe(true);
    expect(ipv4Protocol(b, ETH_HLEN)).toBe(1);
    expect(fmtIp4(ipv4Src(b, ETH_HLEN))).toBe('192.0.2.1');
    expect(fmtIp4(ipv4Dst(b, ETH_HLEN))).toBe('192.0.2.2');
    expect(icmpType(b, ETH_HLEN + 20)).toBe(ICMP_ECHO);
    expect(icmpEchoId(b, ETH_HLEN + 20)).toBe(0x7d93);
    expect(icmpEchoSeq(b, ETH_HLEN + 20)).toBe(1);
  });

  it('agree with parseIpv4 on any header', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.boolean(),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0x1fff }),
        fc.boolean(),
        (tos, id, df, ttl, protocol, s, d, frag, mf) => {
          const b = emitIpv4({ tos, id, df, ttl, protocol, src: ip4(s), dst: ip4(d) }, new Uint8Array(8)).slice();
          ipv4SetFrag(b, frag * 8, mf, df);
          const h = parseIpv4(b)!;
          expect([
            ipv4HeaderLen(b),
            ipv4TotalLen(b),
            ipv4Tos(b),
            ipv4Df(b),
            ipv4FragOffset(b),
            ipv4Protocol(b),
            ipv4Src(b),
            ipv4Dst(b),
          ]).toEqual([h.ihl, h.totalLen, h.tos, h.df, h.fragOff, h.protocol, h.src, h.dst]);
          expect(isFragment(b)).toBe(h.mf || h.fragOff !== 0);
        },
      ),
    );
  });

  it('find the echo an ICMP error quotes, and nothing in a quote too short for one', () => {
    const echo = emitIpv4(
      { tos: 0, id: 1, df: true, ttl: 64, protocol: 1, src: ip4(1), dst: ip4(2) },
      emitIcmp({ kind: 'echo', type: ICMP_ECHO, id: 77, seq: 9, data: new Uint8Array(0) }),
    ).slice();
    const q = quotedIcmpOff(echo);
    expect(q).toBe(20);
    expect([icmpEchoId(echo, q), icmpEchoSeq(echo, q)]).toEqual([77, 9]);
    expect(quotedIcmpOff(echo.subarray(0, 27))).toBe(-1);
    expect(quotedIcmpOff(new Uint8Array(0))).toBe(-1);
  });
});

describe('checksum helpers', () => {
  it('csumReplace16 keeps the header checksum right as an address changes (RFC 1624)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (s, n) => {
        const b = emitIpv4(
          { tos: 0, id: 5, df: false, ttl: 64, protocol: 1, src: ip4(s), dst: ip4(3) },
          new Uint8Array(8),
        ).slice();
        csumReplace16(b, IPV4_SRC_OFF, IPV4_CHECK_OFF, n >>> 16);
        csumReplace16(b, IPV4_SRC_OFF + 2, IPV4_CHECK_OFF, n & 0xffff);
        expect(ipv4Src(b)).toBe(ip4(n));
        expect(inetChecksum(b, 0, 20)).toBe(0);
        expect(parseIpv4(b)!.checksumOk).toBe(true);
      }),
    );
  });

  it('an ICMP echo still parses with a good checksum after its id is replaced', () => {
    const icmp = emitIcmp({ kind: 'echo', type: ICMP_ECHO, id: 1, seq: 2, data: new Uint8Array(4) }).slice();
    csumReplace16(icmp, 4, 2, 0xbeef);
    const r = parseIcmp(icmp, 0, icmp.length)!;
    expect(r.checksumOk).toBe(true);
    expect(r.kind === 'echo' && r.id).toBe(0xbeef);
  });
});
