// Fuzz kind bridge-mtu: ports' and hosts' MTUs change, ports join and leave, and pings of every size
// cross br0 or leave the host through it (br_mtu_auto_adjust(), is_skb_forwardable() in
// br_dev_queue_push_xmit(), ip_fragment()).
import { bridgedLab, type FuzzKind, type Pick } from './pick';

const TARGETS = ['10.9.0.1', '10.9.0.11', '10.9.0.12'];

function command(p: Pick): string[] {
  const k = p.of([...Array(20).keys()]);
  if (k < 6) {
    const mtu = p.of(['1280', '1400', '1500', '1500', '1600', '9000']);
    return [
      p.of([
        `ip link set ${p.of(['va', 'vb', 'v0', 'br0'])} mtu ${mtu}`,
        `ip -n ${p.of(['a', 'b'])} link set eth0 mtu ${mtu}`,
        `ip link set ${p.of(['va', 'vb', 'v0'])} mtu ${mtu}`,
      ]),
    ];
  }
  if (k < 8)
    return [
      p.of([
        `ip link set ${p.of(['va', 'vb', 'v0'])} master br0`,
        `ip link set ${p.of(['va', 'vb', 'v0'])} nomaster`,
        'ip link set v0 master br0',
      ]),
    ];
  if (k < 15) {
    const ns = p.of(['', 'ip netns exec a ', 'ip netns exec a ', 'ip netns exec b ']);
    const size = p.of(['56', '1200', '1372', '1400', '1472', '1600', '3000']);
    const df = p.of(['', '', '-M do ', '-M dont ']);
    const cap = p.capture(0.6, ['br0', 'va', 'vb', 'a:eth0', 'b:eth0']);
    return [...cap, `${ns}ping -c 1 -W 1 -s ${size} ${df}${p.of(TARGETS)}`];
  }
  if (k < 16) return [p.of(['ip route flush cache', 'ip -n a route flush cache', 'ip -n b route flush cache'])];
  return [
    p.of([
      'ip link show br0',
      'ip -br link',
      'ip -s link show va',
      'ip -s link show vb',
      'ip route show cache',
      'ip -n a route show cache',
      'ip route get 10.9.0.11',
      'bridge link',
    ]),
  ];
}

export const bridgeMtu: FuzzKind = { setup: () => bridgedLab(true), command };
