import { describe, it, expect } from 'vitest';
import { type Ip4, fmtIp4, ipFromBytes, parseIp4 } from '../core/addr';
import { Prng } from '../core/prng';
import { inetChecksum } from '../wire/checksum';
import { emitIpv4, parseIpv4 } from '../wire/ipv4';
import { emitIcmp, parseIcmp } from '../wire/icmp';
import { type Conn, ConntrackTable, DIR_ORIGINAL, DIR_REPLY, IPS_SRC_NAT } from './conntrack';
import {
  EMPTY_RANGE,
  type NatEnv,
  natIcmpReplyTranslation,
  natMasquerade,
  natNullBinding,
  natPacket,
  natSetupInfo,
} from './nat';

const ip = (s: string) => parseIp4(s)!;

function echo(src: string, dst: string, type: 0 | 8, id: number): Uint8Array {
  const icmp = emitIcmp({ kind: 'echo', type, id, seq: 1, data: new Uint8Array(56) });
  return emitIpv4({ tos: 0, id: 1, df: false, ttl: 64, protocol: 1, src: ip(src), dst: ip(dst) }, icmp);
}

function unreach(src: string, dst: string, quoted: Uint8Array): Uint8Array {
  const icmp = emitIcmp({ kind: 'error', type: 3, code: 1, info: 0, original: quoted });
  return emitIpv4({ tos: 0xc0, id: 2, df: false, ttl: 64, protocol: 1, src: ip(src), dst: ip(dst) }, icmp);
}

function env(table = new ConntrackTable()): NatEnv {
  return { table, now: 0, prng: new Prng(7) };
}

/** A new connection for the packet, as nf_conntrack_in() makes it. */
function conn(table: ConntrackTable, p: Uint8Array): Conn {
  const c = table.classify(p, 0);
  if (!c.ct) throw new Error('not tracked');
  return c.ct;
}

const checksumsOk = (p: Uint8Array) => {
  const h = parseIpv4(p)!;
  return h.checksumOk && inetChecksum(p, h.ihl, h.totalLen - h.ihl) === 0;
};

describe('NAT bindings (nf_nat_setup_info)', () => {
  it('MASQUERADE keeps the echo id and changes the reply tuple', () => {
    const e = env();
    const ct = conn(e.table, echo('192.0.2.2', '198.51.100.1', 8, 9620));
    expect(natMasquerade(e, ct, EMPTY_RANGE, 5, ip('198.51.100.2'))).toBe('accept');
    expect(ct.status & IPS_SRC_NAT).toBeTruthy();
    expect(ct.masqIndex).toBe(5);
    const r = ct.tuple[DIR_REPLY];
    expect([fmtIp4(r.src), fmtIp4(r.dst), r.type, r.id]).toEqual(['198.51.100.1', '198.51.100.2', 0, 9620]);
  });

  it('MASQUERADE without an address on the device drops', () => {
    const e = env();
    const ct = conn(e.table, echo('192.0.2.2', '198.51.100.1', 8, 1));
    expect(natMasquerade(e, ct, EMPTY_RANGE, 5, 0 as Ip4)).toBe('drop');
  });

  it('a second container with the same id gets another id (the tuple would clash)', () => {
    const e = env();
    const first = conn(e.table, echo('192.0.2.2', '198.51.100.1', 8, 500));
    natMasquerade(e, first, EMPTY_RANGE, 5, ip('198.51.100.2'));
    e.table.confirm(first);
    const second = conn(e.table, echo('192.0.2.3', '198.51.100.1', 8, 500));
    natMasquerade(e, second, EMPTY_RANGE, 5, ip('198.51.100.2'));
    expect(second.tuple[DIR_REPLY].id).not.toBe(500);
    expect(second.tuple[DIR_REPLY].dst).toBe(ip('198.51.100.2'));
  });

  it('a null binding leaves an unclashing tuple alone', () => {
    const e = env();
    const ct = conn(e.table, echo('192.0.2.2', '198.51.100.1', 8, 42));
    natNullBinding(e, ct, 'SRC');
    expect(ct.status & IPS_SRC_NAT).toBe(0);
    expect(ct.tuple[DIR_REPLY].dst).toBe(ip('192.0.2.2'));
  });

  it('a protocol without a tracker (IGMP) is bound by address alone', () => {
    const e = env();
    const igmp = (src: string) =>
      emitIpv4(
        { tos: 0xc0, id: 0, df: true, ttl: 1, protocol: 2, src: ip(src), dst: ip('224.0.0.22') },
        new Uint8Array(16),
      );
    const ct = conn(e.table, igmp('192.0.2.9'));
    natNullBinding(e, ct, 'SRC');
    expect(ct.status & IPS_SRC_NAT).toBe(0);
    e.table.confirm(ct);
    // a second connection that would clash keeps its tuple: there is no id to change
    const other = conn(e.table, igmp('192.0.2.10'));
    expect(natMasquerade(e, other, EMPTY_RANGE, 5, ip('192.0.2.9'))).toBe('accept');
    expect(other.tuple[DIR_REPLY]).toMatchObject({ src: ip('224.0.0.22'), dst: ip('192.0.2.9'), proto: 2, id: 0 });
  });

  it('DNAT maps the destination', () => {
    const e = env();
    const ct = conn(e.table, echo('198.51.100.1', '198.51.100.2', 8, 42));
    natSetupInfo(e, ct, { ...EMPTY_RANGE, mapIps: true, minIp: ip('192.0.2.2'), maxIp: ip('192.0.2.2') }, 'DST');
    expect(fmtIp4(ct.tuple[DIR_REPLY].src)).toBe('192.0.2.2');
    expect(fmtIp4(ct.tuple[DIR_ORIGINAL].dst)).toBe('198.51.100.2');
  });
});

describe('rewriting packets (nf_nat_packet)', () => {
  const table = new ConntrackTable();
  const e = env(table);
  const ct = conn(table, echo('192.0.2.2', '198.51.100.1', 8, 9620));
  natMasquerade(e, ct, EMPTY_RANGE, 5, ip('198.51.100.2'));
  table.confirm(ct);

  it('the request leaves with the masquerading address (POSTROUTING, original direction)', () => {
    const p = echo('192.0.2.2', '198.51.100.1', 8, 9620);
    natPacket(ct, 'NEW', 'POSTROUTING', p);
    expect(fmtIp4(ipFromBytes(p, 12))).toBe('198.51.100.2');
    expect(checksumsOk(p)).toBe(true);
  });

  it('is left alone where this side was not translated (PREROUTING, original direction)', () => {
    const p = echo('192.0.2.2', '198.51.100.1', 8, 9620);
    natPacket(ct, 'NEW', 'PREROUTING', p);
    expect(fmtIp4(ipFromBytes(p, 12))).toBe('192.0.2.2');
  });

  it('the reply is de-NATed before routing (PREROUTING, reply direction)', () => {
    const c = table.classify(echo('198.51.100.1', '198.51.100.2', 0, 9620), 1000);
    expect(c.ct === ct && c.ctinfo).toBe('ESTABLISHED_REPLY');
    const p = echo('198.51.100.1', '198.51.100.2', 0, 9620);
    natPacket(ct, 'ESTABLISHED_REPLY', 'PREROUTING', p);
    expect(fmtIp4(ipFromBytes(p, 16))).toBe('192.0.2.2');
    expect(checksumsOk(p)).toBe(true);
  });

  it('a changed echo id is written into the packet with a valid checksum', () => {
    const t2 = new ConntrackTable();
    const e2 = env(t2);
    const a = conn(t2, echo('192.0.2.2', '198.51.100.1', 8, 7));
    natMasquerade(e2, a, EMPTY_RANGE, 5, ip('198.51.100.2'));
    t2.confirm(a);
    const b = conn(t2, echo('192.0.2.3', '198.51.100.1', 8, 7));
    natMasquerade(e2, b, EMPTY_RANGE, 5, ip('198.51.100.2'));
    const p = echo('192.0.2.3', '198.51.100.1', 8, 7);
    natPacket(b, 'NEW', 'POSTROUTING', p);
    const icmp = parseIcmp(p, 20, p.length - 20)!;
    expect(icmp.kind === 'echo' && icmp.id).toBe(b.tuple[DIR_REPLY].id);
    expect(checksumsOk(p)).toBe(true);
  });
});

describe('ICMP errors about a translated packet (nf_nat_icmp_reply_translation)', () => {
  it('an error from beyond the router reaches the container with the packet it sent', () => {
    const table = new ConntrackTable();
    const ct = conn(table, echo('192.0.2.2', '203.0.113.9', 8, 9620));
    natMasquerade(env(table), ct, EMPTY_RANGE, 5, ip('198.51.100.2'));
    table.confirm(ct);
    // what left the host, quoted by the router 198.51.100.1 that could not deliver it
    const err = unreach('198.51.100.1', '198.51.100.2', echo('198.51.100.2', '203.0.113.9', 8, 9620));
    const c = table.classify(err, 0);
    expect(c.ct === ct && c.ctinfo).toBe('RELATED_REPLY');
    expect(natIcmpReplyTranslation(ct, 'RELATED_REPLY', 'PREROUTING', err)).toBe(true);
    expect(fmtIp4(parseIpv4(err)!.dst)).toBe('192.0.2.2');
    expect(fmtIp4(ipFromBytes(err, 28 + 12))).toBe('192.0.2.2');
    expect(checksumsOk(err)).toBe(true);
    expect(parseIpv4(err.subarray(28))!.checksumOk).toBe(true);
  });

  it('an error addressed elsewhere than the connection goes is not related', () => {
    const table = new ConntrackTable();
    const ct = conn(table, echo('192.0.2.2', '203.0.113.9', 8, 1));
    natMasquerade(env(table), ct, EMPTY_RANGE, 5, ip('198.51.100.2'));
    table.confirm(ct);
    const err = unreach('198.51.100.1', '198.51.100.77', echo('198.51.100.2', '203.0.113.9', 8, 1));
    expect(table.classify(err, 0).ct).toBeNull();
  });
});
