import { describe, it, expect } from 'vitest';
import { MacNamer, normalizeLine, transcriptBlock, parseScenario, listsHashTable, type DeviceMac } from './normalize';

// The devices of article-2-eth0-into-bridge.sh / arp-flux.sh after their setup, in scan order.
const DEVICES: DeviceMac[] = [
  { ns: 'host', name: 'lo', mac: '00:00:00:00:00:00' },
  { ns: 'host', name: 'eth0', mac: '08:00:27:3b:0d:b9' },
  { ns: 'host', name: 'br0', mac: '08:00:27:3b:0d:b9' },
  { ns: 'host', name: 'veth1', mac: '6e:5f:3a:10:00:02' },
  { ns: 'host', name: 'veth0', mac: '6e:5f:3a:10:00:01' },
  { ns: 'lan', name: 'lo', mac: '00:00:00:00:00:00' },
  { ns: 'lan', name: 'gw', mac: '52:54:00:12:35:01' },
];

function namer(devices: DeviceMac[] = DEVICES): MacNamer {
  const n = new MacNamer();
  n.observe(devices);
  return n;
}

describe('normalizeLine', () => {
  const cases: [string, string][] = [
    // arping (arp-flux.txt): capitals, reply time
    ['Unicast reply from 192.168.3.101 [08:00:27:3B:0D:B9]  0.789ms', 'Unicast reply from 192.168.3.101 [{ETH0}]  Tms'],
    [
      'Unicast reply from 192.168.3.102 [6E:5F:3A:10:00:02]  1.021ms',
      'Unicast reply from 192.168.3.102 [{VETH1}]  Tms',
    ],
    // an address without letters cannot show its case: it is named in lower case
    ['Unicast reply from 192.168.3.1 [52:54:00:12:35:01]  12.003ms', 'Unicast reply from 192.168.3.1 [{lan:gw}]  Tms'],
    ['ARPING 192.168.3.101 from 192.168.3.1 gw', 'ARPING 192.168.3.101 from 192.168.3.1 gw'],
    // unknown addresses stay as written, in braces, in their own case
    [
      'Unicast reply from 192.0.2.3 [1E:01:9D:D5:48:74]  0.100ms',
      'Unicast reply from 192.0.2.3 [{1E:01:9D:D5:48:74}]  Tms',
    ],
    ['1e:01:9d:d5:48:74 dev vethA master br0 ', '{1e:01:9d:d5:48:74} dev vethA master br0'],
    ['33:33:00:00:00:01 dev br0 self permanent', '{33:33:00:00:00:01} dev br0 self permanent'],
    // 00:00:00:00:00:00 is never named
    [
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    link/loopback {00:00:00:00:00:00} brd {00:00:00:00:00:00}',
    ],
    // tcpdump -e (arp-flux.txt, article-2)
    [
      '52:54:00:12:35:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.168.3.101 (ff:ff:ff:ff:ff:ff) tell 192.168.3.1, length 28',
      '{lan:gw} > {ff:ff:ff:ff:ff:ff}, ethertype ARP (0x0806), length 42: Request who-has 192.168.3.101 ({ff:ff:ff:ff:ff:ff}) tell 192.168.3.1, length 28',
    ],
    [
      '08:00:27:3b:0d:b9 > 52:54:00:12:35:01, ethertype ARP (0x0806), length 42: Reply 192.168.3.101 is-at 08:00:27:3b:0d:b9, length 28',
      '{eth0} > {lan:gw}, ethertype ARP (0x0806), length 42: Reply 192.168.3.101 is-at {eth0}, length 28',
    ],
    [
      '6e:5f:3a:10:00:02 > 52:54:00:12:35:01, ethertype IPv4 (0x0800), length 98: 192.168.3.102 > 192.168.3.1: ICMP echo request, id 5011, seq 1, length 64',
      '{veth1} > {lan:gw}, ethertype IPv4 (0x0800), length 98: 192.168.3.102 > 192.168.3.1: ICMP echo request, id ID, seq 1, length 64',
    ],
    [
      '23:37:29.543190 IP 192.0.2.2 > 192.0.2.3: ICMP echo request, id 9580, seq 1, length 64',
      '23:37:29.543190 IP 192.0.2.2 > 192.0.2.3: ICMP echo request, id ID, seq 1, length 64',
    ],
    // ping (KERNEL.md 6)
    [
      '64 bytes from 192.0.2.3: icmp_seq=1 ttl=64 time=0.146 ms',
      '64 bytes from 192.0.2.3: icmp_seq=1 ttl=64 time=T ms',
    ],
    ['64 bytes from 192.0.2.3: icmp_seq=2 ttl=64 time=12.5 ms', '64 bytes from 192.0.2.3: icmp_seq=2 ttl=64 time=T ms'],
    [
      '64 bytes from 192.0.2.3: icmp_seq=3 ttl=64 time=1003 ms (DUP!)',
      '64 bytes from 192.0.2.3: icmp_seq=3 ttl=64 time=T ms (DUP!)',
    ],
    [
      '3 packets transmitted, 3 received, 0% packet loss, time 2039ms',
      '3 packets transmitted, 3 received, 0% packet loss, time Tms',
    ],
    [
      '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms',
      '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time Tms',
    ],
    ['rtt min/avg/max/mdev = 0.097/0.114/0.146/0.022 ms', 'rtt min/avg/max/mdev = T'],
    ['rtt min/avg/max/mdev = 0.097/0.114/0.146/0.022 ms, pipe 2', 'rtt min/avg/max/mdev = T, pipe 2'],
    [
      'From 192.168.3.21 icmp_seq=1 Destination Host Unreachable',
      'From 192.168.3.21 icmp_seq=1 Destination Host Unreachable',
    ],
    // trailing spaces (ip -br link, ip route, ip neigh print one)
    [
      'br0              UP             08:00:27:3b:0d:b9 <BROADCAST,MULTICAST,UP,LOWER_UP> ',
      'br0              UP             {eth0} <BROADCAST,MULTICAST,UP,LOWER_UP>',
    ],
    ['default via 192.168.3.1 dev eth0 ', 'default via 192.168.3.1 dev eth0'],
    ['192.168.3.101 dev veth1 lladdr 6e:5f:3a:10:00:01 STALE ', '192.168.3.101 dev veth1 lladdr {veth0} STALE'],
    // not MACs
    [
      'br0              UP             192.0.2.1/24 fe80::c32:c8ff:febb:9a78/64 ',
      'br0              UP             192.0.2.1/24 fe80::c32:c8ff:febb:9a78/64',
    ],
    ['inet6 fe80::aa:bb:cc:dd:ee:ff/64 scope link', 'inet6 fe80::aa:bb:cc:dd:ee:ff/64 scope link'],
    ['net.ipv4.neigh.gw.base_reachable_time_ms = 3600000', 'net.ipv4.neigh.gw.base_reachable_time_ms = 3600000'],
  ];
  it.each(cases)('%s', (raw, want) => {
    expect(normalizeLine(raw, namer())).toBe(want);
  });
});

describe('MacNamer', () => {
  it('names an address after the first device that had it, host by DEV and others by NS:DEV', () => {
    const n = namer();
    expect(n.apply('08:00:27:3b:0d:b9')).toBe('{eth0}');
    expect(n.apply('52:54:00:12:35:01')).toBe('{lan:gw}');
    expect(n.nameOf('52:54:00:12:35:01')).toBe('lan:gw');
  });

  it('keeps the first name: a bridge that takes a port address later prints as that port', () => {
    const m = new MacNamer();
    m.observe([
      { ns: 'host', name: 'br0', mac: '0e:32:c8:bb:9a:78' },
      { ns: 'host', name: 'veth0', mac: '6e:5f:3a:10:00:01' },
    ]);
    m.observe([
      { ns: 'host', name: 'br0', mac: '6e:5f:3a:10:00:01' },
      { ns: 'host', name: 'veth0', mac: '6e:5f:3a:10:00:01' },
    ]);
    expect(m.apply('0e:32:c8:bb:9a:78')).toBe('{br0}');
    expect(m.apply('br0              UP             6e:5f:3a:10:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> ')).toBe(
      'br0              UP             {veth0} <BROADCAST,MULTICAST,UP,LOWER_UP> ',
    );
  });

  it('never names 00:00:00:00:00:00 and accepts addresses given in capitals', () => {
    const n = new MacNamer();
    n.observe([
      { ns: 'host', name: 'lo', mac: '00:00:00:00:00:00' },
      { ns: 'host', name: 'eth0', mac: '08:00:27:3B:0D:B9' },
    ]);
    expect(n.apply('00:00:00:00:00:00')).toBe('{00:00:00:00:00:00}');
    expect(n.apply('[08:00:27:3B:0D:B9]')).toBe('[{ETH0}]');
    expect(n.apply('08:00:27:3b:0d:b9')).toBe('{eth0}');
  });

  it('writes the capitals of a namespaced name', () => {
    const n = new MacNamer();
    n.observe([{ ns: 'lan', name: 'gw', mac: '52:54:00:ab:35:01' }]);
    expect(n.apply('Unicast reply from 192.168.3.1 [52:54:00:AB:35:01]  0.5ms')).toBe(
      'Unicast reply from 192.168.3.1 [{LAN:GW}]  0.5ms',
    );
  });

  it('names an all-digit address in lower case', () => {
    const n = new MacNamer();
    n.observe([{ ns: 'host', name: 'eth1', mac: '02:00:00:00:00:01' }]);
    expect(n.apply('02:00:00:00:00:01')).toBe('{eth1}');
  });
});

describe('listsHashTable', () => {
  const cases: [string, boolean][] = [
    ['ip neigh', true],
    ['ip -n lan neigh', true],
    ['ip netns exec lan ip neigh', true],
    ['ip neighbour show dev br0', true],
    ['ip -4 -s n', true],
    ['ip -netns lan nei', true],
    ['bridge fdb show br br0 dynamic', true],
    ['bridge -s fdb', true],
    ['ip netns exec lan bridge fdb show', true],
    ['ip netns exec lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000', false],
    ['ip netns add lan', false],
    ['ip netns list', false],
    ['ip link', false],
    ['ip -n lan link show', false],
    ['bridge link', false],
    ['ip route', false],
    ['arp -n', false],
  ];
  it.each(cases)('%s -> %s', (cmd, want) => {
    expect(listsHashTable(cmd)).toBe(want);
  });
});

describe('transcriptBlock', () => {
  it('sorts ip neigh after normalization (article-1-veth-into-bridge.txt)', () => {
    const n = namer();
    const out =
      '192.168.3.102 dev br0 lladdr 6e:5f:3a:10:00:02 REACHABLE \n192.168.3.101 dev veth1 lladdr 6e:5f:3a:10:00:01 STALE \n192.168.3.1 dev br0 FAILED \n';
    expect(transcriptBlock('ip neigh', out, [], n)).toEqual([
      '$ ip neigh',
      '192.168.3.1 dev br0 FAILED',
      '192.168.3.101 dev veth1 lladdr {veth0} STALE',
      '192.168.3.102 dev br0 lladdr {veth1} REACHABLE',
    ]);
  });

  it('sorts ip -n NS neigh (article-2-eth0-into-bridge.txt)', () => {
    const out = [
      '192.168.3.21 dev gw lladdr 08:00:27:3b:0d:b9 STALE ',
      '192.168.3.102 dev gw lladdr 6e:5f:3a:10:00:02 DELAY ',
      '192.168.3.101 dev gw lladdr 08:00:27:3b:0d:b9 DELAY ',
    ].join('\n');
    expect(transcriptBlock('ip -n lan neigh', out, [], namer())).toEqual([
      '$ ip -n lan neigh',
      '192.168.3.101 dev gw lladdr {eth0} DELAY',
      '192.168.3.102 dev gw lladdr {veth1} DELAY',
      '192.168.3.21 dev gw lladdr {eth0} STALE',
    ]);
  });

  it('sorts bridge fdb by the names, not the addresses', () => {
    const out = '6e:5f:3a:10:00:02 dev veth0 master br0 \n52:54:00:12:35:01 dev eth0 master br0 \n';
    expect(transcriptBlock('bridge fdb show br br0 dynamic', out, [], namer())).toEqual([
      '$ bridge fdb show br br0 dynamic',
      '{lan:gw} dev eth0 master br0',
      '{veth1} dev veth0 master br0',
    ]);
  });

  it('keeps the order of other commands and drops blank lines', () => {
    const out = [
      'PING 192.168.3.1 (192.168.3.1) 56(84) bytes of data.',
      'From 192.168.3.21 icmp_seq=1 Destination Host Unreachable',
      '',
      '--- 192.168.3.1 ping statistics ---',
      '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms',
      '',
    ].join('\n');
    expect(transcriptBlock('ping -c 1 -W 5 192.168.3.1', out, [], namer())).toEqual([
      '$ ping -c 1 -W 5 192.168.3.1',
      'PING 192.168.3.1 (192.168.3.1) 56(84) bytes of data.',
      'From 192.168.3.21 icmp_seq=1 Destination Host Unreachable',
      '--- 192.168.3.1 ping statistics ---',
      '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time Tms',
    ]);
  });

  it('prints an empty output as the command alone', () => {
    expect(transcriptBlock('ip -n lan neigh', '', [], namer())).toEqual(['$ ip -n lan neigh']);
    expect(transcriptBlock('ip netns add lan', '\n', [], namer())).toEqual(['$ ip netns add lan']);
  });

  it('appends captures in the order given, without tcpdump chatter, empty ones too', () => {
    const eth0 = [
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
      'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
      '08:00:27:3b:0d:b9 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.168.3.1 tell 192.168.3.21, length 28',
      '52:54:00:12:35:01 > 08:00:27:3b:0d:b9, ethertype ARP (0x0806), length 42: Reply 192.168.3.1 is-at 52:54:00:12:35:01, length 28',
      '',
      '2 packets captured',
      '2 packets received by filter',
      '0 packets dropped by kernel',
    ];
    const out = 'PING 192.168.3.1 (192.168.3.1) from 192.168.3.21 eth0: 56(84) bytes of data.\n';
    expect(
      transcriptBlock(
        'ping -c 1 -W 5 -I eth0 192.168.3.1',
        out,
        [
          { iface: 'eth0', lines: eth0 },
          { iface: 'lan:gw', lines: [] },
        ],
        namer(),
      ),
    ).toEqual([
      '$ ping -c 1 -W 5 -I eth0 192.168.3.1',
      'PING 192.168.3.1 (192.168.3.1) from 192.168.3.21 eth0: 56(84) bytes of data.',
      '-- tcpdump -i eth0',
      '{eth0} > {ff:ff:ff:ff:ff:ff}, ethertype ARP (0x0806), length 42: Request who-has 192.168.3.1 tell 192.168.3.21, length 28',
      '{lan:gw} > {eth0}, ethertype ARP (0x0806), length 42: Reply 192.168.3.1 is-at {lan:gw}, length 28',
      '-- tcpdump -i lan:gw',
    ]);
  });
});

describe('parseScenario', () => {
  it('skips comments and blank lines and attaches a capture to the next command only', () => {
    const text = [
      '# ARP flux: with arp_ignore=0 Linux answers an ARP request for any of its addresses on any interface,',
      'sysctl -w net.ipv4.conf.all.rp_filter=0',
      '',
      'ip netns add lan',
      '#> capture eth0 br0 veth1',
      'ip netns exec lan arping -c 1 -w 3 -I gw 192.168.3.101',
      '# neighbour timers long enough that no entry ages while the scenario runs',
      'ip -n lan neigh   ',
      '#> capture lan:gw',
      '',
      'ping -c 1 -W 5 192.168.3.1',
      '',
    ].join('\n');
    expect(parseScenario(text)).toEqual([
      { cmd: 'sysctl -w net.ipv4.conf.all.rp_filter=0', capture: [] },
      { cmd: 'ip netns add lan', capture: [] },
      { cmd: 'ip netns exec lan arping -c 1 -w 3 -I gw 192.168.3.101', capture: ['eth0', 'br0', 'veth1'] },
      { cmd: 'ip -n lan neigh', capture: [] },
      { cmd: 'ping -c 1 -W 5 192.168.3.1', capture: ['lan:gw'] },
    ]);
  });

  it('reads CRLF files', () => {
    expect(parseScenario('ip link\r\n#> capture br0\r\nping -c 1 192.0.2.1\r\n')).toEqual([
      { cmd: 'ip link', capture: [] },
      { cmd: 'ping -c 1 192.0.2.1', capture: ['br0'] },
    ]);
  });
});
