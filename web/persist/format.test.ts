// Lab files: a good one reads back the same; every kind of damage is refused with the field's path.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../sim/shell/shell';
import { KNOWN_COMMANDS, lineProblem } from './commands';
import { checkLab, LAB_FORMAT, MAX_ENTRIES, MAX_FILE_CHARS, MAX_POSITIONS, parseLab } from './format';

const good = {
  format: LAB_FORMAT,
  version: 1,
  seed: 1,
  presetId: 'bridge',
  now: 5000,
  positions: { 'dev:host:br0': { x: 1, y: 2 } },
  log: [
    { id: 1, group: 'preset:bridge', ns: 'host', line: 'ip link add br0 type bridge', at: 0, mode: 'sync' },
    { id: 2, group: 't1', ns: 'vm1#cap1', line: 'ping -c 1 192.168.3.1', at: 10, mode: 'async', stopAt: 20 },
  ],
  lesson: { id: 'linux-bridge', step: 3, marks: { t1: 'veth-pair' } },
  playback: { from: 1000, time: 169608, frame: 7, type: 'br-port-rx', ns: 'host', dev: 'veth0', nth: 0, speed: 0.5 },
};

describe('lab files', () => {
  it('lets a line start with every command the shell runs and with nothing else', () => {
    for (const c of COMMANDS) expect(lineProblem(`${c} x`)).toBeUndefined();
    expect(KNOWN_COMMANDS.length).toBe(COMMANDS.length);
    expect(lineProblem('rm -rf /')).toMatch(/^"rm" is not a command the simulator knows/);
  });

  it('reads a good file back as it was', () => {
    const r = parseLab(JSON.stringify(good));
    expect(r).toEqual({ ok: true, lab: good });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', JSON.stringify({ ...good, format: 'x' }), /not a lab file/],
    ['a newer version', JSON.stringify({ ...good, version: 2 }), /newer app/],
    ['an unknown field', JSON.stringify({ ...good, script: 'alert(1)' }), /^script: unknown field/],
    [
      'a command outside the allow-list',
      JSON.stringify({ ...good, log: [{ ...good.log[0], line: 'rm -rf /' }] }),
      /log\[0\]\.line: .*"rm" is not a command/,
    ],
    ['sudo', JSON.stringify({ ...good, log: [{ ...good.log[0], line: 'sudo ip link' }] }), /sudo/],
    [
      'times going back',
      JSON.stringify({
        ...good,
        log: [
          { ...good.log[1], stopAt: undefined },
          { ...good.log[0], id: 3 },
        ],
      }),
      /log\[1\]\.at/,
    ],
    ['a bad terminal', JSON.stringify({ ...good, log: [{ ...good.log[0], ns: '../x' }] }), /log\[0\]\.ns/],
    [
      'a bad position',
      JSON.stringify({ ...good, positions: { a: { x: 'no', y: 1 } } }),
      /positions\.a\.x: must be a number/,
    ],
    [
      'a playback speed out of range',
      JSON.stringify({ ...good, playback: { ...good.playback, speed: 1e9 } }),
      /playback\.speed/,
    ],
    [
      'a playback event type that is markup',
      JSON.stringify({ ...good, playback: { ...good.playback, type: '<img>' } }),
      /playback\.type/,
    ],
    ['version 0', JSON.stringify({ ...good, version: 0 }), /^version: 0 is not a lab file version/],
    ['a version that is a string', JSON.stringify({ ...good, version: '1' }), /^version: must be a number/],
    ['a clock beyond 30 days', JSON.stringify({ ...good, now: 3600e9 }), /^now: must be at most/],
    [
      'a command started beyond 30 days',
      JSON.stringify({ ...good, log: [{ ...good.log[0], at: 1e13 }] }),
      /^log\[0\]\.at: must be at most/,
    ],
    [
      'a Ctrl-C beyond 30 days',
      JSON.stringify({ ...good, log: [{ ...good.log[1], stopAt: 1e13 }] }),
      /^log\[0\]\.stopAt: must be at most/,
    ],
    ['a negative clock', JSON.stringify({ ...good, now: -1 }), /^now: must not be negative/],
    [
      'too many positions',
      JSON.stringify({
        ...good,
        positions: Object.fromEntries(
          Array.from({ length: MAX_POSITIONS + 1 }, (_, i) => [`dev:host:d${i}`, { x: 1, y: 1 }]),
        ),
      }),
      /^positions: more than/,
    ],
    [
      'a position far off the diagram',
      JSON.stringify({ ...good, positions: { 'dev:host:br0': { x: 1e300, y: 0 } } }),
      /^positions\.dev:host:br0\.x: must be at most/,
    ],
    [
      'a position field too many',
      JSON.stringify({ ...good, positions: { 'dev:host:br0': { x: 1, y: 0, z: 3 } } }),
      /^positions\.dev:host:br0\.z: unknown field/,
    ],
    [
      'a log too long',
      JSON.stringify({
        ...good,
        log: Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({ ...good.log[0], id: i + 1 })),
      }),
      /^log: more than/,
    ],
    ['a log that is not a list', JSON.stringify({ ...good, log: 'ip link' }), /^log: must be a list/],
    ['a file over the size bound', ' '.repeat(MAX_FILE_CHARS + 1), /larger than/],
    [
      'a playback field too many',
      JSON.stringify({ ...good, playback: { ...good.playback, href: 'x' } }),
      /playback\.href: unknown field/,
    ],
  ])('refuses %s', (_, text, re) => {
    const r = parseLab(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(re);
  });

  it('refuses control characters and overlong lines', () => {
    expect(lineProblem('ip link\u0007')).toMatch(/control/);
    expect(lineProblem(`echo ${'x'.repeat(2000)}`)).toMatch(/longer/);
    expect(lineProblem('# a note')).toBeUndefined();
    expect(checkLab(null).ok).toBe(false);
  });
});
