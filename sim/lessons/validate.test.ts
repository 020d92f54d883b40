// A broken lesson file is refused with every problem named by the path of its field.
import { describe, expect, it } from 'vitest';
import { isReadOnlyCommand, LessonFormatError, loadLesson, validateLesson } from './validate';
import { commandLine } from './types';

/** The smallest valid lesson, as a teacher would write it. */
const minimal = () => ({
  version: 1,
  id: 'tiny',
  title: { zh: '小课', en: 'Tiny' },
  steps: [
    {
      id: 'make-bridge',
      title: { en: 'Make a bridge' },
      text: { zh: ['第一段', '第二段'], en: 'Make br0.' },
      commands: ['ip link add name br0 type bridge', { run: 'ip link set br0 up' }, '# a note'] as (
        | string
        | { run: string; ns?: string }
      )[],
      check: { kind: 'state', command: 'ip -br link show dev br0', contains: 'br0' },
    },
  ],
});

function problems(patch: (l: ReturnType<typeof minimal>) => unknown): string[] {
  const r = validateLesson(patch(minimal()));
  return r.ok ? [] : r.problems;
}

describe('validateLesson', () => {
  it('fills in defaults: host namespace, seed 1, notes, paragraphs, a missing language', () => {
    const l = loadLesson(minimal());
    expect(l.seed).toBe(1);
    expect(l.setup).toEqual([]);
    const s = l.steps[0]!;
    expect(s.commands).toEqual([
      { run: 'ip link add name br0 type bridge', ns: 'host', note: false },
      { run: 'ip link set br0 up', ns: 'host', note: false },
      { run: '# a note', ns: 'host', note: true },
    ]);
    expect(s.text.zh).toBe('第一段\n\n第二段');
    expect(s.title).toEqual({ zh: '', en: 'Make a bridge' });
    expect(s.watch).toEqual({ capture: [] });
    expect(s.check).toEqual({
      kind: 'state',
      command: 'ip -br link show dev br0',
      ns: 'host',
      contains: ['br0'],
      notContains: [],
    });
  });

  it("reads a note in both languages, typed in the reader's", () => {
    const l = loadLesson({
      ...minimal(),
      setup: [{ note: { zh: '物理网络', en: '# the physical network' } }, { note: { en: 'only English' } }],
    });
    expect(l.setup[0]).toEqual({
      run: '# the physical network',
      ns: 'host',
      note: true,
      says: { zh: '# 物理网络', en: '# the physical network' },
    });
    expect(commandLine(l.setup[0]!, 'zh')).toBe('# 物理网络');
    expect(commandLine(l.setup[0]!, 'en')).toBe('# the physical network');
    expect(commandLine(l.setup[1]!, 'zh')).toBe('# only English');
    expect(commandLine(l.steps[0]!.commands[0]!, 'zh')).toBe('ip link add name br0 type bridge');
    expect(problems((x) => ({ ...x, setup: [{ note: { de: 'x' } }] }))).toEqual([
      'setup[0].note.de: unknown field (allowed here: zh, en)',
      'setup[0].note: needs a text in at least one language (zh or en)',
    ]);
    expect(problems((x) => ({ ...x, setup: [{ note: { en: 'x' }, ns: 'vm1' }] }))).toEqual([
      'setup[0].ns: unknown field (allowed here: note)',
    ]);
  });

  const cases: [string, (l: ReturnType<typeof minimal>) => unknown, string][] = [
    [
      'a newer version',
      (l) => ({ ...l, version: 2 }),
      'version: the file is written for lesson format 2; this runner reads version 1: update the app',
    ],
    ['no version', ({ version: _, ...l }) => l, 'version: missing (this runner reads version 1)'],
    [
      'a misspelt field',
      (l) => ({ ...l, stpes: [] }),
      'lesson.stpes: unknown field (allowed here: $schema, version, id, title, summary, source, seed, setup, steps)',
    ],
    ['no steps', (l) => ({ ...l, steps: [] }), 'steps: expected a non-empty list of steps'],
    ['a title in no language', (l) => ({ ...l, title: {} }), 'title: needs a text in at least one language (zh or en)'],
    [
      'an unknown command',
      (l) => ((l.steps[0]!.commands[0] = 'pnig -c 1 10.0.0.1'), l),
      'steps[0].commands[0]: `pnig -c 1 10.0.0.1` "pnig" is not a command the simulator knows',
    ],
    [
      'sudo',
      (l) => ((l.steps[0]!.commands[0] = 'sudo ip link'), l),
      'steps[0].commands[0]: `sudo ip link` starts with sudo: drop it',
    ],
    [
      'an open quote',
      (l) => ((l.steps[0]!.commands[0] = "echo 'oops"), l),
      "steps[0].commands[0]: `echo 'oops` cannot be read as a command",
    ],
    [
      'a bad namespace',
      (l) => ((l.steps[0]!.commands[0] = { run: 'ip link', ns: 'a b' }), l),
      'steps[0].commands[0].ns: "a b" is not a namespace name',
    ],
    [
      'a bad step id',
      (l) => ((l.steps[0]!.id = 'Step One'), l),
      'steps[0].id: "Step One" is not an id (lower-case letters, digits and dashes)',
    ],
    [
      'a duplicate step id',
      (l) => ({ ...l, steps: [l.steps[0], l.steps[0]] }),
      'steps[1].id: "make-bridge" is already the id of steps[0]',
    ],
    [
      'an unknown check kind',
      (l) => ((l.steps[0]!.check = { kind: 'outptu' } as never), l),
      'steps[0].check.kind: unknown kind "outptu" (one of: output, state, capture, trace, neigh, all, any, not)',
    ],
    [
      'a state check that changes things',
      (l) => ((l.steps[0]!.check = { kind: 'state', command: 'ip link set br0 down', contains: 'x' }), l),
      'steps[0].check.command: `ip link set br0 down` changes the lab or takes time',
    ],
    [
      'a state check that pings',
      (l) => ((l.steps[0]!.check = { kind: 'state', command: 'ping -c 1 10.0.0.1', contains: 'x' }), l),
      'steps[0].check.command: `ping -c 1 10.0.0.1` changes the lab or takes time',
    ],
    [
      'a bad regular expression',
      (l) => ((l.steps[0]!.check = { kind: 'output', command: 'ip link', matches: '(' } as never), l),
      'steps[0].check.matches: not a valid regular expression',
    ],
    [
      'a check with nothing to test',
      (l) => ((l.steps[0]!.check = { kind: 'output', command: 'ip link' } as never), l),
      'steps[0].check: needs at least one of contains, notContains, matches',
    ],
    [
      'count without matches',
      (l) => ((l.steps[0]!.check = { kind: 'output', command: 'ip link', contains: 'lo', count: 1 } as never), l),
      'steps[0].check.count: counts the lines that match "matches": give "matches" too',
    ],
    [
      'a capture of an unwatched interface',
      (l) => ((l.steps[0]!.check = { kind: 'capture', iface: 'br0', contains: 'ARP' } as never), l),
      'steps[0].check.iface: "br0" is not captured by this step: add it to the step\'s watch.capture (now empty)',
    ],
    [
      'an unknown trace event',
      (l) => ((l.steps[0]!.check = { kind: 'trace', event: 'br-upp' } as never), l),
      'steps[0].check.event: unknown trace event "br-upp"',
    ],
    [
      'a neighbour check without state',
      (l) => ((l.steps[0]!.check = { kind: 'neigh', ip: '10.0.0.1' } as never), l),
      'steps[0].check.state: missing (one or more of: INCOMPLETE, REACHABLE',
    ],
    [
      'a bad neighbour state and address',
      (l) => ((l.steps[0]!.check = { kind: 'neigh', ip: '10.0.0.300', state: 'GONE' } as never), l),
      'steps[0].check.ip: "10.0.0.300" is not an IPv4 address',
    ],
    [
      'a nested problem',
      (l) => (
        (l.steps[0]!.check = {
          kind: 'all',
          of: [{ kind: 'not', check: { kind: 'neigh', ip: '10.0.0.1', state: 'UP' } }],
        } as never),
        l
      ),
      'steps[0].check.of[0].check.state: unknown state "UP"',
    ],
    [
      'a trace check in a step without commands',
      (l) => (
        (l.steps[0]!.commands = ['# only a note']), (l.steps[0]!.check = { kind: 'trace', event: 'br-up' } as never), l
      ),
      "steps[0].check: reads what the step's commands did (capture or trace), but the step runs no command",
    ],
  ];
  it.each(cases)('refuses %s', (_name, patch, expected) => {
    const p = problems(patch);
    expect(
      p.some((x) => x.startsWith(expected)),
      `problems:\n${p.join('\n')}`,
    ).toBe(true);
  });

  it('reports every problem at once', () => {
    const p = problems((l) => ({ ...l, id: 'Bad Id', steps: [{ ...l.steps[0], id: '', check: { kind: 'neigh' } }] }));
    expect(p.length).toBeGreaterThanOrEqual(4);
  });

  it('throws a readable error for text that is not JSON', () => {
    expect(() => loadLesson('{"version": 1,', 'broken.json')).toThrow(LessonFormatError);
    expect(() => loadLesson('{"version": 1,', 'broken.json')).toThrow(
      /^broken\.json is not a valid lesson:\n {2}- not JSON: /,
    );
  });
});

describe('isReadOnlyCommand', () => {
  it.each([
    ['ip -br link', true],
    ['ip link show dev br0', true],
    ['ip -n lan route', true],
    ['ip netns exec lan ip neigh', true],
    ['ip route get 10.0.0.1', true],
    ['bridge link', true],
    ['bridge fdb show br br0', true],
    ['sysctl net.ipv4.ip_forward', true],
    ['route -n', true],
    ['iptables -t nat -S', true],
    ['iptables -nvL', true],
    ['conntrack -L', true],
    ['ip netns', true],
    ['ip link set br0 up', false],
    ['ip addr add 10.0.0.1/24 dev br0', false],
    ['bridge link set dev veth0 cost 3', false],
    ['sysctl -w net.ipv4.ip_forward=1', false],
    ['ping -c 1 10.0.0.1', false],
    ['iptables -t nat -A POSTROUTING -j MASQUERADE', false],
    ['ip netns add x', false],
    ['lab nic add eth1', false],
  ] as const)('%s -> %s', (cmd, ro) => {
    expect(isReadOnlyCommand(cmd)).toBe(ro);
  });
});
