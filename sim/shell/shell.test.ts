// Bad commands get the text iproute2, iputils, procps and net-tools print (recorded on Linux 6.18,
// iproute2 6.1, iputils 20221126); thousands of random command lines never throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Lab } from '../testing/lab';
import { splitWords } from './lexer';

const SETUP = `
ip link add veth0 type veth peer name veth1
ip addr add 10.1.1.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip route add 10.5.0.0/16 via 10.1.1.254`;

const CASES: [string, string[]][] = [
  ['ping -c abc 1.1.1.1', ["ping: invalid argument: 'abc'"]],
  ['ping -c 0 1.1.1.1', ["ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807"]],
  ['ping', ['ping: usage error: Destination address required']],
  ['ping -c 1 -W 1 10.9.9.9', ['ping: connect: Network is unreachable']],
  ['ping -c 1 -W 1 -I eth9 10.9.9.9', ['ping: SO_BINDTODEVICE eth9: No such device']],
  ['ping -c 1 -W 1 -I 10.1.1.7 10.9.9.9', ['ping: bind: Cannot assign requested address']],
  [
    'ping -c 1 -W 1 10.1.1.255',
    ['ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules'],
  ],
  ['arping -c 1 -I nope 10.1.1.7', ['arping: Device nope not available.']],
  ['ip link add a type veth', ['"type" is invalid lladdr.']],
  ['ip link add name x type nonsense', ['Error: Unknown device type.']],
  ['ip link set dev nope up', ['Cannot find device "nope"']],
  ['ip link set dev veth0 master nope', ['Error: argument "nope" is wrong: Device does not exist', '']],
  ['ip addr add 10.1.1.1/24 dev veth0', ['Error: ipv4: Address already assigned.']],
  ['ip addr add 10.1.1.500/24 dev veth0', ['Error: any valid prefix is expected rather than "10.1.1.500/24".']],
  ['ip addr del 10.1.1.9/24 dev veth0', ['Error: ipv4: Address not found.']],
  ['ip addr add 10.1.1.9/24 dev nope', ['Cannot find device "nope"']],
  ['ip route add 10.6.0.0/16 via 10.9.9.9', ['Error: Nexthop has invalid gateway.']],
  ['ip route add 10.5.0.0/16 via 10.1.1.254', ['RTNETLINK answers: File exists']],
  ['ip route del 10.6.0.0/16', ['RTNETLINK answers: No such process']],
  ['ip route get 10.5.1.1', ['10.5.1.1 via 10.1.1.254 dev veth0 src 10.1.1.1 uid 0 ', '    cache ']],
  ['ip route get 10.1.1.1', ['local 10.1.1.1 dev lo src 10.1.1.1 uid 0 ', '    cache <local> ']],
  ['ip route get 8.8.8.8', ['RTNETLINK answers: Network is unreachable']],
  [
    'sysctl net.ipv4.conf.nope.rp_filter',
    ['sysctl: cannot stat /proc/sys/net/ipv4/conf/nope/rp_filter: No such file or directory'],
  ],
  ['sysctl -w net.ipv4.conf.all.rp_filter', ['sysctl: command line(0): invalid syntax, continuing...']],
  ['sysctl net.ipv4.ip_forward', ['net.ipv4.ip_forward = 0']],
  ['sysctl net.ipv4.neigh.veth0.retrans_time', ['net.ipv4.neigh.veth0.retrans_time = 100']],
  ['ip foo', ['Object "foo" is unknown, try "ip help".']],
  ['ip link show dev nope', ['Device "nope" does not exist.']],
  [
    'route -n',
    [
      'Kernel IP routing table',
      'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
      '10.1.1.0        0.0.0.0         255.255.255.0   U     0      0        0 veth0',
      '10.5.0.0        10.1.1.254      255.255.0.0     UG    0      0        0 veth0',
    ],
  ],
  [
    'ip route show table local',
    [
      'local 10.1.1.1 dev veth0 proto kernel scope host src 10.1.1.1 ',
      'broadcast 10.1.1.255 dev veth0 proto kernel scope link src 10.1.1.1 ',
      'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 ',
      'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 ',
      'broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 ',
    ],
  ],
  ['frobnicate', ['bash: frobnicate: command not found']],
];

describe('error and table texts as on Linux', () => {
  for (const [cmd, want] of CASES) {
    it(cmd, () => {
      const lab = new Lab(SETUP);
      expect(lab.run(cmd)).toEqual(want);
    });
  }

  it('ip link add with an existing name', () => {
    const lab = new Lab(SETUP);
    expect(lab.run('ip link add veth0 type veth peer name x')).toEqual(['RTNETLINK answers: File exists']);
  });

  it('ip netns errors', () => {
    const lab = new Lab('ip netns add c1');
    expect(lab.run('ip netns add c1')).toEqual(['Cannot create namespace file "/run/netns/c1": File exists']);
    expect(lab.run('ip netns exec nope ip link')).toEqual([
      'Cannot open network namespace "nope": No such file or directory',
    ]);
    expect(lab.run('ip -n nope link')).toEqual(['Cannot open network namespace "nope": No such file or directory']);
  });
});

describe('lexer', () => {
  it('splits words, honours quotes and comments', () => {
    expect(splitWords(`tcpdump -i veth0 'arp or icmp' # capture`)).toEqual({
      ok: true,
      words: ['tcpdump', '-i', 'veth0', 'arp or icmp'],
    });
    expect(splitWords(`echo "a b" c\\ d`)).toEqual({ ok: true, words: ['echo', 'a b', 'c d'] });
    expect(splitWords(`echo 'open`).ok).toBe(false);
  });
});

describe('fuzz: random command lines', () => {
  const words = [
    'ip',
    'link',
    'addr',
    'address',
    'route',
    'neigh',
    'netns',
    'add',
    'del',
    'delete',
    'set',
    'show',
    'dev',
    'veth0',
    'veth1',
    'br0',
    'lo',
    'nope',
    'type',
    'veth',
    'bridge',
    'peer',
    'name',
    'master',
    'nomaster',
    'up',
    'down',
    'address',
    '02:00:00:00:00:01',
    '10.1.1.1/24',
    '10.1.1.300',
    'via',
    '10.1.1.254',
    'default',
    'get',
    'from',
    'oif',
    'iif',
    'metric',
    '5',
    'table',
    'local',
    'main',
    'netns',
    'exec',
    'c1',
    'ping',
    '-c',
    '1',
    '-W',
    '-I',
    '-i',
    '0.2',
    '-f',
    'arping',
    '-w',
    'sysctl',
    '-w',
    'net.ipv4.conf.all.rp_filter=1',
    'net.ipv4.ip_forward=1',
    'bridge',
    'fdb',
    'brport',
    'route',
    '-n',
    'tcpdump',
    '-e',
    'arp',
    'lladdr',
    'nud',
    'permanent',
    'flush',
    'all',
    'brd',
    '+',
    'scope',
    'host',
    'link',
    '-br',
    '-o',
    '-d',
    '-n',
    'tuntap',
    'mode',
    'tap',
    'tap0',
    '""',
    "'",
    '\\',
    '-',
    '--',
    '@',
    '',
  ];
  it('never throws, never hits an internal error, and the lab keeps running', () => {
    const lab = new Lab(SETUP + '\nip netns add c1\nip link add br0 type bridge');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 9 }), (ws) => {
        const line = ws.join(' ');
        const r = lab.sh.run(line, 'host', 3_000_000);
        for (const l of r.lines) expect(l).not.toMatch(/internal error/);
        expect(typeof r.code).toBe('number');
      }),
      { numRuns: 3000 },
    );
    expect(lab.run('ip -br link show dev lo')[0]).toMatch(/^lo /);
  });
});

describe('arp (net-tools)', () => {
  it('prints /proc/net/arp as arp -n and arp -an do', () => {
    const lab = new Lab(
      'ip link add v0 type veth peer name v1\nip addr add 192.0.2.1/24 dev v0\nip link set v0 up\nip link set v1 up',
    );
    lab.run('ip neigh add 192.0.2.77 lladdr 02:11:22:33:44:55 dev v0');
    lab.run('ping -c1 -W1 192.0.2.99');
    expect(lab.run('arp -n')).toEqual([
      'Address                  HWtype  HWaddress           Flags Mask            Iface',
      '192.0.2.99                       (incomplete)                              v0',
      '192.0.2.77               ether   02:11:22:33:44:55   CM                    v0',
    ]);
    expect(lab.run('arp -an')).toEqual([
      '? (192.0.2.99) at <incomplete> on v0',
      '? (192.0.2.77) at 02:11:22:33:44:55 [ether] PERM on v0',
    ]);
    expect(lab.run('arp -n 192.0.2.5')).toEqual(['192.0.2.5 (192.0.2.5) -- no entry']);
  });
});

describe('arping modes', () => {
  const PAIR =
    'sysctl -w net.ipv4.conf.all.accept_local=1\nip link add v0 type veth peer name v1\nip addr add 192.0.2.1/24 dev v0\nip addr add 192.0.2.2/24 dev v1\nip link set v0 up\nip link set v1 up';
  it('-D probes from 0.0.0.0 and stops at the first answer', () => {
    const lab = new Lab(PAIR);
    const out = lab.run('arping -D -c 1 -w 1 -I v0 192.0.2.2');
    expect(out[0]).toBe('ARPING 192.0.2.2 from 0.0.0.0 v0');
    expect(out[1]).toMatch(/^Unicast reply from 192\.0\.2\.2 \[[0-9A-F:]{17}\] {2}\d+\.\d{3}ms$/);
    expect(out.slice(2)).toEqual(['Sent 1 probes (1 broadcast(s))', 'Received 1 response(s)']);
  });
  it('-A sends an unsolicited reply and counts nothing', () => {
    const lab = new Lab(PAIR);
    const cap = lab.capture('v1');
    expect(lab.run('arping -A -c 1 -I v0 192.0.2.2')).toEqual([
      'ARPING 192.0.2.2 from 192.0.2.2 v0',
      'Sent 1 probes (1 broadcast(s))',
      'Received 0 response(s)',
    ]);
    expect(cap.lines()[0]).toMatch(/^ARP, Reply 192\.0\.2\.2 is-at /);
  });
});
