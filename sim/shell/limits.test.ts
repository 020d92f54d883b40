// Every command is bounded before it allocates: sizes past what the kernel holds, user regular
// expressions, deep `ip netns exec` nesting and execve()-sized arguments end at once with the real
// tools' texts (measured on Linux 6.18, bash 5.2, iputils 20221126, procps-ng 4.0.2); names that are
// also Object.prototype's properties are only names.
import { describe, expect, it } from 'vitest';
import { Lab } from '../testing/lab';
import { takeSnapshot } from '../snapshot';

const arrayBuffers = () => process.memoryUsage().arrayBuffers;

describe('ping -s', () => {
  it('2147483647 prints the header and the loss without allocating the payload', () => {
    const lab = new Lab('ip link set lo up');
    const before = arrayBuffers();
    const r = lab.sh.run('ping -c 1 -W 1 -s 2147483647 127.0.0.1');
    // no buffer of the asked size was made (4 GiB before the fix); an IPv4 datagram holds 64 KiB
    expect(arrayBuffers() - before).toBeLessThan(4 * 2 ** 20);
    expect(r.lines[0]).toBe('PING 127.0.0.1 (127.0.0.1) 2147483647(2147483675) bytes of data.');
    expect(r.lines).toContain('1 packets transmitted, 0 received, 100% packet loss, time 0ms');
    expect(r.code).toBe(1);
  });

  it("past a long is strtol's ERANGE, past INT_MAX is out of range", () => {
    const lab = new Lab();
    expect(lab.run('ping -c1 -s 99999999999999999999 127.0.0.1')).toEqual([
      "ping: invalid argument: '99999999999999999999': Numerical result out of range",
    ]);
    expect(lab.run('ping -c1 -s 2147483648 127.0.0.1')).toEqual([
      "ping: invalid argument: '2147483648': out of range: 0 <= value <= 2147483647",
    ]);
    expect(lab.run('ping -s 9223372036854775807 -c1 127.0.0.1')).toEqual([
      "ping: invalid argument: '9223372036854775807': out of range: 0 <= value <= 2147483647",
    ]);
  });
});

describe('sysctl -r', () => {
  it('a catastrophic pattern for a backtracking engine answers at once (nothing matches)', () => {
    const lab = new Lab('ip link add a0 type veth peer name b0');
    const r = lab.sh.run("sysctl -a -r '(.*)(.*)(.*)(.*)(.*)(.*)(.*)(.*)(.*)(.*)X'");
    expect(r).toEqual({ lines: [], code: 0 });
    expect(lab.sh.run("sysctl -a -r '((a*)*)*Q'")).toEqual({ lines: [], code: 0 });
  });

  it('matches as regexec() does: anywhere in the name, ERE syntax, refused patterns match nothing', () => {
    const lab = new Lab();
    expect(lab.run("sysctl -r '^net.ipv4.ip_forward$' net.ipv4")).toEqual(['net.ipv4.ip_forward = 0']);
    expect(lab.run("sysctl -r 'lo\\.(forw|arp_ig)' net.ipv4.conf")).toEqual([
      'net.ipv4.conf.lo.arp_ignore = 0',
      'net.ipv4.conf.lo.forwarding = 0',
    ]);
    // glibc refuses these: pattern_match() returns "no match" for every name, sysctl exits 0
    for (const p of ['(', '*forw', 'a{', '[a-', '[[:nope:]]', 'x|*y'])
      expect(lab.sh.run(`sysctl -r '${p}' net.ipv4`)).toEqual({ lines: [], code: 0 });
  });
});

describe('sysctl with dotted device names', () => {
  it('lists eth0.10 as eth0/10 and reads every spelling', () => {
    const lab = new Lab('ip link add eth0.10 type veth peer name x');
    const all = lab.sh.run('sysctl -a');
    expect(all.code).toBe(0);
    expect(all.lines).toContain('net.ipv4.conf.eth0/10.forwarding = 0');
    expect(all.lines).toContain('net.ipv4.neigh.eth0/10.locktime = 100');
    expect(lab.run('sysctl net/ipv4/conf/eth0.10/forwarding')).toEqual(['net.ipv4.conf.eth0/10.forwarding = 0']);
    expect(lab.run('sysctl -w net.ipv4.conf.eth0/10.forwarding=1')).toEqual(['net.ipv4.conf.eth0/10.forwarding = 1']);
    expect(lab.run('sysctl net.ipv4.conf.eth0.10.forwarding')).toEqual([
      'sysctl: cannot stat /proc/sys/net/ipv4/conf/eth0/10/forwarding: No such file or directory',
    ]);
    expect(lab.run('sysctl net.ipv4.conf.eth0/10').length).toBeGreaterThan(10);
  });

  it('sysctl -a lists each key of every device once, sorted', () => {
    const lab = new Lab();
    for (let i = 0; i < 300; i++) lab.sh.run(`ip link add a${i} type veth peer name b${i}`);
    // names whose order differs from their keys' order: '-' and '.' sort before the key's '.' and after
    for (const n of ['ab', 'ab-c', 'ab.c', 'ab.c.d', 'a00x', 'A', 'all0', 'defaulT', 'eth0.10', 'eth0-10', 'z_'])
      expect(lab.sh.run(`ip link add ${n} type veth peer name p${n}`).code).toBe(0);
    const lines = lab.sh.run('sysctl -a').lines;
    // with lo alone sysctl -a shows 147 keys; every other device adds its 33 conf and 15 neigh keys
    expect(lines.length).toBe(147 + (lab.world.host.devices.length - 1) * (33 + 15));
    const conf = lines.filter((l) => l.startsWith('net.ipv4.conf.a299.'));
    expect(conf.length).toBeGreaterThan(10);
    expect(new Set(lines).size).toBe(lines.length);
    const sorted = [...lines].map((l) => l.split(' = ')[0]);
    expect(sorted).toEqual([...sorted].sort());
  });
});

describe('ip netns exec nested deep', () => {
  for (const depth of [2000, 10_000]) {
    it(`${depth} levels run the innermost command in the namespace`, () => {
      const lab = new Lab('ip netns add a');
      const r = lab.sh.run('ip netns exec a '.repeat(depth) + 'ip -br link show lo');
      expect(r.code).toBe(0);
      expect(r.lines).toEqual(['lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> ']);
    });
  }
  it('the innermost namespace is the last one named', () => {
    const lab = new Lab('ip netns add a\nip netns add b');
    expect(lab.run('ip netns exec a ip netns exec b ip netns identify')).toEqual(['b']);
    expect(lab.run('ip netns exec b ip netns exec a ip -n b netns identify')).toEqual(['b']);
  });
});

describe('execve() limits', () => {
  it('an argument of MAX_ARG_STRLEN bytes or more is bash\'s "Argument list too long", exit 126', () => {
    const lab = new Lab();
    expect(lab.sh.run(`ip route add ${'a'.repeat(1_000_000)}`)).toEqual({
      lines: ['bash: /usr/sbin/ip: Argument list too long'],
      code: 126,
    });
    expect(lab.sh.run(`ip route add ${'a'.repeat(131072)}`)).toEqual({
      lines: ['bash: /usr/sbin/ip: Argument list too long'],
      code: 126,
    });
    // one byte less (with its NUL, exactly MAX_ARG_STRLEN) reaches ip
    expect(lab.sh.run(`ip route add ${'a'.repeat(131071)}`).lines[0]).toMatch(
      /^Error: any valid prefix is expected rather than "a+"\.$/,
    );
    expect(lab.sh.run(`sysctl ${'é'.repeat(65536)}`)).toEqual({
      lines: ['bash: /usr/sbin/sysctl: Argument list too long'],
      code: 126,
    });
  });
  it("all the arguments together past ARG_MAX are refused too; builtins are not exec'd", () => {
    const lab = new Lab();
    const words = Array.from({ length: 80_000 }, () => 'abcdefghijklmnopqrstuvwx').join(' ');
    expect(lab.sh.run(`ping ${words}`)).toEqual({ lines: ['bash: /usr/bin/ping: Argument list too long'], code: 126 });
    expect(lab.sh.run(`echo ${'a'.repeat(200_000)}`).code).toBe(0);
  });
});

describe('names that are Object.prototype properties', () => {
  const KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  it('never print a function nor put one in the snapshot', () => {
    for (const k of KEYS) {
      const lab = new Lab('ip link add x1 type veth peer name y1\nip link set x1 up');
      const out = [
        ...lab.run(`ip route add 10.1.0.0/24 dev x1 proto ${k}`),
        ...lab.run(`ip route add 10.2.0.0/24 dev x1 scope ${k}`),
        ...lab.run(`ip neigh add 10.0.0.2 lladdr 00:11:22:33:44:55 dev x1 nud ${k}`),
        ...lab.run(`sysctl net.ipv4.neigh.default.${k}`),
        ...lab.run(`sysctl net.bridge.${k}`),
        ...lab.run(`bridge link set dev x1 ${k} on`),
        ...lab.run(`conntrack -L -p ${k}`),
        ...lab.run(`ip netns add ${k}`),
        ...lab.run(`ip -n ${k} link`),
        ...lab.run('ip route show'),
        ...lab.run('ip neigh show'),
      ];
      expect(out.join('\n')).not.toMatch(/function|native code|internal error/);
      expect(lab.world.netns(k)).toBeDefined();
      expect(() => structuredClone(takeSnapshot(lab.world))).not.toThrow();
    }
  });
  it("an unknown route protocol is iproute2's error", () => {
    const lab = new Lab('ip link add x1 type veth peer name y1');
    expect(lab.run('ip route add 10.1.0.0/24 dev x1 proto constructor')).toEqual([
      'Error: argument "constructor" is wrong: "protocol" value is invalid',
      '',
    ]);
    expect(lab.run('ip route show proto toString')).toEqual([
      'Error: argument "toString" is wrong: invalid "protocol"',
      '',
    ]);
    expect(lab.run('sysctl net.ipv4.neigh.default.toString')).toEqual([
      'sysctl: cannot stat /proc/sys/net/ipv4/neigh/default/toString: No such file or directory',
    ]);
  });
});

describe('lab nic add / lab vm add take the names Linux takes', () => {
  it('refuses what dev_valid_name() refuses, and names of IFNAMSIZ or more', () => {
    const lab = new Lab();
    for (const bad of ['a/b', 'x y', 'a:b', '.', '..', 'n'.repeat(16), 'n'.repeat(40)]) {
      const r = lab.sh.run(`lab nic add '${bad}'`);
      expect(r.code).toBe(1);
      expect(r.lines[0]).toBe(
        `lab: "${bad}" is not a valid interface name (1 to 15 characters, no "/", ":" or spaces, not "." or "..")`,
      );
      expect(lab.world.host.dev(bad)).toBeUndefined();
    }
    expect(lab.sh.run(`lab nic add ${'n'.repeat(15)}`).code).toBe(0);
    expect(lab.sh.run('lab nic add eth0.10').code).toBe(0);
  });
  it('a VM is a namespace: its name follows ip netns add', () => {
    const lab = new Lab('ip tuntap add dev tap0 mode tap');
    expect(lab.sh.run('lab vm add a/b tap tap0')).toEqual({
      lines: ['lab: "a/b" is not a valid namespace name (1 to 255 bytes, no "/", not "." or "..")'],
      code: 1,
    });
    expect(lab.run(`ip netns add ${'n'.repeat(256)}`)).toEqual([`Invalid netns name "${'n'.repeat(256)}"`]);
    expect(lab.sh.run('lab vm add constructor tap tap0').code).toBe(0);
    expect(lab.world.netns('constructor')).toBeDefined();
  });
});

describe('a line of tens of megabytes', () => {
  it('is refused as execve() would, before it is split into words', () => {
    const lab = new Lab('ip netns add a');
    const before = process.memoryUsage().heapUsed;
    const r = lab.sh.run(`ip netns exec ${'h'.repeat(1_000_000)} `.repeat(50) + 'ip link');
    expect(r).toEqual({ lines: ['bash: /usr/sbin/ip: Argument list too long'], code: 126 });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(256 * 2 ** 20);
  });
});
