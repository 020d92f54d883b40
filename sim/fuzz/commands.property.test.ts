// Property suite: sequences of commands from a grammar of every command the shell knows, with hostile
// words (sim/fuzz/grammar.ts), on a fresh lab each. After every command: no internal error, the command
// ended (by itself, or interrupted as Ctrl-C would be at its virtual time limit) within a bounded number
// of scheduler events, the heap stayed under a bound, and the snapshot the worker posts to the page is
// structured-cloneable. PROPERTY_RUNS sets the number of sequences (default 120, about 10 s here);
// `npm run test:property` is the nightly size (100,000). PROPERTY_SEED replays one failure.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../net/world';
import { Shell } from '../shell/shell';
import { takeSnapshot } from '../snapshot';
import { command, SETUPS } from './grammar';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 120);
/** scheduler events one command may take: a flood ping of 2 s through a bridge is well under it */
const MAX_EVENTS = 200_000;
/** virtual time after which a command still running is interrupted (ping -c 2 -W 1 needs 3 s) */
const LIMIT_US = 20_000_000;
/** heap plus array buffers, over what the run started with */
const MAX_GROWTH = 256 * 2 ** 20;

const mem = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

interface Outcome {
  lines: string[];
  code: number;
  events: number;
  ended: boolean;
}

/** Runs one line as the worker does: start, then the clock until the process ends or the limit. */
function runBounded(sh: Shell, line: string): Outcome {
  const lines: string[] = [];
  const sched = sh.world.sched;
  const r = sh.start(line, (l) => lines.push(l));
  let events = 0;
  const p = r.proc;
  const end = sched.now + LIMIT_US;
  if (p) {
    while (!p.done && events < MAX_EVENTS && sched.step(end)) events++;
    if (!p.done) p.interrupt();
  }
  // what the command left for this instant (link watch, the interrupt's own work)
  while (events < MAX_EVENTS && sched.step(sched.now)) events++;
  return { lines, code: p ? p.exitCode : r.code, events, ended: !p || p.done };
}

describe('every command of the grammar, with hostile words', () => {
  it(`${RUNS} sequences: no internal error, bounded events and heap, cloneable snapshots`, {
    timeout: Math.max(60_000, RUNS * 2_000),
  }, () => {
    const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;
    fc.assert(
      fc.property(
        fc.nat(SETUPS.length - 1),
        fc.nat(),
        fc.array(command, { minLength: 1, maxLength: 8 }),
        (setup, worldSeed, lines) => {
          const world = new World(worldSeed, { loUpInNewNetns: true });
          const sh = new Shell(world);
          for (const l of SETUPS[setup]) expect(sh.run(l).code, l).toBe(0);
          const base = mem();
          for (const line of lines) {
            const shown = line.length > 300 ? `${line.slice(0, 300)}... (${line.length} chars)` : line;
            const o = runBounded(sh, line);
            expect(o.code, shown).not.toBe(70);
            expect(
              o.lines.filter((l) => /internal error/.test(l)),
              shown,
            ).toEqual([]);
            // a JavaScript value printed where the tool prints text (unless the user typed that word)
            expect(
              o.lines.filter(
                (l) => /native code|\[object Object\]|\bundefined\b/.test(l) && !/undefined|object/.test(line),
              ),
              shown,
            ).toEqual([]);
            expect(o.ended, `${shown} still running after interrupt`).toBe(true);
            expect(o.events, `${shown} took ${o.events} events`).toBeLessThan(MAX_EVENTS);
            expect(mem() - base, `${shown} grew the heap`).toBeLessThan(MAX_GROWTH);
            expect(() => structuredClone(takeSnapshot(world)), shown).not.toThrow();
          }
        },
      ),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
  });
});
