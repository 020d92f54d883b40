import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { World } from '../net/world';
import { splitWords } from './lexer';
import { CMD, parseIptables } from './iptables_parse';
import { saveRule, FMT_NOCOUNTS } from './iptables_print';
import type { Rule } from '../netfilter/tables';

const ns = new World(1).host;
const parse = (line: string) => parseIptables((splitWords(line) as { words: string[] }).words, ns);
const TRY = "Try `iptables -h' or 'iptables --help' for more information.";
const P = 'iptables v1.8.9 (nf_tables): ';

describe('iptables command lines', () => {
  it('reads a MASQUERADE rule', () => {
    const r = parse('iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE');
    expect(r.kind).toBe('cmd');
    if (r.kind !== 'cmd') return;
    expect(r.cmd).toMatchObject({ command: CMD.APPEND, table: 'nat', chain: 'POSTROUTING' });
    expect(r.cmd.rules).toHaveLength(1);
    expect(r.cmd.rules[0].ip).toMatchObject({ src: 0xc0000200, smsk: 0xffffff00, outiface: 'br0', invflags: 0x02 });
    expect(r.cmd.rules[0].target.kind).toBe('masquerade');
  });

  it('loads the protocol match for its options (-p tcp --dport)', () => {
    const r = parse('iptables -A INPUT -p tcp --dport 80:90 -j ACCEPT');
    expect(r.kind === 'cmd' && r.cmd.rules[0].matches).toEqual([
      { kind: 'tcp', spts: [0, 65535], dpts: [80, 90], invSrc: false, invDst: false },
    ]);
  });

  it('takes unambiguous prefixes of long options, extension ones included', () => {
    const r = parse('iptables -t nat --app POSTROUTING -j SNAT --to 198.51.100.2 --random-f');
    expect(r.kind === 'cmd' && r.cmd.rules[0].target).toMatchObject({
      kind: 'snat',
      range: { minIp: 0xc6336402, randomFully: true },
    });
  });

  it('makes one rule per source and destination address', () => {
    const r = parse('iptables -A INPUT -s 1.2.3.4,5.6.7.8 -d 10.0.0.0/8,192.0.2.1 -j DROP');
    expect(r.kind === 'cmd' && r.cmd.rules.length).toBe(4);
  });

  it('reads clustered short options and an attached optional argument as getopt does', () => {
    const a = parse('iptables -nvL');
    expect(a.kind === 'cmd' && [a.cmd.command, a.cmd.chain, a.cmd.verbose]).toEqual([CMD.LIST, null, 1]);
    const b = parse('iptables -Ln');
    expect(b.kind === 'cmd' && b.cmd.chain).toBe('n');
  });

  // the texts and exit statuses of iptables v1.8.9 (nf_tables), as printed on Debian 12
  const bad: [string, string[], number][] = [
    ['iptables', [`${P}no command specified`, TRY], 2],
    ['iptables -A INPUT foo', ["Bad argument `foo'", TRY], 2],
    ['iptables -A INPUT -s', [`${P}option "-s" requires an argument`, TRY], 2],
    ['iptables --bogus', [`${P}unknown option "--bogus"`, TRY], 2],
    ['iptables -A INPUT --dport 80', [`${P}unknown option "--dport"`, TRY], 2],
    ['iptables -A INPUT -s 1.2.3.300 -j ACCEPT', [`${P}host/network \`1.2.3.300' not found`, TRY], 2],
    ['iptables -A INPUT -s 1.2.3.4/33', [`${P}invalid mask \`33' specified`, TRY], 2],
    ['iptables -A INPUT -p bogus', [`${P}unknown protocol "bogus" specified`, TRY], 2],
    ['iptables -A INPUT ! -p all', [`${P}rule would never match protocol`, TRY], 2],
    ['iptables -A INPUT ! ! -s 1.1.1.1', [`${P}multiple consecutive ! not allowed`, TRY], 2],
    ['iptables -A INPUT -s 1.1.1.1 !', [`${P}nothing appropriate following !`, TRY], 2],
    ['iptables -A INPUT -s 1.2.3.4 -s 2.2.2.2', [`${P}multiple -s flags not allowed`, TRY], 2],
    ['iptables -A INPUT -o eth0 -j ACCEPT', [`${P}Can't use -o with INPUT`, '', TRY], 2],
    ['iptables -L -s 1.2.3.4', [`${P}Illegal option \`-s' with this command`, TRY], 2],
    ['iptables -I INPUT 0 -j ACCEPT', [`${P}Invalid rule number \`0'`, TRY], 2],
    ['iptables -P INPUT', [`${P}-P requires a chain and a policy`, TRY], 2],
    ['iptables -t nat -A POSTROUTING -j SNAT', [`${P}SNAT: option "--to-source" must be specified`, '', TRY], 2],
    ['iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3', [`${P}Bad IP address "1.2.3"`, TRY], 2],
    [
      'iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 100',
      [`${P}Need TCP, UDP, SCTP or DCCP with port specification`, TRY],
      2,
    ],
    ['iptables -A INPUT -j REJECT --reject-with foo', [`${P}unknown reject type "foo"`, TRY], 2],
    ['iptables -A INPUT -p icmp --icmp-type bogus', [`${P}Unknown ICMP type \`bogus'`, TRY], 2],
    ['iptables -A INPUT -m conntrack --ctstate FOO', [`${P}Bad ctstate "FOO"`, TRY], 2],
    [
      'iptables -A INPUT -m conntrack --ctstate NEW --ctstate NEW',
      [`${P}conntrack: option "--ctstate" can only be used once.`, '', TRY],
      2,
    ],
    ['iptables -A INPUT -m bogus', [`${P}Couldn't load match \`bogus':No such file or directory`, '', TRY], 2],
    [
      'iptables -t nat -P POSTROUTING DROP',
      [P, 'The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.', '', '', TRY],
      2,
    ],
    ['iptables -N ACCEPT', [`${P}chain name may not clash with target name`, TRY], 2],
    ['iptables -V', ['iptables v1.8.9 (nf_tables)'], 0],
  ];
  for (const [line, lines, code] of bad) {
    it(`${line} -> ${lines[0]}`, () => expect(parse(line)).toEqual({ kind: 'exit', lines, code }));
  }
});

describe('iptables -S output reads back as the same rule', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const addr = fc.tuple(octet, octet, octet, octet, fc.integer({ min: 0, max: 32 }));
  const iface = fc.constantFrom('', 'eth0', 'br0', 'br+', 'veth1');
  const arb = fc.record({
    src: addr,
    dst: addr,
    iniface: iface,
    outiface: iface,
    proto: fc.constantFrom(0, 1, 6, 17, 47),
    inv: fc.integer({ min: 0, max: 31 }),
    target: fc.constantFrom(
      '',
      ' -j ACCEPT',
      ' -j DROP',
      ' -j REJECT --reject-with icmp-host-prohibited',
      ' -j RETURN',
    ),
  });
  it('parse(save(rule)) == rule', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const cidr = ([b0, b1, b2, b3, len]: number[]) => `${b0}.${b1}.${b2}.${b3}/${len}`;
        const neg = (bit: number, s: string) => (a.inv & bit ? `! ${s}` : s);
        let line = `iptables -A FORWARD ${neg(1, `-s ${cidr(a.src)}`)} ${neg(2, `-d ${cidr(a.dst)}`)}`;
        if (a.iniface) line += ` ${neg(4, `-i ${a.iniface}`)}`;
        if (a.outiface) line += ` ${neg(8, `-o ${a.outiface}`)}`;
        if (a.proto) line += ` ${neg(16, `-p ${a.proto}`)}`;
        line += a.target;
        const first = parse(line);
        if (first.kind !== 'cmd') return;
        const rule: Rule = { ...first.cmd.rules[0], pkts: 0, bytes: 0 };
        const saved = saveRule('FORWARD', rule, FMT_NOCOUNTS);
        const again = parse(`iptables ${saved}`);
        expect(again.kind).toBe('cmd');
        if (again.kind === 'cmd') expect({ ...again.cmd.rules[0], pkts: 0, bytes: 0 }).toEqual(rule);
      }),
      { numRuns: 300 },
    );
  });
});
