import { describe, expect, it } from 'vitest';
import { fromWorker, isFromWorker, isToWorker, PROTOCOL_VERSION, termNs, toWorker } from './protocol';

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
    expect(isFromWorker(fromWorker({ type: 'output', ns: 'host', lines: ['x'], at: 0 }))).toBe(true);
    expect(isFromWorker(null)).toBe(false);
    expect(isFromWorker('snapshot')).toBe(false);
  });

  it('carries probes, captures and trace events with their bytes', () => {
    const at = { time: 8, type: 'br-up' as const, ns: 'host', dev: 'veth0', frameId: 3, nth: 0 };
    expect(isToWorker(toWorker({ type: 'probe', id: 1, seed: 1, log: [], at }))).toBe(true);
    const cap = {
      id: 4,
      term: 'host#veth0',
      ns: 'host',
      dev: 'veth0',
      running: true,
      from: 0,
      total: 1,
      frames: [{ time: 8, data: new Uint8Array([1, 2, 3]) }],
      lines: ['x'],
    };
    const m = structuredClone(fromWorker({ type: 'capture', cap }));
    expect(isFromWorker(m)).toBe(true);
    expect(m.type === 'capture' && Array.from(m.cap.frames[0].data)).toEqual([1, 2, 3]);
    expect(termNs('host#veth0')).toBe('host');
    expect(termNs('c1')).toBe('c1');
  });

  it('survives structured cloning (what postMessage does)', () => {
    const m = toWorker({
      type: 'load',
      seed: 3,
      log: [{ id: 1, group: 'a1', ns: 'host', line: 'ip link', at: 5, mode: 'async', stopAt: 9 }],
      now: 10,
    });
    expect(isToWorker(structuredClone(m))).toBe(true);
    expect(structuredClone(m)).toEqual(m);
  });
});
