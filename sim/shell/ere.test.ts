// The ERE matcher sysctl -r uses: on the patterns both understand alike, it agrees with a backtracking
// engine (JavaScript's RegExp), and on the patterns that make backtracking explode it stays linear.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ere } from './ere';

/** patterns in the common subset of POSIX ERE and JavaScript regular expressions */
const pattern: fc.Arbitrary<string> = fc.letrec<{ re: string; alt: string; cat: string; atom: string; piece: string }>(
  (tie) => ({
    re: fc.tuple(fc.boolean(), tie('alt'), fc.boolean()).map(([b, r, e]) => `${b ? '^' : ''}${r}${e ? '$' : ''}`),
    alt: fc.oneof(
      { depthSize: 'small' },
      tie('cat'),
      fc.tuple(tie('cat'), tie('cat')).map(([a, b]) => `${a}|${b}`),
    ),
    cat: fc.array(tie('piece'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
    piece: fc.tuple(tie('atom'), fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{0,}')).map(([a, q]) => a + q),
    atom: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('a', 'b', 'c', '.', '\\.', '[ab]', '[^a]', '[a-c]', '[[:digit:]]', '0'),
      tie('alt').map((r) => `(${r})`),
    ),
  }),
).re;

const toJs = (p: string) => new RegExp(p.replace(/\[\[:digit:\]\]/g, '[0-9]'));

/**
 * How deep repetition nests in a generated pattern: a group under a quantifier that repeats (any but none and
 * {2}) counts one more than the deepest repetition inside it. Past 1 (as in `(a*)*`, or `(a?b?a?b?)+` on a
 * subject that fails late) the oracle, a backtracking RegExp, can take exponential time in the subject and
 * hold the test run for ever (one CI run hung there); the matcher's own linear time on such patterns is
 * checked on its own below.
 */
function repeatDepth(p: string): number {
  const stack = [0];
  for (let i = 0; i < p.length; ) {
    let depth = 0;
    const c = p[i]!;
    if (c === '(') {
      stack.push(0);
      i++;
      continue;
    }
    if (c === ')') depth = stack.pop()!;
    else if (c === '[') i = p.startsWith('[[:digit:]]', i) ? i + 10 : p.indexOf(']', i + 1);
    else if (c === '\\') i++;
    i++;
    const q = /^(\*|\+|\?|\{[^}]*\})/.exec(p.slice(i))?.[0] ?? '';
    if (q && q !== '{2}') depth++;
    i += q.length;
    stack[stack.length - 1] = Math.max(stack[stack.length - 1]!, depth);
  }
  return stack[0]!;
}

describe('Ere', () => {
  it('agrees with RegExp on the common subset', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        pattern,
        fc.array(fc.stringMatching(/^[abc.0x]{0,12}$/), { minLength: 1, maxLength: 8 }),
        (p, subjects) => {
          fc.pre(repeatDepth(p) <= 1);
          const ere = Ere.compile(p);
          expect(ere, p).not.toBeNull();
          const js = toJs(p);
          for (const s of subjects) expect(ere!.test(s), `${p} on "${s}"`).toBe(js.test(s));
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });

  it('refuses what regcomp(REG_EXTENDED) refuses', () => {
    for (const p of [
      '(',
      'a)',
      '*a',
      '+a',
      'a|*b',
      '[a',
      '[z-a]',
      '[[:nope:]]',
      'a{',
      'a{x}',
      'a{3,2}',
      'a{99999}',
      '\\',
    ])
      expect(Ere.compile(p), p).toBeNull();
    for (const p of ['a**', 'a{,2}', '()', 'a||b', '[]a]', '[^]a]', 'a{0}']) expect(Ere.compile(p), p).not.toBeNull();
  });

  it('runs patterns that explode a backtracking engine in time linear in the subject', () => {
    const ere = Ere.compile('(.*)(.*)(.*)(.*)(.*)(.*)(.*)(.*)(.*)(.*)(.*)(.*)X')!;
    const ere2 = Ere.compile('((a*)*)*b')!;
    const subject = 'a'.repeat(100_000);
    expect(ere.test(subject)).toBe(false);
    expect(ere2.test(subject)).toBe(false);
    expect(ere2.test(subject + 'b')).toBe(true);
  });

  it('anchors hold at the ends only; a match may start anywhere', () => {
    const e = Ere.compile('^net\\.ipv4\\.conf\\.[^.]*\\.forwarding$')!;
    expect(e.test('net.ipv4.conf.all.forwarding')).toBe(true);
    expect(e.test('net.ipv4.conf.all.bc_forwarding')).toBe(false);
    expect(e.test('xnet.ipv4.conf.all.forwarding')).toBe(false);
    expect(Ere.compile('o{2}')!.test('kernel.bootloader_type')).toBe(true);
    expect(Ere.compile('')!.test('')).toBe(true);
    expect(Ere.compile('$')!.test('abc')).toBe(true);
  });
});
