import { describe, it, expect } from 'vitest';
import { type Ip4, parseIp4 } from '../core/addr';
import { emitIpv4 } from '../wire/ipv4';
import { emitIcmp } from '../wire/icmp';
import { type PacketInfo, packetInfo, ruleMatches } from './match';
import {
  type IpMatch,
  type Match,
  type Rule,
  CT_STATE_ESTABLISHED,
  CT_STATE_NEW,
  IPT_INV_DSTIP,
  IPT_INV_PROTO,
  IPT_INV_SRCIP,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
} from './tables';

const ip = (s: string) => parseIp4(s)!;

function echo(src: string, dst: string, type = 8): Uint8Array {
  const icmp = emitIcmp({ kind: 'echo', type: type as 8 | 0, id: 77, seq: 1, data: new Uint8Array(56) });
  return emitIpv4({ tos: 0, id: 1, df: false, ttl: 64, protocol: 1, src: ip(src), dst: ip(dst) }, icmp);
}

function pkt(src: string, dst: string, inDev = 'br0', outDev = 'eth0', ctState = CT_STATE_NEW, type = 8): PacketInfo {
  return packetInfo(echo(src, dst, type), inDev, outDev, ctState)!;
}

const ANYIP: IpMatch = {
  src: 0 as Ip4,
  smsk: 0,
  dst: 0 as Ip4,
  dmsk: 0,
  iniface: '',
  outiface: '',
  proto: 0,
  invflags: 0,
};
const rule = (ipm: Partial<IpMatch>, matches: Match[] = []): Rule => ({
  ip: { ...ANYIP, ...ipm },
  matches,
  target: { kind: 'accept' },
  pkts: 0,
  bytes: 0,
});

describe('ip_packet_match', () => {
  const cases: { name: string; r: Rule; p: PacketInfo; want: boolean }[] = [
    { name: 'empty rule matches all', r: rule({}), p: pkt('192.0.2.2', '198.51.100.1'), want: true },
    {
      name: '-s prefix',
      r: rule({ src: ip('192.0.2.0'), smsk: 0xffffff00 }),
      p: pkt('192.0.2.2', '198.51.100.1'),
      want: true,
    },
    {
      name: '-s other prefix',
      r: rule({ src: ip('10.0.0.0'), smsk: 0xff000000 }),
      p: pkt('192.0.2.2', '198.51.100.1'),
      want: false,
    },
    {
      name: '! -s other prefix',
      r: rule({ src: ip('10.0.0.0'), smsk: 0xff000000, invflags: IPT_INV_SRCIP }),
      p: pkt('192.0.2.2', '198.51.100.1'),
      want: true,
    },
    {
      name: '-d host',
      r: rule({ dst: ip('198.51.100.1'), dmsk: 0xffffffff }),
      p: pkt('192.0.2.2', '198.51.100.1'),
      want: true,
    },
    {
      name: '! -d host',
      r: rule({ dst: ip('198.51.100.1'), dmsk: 0xffffffff, invflags: IPT_INV_DSTIP }),
      p: pkt('192.0.2.2', '198.51.100.1'),
      want: false,
    },
    { name: '-i br0', r: rule({ iniface: 'br0' }), p: pkt('192.0.2.2', '198.51.100.1'), want: true },
    {
      name: '-i br+ wildcard',
      r: rule({ iniface: 'br+' }),
      p: pkt('192.0.2.2', '198.51.100.1', 'br-1234'),
      want: true,
    },
    { name: '-i eth0 on br0', r: rule({ iniface: 'eth0' }), p: pkt('192.0.2.2', '198.51.100.1'), want: false },
    {
      name: '! -o br0 going out eth0',
      r: rule({ outiface: 'br0', invflags: IPT_INV_VIA_OUT }),
      p: pkt('192.0.2.2', '198.51.100.1'),
      want: true,
    },
    {
      name: '! -o br0 going out br0',
      r: rule({ outiface: 'br0', invflags: IPT_INV_VIA_OUT }),
      p: pkt('192.0.2.2', '198.51.100.1', 'eth0', 'br0'),
      want: false,
    },
    {
      name: '! -i lo',
      r: rule({ iniface: 'lo', invflags: IPT_INV_VIA_IN }),
      p: pkt('192.0.2.2', '198.51.100.1'),
      want: true,
    },
    { name: '-p icmp', r: rule({ proto: 1 }), p: pkt('192.0.2.2', '198.51.100.1'), want: true },
    { name: '-p tcp on icmp', r: rule({ proto: 6 }), p: pkt('192.0.2.2', '198.51.100.1'), want: false },
    {
      name: '! -p tcp on icmp',
      r: rule({ proto: 6, invflags: IPT_INV_PROTO }),
      p: pkt('192.0.2.2', '198.51.100.1'),
      want: true,
    },
  ];
  for (const c of cases) it(c.name, () => expect(ruleMatches(c.r, c.p)).toBe(c.want));
});

describe('matches', () => {
  const icmp = (type: number, invert = false, codeMin = 0, codeMax = 0xff): Match => ({
    kind: 'icmp',
    type,
    codeMin,
    codeMax,
    invert,
  });
  const cases: { name: string; m: Match; p: PacketInfo; want: boolean }[] = [
    { name: '--icmp-type echo-request', m: icmp(8), p: pkt('1.1.1.1', '2.2.2.2'), want: true },
    { name: '--icmp-type echo-reply on a request', m: icmp(0), p: pkt('1.1.1.1', '2.2.2.2'), want: false },
    { name: '! --icmp-type echo-reply on a request', m: icmp(0, true), p: pkt('1.1.1.1', '2.2.2.2'), want: true },
    { name: '--icmp-type any', m: icmp(0xff), p: pkt('1.1.1.1', '2.2.2.2', 'a', 'b', CT_STATE_NEW, 0), want: true },
    { name: '--icmp-type 8/1 (code 0 packet)', m: icmp(8, false, 1, 1), p: pkt('1.1.1.1', '2.2.2.2'), want: false },
    {
      name: '--dport on icmp',
      m: { kind: 'tcp', spts: [0, 0xffff], dpts: [80, 80], invSrc: false, invDst: false },
      p: pkt('1.1.1.1', '2.2.2.2'),
      want: false,
    },
    {
      name: '--ctstate NEW',
      m: { kind: 'conntrack', states: CT_STATE_NEW, invert: false },
      p: pkt('1.1.1.1', '2.2.2.2'),
      want: true,
    },
    {
      name: '--ctstate ESTABLISHED on NEW',
      m: { kind: 'conntrack', states: CT_STATE_ESTABLISHED, invert: false },
      p: pkt('1.1.1.1', '2.2.2.2'),
      want: false,
    },
    {
      name: '! --state NEW on ESTABLISHED',
      m: { kind: 'state', states: CT_STATE_NEW, invert: true },
      p: pkt('1.1.1.1', '2.2.2.2', 'a', 'b', CT_STATE_ESTABLISHED),
      want: true,
    },
  ];
  for (const c of cases) it(c.name, () => expect(ruleMatches(rule({ proto: 1 }, [c.m]), c.p)).toBe(c.want));
});
