// Exporting a lab as a script for a real machine and reading it back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import lessonFile from '../../lessons/linux-bridge.json';
import { loadLesson } from '../lessons/validate';
import { outsideWorld } from './outside_world';
import { ExportError, exportLab, exportScript, ImportError, importScript, shQuote } from './export';

const DOCKER = [
  '# a note, kept',
  'sysctl -w net.ipv4.conf.all.rp_filter=0',
  'ip netns add lan',
  'ip link add eth0 type veth peer name gw netns lan',
  'ip -n lan addr add 192.168.3.1/24 dev gw',
  'ip -n lan link set gw up',
  'ip addr add 192.168.3.101/24 dev eth0',
  'ip link set eth0 up',
  'ip link add name br0 type bridge',
  'ip addr add 192.168.9.1/24 dev br0',
  'sysctl -w net.ipv4.ip_forward=1',
  'ip netns add c1',
  'ip link add veth1 type veth peer name eth0 netns c1',
  'ip link set dev veth1 master br0',
  'ip netns exec c1 ip addr add 192.168.9.2/24 dev eth0',
  'iptables -t nat -A POSTROUTING -s 192.168.9.0/24 ! -o br0 -j MASQUERADE',
  'ip netns exec c1 ping -c 1 -W 1 192.168.3.1',
];

/** The lab() function of a script: one line per command. */
const labLines = (script: string) =>
  script
    .slice(script.indexOf('lab() {\n') + 8, script.indexOf('\n}\n', script.indexOf('lab() {')))
    .split('\n')
    .map((l) => l.trim());

function shellSyntaxOk(script: string): void {
  const f = join(mkdtempSync(join(tmpdir(), 'netlab-sh-')), 'lab.sh');
  writeFileSync(f, script);
  execFileSync('sh', ['-n', f]);
}

describe('exportScript', () => {
  it('runs every command inside a namespace with the prefix, host included', () => {
    const s = exportScript(DOCKER, { prefix: 'nl-' });
    expect(s.startsWith('#!/bin/sh\n# netlab-export 1\n')).toBe(true);
    expect(s).toContain('P="${NETLAB_PREFIX:-nl-}"');
    expect(s).toContain("NAMESPACES='host lan c1'");
    expect(labLines(s)).toEqual([
      ':',
      '# $ # a note, kept',
      'cmd 2 host sysctl -w net.ipv4.conf.all.rp_filter=0',
      'mkns 3 lan',
      'cmd 4 host ip link add eth0 type veth peer name gw netns "${P}lan"',
      'cmd 5 host ip -n "${P}lan" addr add 192.168.3.1/24 dev gw',
      'cmd 6 host ip -n "${P}lan" link set gw up',
      'cmd 7 host ip addr add 192.168.3.101/24 dev eth0',
      'cmd 8 host ip link set eth0 up',
      'cmd 9 host ip link add name br0 type bridge',
      'cmd 10 host ip addr add 192.168.9.1/24 dev br0',
      'cmd 11 host sysctl -w net.ipv4.ip_forward=1',
      'mkns 12 c1',
      'cmd 13 host ip link add veth1 type veth peer name eth0 netns "${P}c1"',
      'cmd 14 host ip link set dev veth1 master br0',
      'cmd 15 host ip netns exec "${P}c1" ip addr add 192.168.9.2/24 dev eth0',
      "cmd 16 host iptables -t nat -A POSTROUTING -s 192.168.9.0/24 '!' -o br0 -j MASQUERADE  # $ iptables -t nat -A POSTROUTING -s 192.168.9.0/24 ! -o br0 -j MASQUERADE",
      'try 17 host ip netns exec "${P}c1" ping -c 1 -W 1 192.168.3.1',
    ]);
    // lo up, IPv6 off and the simulator's sysctls in every namespace; down deletes them in reverse
    expect(s).toContain('sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1');
    expect(s).toContain('ip -n "$P$2" link set lo up');
    expect(s).toContain('net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.default.rp_filter = 0');
    expect(s).toMatch(/down\(\) \{[\s\S]*ip netns del "\$P\$ns"/);
    shellSyntaxOk(s);
  });

  it('gives the commands back when imported', () => {
    expect(importScript(exportScript(DOCKER))).toEqual(DOCKER);
    const world = outsideWorld({ gatewayMac: '52:54:00:12:35:01' });
    expect(importScript(exportScript(world))).toEqual(world);
  });

  it('turns NICs and cables into veth ends joined by a bridge in the namespace wires', () => {
    const r = exportLab([
      'ip netns add lan',
      'lab nic add p1 netns lan',
      'lab nic add eth0 address 08:00:27:3b:0d:b9',
      'lab cable eth0 lan:p1',
      'lab unplug eth0',
    ]);
    expect(r.problems).toEqual([]);
    expect(r.namespaces).toEqual(['host', 'lan', 'wires']);
    expect(labLines(r.script).slice(2)).toEqual([
      '# NICs are veth ends whose other ends wait, down, in the namespace wires: no cable, no carrier',
      'mkns 2 wires  # $+',
      'cmd 2 lan ip link add p1 type veth peer name nlw1 netns "${P}wires"  # $ lab nic add p1 netns lan',
      'cmd 3 host ip link add eth0 type veth peer name nlw2 netns "${P}wires"  # $ lab nic add eth0 address 08:00:27:3b:0d:b9',
      'cmd 3 host ip link set dev eth0 address 08:00:27:3b:0d:b9  # $+',
      'wire 4 nlc1 nlw2 nlw1  # $ lab cable eth0 lan:p1',
      'unwire 5 nlc1 nlw2 nlw1  # $ lab unplug eth0',
    ]);
    expect(r.substitutions.map((s) => `${s.ns}:${s.dev}:${s.was}`)).toEqual(['lan:p1:nic', 'host:eth0:nic']);
    shellSyntaxOk(r.script);
  });

  it('runs a VM as a namespace whose eth0 is the far end of a veth in place of its tap', () => {
    const cmds = [
      'ip link add name br0 type bridge',
      'ip tuntap add dev tap1 mode tap',
      'ip link set dev tap1 master br0',
      'lab vm add vm1 tap tap1 address 52:54:00:00:00:01',
      'ip -n vm1 link set eth0 up',
      'lab vm del vm1',
      'ip link del tap1',
    ];
    const r = exportLab(cmds);
    expect(r.problems).toEqual([]);
    expect(labLines(r.script).slice(2)).toEqual([
      "# vm1 runs as a namespace; the tap it will hold is a veth whose far end is vm1's eth0",
      'mkns 2 vm1  # $+',
      'cmd 2 host ip link add tap1 type veth peer name eth0 netns "${P}vm1"  # $ ip tuntap add dev tap1 mode tap',
      'cmd 3 host ip link set dev tap1 master br0',
      'cmd 4 vm1 ip link set dev eth0 address 52:54:00:00:00:01  # $ lab vm add vm1 tap tap1 address 52:54:00:00:00:01',
      'cmd 5 host ip -n "${P}vm1" link set eth0 up',
      '# vm1 stops: its namespace goes, and with it the veth that stood for tap1',
      'rmns 6 vm1  # $ lab vm del vm1',
      "# tap1 went with its VM's namespace",
      ': 7  # $ ip link del tap1',
    ]);
    expect(importScript(r.script)).toEqual(cmds);
  });

  it("writes the lab's /etc/hosts where ip netns exec finds it", () => {
    const s = exportScript([
      'lab hosts add baidu.com 110.242.68.66',
      'lab hosts add example.com 93.184.215.14',
      'lab hosts del baidu.com',
      'lab hosts',
    ]);
    expect(labLines(s).slice(1)).toEqual([
      "hosts 1 '127.0.0.1 localhost' '110.242.68.66 baidu.com'  # $ lab hosts add baidu.com 110.242.68.66",
      "hosts 2 '127.0.0.1 localhost' '110.242.68.66 baidu.com' '93.184.215.14 example.com'  # $ lab hosts add example.com 93.184.215.14",
      "hosts 3 '127.0.0.1 localhost' '93.184.215.14 example.com'  # $ lab hosts del baidu.com",
      'cmd 4 host cat /etc/hosts  # $ lab hosts',
    ]);
    expect(s).toContain('> "/etc/netns/$P$ns/hosts"');
  });

  it("exports the whole article lesson, every namespace's commands included", () => {
    const lesson = loadLesson(lessonFile);
    const cmds = [...lesson.setup, ...lesson.steps.flatMap((s) => s.commands)];
    const r = exportLab(cmds);
    expect(r.problems).toEqual([]);
    expect(r.script).toMatch(/\n {2}try \d+ host ip netns exec "\$\{P\}gw" arping -c 1 -I eth0 192\.168\.3\.101\n/);
    expect(importScript(r.script)).toEqual(
      cmds.map((c) => (c.ns === 'host' || c.note ? c.run : `ip netns exec ${c.ns} ${c.run}`)),
    );
    shellSyntaxOk(r.script);
  });

  const refused: [string, string[], string, object?][] = [
    [
      'tcpdump without -c',
      ['ip link add name br0 type bridge', 'tcpdump -i br0'],
      'line 2: `tcpdump -i br0`: tcpdump runs until stopped',
    ],
    ['ping without -c', ['ping 192.168.3.1'], 'line 1: `ping 192.168.3.1`: ping without -c or -w runs until stopped'],
    [
      'a sysctl of the whole machine',
      ['sysctl -w kernel.panic=1'],
      'kernel.panic is not a network sysctl: it would change the whole machine',
    ],
    [
      'neigh.default',
      ['sysctl -w net.ipv4.neigh.default.gc_thresh1=1'],
      "exists only in the machine's initial namespace",
    ],
    [
      'a namespace by pid',
      ['ip link add veth0 type veth peer name veth1', 'ip link set veth1 netns 1'],
      'line 2: `ip link set veth1 netns 1`: netns 1 is a process id or file of the machine',
    ],
    ['ip -all netns exec', ['ip -all netns exec ip link'], '-all would reach every namespace of the machine'],
    [
      'ip netns add inside exec',
      ['ip netns add a', 'ip netns exec a ip netns add b'],
      'line 2: `ip netns exec a ip netns add b`: ip netns add only at the top level',
    ],
    [
      'a VM when VMs are refused',
      ['ip tuntap add dev tap0 mode tap', 'lab vm add vm1 tap tap0'],
      'no command starts a virtual machine: start one whose NIC uses tap0 (qemu-system-x86_64',
      { vms: 'refuse' },
    ],
    [
      'a VM without its tap',
      ['lab vm add vm1 tap tap0'],
      'tap0 was not made by ip tuntap add ... mode tap earlier in this lab',
    ],
    [
      'a cable to nowhere',
      ['lab nic add eth0', 'lab cable eth0 lan:p9'],
      'line 2: `lab cable eth0 lan:p9`: lan:p9 is not a NIC made by lab nic add earlier in this lab',
    ],
    ['an unknown lab command', ['lab teleport eth0'], 'not a lab command this export knows'],
    [
      'a command the simulator does not know',
      ['ip link', 'rm -rf /'],
      'line 2: `rm -rf /`: "rm" is not a command the simulator knows',
    ],
    ["the export's own namespace", ['ip netns add wires'], 'the namespace name "wires" is the export\'s own'],
  ];
  it.each(refused)('refuses %s, saying which line and why', (_n, cmds, message, opts) => {
    expect(() => exportScript(cmds, opts)).toThrow(ExportError);
    expect(() => exportScript(cmds, opts)).toThrow(message);
  });

  it('lists every problem at once', () => {
    const r = exportLab(['ping 10.0.0.1', 'ip link', 'tcpdump -i lo']);
    expect(r.problems.map((p) => p.line)).toEqual([1, 3]);
  });

  it('round-trips any list of commands it accepts (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9.:/_-]{1,8}$/);
    const ns = fc.constantFrom('lan', 'c1', 'gw');
    const cmd = fc.oneof(
      fc.tuple(ns).map(([n]) => `ip netns add ${n}`),
      fc.tuple(ns, word).map(([n, w]) => `ip -n ${n} link set ${w} up`),
      fc.tuple(ns, word).map(([n, w]) => `ip netns exec ${n} ip addr add 10.0.0.1/24 dev ${w}`),
      fc.tuple(word, ns).map(([w, n]) => `ip link add ${w} type veth peer name eth0 netns ${n}`),
      fc.tuple(word).map(([w]) => `bridge link show dev ${w}`),
      fc.tuple(word).map(([w]) => `sysctl -w net.ipv4.conf.${w}.rp_filter=0`),
      fc.tuple(fc.string({ maxLength: 12 })).map(([s]) => `echo ${shQuote(s)}`),
      fc.tuple(fc.string({ maxLength: 12 })).map(([s]) => `#${s.replace(/\n|\r/g, '')}`),
      fc.constantFrom(
        'ip route',
        'iptables -t nat -A POSTROUTING ! -o br0 -j MASQUERADE',
        'ping -c 1 -W 1 10.0.0.2',
        "echo 'a  b'",
        'echo "x"',
      ),
    );
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 12 }), (cmds) => {
        const r = exportLab(cmds);
        expect(r.problems).toEqual([]);
        expect(importScript(r.script)).toEqual(cmds.map((c) => c.trim()));
      }),
      { numRuns: 200 },
    );
  });
});

describe('importScript', () => {
  it('reads a plain list of commands, keeping notes and skipping blank lines', () => {
    expect(importScript('# build a bridge\n\nip link add name br0 type bridge\r\nip link set br0 up\n')).toEqual([
      '# build a bridge',
      'ip link add name br0 type bridge',
      'ip link set br0 up',
    ]);
  });

  it('refuses anything the simulator does not know, with its line number, running nothing', () => {
    expect(() => importScript('ip link add name br0 type bridge\n\nrm -rf /\nsudo ip link\n')).toThrow(ImportError);
    try {
      importScript('ip link add name br0 type bridge\n\nrm -rf /\nsudo ip link\n');
    } catch (e) {
      expect((e as ImportError).problems.map((p) => [p.line, p.message.slice(0, 30)])).toEqual([
        [3, '"rm" is not a command the simu'],
        [4, 'starts with sudo: drop it, the'],
      ]);
    }
  });

  it('reads an edited exported script: new cmd lines count, unknown lines are refused', () => {
    const s = exportScript(['ip netns add lan', 'ip link add name br0 type bridge']);
    const edited = s.replace(
      'cmd 2 host ip link add name br0 type bridge',
      'cmd 2 host ip link add name br0 type bridge\n  cmd 3 lan ip link set lo up\n  cmd 4 host ip link set br0 address "${P}x"',
    );
    expect(importScript(edited)).toEqual([
      'ip netns add lan',
      'ip link add name br0 type bridge',
      'ip netns exec lan ip link set lo up',
      'ip link set br0 address x',
    ]);
    const bad = s.replace('cmd 2 host', 'curl http://example.com | sh\n  cmd 2 host');
    expect(() => importScript(bad)).toThrow(
      /line \d+: not a line of a lab \(cmd, try, mkns, rmns, or a line ending in # \$ COMMAND\): curl http:\/\/example.com \| sh/,
    );
    const marker = s.replace('cmd 2 host ip link add name br0 type bridge', ': 2  # $ nc -l 4444');
    expect(() => importScript(marker)).toThrow(/"nc" is not a command the simulator knows/);
  });
});
