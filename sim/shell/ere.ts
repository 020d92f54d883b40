// POSIX extended regular expressions as procps sysctl uses them (regcomp(REG_EXTENDED | REG_NOSUB), then
// regexec: does the pattern match anywhere in the string), on a Thompson NFA run as a lazily built DFA:
// time linear in the string whatever the pattern, so a user's pattern cannot make a command hang.
// A pattern glibc refuses (unbalanced parentheses or brackets, a repetition with nothing before it, a bad
// interval or class) compiles to null: pattern_match() then matches nothing, silently.

const enum K {
  Char, // matches one character of a set
  Split, // epsilon to out and out2
  Bol, // epsilon at the start of the string
  Eol, // epsilon at its end
  Match,
}

interface Node {
  k: K;
  test?: (c: number) => boolean;
  out: number;
  out2: number;
}

/** what glibc's RE_DUP_MAX allows in an interval */
const DUP_MAX = 0x7fff;
/** NFA size past which a pattern is refused (glibc answers such a pattern REG_ESPACE) */
const MAX_NODES = 20_000;
/** DFA states kept before the cache starts over */
const MAX_DFA = 4_096;

class Fail extends Error {}

const CLASSES: ReadonlyMap<string, (c: number) => boolean> = new Map([
  ['alpha', (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)],
  ['digit', (c: number) => c >= 48 && c <= 57],
  ['alnum', (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)],
  ['upper', (c: number) => c >= 65 && c <= 90],
  ['lower', (c: number) => c >= 97 && c <= 122],
  ['space', (c: number) => c === 32 || (c >= 9 && c <= 13)],
  ['blank', (c: number) => c === 32 || c === 9],
  [
    'punct',
    (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126),
  ],
  ['print', (c: number) => c >= 32 && c <= 126],
  ['graph', (c: number) => c >= 33 && c <= 126],
  ['cntrl', (c: number) => c < 32 || c === 127],
  ['xdigit', (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)],
]);

/** A fragment under construction: its start node and the dangling exits to patch. */
interface Frag {
  start: number;
  outs: Array<[number, 'out' | 'out2']>;
}

/** An AST, so that intervals can copy a sub-expression. */
type Ast =
  | { t: 'char'; test: (c: number) => boolean }
  | { t: 'bol' }
  | { t: 'eol' }
  | { t: 'empty' }
  | { t: 'cat'; parts: Ast[] }
  | { t: 'alt'; alts: Ast[] }
  | { t: 'rep'; sub: Ast; min: number; max: number }; // max -1: unbounded

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Ast {
    const a = this.alt();
    if (this.i < this.s.length) throw new Fail(); // a ')' with no '('
    return a;
  }

  private alt(): Ast {
    const alts = [this.cat()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.cat());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  private cat(): Ast {
    const parts: Ast[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      let atom = this.atom();
      // repetitions apply to the atom before them; several in a row nest (a** is a*)
      for (;;) {
        const c = this.s[this.i];
        if (c === '*') {
          this.i++;
          atom = { t: 'rep', sub: atom, min: 0, max: -1 };
        } else if (c === '+') {
          this.i++;
          atom = { t: 'rep', sub: atom, min: 1, max: -1 };
        } else if (c === '?') {
          this.i++;
          atom = { t: 'rep', sub: atom, min: 0, max: 1 };
        } else if (c === '{') {
          const [min, max] = this.interval();
          atom = { t: 'rep', sub: atom, min, max };
        } else break;
      }
      parts.push(atom);
    }
    return parts.length === 1 ? parts[0] : parts.length ? { t: 'cat', parts } : { t: 'empty' };
  }

  /** {m}, {m,}, {m,n} and glibc's {,n} */
  private interval(): [number, number] {
    const m = /^\{(\d*)(,(\d*))?\}/.exec(this.s.slice(this.i, this.i + 24));
    if (!m || (m[1] === '' && m[2] === undefined)) throw new Fail();
    this.i += m[0].length;
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
    if (min > DUP_MAX || max > DUP_MAX || (max !== -1 && max < min)) throw new Fail();
    return [min, max];
  }

  private atom(): Ast {
    const c = this.s[this.i++];
    switch (c) {
      case '(': {
        const a = this.s[this.i] === ')' ? { t: 'empty' as const } : this.alt();
        if (this.s[this.i] !== ')') throw new Fail();
        this.i++;
        return a;
      }
      case '*':
      case '+':
      case '?':
      case '{':
        throw new Fail(); // REG_BADRPT: nothing to repeat
      case '^':
        return { t: 'bol' };
      case '$':
        return { t: 'eol' };
      case '.':
        return { t: 'char', test: () => true };
      case '[':
        return this.bracket();
      case '\\': {
        if (this.i >= this.s.length) throw new Fail(); // REG_EESCAPE
        const e = this.s.charCodeAt(this.i++);
        return { t: 'char', test: (x) => x === e };
      }
      default: {
        const e = c.charCodeAt(0);
        return { t: 'char', test: (x) => x === e };
      }
    }
  }

  /** [abc], [^a-z], []x], [[:alpha:]] */
  private bracket(): Ast {
    const s = this.s;
    let neg = false;
    if (s[this.i] === '^') {
      neg = true;
      this.i++;
    }
    const ranges: Array<[number, number]> = [];
    const classes: Array<(c: number) => boolean> = [];
    let first = true;
    for (;;) {
      if (this.i >= s.length) throw new Fail(); // REG_EBRACK
      if (s[this.i] === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (s.startsWith('[:', this.i)) {
        const end = s.indexOf(':]', this.i + 2);
        if (end < 0) throw new Fail();
        const f = CLASSES.get(s.slice(this.i + 2, end));
        if (!f) throw new Fail(); // REG_ECTYPE
        classes.push(f);
        this.i = end + 2;
        continue;
      }
      const lo = s.charCodeAt(this.i++);
      if (s[this.i] === '-' && this.i + 1 < s.length && s[this.i + 1] !== ']') {
        const hi = s.charCodeAt(this.i + 1);
        this.i += 2;
        if (hi < lo) throw new Fail(); // REG_ERANGE
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    const inSet = (x: number) => ranges.some(([a, b]) => x >= a && x <= b) || classes.some((f) => f(x));
    return { t: 'char', test: neg ? (x) => !inSet(x) : inSet };
  }
}

class Builder {
  nodes: Node[] = [];
  private add(k: K, test?: (c: number) => boolean): number {
    if (this.nodes.length >= MAX_NODES) throw new Fail();
    this.nodes.push({ k, test, out: -1, out2: -1 });
    return this.nodes.length - 1;
  }
  private patch(outs: Frag['outs'], to: number): void {
    for (const [n, f] of outs) this.nodes[n][f] = to;
  }
  frag(a: Ast): Frag {
    switch (a.t) {
      case 'char': {
        const n = this.add(K.Char, a.test);
        return { start: n, outs: [[n, 'out']] };
      }
      case 'bol': {
        const n = this.add(K.Bol);
        return { start: n, outs: [[n, 'out']] };
      }
      case 'eol': {
        const n = this.add(K.Eol);
        return { start: n, outs: [[n, 'out']] };
      }
      case 'empty': {
        const n = this.add(K.Split);
        this.nodes[n].out2 = -2;
        return { start: n, outs: [[n, 'out']] };
      }
      case 'cat': {
        let f = this.frag(a.parts[0]);
        for (const p of a.parts.slice(1)) {
          const g = this.frag(p);
          this.patch(f.outs, g.start);
          f = { start: f.start, outs: g.outs };
        }
        return f;
      }
      case 'alt': {
        let f = this.frag(a.alts[0]);
        for (const p of a.alts.slice(1)) {
          const g = this.frag(p);
          const n = this.add(K.Split);
          this.nodes[n].out = f.start;
          this.nodes[n].out2 = g.start;
          f = { start: n, outs: [...f.outs, ...g.outs] };
        }
        return f;
      }
      case 'rep': {
        // sub{min,max}: min copies, then (max - min) optional ones, or a loop when unbounded
        const parts: Frag[] = [];
        for (let i = 0; i < a.min; i++) parts.push(this.frag(a.sub));
        if (a.max === -1) {
          const g = this.frag(a.sub);
          const n = this.add(K.Split);
          this.nodes[n].out = g.start;
          this.patch(g.outs, n);
          parts.push({ start: n, outs: [[n, 'out2']] });
        } else {
          for (let i = a.min; i < a.max; i++) {
            const g = this.frag(a.sub);
            const n = this.add(K.Split);
            this.nodes[n].out = g.start;
            parts.push({ start: n, outs: [...g.outs, [n, 'out2']] });
          }
        }
        if (!parts.length) return this.frag({ t: 'empty' });
        let f = parts[0];
        for (const g of parts.slice(1)) {
          this.patch(f.outs, g.start);
          f = { start: f.start, outs: g.outs };
        }
        return f;
      }
    }
  }
  finish(a: Ast): number {
    const f = this.frag(a);
    const m = this.add(K.Match);
    this.patch(f.outs, m);
    return f.start;
  }
}

interface Dstate {
  nfa: number[];
  match: boolean;
  /** the closure once the end of the string is known (for $) */
  matchAtEnd: boolean | undefined;
  next: Map<number, Dstate>;
}

export class Ere {
  private readonly nodes: Node[];
  private readonly start: number;
  private cache = new Map<string, Dstate>();
  private first: Dstate | null = null;

  private constructor(nodes: Node[], start: number) {
    this.nodes = nodes;
    this.start = start;
  }

  /** regcomp(REG_EXTENDED | REG_NOSUB); null for a pattern glibc refuses. */
  static compile(pattern: string): Ere | null {
    try {
      const ast = new Parser(pattern).parse();
      const b = new Builder();
      const start = b.finish(ast);
      return new Ere(b.nodes, start);
    } catch (e) {
      if (e instanceof Fail) return null;
      throw e;
    }
  }

  /** The epsilon closure of `set`, with ^ passable at the start and $ at the end. */
  private closure(set: Iterable<number>, atStart: boolean, atEnd: boolean): number[] {
    const seen = new Set<number>();
    const stack = [...set];
    while (stack.length) {
      const n = stack.pop()!;
      if (n < 0 || seen.has(n)) continue;
      seen.add(n);
      const x = this.nodes[n];
      if (x.k === K.Split) {
        stack.push(x.out);
        if (x.out2 >= 0) stack.push(x.out2);
      } else if (x.k === K.Bol && atStart) stack.push(x.out);
      else if (x.k === K.Eol && atEnd) stack.push(x.out);
    }
    return [...seen].sort((a, b) => a - b);
  }

  private state(nfa: number[]): Dstate {
    const key = nfa.join(',');
    let d = this.cache.get(key);
    if (!d) {
      if (this.cache.size >= MAX_DFA) {
        this.cache = new Map();
        this.first = null;
      }
      d = { nfa, match: nfa.some((n) => this.nodes[n].k === K.Match), matchAtEnd: undefined, next: new Map() };
      this.cache.set(key, d);
    }
    return d;
  }

  private endMatch(d: Dstate): boolean {
    if (d.matchAtEnd === undefined)
      d.matchAtEnd = this.closure(d.nfa, false, true).some((n) => this.nodes[n].k === K.Match);
    return d.matchAtEnd;
  }

  /** regexec(): does the pattern match somewhere in `s`? Linear in s. */
  test(s: string): boolean {
    if (!s.length) return this.closure([this.start], true, true).some((n) => this.nodes[n].k === K.Match);
    // the start state is the only one where ^ holds; it is kept apart from the cache
    this.first ??= {
      nfa: this.closure([this.start], true, false),
      match: false,
      matchAtEnd: undefined,
      next: new Map(),
    };
    this.first.match = this.first.nfa.some((n) => this.nodes[n].k === K.Match);
    let d = this.first;
    for (let i = 0; i < s.length; i++) {
      if (d.match) return true;
      const c = s.charCodeAt(i);
      let nx = d.next.get(c);
      if (!nx) {
        const moved: number[] = [this.start]; // a match may begin at any later position
        for (const n of d.nfa) {
          const x = this.nodes[n];
          if (x.k === K.Char && x.test!(c)) moved.push(x.out);
        }
        nx = this.state(this.closure(moved, false, false));
        if (d.next.size < 256) d.next.set(c, nx);
      }
      d = nx;
    }
    return d.match || this.endMatch(d);
  }
}
