import { describe, it, expect } from 'vitest';
import { World } from '../net/world';
import { Shell } from './shell';
import { Capture } from '../apps/capture';

/**
 * KERNEL.md section 5: host H with br0 192.0.2.1/24 and container c1 (192.0.2.2) behind it; H's eth0
 * 198.51.100.2/24 faces the router r (198.51.100.1), which has no route back to 192.0.2.0/24.
 */
function dockerLab() {
  const world = new World(3, { loUpInNewNetns: true });
  const shell = new Shell(world);
  const run = (line: string, ns = 'host') => {
    const r = shell.run(line, ns);
    if (r.code !== 0 && !line.includes('ping')) throw new Error(`${line}: ${r.lines.join('\n')}`);
    return r;
  };
  for (const l of [
    'ip netns add c1',
    'ip netns add r',
    'ip link add name br0 type bridge',
    'ip link set br0 up',
    'ip addr add 192.0.2.1/24 dev br0',
    'ip link add vethc1 type veth peer name eth0 netns c1',
    'ip link set vethc1 master br0',
    'ip link set vethc1 up',
    'ip -n c1 addr add 192.0.2.2/24 dev eth0',
    'ip -n c1 link set eth0 up',
    'ip -n c1 route add default via 192.0.2.1',
    'ip link add eth0 type veth peer name eth0 netns r',
    'ip addr add 198.51.100.2/24 dev eth0',
    'ip link set eth0 up',
    'ip route add default via 198.51.100.1',
    'ip -n r addr add 198.51.100.1/24 dev eth0',
    'ip -n r link set eth0 up',
  ])
    run(l);
  world.sched.runUntil(world.now + 3_000_000);
  /** Runs a command while tcpdump -n listens on r's eth0; returns both. */
  const captured = (line: string, ns = 'host') => {
    const cap = new Capture(world.netns('r')!.dev('eth0')!, {});
    cap.start();
    const r = shell.run(line, ns);
    world.sched.runUntil(world.now + 300_000);
    cap.stop();
    return { ...r, wire: cap.lines().filter((l) => l.includes('ICMP')) };
  };
  return { world, shell, run, captured };
}

const PING = 'ip netns exec c1 ping -c 1 -W 1 198.51.100.1';

describe('docker-style forwarding and NAT, end to end', () => {
  it('forwarding off: the request is lost without a word', () => {
    const lab = dockerLab();
    const r = lab.captured(PING);
    expect(r.lines).toContain('1 packets transmitted, 0 received, 100% packet loss, time 0ms');
    expect(r.lines.some((l) => l.startsWith('From'))).toBe(false);
    expect(r.wire).toEqual([]);
  });

  it('forwarding on, no NAT: r sees the private source and cannot answer', () => {
    const lab = dockerLab();
    lab.run('sysctl -w net.ipv4.ip_forward=1');
    const r = lab.captured(PING);
    expect(r.wire).toHaveLength(1);
    expect(r.wire[0]).toMatch(/ 192\.0\.2\.2 > 198\.51\.100\.1: ICMP echo request/);
    expect(r.lines.some((l) => l.includes('bytes from'))).toBe(false);
  });

  it('MASQUERADE: r sees the host address, the reply comes back with ttl=63, conntrack lists the flow', () => {
    const lab = dockerLab();
    lab.run('sysctl -w net.ipv4.ip_forward=1');
    lab.run('iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE');
    const r = lab.captured(PING);
    expect(r.wire[0]).toMatch(/ 198\.51\.100\.2 > 198\.51\.100\.1: ICMP echo request, id (\d+)/);
    expect(r.lines.find((l) => l.startsWith('64 bytes'))).toMatch(/^64 bytes from 198\.51\.100\.1: icmp_seq=1 ttl=63 /);
    const id = /id (\d+)/.exec(r.wire[0])![1];
    const ct = lab.run('conntrack -L');
    expect(ct.lines).toEqual([
      'conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.',
      `icmp     1 29 src=192.0.2.2 dst=198.51.100.1 type=8 code=0 id=${id} src=198.51.100.1 dst=198.51.100.2 type=0 code=0 id=${id} mark=0 use=1`,
    ]);
    // only the connection's first packet goes through the nat chain
    lab.run('ip netns exec c1 ping -c 2 -i 0.2 -W 1 198.51.100.1');
    expect(lab.run('iptables -t nat -L POSTROUTING -v -n').lines[2]).toMatch(/^ {4}2 {3}168 MASQUERADE/);
    // the entry times out 30 s after its last packet
    lab.world.sched.runUntil(lab.world.now + 31_000_000);
    expect(lab.run('conntrack -L').lines).toEqual([
      'conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.',
    ]);
  });

  it('MASQUERADE entries go when their device goes down', () => {
    const lab = dockerLab();
    lab.run('sysctl -w net.ipv4.ip_forward=1');
    lab.run('iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE');
    lab.run(PING);
    expect(lab.run('conntrack -L').lines[0]).toMatch(/: 1 flow entries/);
    lab.run('ip link set br0 down');
    expect(lab.run('conntrack -L').lines[0]).toMatch(/: 1 flow entries/);
    lab.run('ip link set eth0 down');
    expect(lab.run('conntrack -L').lines[0]).toMatch(/: 0 flow entries/);
  });

  it('DNAT to the container: r pings the host address and c1 answers for it', () => {
    const lab = dockerLab();
    lab.run('sysctl -w net.ipv4.ip_forward=1');
    lab.run('iptables -t nat -A PREROUTING -d 198.51.100.2 -p icmp -j DNAT --to-destination 192.0.2.2');
    const cap = new Capture(lab.world.netns('c1')!.dev('eth0')!, {});
    cap.start();
    const r = lab.shell.run('ping -c 1 -W 1 198.51.100.2', 'r');
    cap.stop();
    expect(r.lines.find((l) => l.startsWith('64 bytes'))).toMatch(/^64 bytes from 198\.51\.100\.2: icmp_seq=1 ttl=63 /);
    const seen = cap.lines().filter((l) => l.includes('ICMP'));
    expect(seen[0]).toMatch(/198\.51\.100\.1 > 192\.0\.2\.2: ICMP echo request/);
    expect(seen[1]).toMatch(/192\.0\.2\.2 > 198\.51\.100\.1: ICMP echo reply/);
  });

  it('FORWARD policy DROP stops the flow and leaves no conntrack entry; a state rule lets replies in', () => {
    const lab = dockerLab();
    lab.run('sysctl -w net.ipv4.ip_forward=1');
    lab.run('iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE');
    lab.run('iptables -P FORWARD DROP');
    expect(lab.captured(PING).wire).toEqual([]);
    expect(lab.run('iptables -L FORWARD -v -n').lines[0]).toBe('Chain FORWARD (policy DROP 1 packets, 84 bytes)');
    expect(lab.run('conntrack -L').lines[0]).toMatch(/: 0 flow entries/);
    lab.run('iptables -A FORWARD -i br0 -j ACCEPT');
    lab.run('iptables -A FORWARD -o br0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    expect(lab.run(PING).lines.some((l) => l.includes('ttl=63'))).toBe(true);
  });

  it('REJECT answers with port unreachable, or the code asked for', () => {
    const lab = dockerLab();
    lab.run('sysctl -w net.ipv4.ip_forward=1');
    lab.run('iptables -A FORWARD -d 198.51.100.1 -j REJECT');
    expect(lab.run(PING).lines).toContain('From 192.0.2.1 icmp_seq=1 Destination Port Unreachable');
    lab.run('iptables -R FORWARD 1 -d 198.51.100.1 -j REJECT --reject-with icmp-host-prohibited');
    expect(lab.run(PING).lines).toContain('From 192.0.2.1 icmp_seq=1 Destination Host Prohibited');
    lab.run('iptables -A INPUT -p icmp -j REJECT');
    expect(lab.run('ip netns exec c1 ping -c 1 -W 1 198.51.100.2').lines).toContain(
      'From 198.51.100.2 icmp_seq=1 Destination Port Unreachable',
    );
  });

  it('an ICMP error about a masqueraded packet is translated back to the container', () => {
    const lab = dockerLab();
    lab.run('sysctl -w net.ipv4.ip_forward=1');
    lab.run('iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE');
    const r = lab.run('ip netns exec c1 ping -c 1 -W 5 198.51.100.77');
    expect(r.lines).toContain('From 198.51.100.2 icmp_seq=1 Destination Host Unreachable');
  });
});
