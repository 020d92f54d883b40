// Fuzz kind "pvlan": the host as router of a private VLAN. c1..c3 sit behind ports p1..p3 of br0
// (10.0.0.1/24, forwarding on), every port isolated; proxy_arp_pvlan, proxy_arp,
// send_redirects and proxy_delay change, and the containers ping and arping each other and the host.
import { NEIGH, type Picker } from './pick';

const CS = ['c1', 'c2', 'c3'] as const;
const ADDR: Record<string, string> = { c1: '10.0.0.2', c2: '10.0.0.3', c3: '10.0.0.4' };

export function pvlanSetup(): string[] {
  const lines = [
    'sysctl -w net.ipv4.conf.all.rp_filter=0',
    'sysctl -w net.ipv4.conf.default.rp_filter=0',
    'sysctl -w net.ipv4.ip_forward=1',
    'ip link add br0 type bridge',
    'ip link set br0 address 02:00:00:00:00:10',
    // the all-snoopers reports of `up` (igmp_ifc_event(), the second within this interval) both leave
    // before any port forwards and are dropped (noop_enqueue, a TX drop): with the default second the
    // second one raced the ports coming up on a busy machine (bridge-igmp-report-no-carrier)
    'sysctl -w net.ipv4.conf.br0.igmpv3_unsolicited_report_interval=1',
    'ip link set br0 up',
    `sysctl -w ${NEIGH('br0')}`,
    'sysctl -w net.ipv4.neigh.br0.proxy_delay=0',
  ];
  CS.forEach((c, i) => {
    const n = i + 1;
    lines.push(
      `ip netns add ${c}`,
      `ip netns exec ${c} sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0`,
      `ip link add p${n} type veth peer name eth0 netns ${c}`,
      `ip link set dev p${n} address 02:00:00:00:00:0${n}`,
      `ip -n ${c} link set dev eth0 address 02:00:00:00:0${n}:01`,
      `ip link set p${n} master br0`,
      `ip link set p${n} up`,
      `ip -n ${c} addr add ${ADDR[c]}/24 dev eth0`,
      `ip -n ${c} link set eth0 up`,
      `ip netns exec ${c} sysctl -w ${NEIGH('eth0')}`,
    );
  });
  // redirects start off: ip_rt_send_redirect() spaces them 20 ms << n apart, and a lab that sends many
  // meets that limit at a moment that depends on how long each command took on the machine
  // every port stays isolated: where a container could also answer for itself, which of the two
  // replies it keeps depends on how the kernel's softirqs interleave on a busy machine
  lines.push(
    'bridge link set dev p1 isolated on',
    'bridge link set dev p2 isolated on',
    'bridge link set dev p3 isolated on',
    'sysctl -w net.ipv4.conf.br0.proxy_arp_pvlan=1',
  );
  // br0 gets its address once its ports carry it
  lines.push(
    'sysctl -w net.ipv4.conf.all.send_redirects=0',
    'sysctl -w net.ipv4.conf.br0.send_redirects=0',
    'sleep 1',
    'ip addr add 10.0.0.1/24 dev br0',
  );
  return lines;
}

export function pvlanCommand(p: Picker): string[] {
  const targets = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.9'];
  const k = p.of([...Array(20).keys()]);
  if (k < 7) {
    const c = p.of(CS);
    const cap = p.capture(0.6, ['p1', 'p2', 'p3', 'br0']);
    // 10.0.0.9 answers no one: the host's own ARP for it would fail seconds later, at a moment that
    // depends on the machine's speed, so pings go to hosts that exist (arping still asks for it)
    const t = p.of(targets.filter((a) => a !== ADDR[c] && a !== '10.0.0.9'));
    return [...cap, `ip netns exec ${c} ping -c ${p.of(['1', '1', '2'])} -i 0.3 -W 1 ${t}`];
  }
  if (k < 9) {
    const c = p.of(CS);
    const cap = p.capture(0.5, ['p1', 'p2', 'p3']);
    return [...cap, `ip netns exec ${c} arping -c 1 -w 1 -I eth0 ${p.of(targets.filter((a) => a !== ADDR[c]))}`];
  }
  if (k < 13) {
    return [
      `sysctl -w net.ipv4.${p.of([
        'conf.br0.proxy_arp_pvlan=1',
        'conf.br0.proxy_arp_pvlan=0',
        'conf.all.proxy_arp_pvlan=1',
        'conf.all.proxy_arp_pvlan=0',
        'conf.br0.send_redirects=0',
        'conf.all.send_redirects=0',
        'conf.br0.send_redirects=1',
        'conf.br0.proxy_arp=1',
        'conf.br0.proxy_arp=0',
        'ip_forward=0',
        'ip_forward=1',
        'conf.br0.shared_media=0',
        'conf.br0.arp_ignore=1',
        'conf.br0.accept_redirects=0',
      ])}`,
    ];
  }
  if (k < 15) {
    return [
      p.of([
        `bridge link set dev p${p.of(['1', '2', '3'])} isolated on`,
        `bridge link set dev p${p.of(['1', '2', '3'])} hairpin ${p.of(['on', 'off'])}`,
        `ip neigh ${p.of(['add', 'del'])} proxy ${p.of(targets)} dev br0`,
        `ip -n ${p.of(CS)} route add 10.9.0.0/24 via 10.0.0.1`,
        `ip addr add 10.0.0.${p.of(['9', '20'])}/24 dev br0`,
      ]),
    ];
  }
  return [
    p.of([
      'ip neigh',
      `ip -n ${p.of(CS)} neigh`,
      'bridge link',
      'bridge fdb show br br0 dynamic',
      `ip -n ${p.of(CS)} route get ${p.of(targets)}`,
      'ip neigh show proxy',
      'ip -s link show br0',
      `ip route get ${p.of(targets)} from ${p.of(targets)} iif br0`,
    ]),
  ];
}
