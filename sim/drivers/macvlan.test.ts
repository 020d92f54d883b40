// macvlan beyond what the recorded transcripts show: counters, a macvlan that is down, the port going
// away with the last macvlan, namespaces deleted, MTU following the parent, a physical NIC as parent.
import { describe, expect, it } from 'vitest';
import { Lab } from '../testing/lab';

const LAN = (mode: string) => `
sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns add lan
ip netns add c1
ip netns add c2
ip link add eth0 type veth peer name lan0
ip link set lan0 netns lan
ip -n lan addr add 10.0.0.1/24 dev lan0
ip -n lan link set lan0 up
ip link set eth0 up
ip addr add 10.0.0.2/24 dev eth0
ip link add mv1 link eth0 type macvlan mode ${mode}
ip link add mv2 link eth0 type macvlan mode ${mode}
ip link set mv1 netns c1
ip link set mv2 netns c2
ip -n c1 addr add 10.0.0.11/24 dev mv1
ip -n c1 link set mv1 up
ip -n c2 addr add 10.0.0.12/24 dev mv2
ip -n c2 link set mv2 up
`;

/** `ip -s link` RX and TX packet counts of a device. */
function counts(lab: Lab, dev: string, ns: string): { rx: number; tx: number } {
  const l = lab.run(`ip -s link show ${dev}`, ns);
  const rx = l.findIndex((x) => x.trim().startsWith('RX:'));
  const tx = l.findIndex((x) => x.trim().startsWith('TX:'));
  return { rx: Number(l[rx + 1]!.trim().split(/\s+/)[1]), tx: Number(l[tx + 1]!.trim().split(/\s+/)[1]) };
}

describe('macvlan', () => {
  it('counts what each sibling sent and received, and the parent only what crossed the wire', () => {
    const lab = new Lab(LAN('bridge'));
    const before = counts(lab, 'eth0', 'host');
    expect(lab.run('ping -c 3 10.0.0.12', 'c1').join('\n')).toContain(
      '3 packets transmitted, 3 received, 0% packet loss',
    );
    const mv1 = counts(lab, 'mv1', 'c1');
    const mv2 = counts(lab, 'mv2', 'c2');
    // an ARP request and three echo requests out of mv1; the reply and three echo replies in
    expect(mv1).toEqual({ tx: 4, rx: 4 });
    expect(mv2).toEqual({ tx: 4, rx: 4 });
    // only the broadcast ARP request went out to the wire; siblings' unicasts never did
    expect(counts(lab, 'eth0', 'host').tx - before.tx).toBe(1);
  });

  it('drops a unicast for a macvlan that is down instead of handing it to the parent', () => {
    const lab = new Lab(LAN('bridge'));
    expect(lab.run('ping -c 1 10.0.0.12', 'lan').join('\n')).toContain('1 received');
    lab.run('ip link set mv2 down', 'c2');
    const cap = lab.capture('eth0');
    expect(lab.run('ping -c 1 -W 1 10.0.0.12', 'lan').join('\n')).toContain('0 received');
    cap.stop();
    // the echo request reached eth0 and went no further: eth0's stack never answered for 10.0.0.12
    expect(cap.lines().filter((l) => l.includes('ICMP echo request'))).toHaveLength(1);
    expect(cap.lines().some((l) => l.includes('ICMP echo reply'))).toBe(false);
    expect(lab.run('ip neigh', 'host')).toEqual([]);
  });

  it('frees the parent for a bridge once its last macvlan is gone, also with the namespace', () => {
    const lab = new Lab(LAN('vepa'));
    lab.run('ip link add br0 type bridge');
    expect(lab.run('ip link set eth0 master br0')).toEqual(['RTNETLINK answers: Device or resource busy']);
    lab.run('ip netns del c1');
    expect(lab.run('ip link set eth0 master br0')).toEqual(['RTNETLINK answers: Device or resource busy']);
    lab.run('ip -n c2 link del mv2');
    expect(lab.run('ip link set eth0 master br0')).toEqual([]);
    expect(lab.run('bridge link')[0]).toMatch(/eth0@if\d+: .* master br0 /);
  });

  it('follows the parent down to a smaller MTU, and vepa reaches the host only through the wire', () => {
    const lab = new Lab(LAN('vepa'));
    lab.run('ip link set eth0 mtu 1400');
    expect(lab.run('ip link show mv1', 'c1')[0]).toContain(' mtu 1400 ');
    // nothing on the LAN side sends the frame back: the host's own address is out of reach
    expect(lab.run('ping -c 1 -W 1 10.0.0.2', 'c1').join('\n')).toContain('0 received');
    expect(lab.run('ping -c 1 -W 1 10.0.0.1', 'c1').join('\n')).toContain('1 received');
  });

  it('stacks on a physical NIC as a container host uses it', () => {
    const lab = new Lab(`
ip netns add lan
ip -n lan link add sw0 type bridge
ip -n lan link set sw0 up
lab nic add p1 netns lan
ip -n lan link set p1 master sw0
ip -n lan link set p1 up
ip -n lan addr add 192.168.5.1/24 dev sw0
lab nic add eth0
lab cable eth0 lan:p1
ip link set eth0 up
ip netns add c1
ip link add mv1 link eth0 type macvlan mode bridge
ip link set mv1 netns c1
ip -n c1 addr add 192.168.5.11/24 dev mv1
ip -n c1 link set mv1 up
`);
    expect(lab.run('ip -d link show mv1', 'c1')[2]).toMatch(/^ {4}macvlan mode bridge /);
    expect(lab.run('ping -c 1 192.168.5.1', 'c1').join('\n')).toContain('1 received');
  });
});
