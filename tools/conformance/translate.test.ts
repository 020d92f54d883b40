import { describe, it, expect } from 'vitest';
import { captureTarget, changesLinks, listsNetns, netnsAction, observesLinks, translateCommand, untranslateOutput } from './translate';

const P = 'nl42s1-';

describe('translateCommand', () => {
  const cases: [string, string][] = [
    // the scenarios' own commands
    ['ip link add eth0 type veth peer name gw netns lan', `ip link add eth0 type veth peer name gw netns ${P}lan`],
    ['ip -n lan link set dev gw address 52:54:00:12:35:01', `ip -n ${P}lan link set dev gw address 52:54:00:12:35:01`],
    ['ip -n lan addr add 192.168.3.1/24 dev gw', `ip -n ${P}lan addr add 192.168.3.1/24 dev gw`],
    ['ip -n lan neigh', `ip -n ${P}lan neigh`],
    [
      'ip netns exec lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000',
      `ip netns exec ${P}lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000`,
    ],
    ['ip netns exec lan arping -c 1 -w 3 -I gw 192.168.3.101', `ip netns exec ${P}lan arping -c 1 -w 3 -I gw 192.168.3.101`],
    ['ip netns add lan', `ip netns add ${P}lan`],
    ['ip netns del lan', `ip netns del ${P}lan`],
    // other spellings
    ['ip -netns lan -br link', `ip -netns ${P}lan -br link`],
    ['ip -4 -n lan route', `ip -4 -n ${P}lan route`],
    ['ip link set dev veth1 netns lan', `ip link set dev veth1 netns ${P}lan`],
    // a PID is never passed on: PID 1's namespace in a scenario is its host, not the machine's own
    ['ip link set veth1 netns 1', `ip link set veth1 netns /run/netlab-conformance/${P}host`],
    ['ip l set veth1 netns c1', `ip l set veth1 netns ${P}c1`],
    ['ip netns exec c1 ip link set eth0 netns c2', `ip netns exec ${P}c1 ip link set eth0 netns ${P}c2`],
    ['ip netns exec c1 ip -n c2 link', `ip netns exec ${P}c1 ip -n ${P}c2 link`],
    ['ip netns e c1 ping -n -c 1 10.0.0.1', `ip netns e ${P}c1 ping -n -c 1 10.0.0.1`],
    ['bridge -n lan fdb show', `bridge -n ${P}lan fdb show`],
    // nothing to translate; -n of other tools is not a namespace
    ['route -n', 'route -n'],
    ['sysctl -n net.ipv4.ip_forward', 'sysctl -n net.ipv4.ip_forward'],
    ['ping -n -c 1 -W 5 192.168.3.1', 'ping -n -c 1 -W 5 192.168.3.1'],
    ['iptables -t nat -n -L', 'iptables -t nat -n -L'],
    ['ip neigh show dev netns', 'ip neigh show dev netns'],
    ['ip -br link show dev br0', 'ip -br link show dev br0'],
    // spacing kept
    ['  ip  -n lan   link', `  ip  -n ${P}lan   link`],
  ];
  it.each(cases)('%s', (cmd, want) => {
    expect(translateCommand(cmd, P)).toBe(want);
  });
});

describe('netnsAction', () => {
  it('finds the namespace commands that must run outside any namespace', () => {
    expect(netnsAction('ip netns add lan')).toEqual({ action: 'add', ns: 'lan' });
    expect(netnsAction('ip netns a lan')).toEqual({ action: 'add', ns: 'lan' });
    expect(netnsAction('ip netns del lan')).toEqual({ action: 'delete', ns: 'lan' });
    expect(netnsAction('ip netns delete lan')).toEqual({ action: 'delete', ns: 'lan' });
    expect(netnsAction('ip netns exec lan ip link')).toBeUndefined();
    expect(netnsAction('ip netns attach lan 1')).toBeUndefined();
    expect(netnsAction('ip netns')).toBeUndefined();
    expect(netnsAction('ip -n lan link')).toBeUndefined();
    expect(netnsAction('ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev eth0')).toBeUndefined();
  });
});

describe('untranslateOutput', () => {
  it('removes the prefix', () => {
    expect(untranslateOutput('ip -n nope link', `Cannot open network namespace "${P}nope": No such file or directory\n`, P)).toBe(
      'Cannot open network namespace "nope": No such file or directory\n',
    );
  });
  it('lists only the scenario namespaces in ip netns list', () => {
    expect(listsNetns('ip netns')).toBe(true);
    expect(listsNetns('ip netns list')).toBe(true);
    expect(listsNetns('ip netns show')).toBe(true);
    expect(listsNetns('ip netns add x')).toBe(false);
    const out = [`${P}c2`, `${P}lan (id: 0)`, 'nl42s2-lan (id: 3)', `${P}host`, 'docker1', ''].join('\n');
    expect(untranslateOutput('ip netns', out, P)).toBe('c2\nlan (id: 0)');
  });
});

describe('captureTarget', () => {
  it('reads DEV and NS:DEV', () => {
    expect(captureTarget('eth0')).toEqual({ ns: 'host', dev: 'eth0' });
    expect(captureTarget('lan:gw')).toEqual({ ns: 'lan', dev: 'gw' });
  });
});

describe('link settling', () => {
  const changing: [string, boolean][] = [
    ['ip link add name br0 type bridge', true],
    ['ip link set br0 up', true],
    ['ip link set dev veth0 master br0', true],
    ['ip link del veth0', true],
    ['ip -n lan link set gw up', true],
    ['ip netns exec lan ip link set gw down', true],
    ['ip tuntap add tap0 mode tap', true],
    ['bridge link set dev veth0 state 0', true],
    ['ip netns del lan', true],
    ['ip link', false],
    ['ip -br link show dev br0', false],
    ['ip addr add 192.168.3.101/24 dev br0', false],
    ['sysctl -w net.ipv4.conf.all.rp_filter=0', false],
    ['ping -c 1 -W 5 192.168.3.1', false],
  ];
  it.each(changing)('changesLinks(%s) = %s', (cmd, want) => {
    expect(changesLinks(cmd)).toBe(want);
  });

  const observing: [string, boolean][] = [
    ['ip link', true],
    ['ip -br link show dev br0', true],
    ['ip -d link show veth0', true],
    ['ip addr', true],
    ['ip -n lan addr show', true],
    ['bridge link', true],
    ['ip route', true],
    ['route -n', true],
    ['ip neigh', true],
    ['ping -c 1 -W 5 -I br0 192.168.3.1', true],
    ['ip netns exec lan arping -c 1 -w 3 -I gw 192.168.3.101', true],
    ['ip link set dev veth0 master br0', false],
    ['ip link add veth0 type veth peer name veth1', false],
    ['ip addr add 192.168.3.101/24 dev br0', false],
    ['ip addr del 192.168.3.21/24 dev eth0', false],
    ['ip route add default via 192.168.3.1', false],
    ['ip netns add lan', false],
    ['sysctl -w net.ipv4.conf.all.arp_ignore=1', false],
    ['ip netns exec lan sysctl -w net.ipv4.neigh.gw.delay_first_probe_time=3600', false],
    ['iptables -t nat -A POSTROUTING -j MASQUERADE', false],
  ];
  it.each(observing)('observesLinks(%s) = %s', (cmd, want) => {
    expect(observesLinks(cmd)).toBe(want);
  });
});
