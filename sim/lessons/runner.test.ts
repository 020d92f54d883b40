// The runner on a small lesson: each kind of check passes and fails with its own sentence.
import { describe, expect, it } from 'vitest';
import { LessonRun, LessonRunError } from './runner';
import { loadLesson } from './validate';
import type { Check } from './types';

const SETUP = [
  'sysctl -w net.ipv4.conf.all.rp_filter=0',
  'sysctl -w net.ipv4.conf.default.rp_filter=0',
  'sysctl -w net.ipv4.conf.default.accept_local=1',
  'ip link add name br0 type bridge',
  'ip link set br0 up',
  'ip link add veth0 type veth peer name veth1',
  'ip link set dev veth0 address 6e:5f:3a:10:00:01',
  'ip link set dev veth1 address 6e:5f:3a:10:00:02',
  'ip addr add 192.168.3.101/24 dev veth0',
  'ip addr add 192.168.3.102/24 dev veth1',
  'ip link set veth0 up',
  'ip link set veth1 up',
];

function lesson(check: unknown, extra: Record<string, unknown> = {}) {
  return loadLesson({
    version: 1,
    id: 'small',
    title: { en: 'Small' },
    setup: SETUP,
    steps: [
      {
        id: 'join',
        title: { en: 'veth0 joins br0' },
        text: { en: 'Join, then ping through the port.' },
        commands: ['ip link set dev veth0 master br0', 'ping -c 1 -I veth0 192.168.3.102'],
        watch: { capture: ['veth0', 'br0'] },
        check,
        ...extra,
      },
    ],
  });
}

function outcome(check: Check | Record<string, unknown>, run = true) {
  const r = new LessonRun(lesson(check));
  if (run) r.runStep('join');
  return r.check('join')!;
}

describe('LessonRun', () => {
  it('records normalized outputs, captures and trace events of a step', () => {
    const r = new LessonRun(lesson(undefined));
    const rec = r.runStep(0);
    expect(rec.commands.map((c) => [c.run, c.code])).toEqual([
      ['ip link set dev veth0 master br0', 0],
      ['ping -c 1 -I veth0 192.168.3.102', 1],
    ]);
    expect(rec.commands[1]!.lines).toContain('1 packets transmitted, 0 received, 100% packet loss, time Tms');
    expect(rec.captures.br0).toEqual(
      Array(3).fill(
        '{veth1} > {veth0}, ethertype ARP (0x0806), length 42: Reply 192.168.3.102 is-at {veth1}, length 28',
      ),
    );
    expect(rec.captures.veth0!.length).toBe(6);
    expect(rec.events.some((e) => e.type === 'br-up' && e.dev === 'veth0')).toBe(true);
    expect(r.world.trace).toBeNull();
  });

  it('is deterministic: the same lesson gives the same record', () => {
    const a = new LessonRun(lesson(undefined)).runStep(0);
    const b = new LessonRun(lesson(undefined)).runStep(0);
    expect(JSON.stringify(b.commands)).toBe(JSON.stringify(a.commands));
    expect(b.captures).toEqual(a.captures);
  });

  it('names the setup command that failed', () => {
    const l = loadLesson({
      version: 1,
      id: 'x',
      title: { en: 'x' },
      setup: ['ip link set nosuch up'],
      steps: [{ id: 's', title: { en: 's' }, text: { en: 's' } }],
    });
    expect(() => new LessonRun(l).setup()).toThrow(LessonRunError);
    expect(() => new LessonRun(l).setup()).toThrow(
      /^setup\[0\]: `ip link set nosuch up` failed with exit 1:\nCannot find device "nosuch"/,
    );
  });

  it('refuses a command for a namespace that does not exist instead of running it on the host', () => {
    const r = new LessonRun(lesson(undefined));
    const c = r.runCommand('join', { run: 'ip link add dummy0 type bridge', ns: 'vm1' });
    expect(c).toEqual({
      run: 'ip link add dummy0 type bridge',
      ns: 'vm1',
      lines: ['netlab: there is no namespace "vm1" (yet)'],
      code: 1,
    });
    expect(r.world.host.dev('dummy0')).toBeUndefined();
  });

  it('records what the learner types during a step with the step', () => {
    const r = new LessonRun(lesson({ kind: 'output', command: 'bridge link', contains: 'master br0' }));
    r.runCommand('join', { run: 'ip link set dev veth0 master br0', ns: 'host' });
    r.runCommand('join', { run: 'bridge link', ns: 'host' });
    expect(r.record('join')!.commands.length).toBe(2);
    expect(r.check('join')!.pass).toBe(true);
  });

  it('throws for an unknown step', () => {
    expect(() => new LessonRun(lesson(undefined)).runStep('nope')).toThrow('no step "nope" in lesson small');
  });
});

describe('checks', () => {
  const table: [string, Record<string, unknown>, boolean, string][] = [
    [
      'output of a step command',
      { kind: 'output', command: 'ping -c 1 -I veth0 192.168.3.102', contains: '100% packet loss', code: 1 },
      true,
      '`ping -c 1 -I veth0 192.168.3.102` shows “100% packet loss”.',
    ],
    [
      'output with the wrong exit code',
      { kind: 'output', command: 'ping -c 1 -I veth0 192.168.3.102', contains: 'loss', code: 0 },
      false,
      '`ping -c 1 -I veth0 192.168.3.102` exited with 1, not 0.',
    ],
    [
      'output probed when the step did not run it',
      { kind: 'output', command: 'ping -c 1 -W 1 -I br0 192.168.3.102', contains: '100% packet loss' },
      true,
      '`ping -c 1 -W 1 -I br0 192.168.3.102` shows “100% packet loss”.',
    ],
    [
      'state with a MAC name',
      { kind: 'state', command: 'ip -br link show dev br0', contains: '{veth0}' },
      true,
      '`ip -br link show dev br0` shows “{veth0}”.',
    ],
    [
      'state that is not there',
      { kind: 'state', command: 'bridge link', notContains: 'veth0' },
      false,
      '`bridge link` shows “veth0”, which it should not.',
    ],
    [
      'state with a counted regex',
      { kind: 'state', command: 'ip -br link', matches: '^veth', count: 2 },
      true,
      '`ip -br link` has 2 line(s) matching /^veth/.',
    ],
    [
      'state with a wrong count',
      { kind: 'state', command: 'ip -br link', matches: '^veth', count: 3 },
      false,
      '`ip -br link` has 2 line(s) matching /^veth/, not 3.',
    ],
    [
      'a capture',
      { kind: 'capture', iface: 'br0', contains: 'Reply 192.168.3.102', notContains: 'Request' },
      true,
      'tcpdump -i br0 shows “Reply 192.168.3.102” and does not show “Request”.',
    ],
    [
      'a capture that misses',
      { kind: 'capture', iface: 'veth0', notContains: 'Request' },
      false,
      'tcpdump -i veth0 shows “Request”, which it should not.',
    ],
    [
      'a trace event on a frame',
      { kind: 'trace', event: 'br-up', dev: 'veth0', bridge: 'br0', frame: 'Reply 192.168.3.102 is-at {veth1}' },
      true,
      'Seen: br-up event on veth0 by br0',
    ],
    [
      'a trace event counted',
      { kind: 'trace', event: 'br-up', dev: 'veth0', count: 3 },
      true,
      'Seen: br-up event on veth0 (br_pass_frame_up), 3 time(s).',
    ],
    [
      'a trace event that never happens',
      { kind: 'trace', event: 'br-up', dev: 'veth1' },
      false,
      "No br-up event on veth1 while the step's commands ran.",
    ],
    [
      'a trace event that must not happen',
      { kind: 'trace', event: 'nat', ns: 'host', count: 0 },
      true,
      'No nat event in host, as expected.',
    ],
    [
      'a neighbour state',
      { kind: 'neigh', ip: '192.168.3.102', dev: 'veth0', state: ['INCOMPLETE', 'FAILED'] },
      true,
      "192.168.3.102 is FAILED on veth0 in host's ARP cache.",
    ],
    [
      'a neighbour with its MAC',
      { kind: 'neigh', ip: '192.168.3.101', dev: 'veth1', state: ['STALE', 'REACHABLE', 'DELAY'], lladdr: '{veth0}' },
      true,
      "192.168.3.101 is STALE on veth1 ({veth0}) in host's ARP cache.",
    ],
    [
      'a neighbour that should not exist',
      { kind: 'neigh', ip: '192.168.3.1', state: 'none' },
      true,
      "192.168.3.1 is not in host's ARP cache, as expected.",
    ],
    [
      'a neighbour in the wrong state',
      { kind: 'neigh', ip: '192.168.3.102', dev: 'veth0', state: 'REACHABLE' },
      false,
      "host's ARP cache has 192.168.3.102 dev veth0 FAILED; expected REACHABLE.",
    ],
    [
      'a neighbour in no namespace',
      { kind: 'neigh', ns: 'vm9', ip: '192.168.3.1', state: 'none' },
      false,
      'There is no namespace vm9.',
    ],
    [
      'all, failing on its second part',
      {
        kind: 'all',
        of: [
          { kind: 'state', command: 'bridge link', contains: 'veth0' },
          { kind: 'state', command: 'bridge link', contains: 'eth0:' },
        ],
      },
      false,
      '`bridge link` does not show “eth0:”.',
    ],
    [
      'any',
      {
        kind: 'any',
        of: [
          { kind: 'state', command: 'bridge link', contains: 'eth0:' },
          { kind: 'state', command: 'bridge link', contains: 'veth0' },
        ],
      },
      true,
      '`bridge link` shows “veth0”.',
    ],
    [
      'not',
      { kind: 'not', check: { kind: 'state', command: 'bridge link', contains: 'veth0' } },
      false,
      'Not expected: `bridge link` shows “veth0”.',
    ],
  ];
  it.each(table)('%s', (_name, check, pass, says) => {
    const r = outcome(check);
    expect(r.pass).toBe(pass);
    expect(r.says.en).toContain(says);
    expect(r.says.zh).not.toBe('');
  });

  it('says what the lesson says when it gives its own sentences', () => {
    const says = {
      pass: { zh: '失败了:ARP 应答给了 br0。', en: 'The ping failed: the ARP reply went to br0, not to the stack.' },
      fail: { zh: '没有。', en: 'No.' },
    };
    expect(outcome({ kind: 'trace', event: 'br-up', dev: 'veth0', ...says }).says).toEqual(says.pass);
    expect(outcome({ kind: 'trace', event: 'br-up', dev: 'veth0', ...says }, false).says).toEqual(says.fail);
  });

  it('fails capture and trace checks when the step has not run, saying so', () => {
    const r = outcome({ kind: 'capture', iface: 'br0', contains: 'Reply' }, false);
    expect(r.pass).toBe(false);
    expect(r.says).toEqual({
      en: "Nothing was captured on br0: run the step's commands first.",
      zh: 'br0 上还没有抓到包:请先运行这一步的命令。',
    });
  });

  it('keeps what each check read', () => {
    const r = outcome({ kind: 'all', of: [{ kind: 'state', command: 'bridge link', contains: 'veth0' }] });
    expect(r.children![0]!.observed).toEqual([
      '4: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2',
    ]);
  });
});
