// The build's inliner (tools/vite-inline.ts): what it writes out and what it must leave a call, each checked by
// running the code before and after; then the simulator bundled with it against every recorded transcript.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { inlineCalls } from './vite-inline';
import { bundleLikeWorker } from '../bench/floodBundle';
import { recordedScenarios } from '../sim/transcript/recorded';

/** What `code` leaves in `result` (or the message it throws), as strict code like a module's. */
function outcome(code: string): unknown {
  try {
    return vm.runInNewContext(`'use strict';\n${code}\n;result`, { result: undefined });
  } catch (e) {
    return `threw ${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

/** Inlines `code`, checks that both versions come to the same outcome, and returns the new code. */
function same(code: string): { code: string; sites: number; outcome: unknown } {
  const r = inlineCalls(code);
  const before = outcome(code);
  expect(outcome(r.code)).toEqual(before);
  return { ...r, outcome: before };
}

/** same(), for code that must come out as it went in; returns the outcome. */
function unchanged(code: string): unknown {
  const r = same(code);
  expect(r.sites).toBe(0);
  return r.outcome;
}

describe('inlineCalls writes out', () => {
  it('a one-expression function, at every call', () => {
    const r = same('function sq(x) { return x * x; }\nconst a = 3;\nresult = sq(a) + sq(2);');
    expect(r.outcome).toBe(13);
    expect(r.sites).toBe(2);
    expect(r.code).toContain('result = (a * a) + ((2) * (2))');
  });

  it('helpers that call helpers, over passes, with a property read as the argument', () => {
    const r = same(
      'function hi(b, o) { return b[o] << 8 | b[o + 1]; }\nfunction ty(b) { return hi(b, 12); }\n' +
        'const p = { d: new Uint8Array(20) }; p.d[12] = 8; p.d[13] = 6;\nresult = ty(p.d);',
    );
    expect(r.outcome).toBe(0x0806);
    expect(r.code.slice(r.code.indexOf('result'))).not.toMatch(/\b(hi|ty)\(/);
  });

  it("an arrow function a const holds, and a default parameter's literal", () => {
    const r = same(
      'const twice = (x) => x * 2;\nfunction at(b, off = 1) { return b[off]; }\nconst a = [5, 6, 7];\n' +
        'result = [twice(4), at(a), at(a, 2)];',
    );
    expect(r.outcome).toEqual([8, 6, 7]);
    expect(r.sites).toBe(3);
  });

  it('`this` and arithmetic of literals as arguments', () => {
    const r = same(
      'function id(o) { return o.id; }\nfunction w(b, off) { return b[off] + b[off]; }\n' +
        'class D { id = 4; get2() { return id(this); } }\nconst arr = [0, 0, 5];\nresult = [new D().get2(), w(arr, 1 + 1)];',
    );
    expect(r.outcome).toEqual([4, 10]);
    expect(r.sites).toBe(2);
  });
});

describe('inlineCalls leaves a call', () => {
  it('whose argument may be undefined where the parameter has a default', () => {
    expect(unchanged('function at(b, off = 1) { return b[off]; }\nconst a = [5, 6];\nlet k;\nresult = at(a, k);')).toBe(
      6,
    );
  });

  it('where a name the function reads is declared again', () => {
    expect(
      unchanged(
        'const K = 10;\nfunction addK(x) { return x + K; }\nfunction g() { const K = 1; return addK(5); }\nresult = g();',
      ),
    ).toBe(15);
  });

  it("where the call's own name is declared again", () => {
    const r = same('function f(x) { return x + 1; }\nfunction g(f) { return f(2); }\nresult = [g((x) => 100), f(1)];');
    expect(r.outcome).toEqual([100, 2]);
    expect(r.sites).toBe(1);
  });

  it('whose variable argument the function could change before reading it again', () => {
    expect(
      unchanged(
        'let n = 0;\nfunction bump() { n += 1; return n; }\nfunction twice(v) { return bump() + v + v; }\nresult = twice(n);',
      ),
    ).toBe(1);
  });

  it('whose read would only be made under a condition (a throw must stay where the call was)', () => {
    expect(
      unchanged('function pick(c, o) { return c ? o : 0; }\nconst nul = null;\nresult = pick(false, nul.x);'),
    ).toMatch(/^threw TypeError/);
  });

  it('whose reads would be made in another order than the arguments', () => {
    expect(unchanged('function sub(a, b) { return b - a; }\nconst p = null, q = null;\nresult = sub(p.x, q.y);')).toBe(
      "threw TypeError: Cannot read properties of null (reading 'x')",
    );
  });

  it('whose computed argument the function reads twice', () => {
    expect(unchanged('function dbl(v) { return v + v; }\nconst a = { b: 2 };\nresult = dbl(a.b + 1);')).toBe(6);
  });

  it('whose argument calls something', () => {
    expect(
      unchanged(
        'let n = 0;\nfunction next() { n += 1; return n; }\nfunction dbl(v) { return v + v; }\nresult = dbl(next());',
      ),
    ).toBe(2);
  });

  it('through a property a getter is named after (it may give a new object each read)', () => {
    expect(
      unchanged(
        'class L { get fresh() { return []; } }\nfunction same2(a) { return a === a; }\nconst l = new L();\nresult = same2(l.fresh);',
      ),
    ).toBe(true);
  });

  it('optional, spread, constructed, or with more arguments than parameters', () => {
    expect(
      unchanged(
        'function f(x) { return x + 1; }\nconst xs = [1];\nresult = [f?.(1), f(...xs), typeof new f(1), f(1, 2)];',
      ),
    ).toEqual([2, 2, 'object', 2]);
  });

  it('of a function using this, arguments, eval, itself, a parameter as a callee, or a shorthand property', () => {
    expect(
      unchanged(
        'function t(x) { return this; }\nfunction a(x) { return arguments.length; }\nfunction r(x) { return x ? r(x - 1) : 0; }\n' +
          'function c(g) { return g(); }\nfunction s(x) { return { x }; }\nfunction e(x) { return eval("x"); }\n' +
          'result = [t(1), a(1), r(2), c(Math.random) < 1, s(3).x, e(7)];',
      ),
    ).toEqual([undefined, 1, 0, true, 3, 7]);
  });

  it('of a function that is assigned, or declared twice', () => {
    expect(
      unchanged(
        'function f(x) { return x + 1; }\nf = (x) => x + 2;\nfunction g(x) { return x; }\n{ function g2() {} }\nlet h = 1; { const h = 2; }\nresult = f(1);',
      ),
    ).toBe(3);
  });

  it('anywhere in a chunk that defines properties reads cannot see, or its own conversions', () => {
    for (const extra of [
      'Object.defineProperty(globalThis, "q", { get() { return 1; } });',
      'const px = new Proxy({}, {});',
      'class V { valueOf() { return 1; } }',
      'function W() {}\nW.prototype.valueOf = () => 1;',
      'const o2 = Object.create({}, { q: { get() { return 1; } } });',
    ]) {
      expect(unchanged(`function f(x) { return x + 1; }\n${extra}\nresult = f(1);`)).toBe(2);
    }
  });
});

describe('the simulator bundled with the inliner', () => {
  it('reproduces every recorded kernel transcript', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netlab-inline-'));
    try {
      let sites = 0;
      const file = await bundleLikeWorker(
        join(__dirname, '..', 'sim', 'transcript', 'scenario.ts'),
        join(dir, 'scenario.mjs'),
        (n) => (sites += n),
      );
      // the hot path's accessors are written out: hundreds of calls
      expect(sites).toBeGreaterThan(300);
      const { runScenario } = (await import(pathToFileURL(file).href)) as typeof import('../sim/transcript/scenario');
      const all = recordedScenarios(join(__dirname, '..'));
      for (const s of all) {
        const got = runScenario(readFileSync(s.script, 'utf8')).lines.join('\n') + '\n';
        expect(got, s.name).toBe(readFileSync(s.expected, 'utf8'));
      }
      expect(all.length).toBeGreaterThanOrEqual(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
