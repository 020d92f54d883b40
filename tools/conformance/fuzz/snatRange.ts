// Fuzz kind "snat": SNAT, MASQUERADE and DNAT with ranges of addresses (and ports, for their parsing
// and listing) on the router lab: a (10.1.0.2-5) behind va, b (10.2.0.2-3) behind vb. b routes the SNAT
// pool 198.51.100.0/24 back to the host, so every address the kernel picks by its hash gets an answer.
import { AB_LAB, NEIGH, type Picker } from './pick';

export function snatSetup(): string[] {
  const lines = [
    ...AB_LAB.slice(0, 2),
    'sysctl -w net.ipv4.ip_forward=1',
    ...AB_LAB.slice(2),
    `sysctl -w ${NEIGH('va')}`,
    `sysctl -w ${NEIGH('vb')}`,
  ];
  for (const n of ['a', 'b']) {
    lines.push(`ip netns exec ${n} sysctl -w ${NEIGH('eth0')}`);
    lines.push(
      `ip netns exec ${n} sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.eth0.rp_filter=0`,
    );
  }
  lines.push(
    'ip addr add 10.1.0.1/24 dev va',
    'ip addr add 10.2.0.1/24 dev vb',
    'ip link set va up',
    'ip link set vb up',
    'ip -n a addr add 10.1.0.2/24 dev eth0',
    'ip -n a addr add 10.1.0.3/24 dev eth0',
    'ip -n a addr add 10.1.0.4/24 dev eth0',
    'ip -n a addr add 10.1.0.5/24 dev eth0',
    'ip -n b addr add 10.2.0.2/24 dev eth0',
    'ip -n b addr add 10.2.0.3/24 dev eth0',
    'ip -n a link set eth0 up',
    'ip -n b link set eth0 up',
    'ip -n a route add default via 10.1.0.1',
    'ip -n b route add 10.1.0.0/24 via 10.2.0.1',
    'ip -n b route add 198.51.100.0/24 via 10.2.0.1',
    'sleep 1',
  );
  return lines;
}

export function snatCommand(p: Picker): string[] {
  const pool = () =>
    p.of([
      '198.51.100.1-198.51.100.3',
      '198.51.100.10-198.51.100.200',
      '198.51.100.7',
      '198.51.100.0-198.51.100.255',
      '198.51.100.100-198.51.100.101',
    ]);
  const k = p.of([...Array(20).keys()]);
  if (k < 8) {
    const cap = p.capture(0.7, ['vb', 'va', 'b:eth0']);
    if (p.chance(0.65)) {
      const src = p.of(['10.1.0.2', '10.1.0.3', '10.1.0.4', '10.1.0.5']);
      return [...cap, `ip netns exec a ping -c 1 -W 1 -I ${src} ${p.of(['10.2.0.2', '10.2.0.3', '10.2.0.1'])}`];
    }
    return [
      ...cap,
      `ip netns exec b ping -c 1 -W 1 -I ${p.of(['10.2.0.2', '10.2.0.3'])} ${p.of(['10.2.0.1', '10.1.0.2', '10.1.0.1'])}`,
    ];
  }
  if (k < 13) {
    return [
      p.of([
        `iptables -t nat -A POSTROUTING -o vb -j SNAT --to-source ${pool()}`,
        `iptables -t nat -A POSTROUTING -o vb -j SNAT --to-source ${pool()} --persistent`,
        `iptables -t nat -I POSTROUTING -s 10.1.0.${p.of(['2', '3', '4', '5'])} -o vb -j SNAT --to-source ${pool()}`,
        'iptables -t nat -A POSTROUTING -o vb -j MASQUERADE',
        `iptables -t nat -A POSTROUTING -o vb -p ${p.of(['udp', 'tcp'])} -j MASQUERADE --to-ports ${p.of(['1000-2000', '5000'])}`,
        `iptables -t nat -A POSTROUTING -o vb -p udp -j SNAT --to-source ${pool()}:${p.of(['1000-2000', '53'])}`,
        `iptables -t nat -A PREROUTING -i vb -d 10.2.0.1 -p icmp -j DNAT --to-destination ${p.of(['10.1.0.2-10.1.0.5', '10.1.0.3-10.1.0.4', '10.1.0.2'])}`,
        `iptables -t nat -A PREROUTING -i vb -d 10.2.0.1 -p icmp -j DNAT --to-destination 10.1.0.2-10.1.0.5 --persistent`,
        'iptables -t nat -F',
        'iptables -t nat -F POSTROUTING',
        'iptables -t nat -F PREROUTING',
        'conntrack -F',
      ]),
    ];
  }
  if (k < 14) {
    return [
      p.of([
        'iptables -t nat -A POSTROUTING -o vb -j SNAT --to-source 198.51.100.9-198.51.100.1',
        'iptables -t nat -A POSTROUTING -o vb -j SNAT --to-source 198.51.100.1:80',
        'iptables -t nat -A POSTROUTING -o vb -j MASQUERADE --to-ports 80',
        'iptables -t nat -A POSTROUTING -o vb -j SNAT',
        `sysctl -w net.ipv4.ip_forward=${p.of(['0', '1', '1'])}`,
      ]),
    ];
  }
  return [
    p.of([
      'iptables -t nat -S',
      'iptables -t nat -L -n',
      'iptables -t nat -L POSTROUTING -n -v',
      'ip -n b neigh',
      'ip neigh',
      'conntrack -C',
    ]),
  ];
}
