// Random scenarios for differential testing: `npm run -s fuzz -- --kind bridge|router|docker|arp|links|bridge-mtu|fdb|bridge-opts|pvlan|snat --seed N
// --count K --out DIR` writes K scenarios of random commands on a small lab, which
// `npm run conformance -- DIR/*.sh` then runs on the kernel and the simulator. Every scenario sets
// long reachable times, short failures (fuzz/pick.ts NEIGH) and hand-made MACs, so what still differs
// is either a modelling error or one of the known sources of noise: linkwatch's batching or an ICMP
// redirect's rate limit meeting the kernel side's slower pace, conntrack's hash order.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prng } from '../../sim/core/prng';
import { AB_LAB, NEIGH, type FuzzKind } from './fuzz/pick';
import { bridgeMtu } from './fuzz/bridgeMtu';
import { fdbFlags } from './fuzz/fdbFlags';
import { bridgeOpts } from './fuzz/bridgeOpts';
import { pvlanCommand, pvlanSetup } from './fuzz/proxyArp';
import { snatCommand, snatSetup } from './fuzz/snatRange';

/** kinds whose setup and generator live in their own file under fuzz/ */
const KIND_FILES: Record<string, FuzzKind> = {
  'bridge-mtu': bridgeMtu,
  fdb: fdbFlags,
  'bridge-opts': bridgeOpts,
  pvlan: { setup: pvlanSetup, command: pvlanCommand },
  snat: { setup: snatSetup, command: snatCommand },
};
const KINDS = [
  'bridge',
  'router',
  'docker',
  'arp',
  'links',
  'bridge-mtu',
  'fdb',
  'bridge-opts',
  'pvlan',
  'snat',
] as const;
type Kind = (typeof KINDS)[number];

/** Docker's diagram: containers a and b on docker0 (172.17.0.0/16), the host routing to a LAN namespace. */
function dockerSetup(): string[] {
  const lines = [
    'sysctl -w net.ipv4.conf.all.rp_filter=0',
    'sysctl -w net.ipv4.conf.default.rp_filter=0',
    'ip netns add lan',
    'ip netns add a',
    'ip netns add b',
    'ip link add eth0 type veth peer name gw netns lan',
    'ip link set eth0 address 08:00:27:3b:0d:b9',
    'ip -n lan link set gw address 52:54:00:12:35:01',
    'ip link add docker0 type bridge',
    'ip link set docker0 address 02:42:00:00:00:01',
    'ip link add va type veth peer name eth0 netns a',
    'ip link add vb type veth peer name eth0 netns b',
    'ip link set va address 02:00:00:00:00:03',
    'ip link set vb address 02:00:00:00:00:04',
    'ip -n a link set eth0 address 02:42:ac:11:00:02',
    'ip -n b link set eth0 address 02:42:ac:11:00:03',
  ];
  for (const d of ['eth0', 'docker0', 'va', 'vb']) lines.push(`sysctl -w ${NEIGH(d)}`);
  for (const n of ['a', 'b'])
    lines.push(
      `ip netns exec ${n} sysctl -w ${NEIGH('eth0')}`,
      `ip netns exec ${n} sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.eth0.rp_filter=0`,
    );
  lines.push(
    `ip netns exec lan sysctl -w ${NEIGH('gw')}`,
    'ip netns exec lan sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.gw.rp_filter=0',
  );
  lines.push(
    'ip -n lan addr add 192.168.3.1/24 dev gw',
    'ip -n lan link set gw up',
    'ip addr add 192.168.3.21/24 dev eth0',
    'ip link set eth0 up',
    'ip addr add 172.17.0.1/16 dev docker0',
    'ip link set docker0 up',
    'ip link set va master docker0',
    'ip link set vb master docker0',
    'ip link set va up',
    'ip link set vb up',
    'ip -n a addr add 172.17.0.2/16 dev eth0',
    'ip -n b addr add 172.17.0.3/16 dev eth0',
    'ip -n a link set eth0 up',
    'ip -n b link set eth0 up',
    'ip -n a route add default via 172.17.0.1',
    'ip -n b route add default via 172.17.0.1',
    'sleep 1',
  );
  return lines;
}

function dockerCommand(p: Pick): string[] {
  const targets = [
    '172.17.0.1',
    '172.17.0.2',
    '172.17.0.3',
    '172.17.0.9',
    '192.168.3.1',
    '192.168.3.21',
    '192.168.3.9',
    '8.8.8.8',
  ];
  const k = p.of([...Array(20).keys()]);
  if (k < 7) {
    const ns = p.of(['ip netns exec a ', 'ip netns exec a ', 'ip netns exec b ', 'ip netns exec lan ', '']);
    const cap = p.capture(0.5, ['docker0', 'va', 'vb', 'eth0', 'lan:gw']);
    return [...cap, `${ns}ping -c 1 -W 1 ${p.of(['', '', '-t 1 ', '-s 1600 '])}${p.of(targets)}`];
  }
  if (k < 9)
    return [
      `sysctl -w net.${p.of(['ipv4.ip_forward=1', 'ipv4.ip_forward=1', 'ipv4.ip_forward=0', 'bridge.bridge-nf-call-iptables=0', 'bridge.bridge-nf-call-iptables=1'])}`,
    ];
  if (k < 14) {
    return [
      p.of([
        'iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
        'iptables -t nat -A POSTROUTING -s 172.17.0.0/16 -j MASQUERADE',
        'iptables -t nat -F',
        'iptables -P FORWARD DROP',
        'iptables -P FORWARD ACCEPT',
        'iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
        'iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        'iptables -A FORWARD -i docker0 -o docker0 -j ACCEPT',
        'iptables -A FORWARD -i docker0 -o docker0 -j DROP',
        'iptables -F FORWARD',
        'iptables -t nat -A PREROUTING -i eth0 -d 192.168.3.21 -p icmp -j DNAT --to-destination 172.17.0.2',
        'iptables -A FORWARD -d 172.17.0.3 -j REJECT',
        'ip netns exec lan ip route add 172.17.0.0/16 via 192.168.3.21',
        'ip route add default via 192.168.3.1',
        'conntrack -F',
      ]),
    ];
  }
  if (k < 15) {
    // a port leaving can take docker0's carrier away; the carrier-off event waits for linkwatch's next
    // run (up to 1 s, linkwatch_schedule_work()), and only if it runs before the carrier returns are
    // docker0's neighbours flushed (neigh_carrier_down()): the pause lets it run on both sides
    const cmd = p.of([
      'ip link set va nomaster',
      'ip link set va master docker0',
      'ip link set vb down',
      'ip link set vb up',
    ]);
    return cmd.endsWith('nomaster') || cmd.endsWith('down') ? [cmd, 'sleep 1'] : [cmd];
  }
  return [
    p.of([
      'iptables -L -n -v',
      'iptables -t nat -L -n -v',
      'iptables -S',
      'ip neigh',
      'ip -n a neigh',
      'ip -n lan neigh',
      'bridge fdb show br docker0 dynamic',
      'ip route',
      'ip -n a route get 192.168.3.1',
    ]),
  ];
}

/** ARP flux's lab: the host's e0 and e1 on one switch (a bridge in namespace lan) with a client c. */
function arpSetup(): string[] {
  const lines = [
    'ip netns add lan',
    'ip netns add c',
    'ip -n lan link add sw type bridge',
    'ip link add e0 type veth peer name p0 netns lan',
    'ip link add e1 type veth peer name p1 netns lan',
    'ip -n c link add eth0 type veth peer name pc netns lan',
    'ip link set e0 address 02:00:00:00:00:e0',
    'ip link set e1 address 02:00:00:00:00:e1',
    'ip -n c link set eth0 address 02:00:00:00:00:c0',
  ];
  // locktime 0: which of two answers a neighbour keeps is decided within a jiffy (the first), not by how
  // long the kernel runner's commands took against the default second (arp_process()'s override)
  const lock = (d: string) => ` net.ipv4.neigh.${d}.locktime=0`;
  for (const d of ['e0', 'e1']) lines.push(`sysctl -w ${NEIGH(d)}${lock(d)}`);
  lines.push(`ip netns exec c sysctl -w ${NEIGH('eth0')}${lock('eth0')}`);
  lines.push(
    'ip netns exec c sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.eth0.rp_filter=0',
  );
  lines.push('sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.e0.rp_filter=0 net.ipv4.conf.e1.rp_filter=0');
  for (const d of ['p0', 'p1', 'pc']) lines.push(`ip -n lan link set ${d} master sw`, `ip -n lan link set ${d} up`);
  lines.push(
    'ip -n lan link set sw up',
    'ip addr add 10.1.0.10/24 dev e0',
    'ip addr add 10.1.0.11/24 dev e1',
    'ip link set e0 up',
    'ip link set e1 up',
    'ip -n c addr add 10.1.0.2/24 dev eth0',
    'ip -n c link set eth0 up',
    'sleep 1',
  );
  return lines;
}

function arpCommand(p: Pick): string[] {
  const hostAddrs = ['10.1.0.10', '10.1.0.11', '10.1.0.12', '10.2.0.11', '192.0.2.1'];
  const dev = () => p.of(['e0', 'e1']);
  const k = p.of([...Array(20).keys()]);
  if (k < 5) {
    const key = p.of([
      'arp_ignore=0',
      'arp_ignore=1',
      'arp_ignore=2',
      'arp_ignore=8',
      'arp_announce=0',
      'arp_announce=1',
      'arp_announce=2',
      'arp_filter=1',
      'arp_filter=0',
      'rp_filter=1',
      'rp_filter=2',
      'rp_filter=0',
      'accept_local=1',
      'arp_accept=1',
      'proxy_arp=1',
    ]);
    return [`sysctl -w net.ipv4.conf.${p.of(['all', 'e0', 'e1', 'default'])}.${key}`];
  }
  if (k < 8) {
    const cap = p.capture(0.6, ['e0', 'e1', 'c:eth0']);
    return [
      ...cap,
      `ip netns exec c arping -c 1 -w 1 ${p.of(['', '', '-D ', '-U -s 10.1.0.2 '])}-I eth0 ${p.of(hostAddrs)}`,
    ];
  }
  if (k < 11) {
    const cap = p.capture(0.6, ['e0', 'e1', 'c:eth0']);
    return [
      ...cap,
      p.of([
        `ip netns exec c ping -c 1 -W 1 ${p.of(hostAddrs)}`,
        `ping -c 1 -W 1 ${p.of(['', `-I ${dev()} `, `-I ${p.of(hostAddrs)} `])}10.1.0.2`,
      ]),
    ];
  }
  if (k < 14) {
    return [
      p.of([
        `ip addr add ${p.of(hostAddrs)}/${p.of(['24', '32'])} dev ${p.of(['e0', 'e1', 'lo'])}`,
        `ip addr del ${p.of(hostAddrs)}/${p.of(['24', '32'])} dev ${p.of(['e0', 'e1', 'lo'])}`,
        `ip route add 10.2.0.0/24 dev ${dev()}`,
        `ip route del 10.1.0.0/24 dev ${dev()}`,
        `ip -n c route add 10.2.0.0/24 dev eth0`,
        `ip -n c route add 192.0.2.0/24 via ${p.of(['10.1.0.10', '10.1.0.11'])}`,
        `ip link set ${dev()} ${p.of(['down', 'up', 'up'])}`,
      ]),
    ];
  }
  if (k < 15)
    return [p.of(['ip -n c neigh flush dev eth0', 'ip neigh flush all', `ip -n c neigh del 10.1.0.10 dev eth0`])];
  return [
    p.of([
      'ip -n c neigh',
      'ip neigh',
      'ip route',
      'ip route get 10.1.0.2',
      `ip route get 10.1.0.2 from ${p.of(hostAddrs)}`,
      'ip -br addr',
      `ip route get ${p.of(hostAddrs)} from 10.1.0.2 iif ${dev()}`,
      'bridge -n lan fdb show br sw dynamic',
    ]),
  ];
}

/** Links only: devices made, renamed, moved, enslaved and taken apart, and every view of them. */
function linksSetup(): string[] {
  return ['ip netns add a', 'ip netns add b'];
}

function linksCommand(p: Pick): string[] {
  const names = ['v0', 'v1', 'v2', 'br0', 'br1', 'tap0', 'x0'];
  const ns = () => p.of(['', '', '-n a ', '-n b ']);
  const n = () => p.of(names);
  const k = p.of([...Array(20).keys()]);
  if (k < 4)
    return [
      p.of([
        `ip ${ns()}link add ${n()} type veth peer name ${n()}`,
        `ip ${ns()}link add ${n()} type bridge`,
        `ip ${ns()}tuntap add dev ${n()} mode ${p.of(['tap', 'tun'])}`,
        `ip link add ${n()} type veth peer name ${n()} netns ${p.of(['a', 'b'])}`,
      ]),
    ];
  if (k < 6) return [`ip ${ns()}link del ${n()}`];
  if (k < 11) {
    return [
      `ip ${ns()}link set ${n()} ${p.of([
        'up',
        'up',
        'down',
        'master br0',
        'master br1',
        'nomaster',
        `netns ${p.of(['a', 'b', '1'])}`,
        `name ${n()}`,
        `mtu ${p.of(['1400', '1500', '9000', '67'])}`,
        `address 02:00:00:00:00:${p.of(['01', '02', '03'])}`,
        'promisc on',
        'arp off',
        `alias ${p.of(['uplink', 'x'])}`,
        `txqueuelen ${p.of(['500', '1000'])}`,
        'type bridge stp_state 1',
        'type bridge ageing_time 1000',
        'type bridge_slave cost 7',
      ])}`,
    ];
  }
  if (k < 13)
    return [
      p.of([
        `ip ${ns()}addr add 10.0.${p.of(['1', '2'])}.1/24 dev ${n()}`,
        `ip ${ns()}addr flush dev ${n()}`,
        `bridge ${ns()}link set dev ${n()} ${p.of(['cost 9', 'priority 3', 'learning off', 'hairpin on'])}`,
      ]),
    ];
  return [
    p.of([
      `ip ${ns()}link`,
      `ip ${ns()}-br link`,
      `ip ${ns()}-br addr`,
      `bridge ${ns()}link`,
      `ip ${ns()}link show ${n()}`,
      `ip ${ns()}-d link show ${n()}`,
      `ip ${ns()}link show master ${p.of(['br0', 'br1'])}`,
      `ip ${ns()}link show type ${p.of(['veth', 'bridge', 'tun', 'bridge_slave'])}`,
      `ip ${ns()}-o link`,
      `ip ${ns()}route`,
      `bridge ${ns()}fdb show br ${p.of(['br0', 'br1'])}`,
      `ip ${ns()}-s link show ${n()}`,
      `ip ${ns()}tuntap show`,
    ]),
  ];
}

/** Two containers a and b behind host veths; the bridge lab adds br0 and a host veth pair v0/v1. */
function setup(kind: Kind): string[] {
  if (KIND_FILES[kind]) return KIND_FILES[kind].setup();
  if (kind === 'links') return linksSetup();
  if (kind === 'docker') return dockerSetup();
  if (kind === 'arp') return arpSetup();
  const lines = [...AB_LAB];
  const hostDevs = kind === 'bridge' ? ['br0', 'v0', 'v1', 'va', 'vb'] : ['va', 'vb'];
  if (kind === 'bridge') {
    lines.push(
      'ip link add br0 type bridge',
      'ip link add v0 type veth peer name v1',
      'ip link set br0 address 02:00:00:00:00:10',
      'ip link set v0 address 02:00:00:00:00:01',
      'ip link set v1 address 02:00:00:00:00:02',
    );
  }
  for (const d of hostDevs) lines.push(`sysctl -w ${NEIGH(d)}`);
  for (const n of ['a', 'b']) {
    lines.push(`ip netns exec ${n} sysctl -w ${NEIGH('eth0')}`);
    lines.push(
      `ip netns exec ${n} sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.eth0.rp_filter=0`,
    );
  }
  if (kind === 'router') {
    lines.push(
      'ip addr add 10.1.0.1/24 dev va',
      'ip addr add 10.2.0.1/24 dev vb',
      'ip -n a addr add 10.1.0.2/24 dev eth0',
      'ip -n b addr add 10.2.0.2/24 dev eth0',
    );
  } else {
    lines.push('ip -n a addr add 10.9.0.11/24 dev eth0', 'ip -n b addr add 10.9.0.12/24 dev eth0');
  }
  for (const d of hostDevs) lines.push(`ip link set ${d} up`);
  lines.push('ip -n a link set eth0 up', 'ip -n b link set eth0 up');
  if (kind === 'router') lines.push('ip -n a route add default via 10.1.0.1', 'ip -n b route add default via 10.2.0.1');
  // the first IGMP reports and linkwatch rounds pass before conntrack can start
  lines.push('sleep 1');
  return lines;
}

class Pick {
  constructor(private readonly r: Prng) {}
  of<T>(xs: readonly T[]): T {
    return xs[this.r.range(0, xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r.range(0, 1000) < p * 1000;
  }
  /** `#> capture` on one of `devs` before the next command, with probability `p` */
  capture(p: number, devs: readonly string[]): string[] {
    return this.chance(p) ? [`#> capture ${this.of(devs)}`] : [];
  }
}

function bridgeCommand(p: Pick): string[] {
  const hostDevs = ['br0', 'v0', 'v1', 'va', 'vb'];
  // v1 stays out of br0: v0 and v1 both in it would be a loop
  const ports = ['v0', 'va', 'vb'];
  const addrs = ['10.9.0.1', '10.9.0.2', '10.9.0.3', '10.9.0.4', '10.9.1.1'];
  const targets = [...addrs, '10.9.0.5', '10.9.0.11', '10.9.0.12', '10.9.0.255'];
  const k = p.of([...Array(22).keys()]);
  if (k < 2) return [p.chance(0.7) ? `ip link set ${p.of(ports)} master br0` : `ip link set ${p.of(ports)} nomaster`];
  if (k < 5)
    return [
      p.chance(0.75)
        ? `ip addr add ${p.of(addrs)}/24 dev ${p.of(hostDevs)}`
        : `ip addr del ${p.of(addrs)}/24 dev ${p.of(hostDevs)}`,
    ];
  if (k < 6) {
    const v = p.of([
      'arp_ignore=1',
      'arp_ignore=2',
      'arp_announce=2',
      'accept_local=1',
      'rp_filter=1',
      'rp_filter=2',
      'arp_filter=1',
      'proxy_arp=1',
      'forwarding=1',
      'arp_accept=1',
      'arp_notify=1',
    ]);
    return [`sysctl -w net.ipv4.conf.${p.of([...hostDevs, 'all'])}.${v}`];
  }
  if (k < 10) {
    const t = p.of(targets);
    const ns = p.of(['', '', 'ip netns exec a ', 'ip netns exec b ']);
    const opt = ns ? '' : p.of(['', '', `-I ${p.of(hostDevs)} `, `-I ${p.of(addrs)} `]);
    const cap = p.capture(0.5, ['br0', 'va', 'vb']);
    return [...cap, `${ns}ping -c 1 -W 1 ${t.endsWith('.255') ? '-b ' : ''}${opt}${t}`];
  }
  if (k < 12) {
    const ns = p.of(['', 'ip netns exec a ', 'ip netns exec b ']);
    const cap = p.capture(0.5, ['br0', 'va', 'vb']);
    return [...cap, `${ns}arping -c 1 -w 1 -I ${ns ? 'eth0' : p.of(hostDevs)} ${p.of(targets.slice(0, -1))}`];
  }
  if (k < 16) {
    return [
      p.of([
        `ip link set ${p.of(['v0', 'v1'])} ${p.of(['down', 'up', 'up'])}`,
        `bridge link set dev ${p.of(ports)} ${p.of(['learning off', 'learning on', 'flood off', 'flood on', 'isolated on', 'isolated off', 'hairpin on', 'hairpin off'])}`,
        `ip link set br0 type bridge ageing_time ${p.of(['0', '30000'])}`,
        `ip addr add ${p.of(addrs)}/${p.of(['24', '25', '32'])} dev ${p.of(hostDevs)}${p.of(['', ' noprefixroute', ' metric 50'])}`,
        `ip route add 10.9.0.0/24 dev ${p.of(hostDevs)} metric ${p.of(['5', '500'])}`,
        `ip neigh replace ${p.of(targets)} lladdr 02:00:00:00:00:${p.of(['a1', 'b1', '77'])} dev ${p.of(hostDevs)} nud ${p.of(['stale', 'reachable', 'permanent', 'noarp'])}`,
        `bridge fdb del 02:00:00:00:00:${p.of(['a1', 'b1', '77'])} dev ${p.of(ports)} master`,
        `ip link set ${p.of(hostDevs)} promisc ${p.of(['on', 'off'])}`,
        `ip link set ${p.of(['v1', 'vb'])} netns ${p.of(['a', 'b'])}`,
        `ip -n ${p.of(['a', 'b'])} link set ${p.of(['v1', 'vb'])} netns 1`,
        `ip addr add ${p.of(addrs)}/32 dev lo`,
        `ip link set ${p.of(hostDevs)} arp ${p.of(['on', 'off'])}`,
        `arping -c 1 -w 1 ${p.of(['-U', '-A'])} -I ${p.of(hostDevs)} ${p.of(addrs)}`,
        `ip link set ${p.of(hostDevs)} mtu ${p.of(['1400', '1500'])}`,
        `ip link set ${p.of(hostDevs)} address 02:00:00:00:00:${p.of(['01', '02', '05', '10', '20'])}`,
        `ip addr flush dev ${p.of(hostDevs)}`,
        `ip neigh add ${p.of(targets)} lladdr 02:00:00:00:00:${p.of(['a1', 'b1', '77'])} dev ${p.of(hostDevs)}`,
        `ip neigh del ${p.of(targets)} dev ${p.of(hostDevs)}`,
        `bridge fdb add 02:00:00:00:00:${p.of(['a1', 'b1', '77'])} dev ${p.of(ports)} master static`,
        `ip route get ${p.of(targets)} from ${p.of(targets)} iif ${p.of(hostDevs)}`,
        'ip route add default via 10.9.0.11',
        'ip route del default',
        'ip route add 10.9.1.0/24 via 10.9.0.12',
      ]),
    ];
  }
  return [
    p.of([
      'ip neigh',
      'ip route',
      'ip -br link',
      'ip -br addr',
      'bridge link',
      'bridge fdb show br br0 dynamic',
      'ip -n a neigh',
      'ip -n b neigh',
      'ip route get 10.9.0.12',
      'route -n',
      'ip route show table local',
    ]),
  ];
}

function routerCommand(p: Pick): string[] {
  const targets = ['10.1.0.1', '10.1.0.2', '10.2.0.1', '10.2.0.2', '10.2.0.9', '10.3.0.1', '10.1.0.255', '192.0.2.1'];
  const k = p.of([...Array(20).keys()]);
  if (k < 6) {
    const t = p.of(targets);
    const ns = p.of(['', 'ip netns exec a ', 'ip netns exec a ', 'ip netns exec b ']);
    const cap = p.capture(0.5, ['va', 'vb', 'a:eth0', 'b:eth0']);
    const opt = p.of(['', '', '-t 1 ', '-t 2 ', '-s 1400 -M do ', '-s 2000 ']);
    return [...cap, `${ns}ping -c 1 -W 1 ${t.endsWith('.255') ? '-b ' : ''}${opt}${t}`];
  }
  if (k < 8)
    return [
      `sysctl -w net.ipv4.${p.of(['ip_forward=1', 'ip_forward=0', 'conf.va.forwarding=0', 'conf.vb.forwarding=1', 'conf.all.send_redirects=0', 'icmp_ratelimit=0', 'conf.vb.rp_filter=1', 'icmp_echo_ignore_all=1', 'icmp_echo_ignore_all=0'])}`,
    ];
  if (k < 11) {
    return [
      p.of([
        'iptables -A FORWARD -p icmp -j DROP',
        'iptables -F FORWARD',
        'iptables -P FORWARD DROP',
        'iptables -P FORWARD ACCEPT',
        'iptables -A FORWARD -i va -o vb -j ACCEPT',
        'iptables -I FORWARD -s 10.1.0.2 -j REJECT',
        'iptables -A FORWARD -d 10.2.0.2 -j REJECT --reject-with icmp-host-prohibited',
        'iptables -t nat -A POSTROUTING -o vb -j MASQUERADE',
        'iptables -t nat -F',
        'iptables -t nat -A PREROUTING -i va -d 10.1.0.1 -p icmp -j DNAT --to-destination 10.2.0.2',
        'iptables -A INPUT -i va -p icmp --icmp-type echo-request -j DROP',
        'iptables -F INPUT',
        'iptables -A OUTPUT -d 10.2.0.2 -j REJECT',
        'iptables -F OUTPUT',
        'conntrack -F',
        'iptables -t nat -A POSTROUTING -s 10.1.0.0/24 -j SNAT --to-source 10.2.0.1',
      ]),
    ];
  }
  if (k < 13) {
    return [
      p.of([
        'ip link set vb mtu 1300',
        'ip link set vb mtu 1500',
        'ip -n b link set eth0 mtu 1200',
        'ip route add 10.3.0.0/24 via 10.2.0.2',
        'ip route del 10.3.0.0/24',
        'ip -n b addr add 10.3.0.1/24 dev eth0',
        'ip route add unreachable 192.0.2.0/24',
        'ip route add prohibit 192.0.2.0/24',
        'ip route flush cache',
      ]),
    ];
  }
  return [
    p.of([
      'iptables -L -n -v',
      'iptables -t nat -L -n -v',
      'ip neigh',
      'ip -n a neigh',
      'ip -n b neigh',
      'ip route',
      'ip route get 10.2.0.2',
      'ip route get 10.2.0.2 from 10.1.0.2 iif va',
      'ip -s link show vb',
      'ip route show cache',
      'ip -n a route get 10.2.0.2',
      'iptables -S',
    ]),
  ];
}

export function fuzzScenario(kind: Kind, seed: number, commands: number): string {
  const p = new Pick(new Prng(seed));
  const lines = [`# fuzz: --kind ${kind} --seed ${seed}`, ...setup(kind)];
  const next =
    KIND_FILES[kind]?.command ??
    { bridge: bridgeCommand, router: routerCommand, docker: dockerCommand, arp: arpCommand, links: linksCommand }[
      kind as 'bridge'
    ];
  for (let i = 0; i < commands; i++) lines.push(...next(p));
  return lines.join('\n') + '\n';
}

function main(argv: string[]): void {
  let kind: Kind = 'bridge';
  let seed = 1;
  let count = 10;
  let commands = 40;
  let out = 'fuzz-scenarios';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--kind' && KINDS.includes(v as Kind)) kind = v as Kind;
    else if (a === '--seed') seed = Number(v);
    else if (a === '--count') count = Number(v);
    else if (a === '--commands') commands = Number(v);
    else if (a === '--out') out = v ?? out;
    else {
      console.error(
        `usage: npm run -s fuzz -- [--kind ${KINDS.join('|')}] [--seed N] [--count K] [--commands C] [--out DIR]`,
      );
      process.exit(2);
    }
    i++;
  }
  mkdirSync(out, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(join(out, `${kind}-${seed + i}.sh`), fuzzScenario(kind, seed + i, commands));
  console.log(`${count} scenarios in ${out}/; run them with: npm run conformance -- ${out}/*.sh`);
}

if (process.argv[1]?.endsWith('fuzz.ts')) main(process.argv.slice(2));
