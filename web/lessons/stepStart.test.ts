// A step's start replayed by the app's lab (the worker's log replay) is the lab the lesson runner has
// after the earlier steps: the same devices, addresses, routes, neighbours and FDB, at the same time.
import { describe, expect, it } from 'vitest';
import file from '../../lessons/linux-bridge.json';
import { LessonRun } from '../../sim/lessons/runner';
import { loadLesson } from '../../sim/lessons/validate';
import { takeSnapshot } from '../../sim/snapshot';
import { Lab } from '../worker/lab';
import { toWorker } from '../protocol';
import { startGroup, startLog, startStepOf } from './stepStart';

const lesson = loadLesson(file, 'lessons/linux-bridge.json');
const state = (w: Parameters<typeof takeSnapshot>[0]) => JSON.stringify(takeSnapshot(w));

describe('a lesson step start', () => {
  it.each([0, 1, 3, 5, 11, 19, 22])('step %i: the lab replaying its log is the runner after the earlier steps', (k) => {
    const start = new LessonRun(lesson).startOf(k);
    expect(start.step).toBe(k);
    const log = startLog(lesson.id, start);
    expect(startStepOf(log, lesson.id)).toBe(k);
    const lab = new Lab(() => {});
    lab.handle(toWorker({ type: 'load', seed: lesson.seed, log, now: start.end }));
    const ran = new LessonRun(lesson);
    ran.runUpTo(k);
    expect(lab.now).toBe(ran.world.now);
    expect(state(lab.liveWorld)).toBe(state(ran.world));
  });

  it('a step start holds no notes, and later steps start from more commands', () => {
    const a = new LessonRun(lesson).startOf(2);
    const b = new LessonRun(lesson).startOf(6);
    expect(a.commands.some((c) => c.line.startsWith('#'))).toBe(false);
    expect(b.commands.slice(0, a.commands.length)).toEqual(a.commands);
    expect(b.commands.length).toBeGreaterThan(a.commands.length);
  });

  it('reads which step a log starts', () => {
    expect(
      startStepOf(
        [{ id: 1, group: startGroup('linux-bridge', 7), ns: 'host', line: 'true', at: 0, mode: 'sync' }],
        'linux-bridge',
      ),
    ).toBe(7);
    expect(
      startStepOf(
        [{ id: 1, group: 'preset:lesson:linux-bridge', ns: 'host', line: 'true', at: 0, mode: 'sync' }],
        'linux-bridge',
      ),
    ).toBe(0);
    expect(
      startStepOf([{ id: 1, group: 'preset:bridge', ns: 'host', line: 'true', at: 0, mode: 'sync' }], 'linux-bridge'),
    ).toBeNull();
  });
});
