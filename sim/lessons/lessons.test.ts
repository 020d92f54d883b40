// Every lesson file in lessons/ loads, and every step's check passes when the steps run in order:
// a teacher who adds a file gets it checked by `npx vitest run sim/lessons`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LessonRun } from './runner';
import { loadLesson } from './validate';

const DIR = fileURLToPath(new URL('../../lessons', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('lessons/', () => {
  it('has lessons', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: loads, and each step passes its check once its commands ran', (f) => {
    const lesson = loadLesson(readFileSync(join(DIR, f), 'utf8'), `lessons/${f}`);
    expect(`${lesson.id}.json`).toBe(f);
    const failed = new LessonRun(lesson)
      .runAll()
      .filter((o) => o.result && !o.result.pass)
      .map((o) => `${o.step.id}: ${o.result!.says.en}`);
    expect(failed).toEqual([]);
  });
});
