// The bridge as Linux runs it: bridge id from the lowest port MAC, FDB learning and ageing, port states.
import { describe, expect, it } from 'vitest';
import { Lab } from '../testing/lab';

const S = 1_000_000;
const brMac = (lab: Lab) => lab.run('ip -br link show dev br0')[0].split(/\s+/)[2];

describe('bridge MAC (br_stp_recalculate_bridge_id)', () => {
  it('follows the lowest port MAC, then 00:00:00:00:00:00 when the last port leaves', () => {
    const lab = new Lab(`
ip link add br0 type bridge
ip link set br0 up
ip link add va type veth peer name pa
ip link add vb type veth peer name pb
ip link set va address 12:6a:00:00:00:01
ip link set vb address 96:e2:00:00:00:01`);
    const random = brMac(lab);
    expect(random).toMatch(/^[0-9a-f]{2}:/);
    lab.run('ip link set va master br0');
    expect(brMac(lab)).toBe('12:6a:00:00:00:01');
    lab.run('ip link set vb master br0');
    expect(brMac(lab)).toBe('12:6a:00:00:00:01');
    lab.run('ip link set va nomaster');
    expect(brMac(lab)).toBe('96:e2:00:00:00:01');
    lab.run('ip link set vb nomaster');
    expect(brMac(lab)).toBe('00:00:00:00:00:00');
    lab.run('ip link set vb master br0');
    expect(brMac(lab)).toBe('96:e2:00:00:00:01');
  });

  it('keeps an address set by hand through every join and leave', () => {
    const lab = new Lab(`
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:00:01
ip link add va type veth peer name pa
ip link set va address 00:00:00:00:00:05`);
    lab.run('ip link set va master br0');
    expect(brMac(lab)).toBe('02:00:00:00:00:01');
    lab.run('ip link set va nomaster');
    expect(brMac(lab)).toBe('02:00:00:00:00:01');
  });
});

describe('ports', () => {
  it('a port forwards at once with STP off; a port whose peer is down is disabled; cost follows speed', () => {
    const lab = new Lab(`
ip link add br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip link set veth0 up
ip link set veth0 master br0`);
    expect(lab.run('bridge link')).toEqual([
      '4: veth0@veth1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 ',
    ]);
    expect(lab.run('ip -br link show dev br0')[0]).toMatch(/^br0 +DOWN +\S+ <NO-CARRIER,BROADCAST,MULTICAST,UP> $/);
    lab.run('ip link set veth1 up');
    expect(lab.run('bridge link')).toEqual([
      '4: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 ',
    ]);
    expect(lab.run('ip -br link show dev br0')[0]).toMatch(/^br0 +UP /);
  });

  it('a bridge never given a port is UNKNOWN with carrier', () => {
    const lab = new Lab('ip link add br0 type bridge\nip link set br0 up');
    expect(lab.run('ip -br link show dev br0')[0]).toMatch(/^br0 +UNKNOWN +\S+ <BROADCAST,MULTICAST,UP,LOWER_UP> $/);
  });

  it('refuses to enslave a bridge to a bridge', () => {
    const lab = new Lab('ip link add br0 type bridge\nip link add br1 type bridge');
    expect(lab.run('ip link set br1 master br0')).toEqual(['Error: Can not enslave a bridge to a bridge.']);
  });
});

describe('FDB', () => {
  const TWO = `
ip netns add c1
ip netns add c2
ip link add br0 type bridge
ip link set br0 up
ip link add vA type veth peer name eth0 netns c1
ip link add vB type veth peer name eth0 netns c2
ip link set vA master br0
ip link set vB master br0
ip link set vA up
ip link set vB up
ip -n c1 addr add 10.0.0.1/24 dev eth0
ip -n c2 addr add 10.0.0.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up`;

  it('learns sources on their ports, forgets them after ageing_time', () => {
    const lab = new Lab(TWO);
    const c1 = lab.run('ip -n c1 -br link show dev eth0')[0].split(/\s+/)[2];
    const c2 = lab.run('ip -n c2 -br link show dev eth0')[0].split(/\s+/)[2];
    expect(lab.run('ping -c 1 10.0.0.2', 'c1')).toContain(
      '1 packets transmitted, 1 received, 0% packet loss, time 0ms',
    );
    expect(lab.run('bridge fdb show br br0 dynamic').sort()).toEqual(
      [`${c1} dev vA master br0 `, `${c2} dev vB master br0 `].sort(),
    );
    // the unicast probe of the DELAY entry on c2 at 5 s refreshed both entries
    lab.advance(310 * S);
    expect(lab.run('bridge fdb show br br0 dynamic')).toEqual([]);
  });

  it('known unicast goes only to its port; a capture on br0 sees it only because it makes br0 promiscuous', () => {
    const lab = new Lab(
      TWO + '\nip link add vC type veth peer name xC\nip link set vC master br0\nip link set vC up\nip link set xC up',
    );
    lab.run('ping -c 1 10.0.0.2', 'c1');
    const onC = lab.capture('xC');
    const onBr = lab.capture('br0');
    lab.run('ping -c 1 10.0.0.2', 'c1');
    expect(onC.lines().filter((l) => l.includes('ICMP'))).toEqual([]);
    expect(onBr.lines().filter((l) => l.includes('ICMP'))).toHaveLength(2);
  });

  it('a port taken down loses its learned entries', () => {
    const lab = new Lab(TWO);
    lab.run('ping -c 1 10.0.0.2', 'c1');
    lab.run('ip link set vB down');
    expect(lab.run('bridge fdb show br br0 dynamic').filter((l) => l.includes(' vB '))).toEqual([]);
  });
});

describe('bridge MTU (br_mtu_auto_adjust, BROPT_MTU_SET_BY_USER)', () => {
  const mtu = (lab: Lab, dev: string) => Number(/ mtu (\d+) /.exec(lab.run(`ip link show ${dev}`)[0])![1]);

  it('takes the smallest port MTU until the user sets one, and a same-value set is no setting', () => {
    const lab = new Lab(`
ip link add br0 type bridge
ip link add va mtu 1400 type veth peer name pa
ip link add vb type veth peer name pb`);
    expect(mtu(lab, 'br0')).toBe(1500);
    lab.run('ip link set va master br0');
    lab.run('ip link set vb master br0');
    expect(mtu(lab, 'br0')).toBe(1400);
    lab.run('ip link set vb mtu 1300');
    expect(mtu(lab, 'br0')).toBe(1300);
    lab.run('ip link set br0 mtu 1300');
    lab.run('ip link set vb mtu 9000');
    expect(mtu(lab, 'br0')).toBe(1400);
    lab.run('ip link set br0 mtu 1450');
    lab.run('ip link set va mtu 1200');
    expect(mtu(lab, 'br0')).toBe(1450);
  });

  it('drops a bridged frame longer than the egress port allows before the port counts or captures it', () => {
    const lab = new Lab(`
ip netns add a
ip netns add b
ip link add br0 type bridge mcast_snooping 0
ip link add va type veth peer name eth0 netns a
ip link add vb type veth peer name eth0 netns b
ip link set va master br0
ip link set vb master br0
ip link set vb mtu 1000
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip link set va up
ip link set vb up
ip link set br0 up`);
    lab.run('ip netns exec a ping -c 1 -W 1 10.0.0.2');
    const tx = () => lab.run('ip -s link show vb').join('\n');
    const before = tx();
    const out = lab.run('ip netns exec a ping -c 1 -W 1 -s 1200 10.0.0.2').join('\n');
    expect(out).toContain('100% packet loss');
    // nothing left vb: its TX line (bytes packets errors dropped) is unchanged, the drop included
    expect(tx()).toBe(before);
  });
});
