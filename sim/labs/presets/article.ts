// The diagrams of the bridge article (shared/ARTICLE.md), each built by the commands a reader would type.
// Lines starting with '#' are notes: they are shown, never run.
import { outsideWorld } from '../outside_world';

export interface Preset {
  id: string;
  title: string;
  commands: readonly string[];
}

/** The article's machine: rp_filter off and accept_local on, from the veth article before it (ARTICLE.md §3). */
const ARTICLE_SYSCTLS = [
  'sysctl -w net.ipv4.conf.all.rp_filter=0',
  'sysctl -w net.ipv4.conf.default.rp_filter=0',
  'sysctl -w net.ipv4.conf.default.accept_local=1',
];

/**
 * The physical network (sim/labs/outside_world): a LAN switch, the gateway 192.168.3.1 and the internet
 * behind it, and the host's eth0, a 1 Gb/s NIC (bridge port cost 4) plugged into the switch, with the
 * MAC address the article's eth0 has.
 */
const LAN = [...outsideWorld({ gatewayMac: '52:54:00:12:35:01' }), 'ip link set dev eth0 address 08:00:27:3b:0d:b9'];

const BRIDGE = ['ip link add name br0 type bridge', 'ip link set br0 up'];

const FIRST = [
  ...ARTICLE_SYSCTLS,
  ...LAN,
  'ip addr add 192.168.3.21/24 dev eth0',
  'ip link set eth0 up',
  'ip route add default via 192.168.3.1',
  ...BRIDGE,
];

const VETH_ON_BRIDGE = [
  ...FIRST,
  'ip link add veth0 type veth peer name veth1',
  'ip addr add 192.168.3.101/24 dev veth0',
  'ip addr add 192.168.3.102/24 dev veth1',
  'ip link set veth0 up',
  'ip link set veth1 up',
  'ip link set dev veth0 master br0',
];

const ADDRESS_ON_BRIDGE = [
  ...VETH_ON_BRIDGE,
  'ip addr del 192.168.3.101/24 dev veth0',
  'ip addr add 192.168.3.101/24 dev br0',
];

const ETH0_ON_BRIDGE = [
  ...ADDRESS_ON_BRIDGE,
  'ip link set dev eth0 master br0',
  'ip addr del 192.168.3.21/24 dev eth0',
  'ip route add default via 192.168.3.1',
];

const NO_BRIDGE_ADDRESS = [...ETH0_ON_BRIDGE, 'ip addr del 192.168.3.101/24 dev br0'];

/** A host whose eth0 is a port of br0 with 192.168.3.101 on br0, as in the article's two last diagrams. */
const BRIDGED_HOST = [
  ...ARTICLE_SYSCTLS,
  ...LAN,
  ...BRIDGE,
  'ip link set eth0 up',
  'ip link set dev eth0 master br0',
  'ip addr add 192.168.3.101/24 dev br0',
  'ip route add default via 192.168.3.1',
];

/**
 * A VM on the host's LAN (192.168.3.102 and up): a tap on br0, held open by the VM's process (`lab vm add`,
 * since no Linux command starts a VM), whose own stack has eth0.
 */
function vm(n: number): string[] {
  const [ns, tap] = [`vm${n}`, `tap${n}`];
  return [
    `ip tuntap add dev ${tap} mode tap`,
    `ip link set ${tap} up`,
    `ip link set dev ${tap} master br0`,
    `lab vm add ${ns} tap ${tap}`,
    `ip -n ${ns} addr add 192.168.3.${101 + n}/24 dev eth0`,
    `ip -n ${ns} link set eth0 up`,
    `ip -n ${ns} route add default via 192.168.3.1`,
  ];
}
/** A container on br0's own subnet (192.168.9.2 and up), behind the host's stack: eth0 the far end of a veth. */
function container(n: number): string[] {
  const [ns, veth] = [`c${n}`, `veth${n}`];
  return [
    `ip netns add ${ns}`,
    `ip link add ${veth} type veth peer name eth0 netns ${ns}`,
    `ip link set dev ${veth} master br0`,
    `ip link set ${veth} up`,
    `ip -n ${ns} link set lo up`,
    `ip -n ${ns} addr add 192.168.9.${1 + n}/24 dev eth0`,
    `ip -n ${ns} link set eth0 up`,
    `ip -n ${ns} route add default via 192.168.9.1`,
  ];
}

export const PRESETS: readonly Preset[] = [
  { id: 'bridge', title: '1. A new bridge: br0 beside eth0', commands: FIRST },
  { id: 'veth', title: '2. veth0 joins br0', commands: VETH_ON_BRIDGE },
  { id: 'br-address', title: '3. The address moves to br0', commands: ADDRESS_ON_BRIDGE },
  { id: 'eth0', title: '4. eth0 joins br0', commands: ETH0_ON_BRIDGE },
  { id: 'no-address', title: '5. A bridge needs no address', commands: NO_BRIDGE_ADDRESS },
  {
    id: 'vms',
    title: '6. Virtual machines on br0',
    commands: [...BRIDGED_HOST, ...vm(1), ...vm(2)],
  },
  {
    id: 'docker',
    title: '7. Containers behind br0 (Docker)',
    commands: [
      ...ARTICLE_SYSCTLS,
      ...LAN,
      'ip addr add 192.168.3.101/24 dev eth0',
      'ip link set eth0 up',
      'ip route add default via 192.168.3.1',
      ...BRIDGE,
      'ip addr add 192.168.9.1/24 dev br0',
      'sysctl -w net.ipv4.ip_forward=1',
      ...container(1),
      ...container(2),
      "# Docker also masquerades the containers' traffic out of eth0:",
      'iptables -t nat -A POSTROUTING -s 192.168.9.0/24 ! -o br0 -j MASQUERADE',
    ],
  },
];

export const FIRST_PRESET: Preset = PRESETS[0];
