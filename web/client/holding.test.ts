// A worker started before the page listens: what it said meanwhile reaches the first listener, in order,
// before anything it says after; errors likewise; posting and ending go straight to the worker.
import { describe, expect, it } from 'vitest';
import { holding, type RawWorker } from './holding';

class FakeWorker extends EventTarget implements RawWorker {
  posted: unknown[] = [];
  ended = false;
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.ended = true;
  }
  say(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail(message: string) {
    const e = new Event('error');
    Object.assign(e, { message });
    this.dispatchEvent(e);
  }
}

describe('holding', () => {
  it('hands what the worker said before anyone listened to the first listener, then what it says after', () => {
    const raw = new FakeWorker();
    const w = holding(raw);
    raw.say({ type: 'ready' });
    raw.say({ type: 'beat' });
    const got: unknown[] = [];
    w.addEventListener('message', (e) => got.push(e.data));
    expect(got).toEqual([{ type: 'ready' }, { type: 'beat' }]);
    raw.say({ type: 'idle', n: 1 });
    expect(got).toEqual([{ type: 'ready' }, { type: 'beat' }, { type: 'idle', n: 1 }]);
  });

  it('keeps an error from before the page listened for its error listener, and only there', () => {
    const raw = new FakeWorker();
    const w = holding(raw);
    raw.fail('script failed to load');
    const msgs: unknown[] = [];
    const errs: string[] = [];
    w.addEventListener('message', (e) => msgs.push(e.data));
    w.addEventListener('error', (e) => errs.push(e.message));
    expect(msgs).toEqual([]);
    expect(errs).toEqual(['script failed to load']);
  });

  it('holds nothing once listened to: a message is delivered once', () => {
    const raw = new FakeWorker();
    const w = holding(raw);
    const got: unknown[] = [];
    w.addEventListener('message', (e) => got.push(e.data));
    raw.say(1);
    raw.say(2);
    expect(got).toEqual([1, 2]);
  });

  it('posts to and ends the worker itself', () => {
    const raw = new FakeWorker();
    const w = holding(raw);
    w.postMessage({ type: 'load' });
    w.terminate();
    expect(raw.posted).toEqual([{ type: 'load' }]);
    expect(raw.ended).toBe(true);
  });
});
