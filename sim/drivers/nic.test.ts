// A physical NIC on a LAN and a VM behind a tap: carrier follows the cable, cost follows the speed.
import { describe, expect, it } from 'vitest';
import { Lab } from '../testing/lab';

const LAN = `
ip netns add lan
ip -n lan link add sw0 type bridge
ip -n lan link set sw0 up
lab nic add p1 netns lan
lab nic add p2 netns lan
ip -n lan link set p1 master sw0
ip -n lan link set p2 master sw0
ip -n lan link set p1 up
ip -n lan link set p2 up
ip netns add gw
lab nic add eth0 netns gw
lab cable gw:eth0 lan:p2
ip -n gw addr add 192.168.3.1/24 dev eth0
ip -n gw link set eth0 up
lab nic add eth0
ip addr add 192.168.3.21/24 dev eth0
`;

describe('physical NIC', () => {
  it('has no carrier until it is plugged into a live port', () => {
    const lab = new Lab(LAN);
    lab.run('ip link set eth0 up');
    expect(lab.run('ip link show dev eth0')[0]).toBe(
      '2: eth0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc pfifo_fast state DOWN mode DEFAULT group default qlen 1000',
    );
    lab.run('lab cable eth0 lan:p1');
    expect(lab.run('ip link show dev eth0')[0]).toBe(
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP mode DEFAULT group default qlen 1000',
    );
    expect(lab.run('ping -c 1 192.168.3.1')).toContain('1 packets transmitted, 1 received, 0% packet loss, time 0ms');
    lab.run('lab unplug eth0');
    expect(lab.run('ip -br link show dev eth0')[0]).toMatch(/^eth0 +DOWN /);
  });

  it('costs 4 on a bridge (1 Gb/s), where a veth costs 2', () => {
    const lab = new Lab(
      LAN +
        `
lab cable eth0 lan:p1
ip link set eth0 up
ip link add br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip link set veth0 up
ip link set veth1 up
ip link set eth0 master br0
ip link set veth0 master br0`,
    );
    expect(lab.run('bridge link').map((l) => l.replace(/^\d+: (\S+?)(@\S+)?: .* cost (\d+) $/, '$1 $3'))).toEqual([
      'eth0 4',
      'veth0 2',
    ]);
  });
});

describe("a VM behind a tap on br0 (the article's diagram 8)", () => {
  it('reaches the gateway through br0 and eth0 without the host stack', () => {
    const lab = new Lab(
      LAN +
        `
lab cable eth0 lan:p1
ip link set eth0 up
ip link add br0 type bridge
ip link set br0 up
ip link set eth0 master br0
ip tuntap add dev tap0 mode tap
ip link set tap0 up
ip link set tap0 master br0`,
    );
    expect(lab.run('ip -br link show dev tap0')[0]).toMatch(/^tap0 +DOWN +\S+ <NO-CARRIER,BROADCAST,MULTICAST,UP> $/);
    lab.run('lab vm add vm1 tap tap0');
    lab.run('ip -n vm1 addr add 192.168.3.50/24 dev eth0');
    lab.run('ip -n vm1 link set eth0 up');
    expect(lab.run('bridge link show dev tap0')[0]).toMatch(/state forwarding priority 32 cost 2 $/);
    const onBr = lab.capture('br0', false);
    expect(lab.run('ping -c 1 192.168.3.1', 'vm1')).toContain(
      '1 packets transmitted, 1 received, 0% packet loss, time 0ms',
    );
    // host stack untouched: br0 has no address, and the unicast never went up to it
    expect(onBr.lines().filter((l) => l.includes('ICMP'))).toEqual([]);
    expect(lab.run('ip neigh')).toEqual([]);
  });
});
