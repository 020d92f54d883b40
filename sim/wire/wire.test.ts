// Byte fixtures captured with tcpdump -xx on a real kernel (veth pair, 02:00:00:00:00:01/02,
// 192.0.2.1/2): each is parsed into its record and built back to the same bytes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmtIp4, fmtMac, ip4, mac } from '../core/addr';
import { ARPOP_REPLY, ARPOP_REQUEST, emitArp, parseArp } from './arp';
import { ETH_HLEN, ETH_P_ARP, ETH_P_IP, emitEthernet, parseEthernet } from './ethernet';
import { IPPROTO_ICMP, decreaseTtl, emitIpv4, emitIpv4Header, parseIpv4 } from './ipv4';
import {
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  emitEchoReply,
  emitEchoReplyVerified,
  echoDataSum,
  echoPatternSum,
  emitEchoRequest,
  emitIcmp,
  parseIcmp,
} from './icmp';
import { Prng } from '../core/prng';
import { pullHeader } from './headroom';
import { csumPartial, inetChecksum } from './checksum';
import { readPcap, writePcap } from './pcap';
import { formatFrame } from '../apps/tcpdump_print';

function hex(s: string): Uint8Array {
  const h = s.replace(/0x[0-9a-f]{4}:|\s/g, '');
  return new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));
}

const ARP_REQUEST = hex(`
  0x0000:  ffff ffff ffff 0200 0000 0001 0806 0001
  0x0010:  0800 0604 0001 0200 0000 0001 c000 0201
  0x0020:  0000 0000 0000 c000 0202`);
const ARP_REPLY = hex(`
  0x0000:  0200 0000 0001 0200 0000 0002 0806 0001
  0x0010:  0800 0604 0002 0200 0000 0002 c000 0202
  0x0020:  0200 0000 0001 c000 0201`);
const ECHO_REQUEST = hex(`
  0x0000:  0200 0000 0002 0200 0000 0001 0800 4500
  0x0010:  0054 0ff2 4000 4001 a6b3 c000 0201 c000
  0x0020:  0202 0800 067b 7d93 0001 2275 0b6b 0000
  0x0030:  0000 4610 0000 0000 0000 0000 0000 0000
  0x0040:  0000 0000 0000 0000 0000 0000 0000 0000
  0x0050:  0000 0000 0000 0000 0000 0000 0000 0000
  0x0060:  0000`);

describe('ethernet + arp fixtures', () => {
  it('parses the ARP request as tcpdump saw it', () => {
    const eth = parseEthernet(ARP_REQUEST)!;
    expect(fmtMac(eth.dst)).toBe('ff:ff:ff:ff:ff:ff');
    expect(fmtMac(eth.src)).toBe('02:00:00:00:00:01');
    expect(eth.ethertype).toBe(ETH_P_ARP);
    const a = parseArp(ARP_REQUEST, ETH_HLEN)!;
    expect(a.op).toBe(ARPOP_REQUEST);
    expect(fmtIp4(a.sip)).toBe('192.0.2.1');
    expect(fmtIp4(a.tip)).toBe('192.0.2.2');
    expect(a.tha).toBe(0);
  });

  it('builds the same bytes back', () => {
    for (const frame of [ARP_REQUEST, ARP_REPLY]) {
      const eth = parseEthernet(frame)!;
      const a = parseArp(frame, ETH_HLEN)!;
      expect(emitEthernet(eth, emitArp(a))).toEqual(frame);
    }
  });

  it('prints as tcpdump -n -e does', () => {
    expect(formatFrame(ARP_REQUEST, true)).toBe(
      '02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.0.2.2 tell 192.0.2.1, length 28',
    );
    expect(formatFrame(ARP_REPLY, true)).toBe(
      '02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype ARP (0x0806), length 42: Reply 192.0.2.2 is-at 02:00:00:00:00:02, length 28',
    );
    expect(formatFrame(ARP_REPLY, false)).toBe('ARP, Reply 192.0.2.2 is-at 02:00:00:00:00:02, length 28');
    expect(formatFrame(ECHO_REQUEST, true)).toBe(
      '02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 98: 192.0.2.1 > 192.0.2.2: ICMP echo request, id 32147, seq 1, length 64',
    );
    expect(formatFrame(ECHO_REQUEST, false)).toBe(
      'IP 192.0.2.1 > 192.0.2.2: ICMP echo request, id 32147, seq 1, length 64',
    );
  });

  it('rejects what is not Ethernet/IPv4 ARP', () => {
    const bad = ARP_REQUEST.slice();
    bad[ETH_HLEN + 2] = 0x86; // ptype IPv6
    expect(parseArp(bad, ETH_HLEN)).toBeUndefined();
    expect(parseArp(ARP_REQUEST.slice(0, 30), ETH_HLEN)).toBeUndefined();
    expect(parseEthernet(new Uint8Array(10))).toBeUndefined();
  });
});

describe('ipv4 + icmp fixtures', () => {
  it('parses the echo request with a valid header checksum', () => {
    const h = parseIpv4(ECHO_REQUEST, ETH_HLEN)!;
    expect(h).toMatchObject({
      ihl: 20,
      totalLen: 84,
      ttl: 64,
      protocol: IPPROTO_ICMP,
      df: true,
      id: 0x0ff2,
      checksumOk: true,
    });
    const icmp = parseIcmp(ECHO_REQUEST, ETH_HLEN + 20, 64)!;
    expect(icmp).toMatchObject({ kind: 'echo', type: ICMP_ECHO, id: 32147, seq: 1, checksumOk: true });
  });

  it('builds the same IP and ICMP bytes back', () => {
    const h = parseIpv4(ECHO_REQUEST, ETH_HLEN)!;
    const icmp = parseIcmp(ECHO_REQUEST, ETH_HLEN + 20, 64)!;
    if (icmp.kind !== 'echo') throw new Error('not echo');
    const ip = emitIpv4(h, emitIcmp({ kind: 'echo', type: icmp.type, id: icmp.id, seq: icmp.seq, data: icmp.data }));
    expect(ip).toEqual(ECHO_REQUEST.subarray(ETH_HLEN));
  });

  it('a corrupted header fails its checksum', () => {
    const b = ECHO_REQUEST.slice();
    b[ETH_HLEN + 12] ^= 1;
    expect(parseIpv4(b, ETH_HLEN)!.checksumOk).toBe(false);
  });

  it('decreaseTtl keeps the checksum valid (RFC 1624)', () => {
    const ip = ECHO_REQUEST.slice(ETH_HLEN);
    for (let i = 0; i < 63; i++) decreaseTtl(ip, 0);
    const h = parseIpv4(ip)!;
    expect(h.ttl).toBe(1);
    expect(h.checksumOk).toBe(true);
  });
});

describe('properties', () => {
  const arbMac = fc.integer({ min: 0, max: 0xffffffffffff }).map((n) => mac(n));
  const arbIp = fc.integer({ min: 0, max: 0xffffffff }).map((n) => ip4(n));

  it('emit then parse gives the same ARP record', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(ARPOP_REQUEST, ARPOP_REPLY),
        arbMac,
        arbIp,
        arbMac,
        arbIp,
        (op, sha, sip, tha, tip) => {
          expect(parseArp(emitArp({ op, sha, sip, tha, tip }))).toEqual({ op, sha, sip, tha, tip });
        },
      ),
    );
  });

  it('emit then parse gives the same IPv4 header, and the checksum verifies', () => {
    fc.assert(
      fc.property(
        arbIp,
        arbIp,
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.boolean(),
        fc.uint8Array({ maxLength: 200 }),
        (src, dst, ttl, id, df, payload) => {
          const b = emitIpv4({ tos: 0, id, df, ttl, protocol: IPPROTO_ICMP, src, dst }, payload);
          const h = parseIpv4(b)!;
          expect(h).toMatchObject({ src, dst, ttl, id, df, checksumOk: true, totalLen: 20 + payload.length });
          expect(inetChecksum(b, 0, 20)).toBe(0);
        },
      ),
    );
  });

  it("a header written into the payload's headroom checks, whatever its tos, ttl and protocol bytes", () => {
    fc.assert(
      fc.property(
        arbIp,
        arbIp,
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.boolean(),
        fc.uint8Array({ maxLength: 300 }),
        (src, dst, tos, ttl, protocol, id, df, bytes) => {
          const payload = emitEchoRequest(1, 2, bytes);
          const b = emitIpv4Header(tos, id, df, ttl, protocol, src, dst, payload);
          expect(b.buffer).toBe(payload.buffer);
          expect(inetChecksum(b, 0, 20)).toBe(0);
          expect(parseIpv4(b)).toMatchObject({ src, dst, ttl, tos, protocol, id: id & 0xffff, df, mf: false });
        },
      ),
    );
  });

  it('pullHeader gives back the packet a header was pushed onto, and nothing it cannot vouch for', () => {
    fc.assert(
      fc.property(
        arbIp,
        arbIp,
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 0, max: 20 }),
        (src, dst, bytes, n) => {
          const ip = emitIpv4Header(0, 1, false, 64, IPPROTO_ICMP, src, dst, emitEchoRequest(1, 2, bytes));
          const frame = emitEthernet({ dst: mac(2), src: mac(1), ethertype: ETH_P_IP }, ip);
          // pushed in place: the very view, the frame's bytes past its header
          const pulled = pullHeader(frame, ETH_HLEN);
          expect(pulled).toBe(ip);
          expect(pulled!.buffer).toBe(frame.buffer);
          expect(pulled!.byteOffset).toBe(frame.byteOffset + ETH_HLEN);
          expect(pulled!.length).toBe(frame.length - ETH_HLEN);
          // pulled by another length, or the packet itself (pushed from its ICMP message, not by 14): nothing
          if (n !== ETH_HLEN) expect(pullHeader(frame, n)).toBeUndefined();
          expect(pullHeader(ip, ETH_HLEN)).toBeUndefined();
          // a frame built by copying (the packet's headroom already taken): nothing
          const copy = emitEthernet({ dst: mac(3), src: mac(1), ethertype: ETH_P_IP }, ip);
          expect(copy.buffer === ip.buffer && copy.byteOffset + ETH_HLEN === ip.byteOffset).toBe(false);
          expect(pullHeader(copy, ETH_HLEN)).toBeUndefined();
          // the frame is still its region's head after a pull: a header pushed onto the pulled view is copied
          // (clones of the frame may still be on their way), and the frame's bytes stay
          const before = [...frame];
          emitEthernet({ dst: mac(4), src: mac(4), ethertype: ETH_P_IP }, pulled!);
          expect([...frame]).toEqual(before);
        },
      ),
    );
  });

  it("an echo request checksummed from its data's kept sum has the bytes of one summed whole", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.uint8Array({ maxLength: 1500 }),
        (id, seq, data) => {
          const whole = [...emitEchoRequest(id, seq, data)];
          expect([...emitEchoRequest(id, seq, data, csumPartial(data, 0, data.length))]).toEqual(whole);
          if (data.length >= 16) {
            // ping's way: the pattern's sum kept once, the time's words added per request
            const kept = echoPatternSum(data.map((x, i) => (i < 4 || (i >= 8 && i < 12) ? 0xa5 : x)));
            expect([...emitEchoRequest(id, seq, data, echoDataSum(data, kept))]).toEqual(whole);
          }
        },
      ),
    );
  });

  it('a header is pushed in place only onto the view last handed out for its region; other views are copied', () => {
    const payload = emitEchoRequest(1, 2, new Uint8Array(56));
    const sameBytes = new Uint8Array(payload.buffer, payload.byteOffset, payload.length);
    // another view of the same bytes is not the packet's head: its header goes on a copy, bytes alike
    const copied = emitIpv4Header(0, 7, true, 64, IPPROTO_ICMP, ip4(0xc0000201), ip4(0xc0000202), sameBytes);
    expect(copied.buffer === payload.buffer && copied.byteOffset === payload.byteOffset - 20).toBe(false);
    const pushed = emitIpv4Header(0, 7, true, 64, IPPROTO_ICMP, ip4(0xc0000201), ip4(0xc0000202), payload);
    expect(pushed.buffer).toBe(payload.buffer);
    expect(pushed.byteOffset).toBe(payload.byteOffset - 20);
    expect([...pushed]).toEqual([...copied]);
    // the payload view is no longer the head once its header is pushed: a second push copies
    const again = emitIpv4Header(0, 7, true, 64, IPPROTO_ICMP, ip4(0xc0000201), ip4(0xc0000202), payload);
    expect(again.byteOffset === pushed.byteOffset && again.buffer === pushed.buffer).toBe(false);
    expect([...again]).toEqual([...pushed]);
    // the frame goes on the pushed packet in place
    const frame = emitEthernet({ dst: mac(2), src: mac(1), ethertype: ETH_P_IP }, pushed);
    expect(frame.buffer).toBe(pushed.buffer);
    expect(frame.byteOffset).toBe(pushed.byteOffset - ETH_HLEN);
  });

  it('parsers never throw on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), fc.integer({ min: 0, max: 40 }), (b, off) => {
        parseEthernet(b);
        parseArp(b, off);
        const h = parseIpv4(b, off);
        if (h) parseIcmp(b, off + h.ihl, h.totalLen - h.ihl);
        if (b.length >= 14) formatFrame(b, true);
      }),
    );
  });

  it('pcap files read back the frames and times written', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ time: fc.integer({ min: 0, max: 4e15 }), data: fc.uint8Array({ minLength: 1, maxLength: 100 }) }),
          { maxLength: 10 },
        ),
        (frames) => {
          expect(readPcap(writePcap(frames))).toEqual(frames);
        },
      ),
    );
  });
});

describe('ethernet type names', () => {
  it('uses the ethertype of the frame', () => {
    expect(parseEthernet(ECHO_REQUEST)!.ethertype).toBe(ETH_P_IP);
  });
});

describe('emitEchoReply', () => {
  it('gives the bytes emitIcmp gives for the reply to any echo request, whatever its code and data', () => {
    for (const size of [0, 1, 7, 56, 1472]) {
      const data = new Uint8Array(size).map((_, i) => (i * 37 + size) & 255);
      const req = emitIcmp({ kind: 'echo', type: ICMP_ECHO, id: 0x1234 + size, seq: 0xfffe - size, data });
      req[1] = 9; // a code the reply does not copy
      const framed = new Uint8Array(20 + req.length);
      framed.set(req, 20);
      const want = emitIcmp({ kind: 'echo', type: ICMP_ECHOREPLY, id: 0x1234 + size, seq: 0xfffe - size, data });
      expect([...emitEchoReply(framed, 20, req.length)]).toEqual([...want]);
    }
  });
});

describe('emitEchoReplyVerified', () => {
  it('gives the bytes emitEchoReply gives for every request whose checksum verifies, 0xffff (-0) written as its checksum too', () => {
    const prng = new Prng(15);
    let negZero = 0;
    for (let k = 0; k < 3000; k++) {
      const size = k < 40 ? k : prng.range(0, 1500);
      const data = new Uint8Array(size).map(() => prng.range(0, 256));
      const req = emitIcmp({ kind: 'echo', type: ICMP_ECHO, id: prng.range(0, 65536), seq: k & 0xffff, data });
      req[1] = prng.range(0, 3);
      // the code changed: the request is checksummed again, as its sender would have
      req[2] = req[3] = 0;
      let c = inetChecksum(req, 0, req.length);
      // a sender may write 0xffff for a checksum of 0: both verify (ones' complement -0 and +0)
      if (c === 0 && k % 2) {
        c = 0xffff;
        negZero++;
      }
      req[2] = c >>> 8;
      req[3] = c & 255;
      expect(inetChecksum(req, 0, req.length)).toBe(0);
      const framed = new Uint8Array(20 + req.length);
      framed.set(req, 20);
      const want = [...emitEchoReply(framed, 20, req.length)];
      expect([...emitEchoReplyVerified(framed, 20, req.length)]).toEqual(want);
    }
    // requests made so that their checksum is 0: both of its forms were tried
    for (const size of [2, 8, 56]) {
      const data = new Uint8Array(size).map((_, i) => (i * 91 + 7) & 255);
      const req = emitIcmp({ kind: 'echo', type: ICMP_ECHO, id: 1, seq: 2, data });
      // set the last data word so that the whole message sums to 0xffff with a zero checksum field
      req[2] = req[3] = 0;
      const at = req.length - 2;
      req[at] = req[at + 1] = 0;
      const fill = inetChecksum(req, 0, req.length);
      req[at] = fill >>> 8;
      req[at + 1] = fill & 255;
      expect(inetChecksum(req, 0, req.length)).toBe(0);
      for (const form of [0, 0xffff]) {
        req[2] = form >>> 8;
        req[3] = form & 255;
        expect(inetChecksum(req, 0, req.length)).toBe(0);
        const framed = new Uint8Array(20 + req.length);
        framed.set(req, 20);
        expect([...emitEchoReplyVerified(framed, 20, req.length)]).toEqual([...emitEchoReply(framed, 20, req.length)]);
        negZero++;
      }
    }
    expect(negZero).toBeGreaterThan(5);
  });
});
