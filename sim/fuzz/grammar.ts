// A grammar of every command the shell knows, with hostile words: names that are Object.prototype's
// properties, dots, slashes, spaces, unicode, names past IFNAMSIZ, a million characters, deep
// `ip netns exec` nesting, numbers past every integer type, regular expressions that explode a
// backtracking engine. Used by the property suite (commands.property.test.ts).
import fc from 'fast-check';

const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'];
const PLAIN = ['lo', 'v0', 'v1', 'v2', 'br0', 'br1', 'tap0', 'eth0', 'eth0.10', 'ns1', 'ns2', 'all', 'default'];
const ODD = [
  'a/b',
  "'x y'",
  'a:b',
  '.',
  '..',
  'é',
  '网卡0',
  '\u{1F600}',
  'n'.repeat(15),
  'n'.repeat(16),
  'n'.repeat(40),
  '%d',
  'v%d',
  '-',
  '--',
  "''",
];

/** a million characters, made once */
const HUGE = 'h'.repeat(1_000_000);

export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 4, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9._-]{1,20}$/) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);

export const num: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '-1',
    '2',
    '3',
    '56',
    '100',
    '1500',
    '65507',
    '65508',
    '65527',
    '65528',
    '65535',
    '65536',
    '70000',
    '2147483647',
    '2147483648',
    '4294967295',
    '4294967296',
    '9223372036854775807',
    '99999999999999999999',
    '-99999999999999999999',
    '1e9',
    '0x10',
    'NaN',
    'Infinity',
    '0.5',
    '',
  ),
  fc.integer({ min: 0, max: 5000 }).map(String),
);

const octet = fc.integer({ min: 0, max: 255 });
export const ip: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '10.0.0.1',
    '10.0.0.2',
    '10.0.0.255',
    '127.0.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '10.0.0.300',
    'nope',
  ),
  fc.tuple(fc.constant(10), fc.constant(0), fc.integer({ min: 0, max: 3 }), octet).map((o) => o.join('.')),
);
const prefix = fc.tuple(ip, fc.constantFrom('', '/0', '/8', '/24', '/32', '/33', '/-1')).map(([a, l]) => a + l);
const mac = fc.constantFrom(
  '00:11:22:33:44:55',
  '02:00:00:00:00:01',
  'ff:ff:ff:ff:ff:ff',
  '01:00:5e:00:00:01',
  'zz',
  '00:11:22:33:44:55:66',
);
const regex = fc.constantFrom(
  '(.*)(.*)(.*)(.*)(.*)(.*)(.*)X',
  '((a*)*)*b',
  '(a|aa)*c',
  'forw',
  '^net',
  'eth0/10',
  '(',
  '*x',
  '[[:digit:]]',
  'a{1,3}',
  'a{99999}',
  '(|x)',
  '',
);

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const words = (...parts: Array<string | undefined>) => parts.filter((p) => p !== undefined && p !== null).join(' ');

const ipLink = fc.oneof(
  fc.tuple(name, name).map(([a, b]) => `ip link add ${a} type veth peer name ${b}`),
  fc.tuple(name, fc.constantFrom('bridge', 'dummy', 'vlan', 'nonsense')).map(([a, t]) => `ip link add ${a} type ${t}`),
  fc
    .tuple(name, name, fc.constantFrom('bridge', 'private', 'vepa', 'passthru', 'source', 'bridges', ''))
    .map(([a, l, m]) => `ip link add ${a} link ${l} type macvlan mode ${m}`.trimEnd()),
  fc.tuple(name, fc.constantFrom('bridge', 'passthru', 'x')).map(([a, m]) => `ip link set ${a} type macvlan mode ${m}`),
  fc
    .tuple(name, fc.constantFrom('up', 'down', 'nomaster', 'promisc on', 'arp off'))
    .map(([a, s]) => `ip link set ${a} ${s}`),
  fc.tuple(name, name).map(([a, b]) => `ip link set ${a} master ${b}`),
  fc.tuple(name, num).map(([a, n]) => `ip link set dev ${a} mtu ${n}`),
  fc.tuple(name, name).map(([a, b]) => `ip link set ${a} netns ${b}`),
  fc.tuple(name, name).map(([a, b]) => `ip link set ${a} name ${b}`),
  fc
    .tuple(name, fc.constantFrom('stp_state', 'forward_delay', 'hello_time', 'vlan_filtering', 'ageing_time'), num)
    .map(([a, k, n]) => `ip link set ${a} type bridge ${k} ${n}`),
  name.map((a) => `ip link del ${a}`),
  fc.tuple(fc.constantFrom('', '-br ', '-d ', '-s ', '-o '), opt(name)).map(([o, a]) => words(`ip ${o}link show`, a)),
);

const ipAddr = fc.oneof(
  fc
    .tuple(prefix, name, opt(fc.tuple(fc.constantFrom('scope', 'label', 'broadcast', 'valid_lft'), name)))
    .map(([p, d, o]) => words(`ip addr add ${p} dev ${d}`, o?.join(' '))),
  fc.tuple(prefix, name).map(([p, d]) => `ip addr del ${p} dev ${d}`),
  opt(name).map((d) => words('ip addr show', d && `dev ${d}`)),
  name.map((d) => `ip addr flush dev ${d}`),
);

const ipRoute = fc.oneof(
  fc
    .tuple(
      prefix,
      opt(ip),
      opt(name),
      opt(
        fc.tuple(
          fc.constantFrom('proto', 'scope', 'table', 'metric', 'mtu', 'src', 'type', 'tos'),
          fc.oneof(name, num),
        ),
      ),
    )
    .map(([p, gw, d, o]) => words(`ip route add ${p}`, gw && `via ${gw}`, d && `dev ${d}`, o?.join(' '))),
  fc.tuple(prefix, opt(name)).map(([p, d]) => words(`ip route del ${p}`, d && `dev ${d}`)),
  fc
    .tuple(fc.constantFrom('proto', 'scope', 'table', 'dev'), fc.oneof(name, num))
    .map(([k, v]) => `ip route show ${k} ${v}`),
  fc.tuple(ip, opt(name)).map(([a, d]) => words(`ip route get ${a}`, d && `oif ${d}`)),
  fc.constantFrom('ip route', 'ip route show cache', 'ip route flush cache'),
);

const ipNeigh = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('add', 'replace', 'change'),
      ip,
      mac,
      name,
      opt(fc.oneof(name, fc.constantFrom('permanent', 'reachable', 'stale', 'noarp', 'failed', 'incomplete'))),
    )
    .map(([v, a, m, d, s]) => words(`ip neigh ${v} ${a} lladdr ${m} dev ${d}`, s && `nud ${s}`)),
  fc.tuple(ip, name).map(([a, d]) => `ip neigh del ${a} dev ${d}`),
  fc.tuple(fc.constantFrom('nud', 'dev'), name).map(([k, v]) => `ip neigh show ${k} ${v}`),
  fc.tuple(ip, name).map(([a, d]) => `ip neigh add proxy ${a} dev ${d}`),
  fc.constantFrom('ip neigh', 'ip neigh flush all'),
);

const ipNetns = fc.oneof(
  name.map((n) => `ip netns add ${n}`),
  name.map((n) => `ip netns del ${n}`),
  fc.tuple(name, num).map(([n, id]) => `ip netns set ${n} ${id}`),
  fc.constantFrom('ip netns list', 'ip netns list-id', 'ip netns identify'),
  fc
    .tuple(
      name,
      fc.constantFrom(
        'ip link',
        'ip -br addr',
        'ping -c 1 -W 1 127.0.0.1',
        'sysctl net.ipv4.ip_forward',
        'ip netns identify',
      ),
    )
    .map(([n, c]) => `ip -n ${n} ${c.slice(3)}`),
);

const ipTuntap = fc
  .tuple(fc.constantFrom('add', 'del'), name, fc.constantFrom('tap', 'tun', 'nonsense'))
  .map(([v, n, m]) => `ip tuntap ${v} dev ${n} mode ${m}`);

const bridge = fc.oneof(
  fc
    .tuple(
      name,
      fc.oneof(
        name,
        fc.constantFrom(
          'learning',
          'flood',
          'hairpin',
          'isolated',
          'guard',
          'neigh_suppress',
          'mcast_flood',
          'cost',
          'priority',
          'state',
        ),
      ),
      fc.oneof(fc.constantFrom('on', 'off'), num),
    )
    .map(([d, k, v]) => `bridge link set dev ${d} ${k} ${v}`),
  fc
    .tuple(
      fc.constantFrom('add', 'del', 'replace'),
      mac,
      name,
      opt(fc.constantFrom('master', 'self', 'static', 'permanent', 'local')),
    )
    .map(([v, m, d, f]) => words(`bridge fdb ${v} ${m} dev ${d}`, f)),
  fc
    .tuple(
      fc.constantFrom('add', 'del'),
      num,
      name,
      opt(fc.constantFrom('pvid', 'untagged', 'pvid untagged', 'self', 'master')),
    )
    .map(([v, id, d, f]) => words(`bridge vlan ${v} vid ${id} dev ${d}`, f)),
  fc.constantFrom('bridge link', 'bridge fdb', 'bridge fdb show', 'bridge vlan', 'bridge -d link'),
);

const sysctlKey = fc.oneof(
  fc.constantFrom('all', 'default').map((w) => `net.ipv4.conf.${w}.forwarding`),
  fc
    .tuple(name, fc.constantFrom('forwarding', 'rp_filter', 'arp_ignore', 'proxy_arp', 'accept_local'))
    .map(([n, k]) => `net.ipv4.conf.${n.replace(/\./g, '/')}.${k}`),
  fc
    .tuple(
      fc.oneof(fc.constant('default'), name),
      fc.oneof(name, fc.constantFrom('locktime', 'gc_interval', 'base_reachable_time_ms', 'unres_qlen')),
    )
    .map(([n, k]) => `net.ipv4.neigh.${n}.${k}`),
  name.map((k) => `net.bridge.${k}`),
  fc.oneof(name, fc.constantFrom('ip_forward', 'ip_default_ttl', 'icmp_echo_ignore_all')).map((k) => `net.ipv4.${k}`),
  fc.constantFrom(
    'net',
    'net.ipv4',
    'net.ipv4.conf',
    'net.ipv4.neigh',
    'net/ipv4/conf/eth0.10/forwarding',
    'net.ipv6.conf.all.disable_ipv6',
    'kernel.hostname',
  ),
);

const sysctl = fc.oneof(
  sysctlKey.map((k) => `sysctl ${k}`),
  fc.tuple(sysctlKey, num).map(([k, v]) => `sysctl -w ${k}=${v}`),
  regex.map((r) => `sysctl -a -r '${r}'`),
  fc.tuple(regex, sysctlKey).map(([r, k]) => `sysctl -n -r '${r}' ${k}`),
  fc.constantFrom('sysctl -a', 'sysctl -q -a', 'sysctl -e nope.nope'),
);

const ping = fc
  .tuple(
    ip,
    opt(
      fc.tuple(
        fc.constantFrom('-s', '-c', '-i', '-t', '-W', '-w', '-M', '-I', '-l'),
        fc.oneof(num, name, fc.constantFrom('do', 'dont', 'want')),
      ),
    ),
  )
  .map(([a, o]) => words('ping -c 2 -W 1', o?.join(' '), a));
const arping = fc
  .tuple(ip, name, opt(fc.tuple(fc.constantFrom('-c', '-w', '-s', '-A', '-U', '-D'), num)))
  .map(([a, d, o]) =>
    words(`arping -c 1 -w 2 -I ${d}`, o?.[0], o && !['-A', '-U', '-D'].includes(o[0]) ? o[1] : undefined, a),
  );
const tcpdump = fc
  .tuple(
    name,
    num,
    opt(fc.constantFrom('-e', '-n', '-p', '-q', '-v', 'icmp', 'arp', 'host 10.0.0.1', 'port 53', '-w x.pcap')),
  )
  .map(([d, c, o]) => words(`tcpdump -i ${d} -c ${c}`, o));
const route = fc.oneof(
  fc
    .tuple(ip, fc.constantFrom('255.255.255.0', '255.0.0.0', '0.0.0.0', '255.255.0.255', 'x'), name)
    .map(([a, m, d]) => `route add -net ${a} netmask ${m} dev ${d}`),
  fc.tuple(ip, ip).map(([a, g]) => `route add -host ${a} gw ${g}`),
  fc.constantFrom('route', 'route -n', 'route del default'),
);
const arp = fc.oneof(
  fc.tuple(ip, mac).map(([a, m]) => `arp -s ${a} ${m}`),
  ip.map((a) => `arp -d ${a}`),
  name.map((d) => `arp -n -i ${d}`),
  fc.constant('arp -n'),
);
const iptables = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('INPUT', 'OUTPUT', 'FORWARD', 'PREROUTING', 'POSTROUTING'),
      opt(name),
      fc.oneof(name, fc.constantFrom('icmp', 'tcp', 'all')),
      fc.oneof(name, fc.constantFrom('ACCEPT', 'DROP', 'REJECT', 'LOG', 'MASQUERADE')),
    )
    .map(([c, t, p, j]) => words('iptables', t && `-t ${t}`, `-A ${c} -p ${p} -j ${j}`)),
  fc
    .tuple(
      name,
      fc.oneof(
        name,
        fc.constantFrom(
          'state --state NEW',
          'conntrack --ctstate ESTABLISHED',
          'addrtype --src-type LOCAL',
          'comment --comment x',
        ),
      ),
    )
    .map(([c, m]) => `iptables -A ${c} -m ${m} -j ACCEPT`),
  name.map((c) => `iptables -N ${c}`),
  name.map((c) => `iptables -X ${c}`),
  fc
    .tuple(
      fc.constantFrom('INPUT', 'FORWARD'),
      fc.oneof(name, fc.constantFrom('icmp-port-unreachable', 'icmp-host-prohibited')),
    )
    .map(([c, w]) => `iptables -A ${c} -j REJECT --reject-with ${w}`),
  fc.constantFrom(
    'iptables -L',
    'iptables -S',
    'iptables -t nat -L -n -v',
    'iptables-save',
    'iptables -F',
    'iptables -P FORWARD DROP',
  ),
);
const conntrack = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('-L', '-D', '-F', '-C', '-E'),
      opt(fc.tuple(fc.constantFrom('-p', '-s', '-d', '--orig-src', '-f'), fc.oneof(name, ip))),
    )
    .map(([c, o]) => words('conntrack', c, o?.join(' '))),
  name.map((o) => `conntrack --${o}`),
);
const lab = fc.oneof(
  fc
    .tuple(name, opt(fc.tuple(fc.constantFrom('netns', 'address', 'speed'), fc.oneof(name, num, mac))))
    .map(([n, o]) => words(`lab nic add ${n}`, o?.join(' '))),
  fc.tuple(name, name).map(([a, b]) => `lab cable ${a} ${b}`),
  name.map((a) => `lab unplug ${a}`),
  fc.tuple(name, name).map(([v, t]) => `lab vm add ${v} tap ${t}`),
  name.map((v) => `lab vm del ${v}`),
  fc.tuple(name, ip).map(([h, a]) => `lab hosts add ${h} ${a}`),
  name.map((x) => `lab ${x}`),
);
const misc = fc.oneof(
  fc.constantFrom(
    'sleep 1',
    'sleep 0',
    'sleep -1',
    'sleep x',
    'true',
    'false',
    'echo hi',
    'nonsense',
    '',
    '"unterminated',
    "ip link add 'x",
  ),
  name.map((n) => `echo ${n}`),
  name.map((n) => n),
);

/** one command, as a person would type it, possibly inside nested `ip netns exec` */
const plainCommand: fc.Arbitrary<string> = fc.oneof(
  ipLink,
  ipAddr,
  ipRoute,
  ipNeigh,
  ipNetns,
  ipTuntap,
  bridge,
  sysctl,
  ping,
  arping,
  tcpdump,
  route,
  arp,
  iptables,
  conntrack,
  lab,
  misc,
);

export const command: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: plainCommand },
  {
    weight: 1,
    // a line is at most about 50 MB: a million-character name is nested 50 deep at most
    arbitrary: fc
      .tuple(fc.constantFrom(1, 2, 50, 2000, 10_000), name, plainCommand)
      .map(([depth, ns, c]) => `ip netns exec ${ns} `.repeat(ns.length > 1000 ? Math.min(depth, 50) : depth) + c),
  },
);

/** a lab to start from: what the articles build, so that commands find devices to act on */
export const SETUPS = [
  [],
  [
    'ip link add v0 type veth peer name v1',
    'ip link set v0 up',
    'ip link set v1 up',
    'ip addr add 10.0.0.1/24 dev v0',
    'ip netns add ns1',
    'ip link set v1 netns ns1',
    'ip -n ns1 addr add 10.0.0.2/24 dev v1',
    'ip -n ns1 link set v1 up',
  ],
  [
    'ip link add br0 type bridge',
    'ip link set br0 up',
    'ip link add v0 type veth peer name v1',
    'ip link set v0 master br0',
    'ip link set v0 up',
    'ip netns add ns1',
    'ip link set v1 netns ns1',
    'ip -n ns1 addr add 10.0.0.2/24 dev v1',
    'ip -n ns1 link set v1 up',
    'ip addr add 10.0.0.1/24 dev br0',
    'ip tuntap add dev tap0 mode tap',
  ],
];
