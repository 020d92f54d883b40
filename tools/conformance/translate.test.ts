import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../../sim/shell/shell';
import { fuzzScenario } from './fuzz';
import { translateScenario } from './kernel';
import {
  captureRefused,
  captureTarget,
  changesLinks,
  listsNetns,
  observesLinks,
  TOOLS,
  translateLine,
  untranslateOutput,
} from './translate';

const P = 'nl42s1-';

const argv = (cmd: string, prefix = P): string[] => {
  const t = translateLine(cmd, prefix);
  if (!t.ok) throw new Error(`refused: ${cmd}: ${t.reason}`);
  return t.argv;
};
const words = (s: string): string[] => s.trim().split(/\s+/);

describe("translateLine: the scenarios' commands", () => {
  const cases: [string, string][] = [
    ['ip link add eth0 type veth peer name gw netns lan', `ip link add eth0 type veth peer name gw netns ${P}lan`],
    ['ip -n lan link set dev gw address 52:54:00:12:35:01', `ip -n ${P}lan link set dev gw address 52:54:00:12:35:01`],
    ['ip -n lan addr add 192.168.3.1/24 dev gw', `ip -n ${P}lan addr add 192.168.3.1/24 dev gw`],
    ['ip -n lan neigh', `ip -n ${P}lan neigh`],
    [
      'ip netns exec lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000',
      `ip netns exec ${P}lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000`,
    ],
    [
      'ip netns exec lan arping -c 1 -w 3 -I gw 192.168.3.101',
      `ip netns exec ${P}lan arping -c 1 -w 3 -I gw 192.168.3.101`,
    ],
    ['ip netns add lan', `ip netns add ${P}lan`],
    ['ip netns del lan', `ip netns del ${P}lan`],
    // every spelling iproute2 accepts for the namespace option: matches() prefixes, - or --
    ['ip -netns lan -br link', `ip -netns ${P}lan -br link`],
    ['ip -net lan link', `ip -net ${P}lan link`],
    ['ip -ne lan link', `ip -ne ${P}lan link`],
    ['ip --netns lan link', `ip --netns ${P}lan link`],
    ['ip --n lan link', `ip --n ${P}lan link`],
    ['ip -4 -n lan route', `ip -4 -n ${P}lan route`],
    ['ip -f inet -n lan route', `ip -f inet -n ${P}lan route`],
    ['ip -family inet -n lan route', `ip -family inet -n ${P}lan route`],
    ['ip -rc 1000 -n lan route', `ip -rc 1000 -n ${P}lan route`],
    ['ip -l 2 -n lan addr flush dev x', `ip -l 2 -n ${P}lan addr flush dev x`],
    ['ip -c -n lan link', `ip -c -n ${P}lan link`],
    ['ip -color=never -n lan link', `ip -color=never -n ${P}lan link`],
    ['ip -n a -n b link', `ip -n ${P}a -n ${P}b link`],
    ['ip link set dev veth1 netns lan', `ip link set dev veth1 netns ${P}lan`],
    // a PID is never passed on: PID 1's namespace in a scenario is its host, not the machine's own
    ['ip link set veth1 netns 1', `ip link set veth1 netns /run/netlab-conformance/${P}host`],
    ['ip l set veth1 netns c1', `ip l set veth1 netns ${P}c1`],
    ['ip netns exec c1 ip link set eth0 netns c2', `ip netns exec ${P}c1 ip link set eth0 netns ${P}c2`],
    ['ip netns exec c1 ip -n c2 link', `ip netns exec ${P}c1 ip -n ${P}c2 link`],
    [
      'ip netns exec c1 ip netns exec c2 bridge -n c3 link',
      `ip netns exec ${P}c1 ip netns exec ${P}c2 bridge -n ${P}c3 link`,
    ],
    ['ip -n c1 netns exec c2 ip link', `ip -n ${P}c1 netns exec ${P}c2 ip link`],
    ['ip netns e c1 ping -n -c 1 10.0.0.1', `ip netns e ${P}c1 ping -n -c 1 10.0.0.1`],
    ['ip net exec c1 tcpdump -c 1 -n -i eth0', `ip net exec ${P}c1 tcpdump -c 1 -n -i eth0`],
    ['bridge -n lan fdb show', `bridge -n ${P}lan fdb show`],
    ['bridge -netns lan link', `bridge -netns ${P}lan link`],
    ['bridge --net lan link', `bridge --net ${P}lan link`],
    ['bridge -d -n lan vlan', `bridge -d -n ${P}lan vlan`],
    // nothing to translate; -n of other tools is not a namespace
    ['route -n', 'route -n'],
    ['sysctl -n net.ipv4.ip_forward', 'sysctl -n net.ipv4.ip_forward'],
    ['ping -n -c 1 -W 5 192.168.3.1', 'ping -n -c 1 -W 5 192.168.3.1'],
    ['iptables -t nat -n -L', 'iptables -t nat -n -L'],
    ['ip neigh show dev netns', 'ip neigh show dev netns'],
    ['ip -br link show dev br0', 'ip -br link show dev br0'],
    // an option ip does not know ends its reading there (it exits): nothing after it is a namespace
    ['ip -n=lan link', 'ip -n=lan link'],
    ['sleep 0.5', 'sleep 0.5'],
    ['  ip  -n lan   link', `ip -n ${P}lan link`],
  ];
  it.each(cases)('%s', (cmd, want) => {
    expect(argv(cmd)).toEqual(words(want));
  });

  it('keeps quoted words whole and passes patterns as they are (no shell expands them)', () => {
    expect(argv('ip link add "a b" type bridge')).toEqual(['ip', 'link', 'add', 'a b', 'type', 'bridge']);
    expect(argv("ip addr show label 'eth*'")).toEqual(['ip', 'addr', 'show', 'label', 'eth*']);
    expect(argv('ip addr show label e?h0 dev eth0')).toEqual(['ip', 'addr', 'show', 'label', 'e?h0', 'dev', 'eth0']);
    expect(argv('iptables -A OUTPUT -m comment --comment "q\\"uote" -j ACCEPT')).toContain('q"uote');
    expect(argv('iptables -A INPUT -i ""')).toEqual(['iptables', '-A', 'INPUT', '-i', '']);
  });

  it('finds the namespace commands that must run outside any namespace', () => {
    const action = (cmd: string) => {
      const t = translateLine(cmd, P);
      return t.ok ? t.netns : 'refused';
    };
    expect(action('ip netns add lan')).toEqual({ action: 'add', ns: 'lan' });
    expect(action('ip netns a lan')).toEqual({ action: 'add', ns: 'lan' });
    expect(action('ip netns del lan')).toEqual({ action: 'delete', ns: 'lan' });
    expect(action('ip netns delete lan')).toEqual({ action: 'delete', ns: 'lan' });
    expect(action('ip netns exec lan ip link')).toBeUndefined();
    expect(action('ip netns')).toBeUndefined();
    expect(action('ip -n lan link')).toBeUndefined();
    expect(action('ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev eth0')).toBeUndefined();
  });
});

describe('translateLine: escapes from the throw-away namespaces are refused', () => {
  const escapes: [string, RegExp][] = [
    ['nsenter -t 1 -n ip link set eth0 down', /not a command the simulator models/],
    ['unshare -n ip link', /not a command the simulator models/],
    ['ip netns attach X 1', /attach/],
    ['ip netns att X 1', /attach/],
    ['ip netns identify 1', /process of the machine/],
    ['ip -all netns delete', /every namespace/],
    ['ip -a netns exec ip link set eth0 down', /every namespace/],
    ['ip --all netns del', /every namespace/],
    ['ip -b /tmp/cmds', /reads commands from a file/],
    ['ip -batch /tmp/cmds', /reads commands from a file/],
    ['ip --batch -', /reads commands from a file/],
    ['bridge -b /tmp/cmds', /reads commands from a file/],
    ['ip -n /proc/1/ns/net link set eth0 down', /path/],
    ['ip -net ../../proc/1/ns/net link', /path/],
    ['ip link set eth0 netns /proc/1/ns/net', /path/],
    ['ip netns exec lan nsenter -t 1 -n ip link', /not a command the simulator models/],
    ['ip netns exec lan ip -all netns delete', /every namespace/],
    ['ip netns exec lan /sbin/ip link', /by path/],
    ['ip netns exec lan bash -c "ip link set eth0 down"', /not a command/],
    ['ip link; ip link set eth0 down', /command list/],
    ['ip link && ip link set eth0 down', /background job or list/],
    ['ip link || true', /pipe/],
    ['ip link | tee /etc/x', /pipe/],
    ['echo $(ip link set eth0 down)', /expansion/],
    ['echo "$(ip link set eth0 down)"', /inside double quotes/],
    ['echo `ip link set eth0 down`', /command substitution/],
    ['echo "`reboot`"', /inside double quotes/],
    ['ip link > /etc/x', /redirection/],
    ['ip link >> /etc/x', /redirection/],
    ['ip link 2>/etc/x', /redirection/],
    ['ip -b <(echo x)', /redirection/],
    ['ip link &', /background/],
    ['(ip link set eth0 down)', /subshell/],
    ['{ ip link; }', /brace/],
    ['echo ~root', /tilde/],
    ['echo ${HOME}', /expansion/],
    ['ip link\nip link set eth0 down', /control character/],
    ['ip link "unterminated', /unterminated|EOF/],
    ['/sbin/ip link set eth0 down', /by path/],
    ['./ip link', /by path/],
    ['PATH=/tmp ip link', /environment assignments/],
    ['LD_PRELOAD=/tmp/x.so ip link', /environment assignments/],
    ['bash -c "ip link"', /not a command/],
    ['sh', /not a command/],
    ['reboot', /not a command/],
    ['lab nic add x', /not a command/],
    ['iptables-restore', /not a command/],
    ['ip6tables -F', /not a command/],
    ['sysctl -p /tmp/x.conf', /not run/],
    ['sysctl -p', /not run/],
    ['sysctl --system', /only reading and writing/],
    ['sysctl --load=/tmp/x', /only reading and writing/],
    ['sysctl -f /tmp/x', /not run/],
    ['sysctl -w kernel.panic=1', /only net\.\* keys/],
    ['sysctl kernel.core_pattern=|/tmp/x', /pipe/],
    ['sysctl vm.drop_caches=3', /only net\.\* keys/],
    ['sysctl -w kernel/panic=1', /only net\.\* keys/],
    ['ip netns exec lan sysctl -w kernel.panic=1', /only net\.\* keys/],
    ['tcpdump -w /etc/x', /files/],
    ['tcpdump -nw /etc/x', /files/],
    ['tcpdump -i eth0 -z /tmp/run -w x', /files/],
    ['tcpdump -r /etc/shadow', /files/],
    ['tcpdump -F /etc/shadow', /files/],
    ['tcpdump -Z nobody', /files/],
    ['tcpdump --relinquish-privileges=x', /not run/],
    ['ip netns exec lan tcpdump -w /etc/x -i gw', /files/],
    ['iptables -M /tmp/x -L', /modprobe/],
    ['iptables --modprobe=/tmp/x -L', /modprobe/],
    ['iptables --modp=/tmp/x -L', /modprobe/],
    ['iptables-save -f /etc/x', /writes a file/],
    ['iptables-save --file=/etc/x', /writes a file/],
    ['arp -f /etc/shadow', /reads a file/],
    ['arp --file /etc/ethers', /reads a file/],
    ['sleep infinity', /only a duration/],
  ];
  it.each(escapes)('%s', (cmd, why) => {
    const t = translateLine(cmd, P);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.reason).toMatch(why);
  });

  it('refuses ip netns attach X 1 so a later ip -n X cannot reach the machine', () => {
    // the attach is what would bind PID 1's namespace to a name; -n X alone is the run's own X
    expect(translateLine('ip netns attach X 1', P).ok).toBe(false);
    expect(argv('ip -n X link set eth0 down')).toEqual(['ip', '-n', `${P}X`, 'link', 'set', 'eth0', 'down']);
  });

  it('refuses capture targets that are not plain names', () => {
    expect(captureRefused('lan:gw')).toBeUndefined();
    expect(captureRefused('eth0')).toBeUndefined();
    expect(captureRefused('../../proc/1/ns/net:eth0')).toMatch(/namespace/);
    expect(captureRefused('lan:-w/etc/x')).toMatch(/device/);
  });
});

describe('the runner runs every scenario line and every fuzzed line', () => {
  const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const dirs = [join(repo, 'conformance', 'scenarios'), resolve(repo, '..', 'shared', 'conformance', 'scenarios')];
  const files = dirs
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.sh'))
        .map((f) => join(d, f)),
    );
  it('finds the scenarios', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  it.each(files.map((f) => [basename(f), f]))('%s', (_name, file) => {
    expect(() => translateScenario(readFileSync(file, 'utf8'), P)).not.toThrow();
  });
  it.each(['bridge', 'router', 'docker', 'arp', 'links'] as const)('fuzz %s', (kind) => {
    for (let seed = 1; seed <= 5; seed++)
      expect(() => translateScenario(fuzzScenario(kind, seed, 60), P)).not.toThrow();
  });
  it('a refused line fails the whole scenario with the reason, before anything runs', () => {
    expect(() => translateScenario('ip netns add a\nip link; reboot\n', P)).toThrow(
      /refused: ip link; reboot: .*command list/,
    );
    expect(() => translateScenario('#> capture ../x:eth0\nip link\n', P)).toThrow(/refused: capture/);
  });
  it('runs only tools the simulator models', () => {
    for (const tool of Object.keys(TOOLS)) expect(COMMANDS as readonly string[]).toContain(tool);
  });
});

describe('untranslateOutput', () => {
  it('removes the prefix', () => {
    expect(
      untranslateOutput('ip -n nope link', `Cannot open network namespace "${P}nope": No such file or directory\n`, P),
    ).toBe('Cannot open network namespace "nope": No such file or directory\n');
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
