// Two bridges joined twice: without STP a broadcast goes round for ever (bounded by the CPU's backlog), with kernel STP
// one port blocks after listening and learning, and hosts on both sides reach each other.
import { describe, expect, it } from 'vitest';
import { Lab } from '../testing/lab';
import { Capture } from '../apps/capture';

const S = 1_000_000;
const LOOP = (stp: 0 | 1) => `
ip link add br0 type bridge
ip link add br1 type bridge
ip link set br0 address 02:00:00:00:00:01
ip link set br1 address 02:00:00:00:00:02
ip link set br0 type bridge stp_state ${stp}
ip link set br1 type bridge stp_state ${stp}
ip link set br0 up
ip link set br1 up
ip link add a1 type veth peer name b1
ip link add a2 type veth peer name b2
ip link set a1 master br0
ip link set a2 master br0
ip link set b1 master br1
ip link set b2 master br1
ip netns add h1
ip netns add h2
ip link add p1 type veth peer name eth0 netns h1
ip link add p2 type veth peer name eth0 netns h2
ip link set p1 master br0
ip link set p2 master br1
ip -n h1 addr add 10.0.0.1/24 dev eth0
ip -n h2 addr add 10.0.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip link set p1 up
ip link set p2 up
ip link set a1 up
ip link set b1 up
ip link set a2 up
ip link set b2 up`;

const states = (lab: Lab) =>
  Object.fromEntries(lab.run('bridge link').map((l) => [/^\d+: (\w+)/.exec(l)![1], /state (\w+)/.exec(l)![1]]));

describe('a loop of two bridges', () => {
  it('without STP: the broadcast goes round the loop for ever (as on Linux), the lab still answering', () => {
    const lab = new Lab(LOOP(0));
    expect(states(lab)).toMatchObject({ a1: 'forwarding', a2: 'forwarding', b1: 'forwarding', b2: 'forwarding' });
    lab.run('ping -c 1 -W 1 10.0.0.2', 'h1');
    const rx = () => lab.world.host.dev('a1')!.stats.rxPackets;
    const before = rx();
    lab.advance(S / 10);
    expect(rx()).toBeGreaterThan(before);
    expect(lab.run('ip -br link show dev lo')[0]).toMatch(/^lo /);
  });

  it('with kernel STP: listening, learning, then one port blocks and the hosts talk', () => {
    const lab = new Lab(LOOP(1));
    expect(states(lab)).toMatchObject({ a1: 'listening', b1: 'listening' });
    lab.advance(16 * S);
    expect(Object.values(states(lab))).toContain('learning');
    lab.advance(40 * S);
    const st = states(lab);
    // br0 (lowest id) is root: its ports are designated; br1's root port is b1, b2 blocks
    expect(st).toMatchObject({
      a1: 'forwarding',
      a2: 'forwarding',
      p1: 'forwarding',
      b1: 'forwarding',
      b2: 'blocking',
      p2: 'forwarding',
    });
    expect(lab.run('ping -c 1 -W 1 10.0.0.2', 'h1')).toContain(
      '1 packets transmitted, 1 received, 0% packet loss, time 0ms',
    );
    expect(lab.world.storming.size).toBe(0);
  });

  it('a blocked path takes over when the forwarding one goes away', () => {
    const lab = new Lab(LOOP(1));
    lab.advance(60 * S);
    lab.run('ip link set a1 down');
    lab.advance(60 * S);
    expect(states(lab)).toMatchObject({ b2: 'forwarding', b1: 'disabled' });
    expect(lab.run('ping -c 1 -W 1 10.0.0.2', 'h1')).toContain(
      '1 packets transmitted, 1 received, 0% packet loss, time 0ms',
    );
  });
});

describe('BPDUs on the wire', () => {
  it('print as tcpdump prints them', () => {
    const lab = new Lab(`
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:00:01
ip link set br0 type bridge stp_state 1
ip link set br0 up
ip link add a1 type veth peer name b1
ip link set a1 address 02:00:00:00:00:05
ip link set a1 master br0
ip link set a1 up`);
    const cap = lab.world.host.dev('b1')!;
    lab.run('ip link set b1 up');
    const lines: string[] = [];
    const c = new Capture(cap, { withE: true, filter: () => true });
    c.start();
    lab.advance(2_100_000);
    lines.push(...c.lines());
    expect(lines[0]).toBe(
      '02:00:00:00:00:05 > 01:80:c2:00:00:00, 802.3, length 38: LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: STP 802.1d, Config, Flags [none], bridge-id 8000.02:00:00:00:00:01.8001, length 35',
    );
  });
});
