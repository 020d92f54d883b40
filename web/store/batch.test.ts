import { describe, expect, it } from 'vitest';
import { createLabStore } from './index';
import { Outbox } from '../worker/outbox';
import { fromWorker, type FromWorker } from '../protocol';

describe('one store update per worker flush', () => {
  it('tells the listeners once, after every setter in the batch ran on the state the ones before made', () => {
    const store = createLabStore();
    const heard: number[] = [];
    store.subscribe((s) => heard.push(s.terms.host?.lines.length ?? 0));
    store.batch(() => {
      store.getState().termStarted('host', 'ip link');
      store.getState().termOutput('host', ['1: lo', '2: eth0']);
      // a read inside the batch sees what the batch did so far
      expect(store.getState().terms.host.lines).toHaveLength(3);
      store.batch(() => store.getState().termIdle('host')); // nested: part of the same update
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual([3]);
    expect(store.getState().terms.host).toMatchObject({
      busy: false,
      lines: [{ text: 'ip link' }, { text: '1: lo' }, { text: '2: eth0' }],
    });
  });

  it('says nothing when the batch changed nothing, and setters outside a batch still notify at once', () => {
    const store = createLabStore();
    let n = 0;
    store.subscribe(() => n++);
    store.batch(() => store.getState().clockAt(-1));
    expect(n).toBe(0);
    store.getState().termInfo('host', '# hi');
    store.getState().termInfo('host', '# again');
    expect(n).toBe(2);
  });
});

describe('the worker outbox', () => {
  it('sends one message alone, several as one batch in order with every buffer handed over', () => {
    const sent: { m: FromWorker; t: ArrayBuffer[] }[] = [];
    const box = new Outbox((m, t) => sent.push({ m, t }));
    box.flush();
    expect(sent).toEqual([]);
    const idle = fromWorker({ type: 'idle', ns: 'host' });
    box.post(idle);
    box.flush();
    expect(sent[0]).toEqual({ m: idle, t: [] });
    const a = new ArrayBuffer(4);
    const b = new ArrayBuffer(8);
    box.post(fromWorker({ type: 'trace', events: [], dropped: 0 }), [a]);
    box.post(fromWorker({ type: 'started', ns: 'host', line: 'ip a', at: 0 }));
    box.post(fromWorker({ type: 'trace', events: [], dropped: 1 }), [b]);
    box.flush();
    const batch = sent[1]!.m;
    expect(batch.type).toBe('batch');
    expect(batch.type === 'batch' && batch.msgs.map((m) => m.type)).toEqual(['trace', 'started', 'trace']);
    expect(sent[1]!.t).toEqual([a, b]);
    box.flush();
    expect(sent).toHaveLength(2);
  });
});
