import { describe, it, expect } from 'vitest';
import { World } from '../net/world';
import { Shell } from './shell';
import { ctime } from './iptables_save_cmd';

function sh() {
  const world = new World(1);
  const shell = new Shell(world);
  return (line: string) => shell.run(line);
}

// Outputs of iptables 1.8.9 (nf_tables) on Debian 12, trailing spaces included.
const H = 'target     prot opt source               destination         ';
const HV = ' pkts bytes target     prot opt in     out     source               destination         ';

describe('iptables listings', () => {
  it('an empty filter table', () => {
    const run = sh();
    expect(run('iptables -L').lines).toEqual([
      'Chain INPUT (policy ACCEPT)',
      H,
      '',
      'Chain FORWARD (policy ACCEPT)',
      H,
      '',
      'Chain OUTPUT (policy ACCEPT)',
      H,
    ]);
    expect(run('iptables -S').lines).toEqual(['-P INPUT ACCEPT', '-P FORWARD ACCEPT', '-P OUTPUT ACCEPT']);
  });

  it('MASQUERADE in every format', () => {
    const run = sh();
    expect(run('iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE').code).toBe(0);
    expect(run('iptables -t nat -L POSTROUTING').lines).toEqual([
      'Chain POSTROUTING (policy ACCEPT)',
      H,
      'MASQUERADE  all  --  192.0.2.0/24         anywhere            ',
    ]);
    expect(run('iptables -t nat -L POSTROUTING -n -v').lines).toEqual([
      'Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)',
      HV,
      '    0     0 MASQUERADE  0    --  *      !br0    192.0.2.0/24         0.0.0.0/0           ',
    ]);
    expect(run('iptables -t nat -L POSTROUTING -n --line-numbers').lines[2]).toBe(
      '1    MASQUERADE  0    --  192.0.2.0/24         0.0.0.0/0           ',
    );
    expect(run('iptables -t nat -S').lines.at(-1)).toBe('-A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE');
  });

  it('negations, targets with options, user chains', () => {
    const run = sh();
    for (const l of [
      'iptables -A INPUT ! -s 10.0.0.0/8 -d 192.0.2.1 -i eth0 -p tcp -j DROP',
      'iptables -A FORWARD ! -p icmp -o br+ -j REJECT --reject-with net-unreach',
      'iptables -N MYCHAIN',
      'iptables -A FORWARD -j MYCHAIN',
      'iptables -A MYCHAIN -s 1.2.3.4 -j RETURN',
      'iptables -t nat -A PREROUTING -d 198.51.100.2 -p icmp -j DNAT --to-destination 192.0.2.2',
    ])
      expect(run(l).code).toBe(0);
    const l = run('iptables -L -v').lines;
    expect(l).toContain('    0     0 DROP       tcp  --  eth0   any    !10.0.0.0/8           192.0.2.1           ');
    expect(l).toContain(
      '    0     0 REJECT    !icmp --  any    br+     anywhere             anywhere             reject-with icmp-net-unreachable',
    );
    expect(l).toContain('Chain MYCHAIN (1 references)');
    expect(run('iptables -t nat -L PREROUTING').lines[2]).toBe(
      'DNAT       icmp --  anywhere             198.51.100.2         to:192.0.2.2',
    );
    expect(run('iptables -S').lines).toEqual([
      '-P INPUT ACCEPT',
      '-P FORWARD ACCEPT',
      '-P OUTPUT ACCEPT',
      '-N MYCHAIN',
      '-A INPUT ! -s 10.0.0.0/8 -d 192.0.2.1/32 -i eth0 -p tcp -j DROP',
      '-A FORWARD -o br+ ! -p icmp -j REJECT --reject-with icmp-net-unreachable',
      '-A FORWARD -j MYCHAIN',
      '-A MYCHAIN -s 1.2.3.4/32 -j RETURN',
    ]);
  });

  it('big counters in K, M with -v and exact with -x', () => {
    const run = sh();
    run('iptables -A INPUT -j ACCEPT -c 123456 98765432');
    expect(run('iptables -L INPUT -v -n').lines[2]).toBe(
      ' 123K   99M ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           ',
    );
    expect(run('iptables -L INPUT -v -n -x').lines[2]).toBe(
      '  123456 98765432 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           ',
    );
  });
});

describe('iptables as the nf_tables backend behaves', () => {
  it('errors from the ruleset', () => {
    const run = sh();
    expect(run('iptables -A FOO -j ACCEPT')).toEqual({
      lines: ['iptables: No chain/target/match by that name.'],
      code: 1,
    });
    expect(run('iptables -D INPUT 1')).toEqual({ lines: ['iptables: No chain/target/match by that name.'], code: 1 });
    expect(run('iptables -D INPUT -j ACCEPT')).toEqual({
      lines: ['iptables: Bad rule (does a matching rule exist in that chain?).'],
      code: 1,
    });
    expect(run('iptables -P INPUT FOO')).toEqual({
      lines: ["iptables: Bad policy name. Run `dmesg' for more information."],
      code: 1,
    });
    expect(run('iptables -I INPUT 5 -j ACCEPT')).toEqual({ lines: ['iptables: Index of insertion too big.'], code: 1 });
    expect(run('iptables -A INPUT -j NOSUCH').lines[0]).toBe(
      "iptables v1.8.9 (nf_tables): Chain 'NOSUCH' does not exist",
    );
    expect(run('iptables -A INPUT -j MASQUERADE')).toEqual({
      lines: ['iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT'],
      code: 4,
    });
    expect(run('iptables -t foo -L')).toEqual({
      lines: [
        "iptables v1.8.9 (nf_tables): table 'foo' does not exist",
        'Perhaps iptables or your kernel needs to be upgraded.',
      ],
      code: 3,
    });
    expect(run('iptables -L FOO')).toEqual({
      lines: ["iptables v1.8.9 (nf_tables): chain `FOO' in table `filter' is incompatible, use 'nft' tool."],
      code: 1,
    });
  });

  it('a failed command changes nothing; a user chain in use cannot go', () => {
    const run = sh();
    run('iptables -N foo');
    run('iptables -A foo -j RETURN');
    expect(run('iptables -X foo')).toEqual({
      lines: ['iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain foo'],
      code: 4,
    });
    expect(run('iptables -S foo').lines).toEqual(['-N foo', '-A foo -j RETURN']);
  });

  it('tables come into being with their first rule; -L alone creates nothing', () => {
    const run = sh();
    run('iptables -t nat -L');
    expect(run('iptables-save').lines).toEqual([]);
    run('iptables -A FORWARD -j ACCEPT');
    const save = run('iptables-save').lines;
    expect(save[0]).toBe('# Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan  1 00:00:00 1970');
    expect(save.slice(1)).toEqual([
      '*filter',
      ':INPUT ACCEPT [0:0]',
      ':FORWARD ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      '-A FORWARD -j ACCEPT',
      'COMMIT',
      '# Completed on Thu Jan  1 00:00:00 1970',
    ]);
    expect(run('iptables -v -F').lines).toEqual([
      "Flushing chain `INPUT'",
      "Flushing chain `FORWARD'",
      "Flushing chain `OUTPUT'",
    ]);
  });

  it('ctime() of the virtual clock', () => {
    expect(ctime(0)).toBe('Thu Jan  1 00:00:00 1970');
    expect(ctime(1_795_913_223)).toBe('Sun Nov 29 00:47:03 2026');
  });
});

describe('conntrack command', () => {
  it('an empty table, flush, usage errors', () => {
    const run = sh();
    expect(run('conntrack -L')).toEqual({
      lines: ['conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.'],
      code: 0,
    });
    expect(run('conntrack -F').lines).toEqual([
      'conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied.',
    ]);
    expect(run('conntrack -L -p bogus')).toEqual({
      lines: [
        "conntrack v1.4.7 (conntrack-tools): `bogus' unsupported protocol",
        "Try `conntrack -h' or 'conntrack --help' for more information.",
      ],
      code: 2,
    });
    expect(run('conntrack -F -p icmp').lines[0]).toBe(
      "conntrack v1.4.7 (conntrack-tools): Illegal option `--protonum' with this command",
    );
    expect(run('conntrack -X').lines[0]).toBe("conntrack v1.4.7 (conntrack-tools): unknown option `-X'");
    expect(run('conntrack -D').code).toBe(1);
  });
});
