// whenPosted: resolves on the first message of the kinds asked for, not on others, once.
import { describe, expect, it } from 'vitest';
import { post, setPort, whenPosted } from './port';
import { toWorker, type ToWorker } from '../protocol';

describe('whenPosted', () => {
  it('resolves when a message of one of the kinds is posted, after it has gone out', async () => {
    const sent: ToWorker[] = [];
    setPort((m) => sent.push(m));
    let seen = -1;
    const p = whenPosted(['load', 'run']).then(() => (seen = sent.length));
    post(toWorker({ type: 'trace', on: true }));
    await Promise.resolve();
    expect(seen).toBe(-1);
    post(toWorker({ type: 'load', seed: 1, log: [], now: 0 }));
    post(toWorker({ type: 'run', ns: 'host', lines: ['ip link'], group: 'g', mode: 'sync' }));
    await p;
    // the whole synchronous sequence went out before the waiter ran
    expect(seen).toBe(3);
    expect(sent.map((m) => m.type)).toEqual(['trace', 'load', 'run']);
  });
});
