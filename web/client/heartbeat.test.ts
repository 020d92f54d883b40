// The command dropped when the worker hangs: the one that started last before the beats stopped; the
// commands that ran before it in the same message are kept even though their `logged` never arrived.
import { describe, expect, it } from 'vitest';
import { withoutOffender } from './heartbeat';
import type { LogEntry } from '../protocol';

const e = (id: number, group: string, line: string): LogEntry => ({
  id,
  group,
  ns: 'host',
  line,
  at: id,
  mode: 'async',
});

describe('withoutOffender', () => {
  const log = [e(1, 'preset:bridge', 'ip link add br0 type bridge'), e(2, 't1', 'ip link set br0 up')];

  it('drops the command that was running and keeps those that ran before it', () => {
    const execs = [e(3, 't2', 'ip link add a type bridge'), e(4, 't2', 'hang')];
    const r = withoutOffender(log, execs);
    expect(r.dropped.map((x) => x.line)).toEqual(['hang']);
    expect(r.log.map((x) => x.id)).toEqual([1, 2, 3]);
  });

  it('drops a replayed command that hung the load, by its id', () => {
    const r = withoutOffender(log, [log[0], log[1]]);
    expect(r.dropped).toEqual([log[1]]);
    expect(r.log).toEqual([log[0]]);
  });

  it('with no command running (a runaway process on the clock), drops the newest action, never the preset', () => {
    const more = [...log, e(3, 't2', 'ping -f 10.0.0.1')];
    expect(withoutOffender(more, []).dropped.map((x) => x.id)).toEqual([3]);
    expect(withoutOffender([log[0]], []).dropped).toEqual([]);
  });
});
