// A build-only plugin for the simulator's worker: a call to a one-expression function of the same chunk
// (`function ipv4Dst(b) { return ipFromBytes(b, 16); }`) is written out at its call site, as the kernel's
// headers make such accessors `static inline` (ip_hdr(), ipv4_is_multicast()). The source keeps its small
// named helpers; the chunk the worker runs does not call them. V8 inlines them too, but only once a caller
// is optimized, and Node 20's V8 still loads and checks the module's function at every inlined call: the
// flood's whole run is ~3% shorter there (README, bench). It runs on the chunk before the minifier
// (renderChunk), where names are still the source's, and writes a call out only where that cannot change
// what the program does:
// - the function is declared once in the chunk, at its top level (a function, or an arrow function a
//   `const` holds), and never assigned; its body is `return EXPR;` (or the arrow's EXPR), its parameters
//   plain names (a default only a literal); EXPR holds no function, class, `this`, `arguments`, `eval`,
//   assignment, update or delete, no call of the function itself and no call of a parameter;
// - each argument is one of:
//   - a constant (a literal, `this`, a name the chunk never assigns, arithmetic of literals), written
//     wherever its parameter is read;
//   - a plain read (`skb.data`, a name the chunk assigns), read again wherever its parameter is read, when
//     EXPR reads that parameter first unconditionally and calls nothing before its last read: the value
//     cannot change in between, and a read that throws throws where the argument would have;
//   - any other read (operators on reads; no call, `new`, assignment, update or delete), when EXPR reads
//     its parameter exactly once, unconditionally, before calling anything;
//   and the reads that are not constants are first made in the order of their arguments;
// - a property read is taken to have no effect, as Terser's pure_getters does (the simulator's getters only
//   compute); a plain read that is read again goes through no property that a getter or setter of the
//   chunk is named after (one may give a new object at each read); and the chunk defines no Proxy, no
//   property by defineProperty or Object.create's descriptors, and no valueOf, toString or
//   Symbol.toPrimitive that arithmetic would call (checked, or nothing is written out);
// - a parameter with a default gets a literal argument or none (a variable could be undefined at run time);
// - neither the call's name nor any name EXPR reads is declared again anywhere in the top-level statement
//   that holds the call, so each means there what it meant in the function.
// Helpers that call helpers are written out over several passes.
import { parseAst } from 'rolldown/parseAst';

/** an ESTree node as rolldown's parser gives it (UTF-16 offsets) */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface Param {
  name: string;
  /** the default's source text, or null */
  dflt: string | null;
}

/** How EXPR reads one parameter: `first` is the rank of its first read among the parameters' first reads
 *  (evaluation order); `effectsBeforeFirst`/`Last` count the calls and getters evaluated before them. */
interface Reads {
  all: number;
  conditional: number;
  firstConditional: boolean;
  first: number;
  effectsBeforeFirst: number;
  effectsBeforeLast: number;
}

interface Helper {
  params: Param[];
  /** EXPR */
  body: Node;
  /** names EXPR reads that are not its parameters (other top-level bindings, globals) */
  free: Set<string>;
  reads: Map<string, Reads>;
}

/** What the whole chunk says about its names and properties. */
interface Chunk {
  code: string;
  /** names assigned or updated anywhere */
  assigned: Set<string>;
  /** property names some getter or setter of the chunk has: a read of one may give a new value each time */
  accessors: Set<string>;
  /** how often each name is declared (a helper's must be once) */
  declared: Map<string, number>;
}

/** the longest EXPR written out, in characters of source: the chunk should not grow much */
const MAX_EXPR = 240;
const PASSES = 4;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/** The node's children, in source order (ESTree keys come in their order). */
function children(n: Node): Node[] {
  const out: Node[] = [];
  for (const k in n) {
    if (k === 'start' || k === 'end' || k === 'type') continue;
    const v = n[k];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) out.push(x);
    } else if (isNode(v)) out.push(v);
  }
  return out;
}

function walk(n: Node, visit: (n: Node) => void): void {
  visit(n);
  for (const c of children(n)) walk(c, visit);
}

const unparen = (n: Node): Node => (n.type === 'ParenthesizedExpression' ? unparen(n.expression as Node) : n);

const keyName = (n: Node): string | null =>
  n.type === 'Identifier' ? (n.name as string) : n.type === 'Literal' ? String(n.value) : null;

/** Every name bound anywhere inside `n` (parameters, variables, functions, classes, catch clauses, imports). */
function declaredIn(n: Node): Set<string> {
  const out = new Set<string>();
  const bind = (p: Node | null | undefined): void => {
    if (!p) return;
    if (p.type === 'Identifier') out.add(p.name as string);
    else if (p.type === 'AssignmentPattern') bind(p.left as Node);
    else if (p.type === 'RestElement') bind(p.argument as Node);
    else if (p.type === 'ArrayPattern') for (const e of p.elements as (Node | null)[]) bind(e);
    else if (p.type === 'ObjectPattern')
      for (const q of p.properties as Node[]) bind(q.type === 'RestElement' ? q : (q.value as Node));
  };
  walk(n, (x) => {
    if (x.type === 'VariableDeclarator') bind(x.id as Node);
    else if (x.type === 'CatchClause') bind(x.param as Node | null);
    else if (x.type.startsWith('Import') && x.type.endsWith('Specifier')) bind(x.local as Node);
    else if (x.type.includes('Function') || x.type.startsWith('Class')) {
      bind(x.id as Node | null);
      for (const p of (x.params as Node[] | undefined) ?? []) bind(p);
    }
  });
  return out;
}

/** A name read as a variable (not a property key or a member's property name). */
function isRead(n: Node, parent: Node | null): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && parent.property === n && !parent.computed) return false;
  if (parent.type === 'Property' && parent.key === n && !parent.computed) return false;
  return true;
}

/** What makes EXPR unfit to be written out elsewhere. */
const UNFIT = new Set([
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ClassExpression',
  'ThisExpression',
  'Super',
  'MetaProperty',
  'YieldExpression',
  'AwaitExpression',
  'AssignmentExpression',
  'UpdateExpression',
  'ImportExpression',
]);

/** The helper `f` (a function declaration, or an arrow function a `const` holds) named `self` is, or null
 *  when a call of it may not be written out. */
function asHelper(f: Node, self: string): Helper | null {
  if (f.async || f.generator) return null;
  let body = f.body as Node;
  if (body.type === 'BlockStatement') {
    const stmts = body.body as Node[];
    if (stmts.length !== 1 || stmts[0].type !== 'ReturnStatement' || !stmts[0].argument) return null;
    body = stmts[0].argument as Node;
  }
  if (body.end - body.start > MAX_EXPR) return null;
  const params: Param[] = [];
  for (const p of f.params as Node[]) {
    if (p.type === 'Identifier') params.push({ name: p.name as string, dflt: null });
    else if (
      p.type === 'AssignmentPattern' &&
      (p.left as Node).type === 'Identifier' &&
      (p.right as Node).type === 'Literal'
    )
      params.push({ name: (p.left as Node).name as string, dflt: (p.right as Node).raw as string });
    else return null;
  }
  if (new Set(params.map((p) => p.name)).size !== params.length) return null;
  const free = new Set<string>();
  const reads = new Map<string, Reads>();
  for (const p of params)
    reads.set(p.name, {
      all: 0,
      conditional: 0,
      firstConditional: false,
      first: -1,
      effectsBeforeFirst: 0,
      effectsBeforeLast: 0,
    });
  let ranks = 0;
  let effects = 0;
  let fit = true;
  // children are visited in source order, which for an expression with no assignment is evaluation order
  const visit = (n: Node, parent: Node | null, conditional: boolean): void => {
    if (!fit) return;
    if (UNFIT.has(n.type) || (n.type === 'UnaryExpression' && n.operator === 'delete')) fit = false;
    // a shorthand property would need its key written out
    else if (n.type === 'Property' && n.shorthand) fit = false;
    else if (
      (n.type === 'CallExpression' || n.type === 'NewExpression') &&
      reads.has(unparen(n.callee as Node).name as string)
    )
      fit = false;
    else if (n.type === 'TaggedTemplateExpression' && reads.has(unparen(n.tag as Node).name as string)) fit = false;
    if (!fit) return;
    if (n.type === 'Identifier' && isRead(n, parent)) {
      const name = n.name as string;
      if (name === 'arguments' || name === 'eval' || name === self) {
        fit = false;
        return;
      }
      const r = reads.get(name);
      if (!r) free.add(name);
      else {
        if (r.all++ === 0) {
          r.first = ranks++;
          r.firstConditional = conditional;
          r.effectsBeforeFirst = effects;
        }
        r.effectsBeforeLast = effects;
        if (conditional) r.conditional++;
      }
      return;
    }
    // what is evaluated only sometimes: a branch of ?:, the right of && || ??, all of a chain with ?.
    if (n.type === 'ConditionalExpression') {
      visit(n.test as Node, n, conditional);
      visit(n.consequent as Node, n, true);
      visit(n.alternate as Node, n, true);
    } else if (n.type === 'LogicalExpression') {
      visit(n.left as Node, n, conditional);
      visit(n.right as Node, n, true);
    } else if (n.type === 'ChainExpression') visit(n.expression as Node, n, true);
    else for (const c of children(n)) visit(c, n, conditional);
    // a call runs after its callee and arguments are evaluated
    if (n.type === 'CallExpression' || n.type === 'NewExpression' || n.type === 'TaggedTemplateExpression') effects++;
  };
  visit(body, null, false);
  return fit ? { params, body, free, reads } : null;
}

const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**', '<<', '>>', '>>>', '&', '|', '^']);

/** What an argument is: see the header ('const', 'plain', 'read'), or null when it is none of them. */
function argKind(a: Node, chunk: Chunk): 'const' | 'plain' | 'read' | null {
  const n = unparen(a);
  const literalOnly = (x: Node): boolean => {
    const y = unparen(x);
    if (y.type === 'Literal') return !y.regex;
    if (y.type === 'UnaryExpression')
      return ['-', '+', '~', '!'].includes(y.operator as string) && literalOnly(y.argument as Node);
    if (y.type === 'BinaryExpression')
      return ARITHMETIC.has(y.operator as string) && literalOnly(y.left as Node) && literalOnly(y.right as Node);
    return false;
  };
  if (n.type === 'ThisExpression' || literalOnly(n)) return 'const';
  if (n.type === 'Identifier') return chunk.assigned.has(n.name as string) ? 'plain' : 'const';
  if (isPlainRead(n, chunk)) return 'plain';
  return isReadOnly(n, chunk) ? 'read' : null;
}

/** `a.b.c` or `a[0]` from a name or `this`, through no property a getter is named after. */
function isPlainRead(n: Node, chunk: Chunk): boolean {
  if (n.type === 'Identifier' || n.type === 'ThisExpression') return true;
  if (n.type !== 'MemberExpression' || n.optional) return false;
  const key = memberKey(n);
  return key !== null && !chunk.accessors.has(key) && isPlainRead(unparen(n.object as Node), chunk);
}

/** An expression that only reads: names, literals, plain reads, and operators on them. */
function isReadOnly(a: Node, chunk: Chunk): boolean {
  const n = unparen(a);
  switch (n.type) {
    case 'Identifier':
    case 'ThisExpression':
      return true;
    case 'Literal':
      return !n.regex;
    case 'MemberExpression':
      return isPlainRead(n, chunk);
    case 'BinaryExpression':
      return (
        n.operator !== 'in' &&
        n.operator !== 'instanceof' &&
        isReadOnly(n.left as Node, chunk) &&
        isReadOnly(n.right as Node, chunk)
      );
    case 'UnaryExpression':
      return n.operator !== 'delete' && isReadOnly(n.argument as Node, chunk);
    default:
      return false;
  }
}

/** EXPR written out for `call` of `name`, or null when this call must stay a call. */
function writeOut(chunk: Chunk, name: string, h: Helper, call: Node, shadowed: Set<string>): string | null {
  const args = call.arguments as Node[];
  if (call.optional || args.length > h.params.length || args.some((a) => a.type === 'SpreadElement')) return null;
  if (shadowed.has(name)) return null;
  for (const f of h.free) if (shadowed.has(f)) return null;
  const value = new Map<string, string>();
  let rank = -1;
  for (let i = 0; i < h.params.length; i++) {
    const p = h.params[i];
    const a = args[i];
    if (!a) {
      value.set(p.name, p.dflt ?? '(void 0)');
      continue;
    }
    if (p.dflt !== null && unparen(a).type !== 'Literal') return null;
    const kind = argKind(a, chunk);
    const r = h.reads.get(p.name)!;
    if (kind === null) return null;
    if (kind === 'plain' && (r.all === 0 || r.firstConditional || r.effectsBeforeLast > 0)) return null;
    if (kind === 'read' && (r.all !== 1 || r.conditional > 0 || r.effectsBeforeFirst > 0)) return null;
    if (kind !== 'const') {
      if (r.first < rank) return null;
      rank = r.first;
    }
    const text = chunk.code.slice(a.start, a.end);
    value.set(p.name, unparen(a).type === 'Identifier' ? text : `(${text})`);
  }
  const edits: [number, number, string][] = [];
  const visit = (n: Node, parent: Node | null): void => {
    if (n.type === 'Identifier' && isRead(n, parent) && value.has(n.name as string))
      edits.push([n.start, n.end, value.get(n.name as string)!]);
    for (const c of children(n)) visit(c, n);
  };
  visit(h.body, null);
  return `(${splice(chunk.code, h.body.start, h.body.end, edits)})`;
}

/** code[from, to) with the (non-overlapping) edits applied. */
function splice(code: string, from: number, to: number, edits: [number, number, string][]): string {
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = from;
  for (const [s, e, t] of edits) {
    out += code.slice(at, s) + t;
    at = e;
  }
  return out + code.slice(at, to);
}

/** The chunk's facts, or null when it defines properties a read could not see (defineProperty, Proxy). */
function chunkFacts(code: string, ast: Node): Chunk | null {
  const assigned = new Set<string>();
  const accessors = new Set<string>();
  const declared = new Map<string, number>();
  let opaque = false;
  walk(ast, (n) => {
    const left = n.type === 'AssignmentExpression' ? (n.left as Node) : null;
    const target = left ?? (n.type === 'UpdateExpression' ? (n.argument as Node) : null);
    if (target?.type === 'Identifier') assigned.add(target.name as string);
    if ((n.type === 'MethodDefinition' || n.type === 'Property') && (n.kind === 'get' || n.kind === 'set')) {
      const k = n.computed ? null : keyName(n.key as Node);
      if (k === null) opaque = true;
      else accessors.add(k);
    }
    // the chunk's own conversions would run in EXPR's arithmetic, defined or set afterwards (X.prototype.valueOf =)
    if (
      (n.type === 'MethodDefinition' || n.type === 'Property' || n.type === 'PropertyDefinition') &&
      isConversion(n.key as Node, !!n.computed)
    )
      opaque = true;
    if (left?.type === 'MemberExpression' && isConversion(left.property as Node, !!left.computed)) opaque = true;
    const id = n.id as Node | null | undefined;
    if (
      id?.type === 'Identifier' &&
      (n.type === 'VariableDeclarator' || n.type.includes('Function') || n.type.startsWith('Class'))
    )
      declared.set(id.name as string, (declared.get(id.name as string) ?? 0) + 1);
    // Object.create(proto, descriptors) defines properties as defineProperties does
    if (n.type === 'CallExpression' && (n.arguments as Node[]).length > 1) {
      const c = unparen(n.callee as Node);
      if (
        c.type === 'MemberExpression' &&
        !c.computed &&
        keyName(c.property as Node) === 'create' &&
        unparen(c.object as Node).type === 'Identifier' &&
        unparen(c.object as Node).name === 'Object'
      )
        opaque = true;
    }
    if (
      n.type === 'Identifier' &&
      ['defineProperty', 'defineProperties', '__defineGetter__', '__defineSetter__', 'Proxy'].includes(n.name as string)
    )
      opaque = true;
  });
  return opaque ? null : { code, assigned, accessors, declared };
}

/** The name of the property member `m` reads (`a.b`, `a['b']`, `a[0]`), or null when computed from a value. */
function memberKey(m: Node): string | null {
  const p = unparen(m.property as Node);
  if (!m.computed) return keyName(p);
  return p.type === 'Literal' && !p.regex ? String(p.value) : null;
}

/** A property key that names a conversion arithmetic would call: valueOf, toString, [Symbol.toPrimitive]. */
function isConversion(key: Node, computed: boolean): boolean {
  const k = unparen(key);
  if (computed && k.type === 'MemberExpression') return memberKey(k) === 'toPrimitive';
  const name = computed ? (k.type === 'Literal' ? String(k.value) : null) : keyName(k);
  return name === 'valueOf' || name === 'toString';
}

/** One pass: how many calls were written out. */
function pass(code: string): { code: string; sites: number } {
  const ast = parseAst(code) as unknown as Node;
  const chunk = chunkFacts(code, ast);
  if (!chunk) return { code, sites: 0 };
  const body = ast.body as Node[];
  const top = (s: Node): Node => (s.type === 'ExportNamedDeclaration' && s.declaration ? (s.declaration as Node) : s);
  const once = (name: string) => chunk.declared.get(name) === 1 && !chunk.assigned.has(name);
  const helpers = new Map<string, Helper>();
  for (const s of body) {
    const f = top(s);
    if (f.type === 'FunctionDeclaration' && f.id) {
      const name = (f.id as Node).name as string;
      const h = once(name) ? asHelper(f, name) : null;
      if (h) helpers.set(name, h);
    } else if (f.type === 'VariableDeclaration' && f.kind === 'const')
      for (const d of f.declarations as Node[]) {
        const id = d.id as Node;
        const init = d.init as Node | null;
        if (id.type !== 'Identifier' || !init || !once(id.name as string)) continue;
        const name = id.name as string;
        const h = init.type === 'ArrowFunctionExpression' ? asHelper(init, name) : null;
        if (h) helpers.set(name, h);
      }
  }
  const edits: [number, number, string][] = [];
  for (const s of body) {
    // the names declared inside this statement, but its own (declared once, at the top level)
    let inner: Set<string> | null = null;
    const shadowed = (): Set<string> => {
      if (!inner) {
        const t = top(s);
        inner = declaredIn(t);
        if (t.type === 'VariableDeclaration')
          for (const d of t.declarations as Node[]) inner.delete((d.id as Node).name as string);
        else if (typeof (t.id as Node | null | undefined)?.name === 'string')
          inner.delete((t.id as Node).name as string);
      }
      return inner;
    };
    const visit = (n: Node): void => {
      if (n.type === 'CallExpression') {
        const callee = unparen(n.callee as Node);
        const h = callee.type === 'Identifier' ? helpers.get(callee.name as string) : undefined;
        const text = h ? writeOut(chunk, callee.name as string, h, n, shadowed()) : null;
        if (text !== null) {
          // calls inside the arguments are written out at the next pass, inside this text
          edits.push([n.start, n.end, text]);
          return;
        }
      }
      for (const c of children(n)) visit(c);
    };
    visit(s);
  }
  return { code: splice(code, 0, code.length, edits), sites: edits.length };
}

/** Writes out the calls of `code`'s one-expression functions; returns the code and how many calls were. */
export function inlineCalls(code: string): { code: string; sites: number } {
  let sites = 0;
  for (let i = 0; i < PASSES; i++) {
    const r = pass(code);
    if (!r.sites) break;
    code = r.code;
    sites += r.sites;
  }
  return { code, sites };
}

/** The plugin: Vite's worker build, and rolldown itself for the benches; `written` hears how many calls each
 *  chunk had written out. */
export function inlineHelpers(written?: (sites: number) => void): {
  name: string;
  renderChunk: (code: string) => string | null;
} {
  return {
    name: 'netlab-inline-helpers',
    renderChunk(code) {
      const r = inlineCalls(code);
      written?.(r.sites);
      return r.sites ? r.code : null;
    },
  };
}
