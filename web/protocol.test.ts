import { describe, expect, it } from 'vitest';
import { fromWorker, isFromWorker, isToWorker, PROTOCOL_VERSION, toWorker } from './protocol';

describe('worker protocol', () => {
  it('stamps the version on every message', () => {
    expect(toWorker({ type: 'interrupt', ns: 'host' })).toEqual({ v: PROTOCOL_VERSION, type: 'interrupt', ns: 'host' });
    expect(fromWorker({ type: 'idle', ns: 'c1' })).toEqual({ v: PROTOCOL_VERSION, type: 'idle', ns: 'c1' });
  });

  it('accepts only messages of its own version and direction', () => {
    expect(isToWorker(toWorker({ type: 'trace', on: true }))).toBe(true);
    expect(isToWorker({ v: PROTOCOL_VERSION - 1, type: 'trace', on: true })).toBe(false);
    expect(isToWorker({ type: 'run' })).toBe(false);
    expect(isToWorker(fromWorker({ type: 'ready' }))).toBe(false);
    expect(isFromWorker(fromWorker({ type: 'output', ns: 'host', lines: ['x'] }))).toBe(true);
    expect(isFromWorker(null)).toBe(false);
    expect(isFromWorker('snapshot')).toBe(false);
  });

  it('survives structured cloning (what postMessage does)', () => {
    const m = toWorker({ type: 'load', seed: 3, log: [{ id: 1, group: 'a1', ns: 'host', line: 'ip link', at: 5, mode: 'async', stopAt: 9 }], now: 10 });
    expect(isToWorker(structuredClone(m))).toBe(true);
    expect(structuredClone(m)).toEqual(m);
  });
});
