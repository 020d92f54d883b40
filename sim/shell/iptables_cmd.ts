// The iptables command, nf_tables backend (iptables/xtables.c: do_commandx; nft.c: nft_rule_append,
// nft_rule_insert, nft_rule_delete(_num), nft_rule_check, nft_rule_flush, nft_chain_user_add,
// nft_chain_del, nft_chain_set, nft_chain_user_rename, nft_chain_zero_counters, nft_rule_list,
// nft_rule_list_save, nft_xt_builtin_init; nft_strerror). A command that fails changes nothing.
import type { Netns } from '../net/netns';
import { nfOf } from '../netfilter/core';
import {
  type Chain,
  type Rule,
  type Table,
  type TableName,
  builtinChain,
  builtinTable,
  chainRefs,
  chainsInOrder,
  findChain,
  newChain,
} from '../netfilter/tables';
import { tableValid } from '../netfilter/validate';
import { CmdError } from './errors';
import { batchError, nftError, xtablesError } from './iptables_errors';
import { CMD, OPT, type ParsedCmd, parseIptables } from './iptables_parse';
import {
  FMT_C_COUNTS,
  FMT_KILOMEGAGIGA,
  FMT_LINENUMBERS,
  FMT_NOCOUNTS,
  FMT_NUMERIC,
  FMT_OPTIONS,
  FMT_PRINT_RULE,
  FMT_VIA,
  printHeader,
  printRule,
  saveRule,
} from './iptables_print';

export interface CmdResult {
  lines: string[];
  code: number;
}

const NOENT = () => nftError('No chain/target/match by that name');

/** nft_xt_builtin_init(): the table exists from now on, and so does `chain` when it is a built-in one. */
function builtinInit(t: Table, chain: string | null): void {
  t.exists = true;
  const defs = builtinTable(t.name)!.chains;
  for (const d of defs) {
    if ((chain === null || d.name === chain) && !t.base.has(d.name)) t.base.set(d.name, newChain(d.name, d.name));
  }
}

/** nft_chain_exists(): built-in names always exist; user chains when made. */
const chainExists = (t: Table, name: string) => builtinChain(t.name, name) !== undefined || t.user.has(name);

const sameRule = (a: Rule, b: Omit<Rule, 'pkts' | 'bytes'>) =>
  JSON.stringify([a.ip, a.matches, a.target]) === JSON.stringify([b.ip, b.matches, b.target]);

class Runner {
  readonly out: string[] = [];
  readonly ns: Netns;
  readonly p: ParsedCmd;
  readonly t: Table;

  constructor(ns: Netns, p: ParsedCmd, t: Table) {
    this.ns = ns;
    this.p = p;
    this.t = t;
  }

  private get verbose(): boolean {
    return (this.p.options & OPT.VERBOSE) !== 0;
  }

  /** assert_chain_exists() for the chain a rule jumps to */
  private assertJump(): void {
    const j = this.p.rules[0]?.target;
    if (j?.kind === 'jump' && !chainExists(this.t, j.chain))
      throw xtablesError('PARAMETER', `Chain '${j.chain}' does not exist`);
  }

  private newRules(): Rule[] {
    return this.p.rules.map((r) => ({ ...r, pkts: this.p.counters[0], bytes: this.p.counters[1] }));
  }

  private printVerbose(rules: Rule[]): void {
    if (this.verbose) for (const r of rules) this.out.push(printRule(this.ns, r, 0, FMT_PRINT_RULE));
  }

  /** The kernel checks the whole table once the batch is in; a jump to a base chain is refused outright. */
  private validate(op: string, chain: string): void {
    const j = this.p.rules[0]?.target;
    if (j?.kind === 'jump' && builtinChain(this.t.name, j.chain))
      throw batchError(op, 'Operation not supported', `rule in chain ${chain}`);
    if (!tableValid(this.t)) throw batchError(op, 'Invalid argument', `rule in chain ${chain}`);
  }

  run(): void {
    const p = this.p;
    const t = this.t;
    const chain = p.chain;
    switch (p.command) {
      case CMD.APPEND: {
        this.assertJump();
        builtinInit(t, chain);
        const c = findChain(t, chain!);
        if (!c) throw NOENT();
        const rules = this.newRules();
        c.rules.push(...rules);
        this.printVerbose(rules);
        this.validate('RULE_APPEND', chain!);
        return;
      }
      case CMD.INSERT: {
        this.assertJump();
        builtinInit(t, chain);
        const c = findChain(t, chain!);
        if (!c) throw NOENT();
        const at = p.rulenum - 1;
        let op = 'RULE_INSERT';
        if (at > 0 && at >= c.rules.length) {
          // "iptables allows to insert into rule_count + 1 position"
          if (at - 1 >= c.rules.length) throw nftError('Index of insertion too big');
          op = 'RULE_APPEND';
        }
        const rules = this.newRules();
        c.rules.splice(Math.min(at, c.rules.length), 0, ...rules.reverse());
        this.printVerbose(rules);
        this.validate(op, chain!);
        return;
      }
      case CMD.DELETE:
      case CMD.CHECK: {
        this.assertJump();
        const c = findChain(t, chain!);
        const bad = () => nftError('Bad rule (does a matching rule exist in that chain?)');
        if (!c) throw bad();
        for (const want of p.rules) {
          const i = c.rules.findIndex((r) => sameRule(r, want));
          if (i < 0) throw bad();
          if (p.command === CMD.DELETE) c.rules.splice(i, 1);
          if (this.verbose) this.out.push(printRule(this.ns, { ...want, pkts: 0, bytes: 0 }, 0, FMT_PRINT_RULE));
        }
        return;
      }
      case CMD.DELETE_NUM: {
        const c = findChain(t, chain!);
        if (!c) throw NOENT();
        if (p.rulenum > c.rules.length) throw nftError('Index of deletion too big');
        c.rules.splice(p.rulenum - 1, 1);
        return;
      }
      case CMD.REPLACE: {
        this.assertJump();
        const c = findChain(t, chain!);
        if (!c) throw NOENT();
        if (p.rulenum > c.rules.length) throw nftError('Index of replacement too big');
        const rules = this.newRules();
        c.rules[p.rulenum - 1] = rules[0];
        this.printVerbose(rules);
        this.validate('RULE_REPLACE', chain!);
        return;
      }
      case CMD.FLUSH:
        return this.flush();
      case CMD.ZERO:
        return this.zero();
      case CMD.ZERO_NUM: {
        const c = findChain(t, chain!);
        if (!c) throw NOENT();
        const r = c.rules[p.rulenum - 1];
        if (r) r.pkts = r.bytes = 0;
        return;
      }
      case CMD.NEW_CHAIN:
        t.exists = true;
        if (chainExists(t, chain!)) throw nftError('Chain already exists');
        t.user.set(chain!, newChain(chain!, null));
        return;
      case CMD.DELETE_CHAIN:
        return this.deleteChain();
      case CMD.RENAME_CHAIN: {
        if (chainExists(t, p.newname!)) throw nftError('File exists');
        const c = t.user.get(chain!);
        if (!c) throw NOENT();
        t.user.delete(chain!);
        c.name = p.newname!;
        t.user.set(c.name, c);
        for (const x of [...t.base.values(), ...t.user.values()]) {
          for (const r of x.rules)
            if (r.target.kind === 'jump' && r.target.chain === chain) r.target = { ...r.target, chain: c.name };
        }
        return;
      }
      case CMD.SET_POLICY: {
        if (p.policy !== 'ACCEPT' && p.policy !== 'DROP') throw nftError('Bad policy name', true);
        if (!builtinChain(t.name, chain!)) throw nftError('Bad built-in chain name');
        builtinInit(t, chain);
        const c = t.base.get(chain!)!;
        // the chain update carries zeroed counters (-c is not passed on): counting starts afresh
        c.policy = p.policy;
        c.stats = true;
        c.pkts = c.bytes = 0;
        return;
      }
      default:
        if (p.command & CMD.LIST) this.list();
        else if (p.command & CMD.LIST_RULES) this.listRules();
        else throw new CmdError("Try `iptables -h' or 'iptables --help' for more information.", 2);
        if (p.command & CMD.ZERO) this.zero();
    }
  }

  /** nft_rule_flush() */
  private flush(): void {
    const t = this.t;
    const chain = this.p.chain;
    if (chain !== null || this.verbose) builtinInit(t, chain);
    else if (!t.exists) return;
    const chains = chain !== null ? [findChain(t, chain)] : chainsInOrder(t, false);
    if (chains[0] === undefined && chain !== null) throw NOENT();
    for (const c of chains as Chain[]) {
      if (this.verbose) this.out.push(`Flushing chain \`${c.name}'`);
      c.rules = [];
    }
  }

  /** nft_chain_zero_counters() */
  private zero(): void {
    const t = this.t;
    const chain = this.p.chain;
    const chains = chain !== null ? [findChain(t, chain)] : chainsInOrder(t, false);
    if (chains[0] === undefined && chain !== null) throw NOENT();
    for (const c of chains as Chain[]) {
      if (this.verbose) this.out.push(`Zeroing chain \`${c.name}'`);
      // a base chain is updated with zeroed counters, which gives it counters if it had none
      if (c.hook) c.stats = true;
      c.pkts = c.bytes = 0;
      for (const r of c.rules) r.pkts = r.bytes = 0;
    }
  }

  /** nft_chain_del(): a built-in chain goes only if empty with policy ACCEPT; a user chain must be unused. */
  private deleteChain(): void {
    const t = this.t;
    const chain = this.p.chain;
    const one = chain !== null ? findChain(t, chain) : undefined;
    if (chain !== null && !one) throw NOENT();
    const chains = one ? [one] : chainsInOrder(t, false);
    for (const c of chains) {
      if (c.hook) {
        // a policy other than ACCEPT is refused in user space; rules make the kernel refuse the batch
        if (c.policy !== 'ACCEPT' || c.rules.length) {
          if (chain !== null && c.policy !== 'ACCEPT') throw nftError('Directory not empty');
          if (chain !== null) throw batchError('CHAIN_DEL', 'Device or resource busy', `chain ${c.name}`);
          continue;
        }
        t.base.delete(c.name);
        continue;
      }
      if (this.verbose) this.out.push(`Deleting chain \`${c.name}'`);
      if (c.rules.length || chainRefs(t, c.name))
        throw batchError('CHAIN_DEL', 'Device or resource busy', `chain ${c.name}`);
      t.user.delete(c.name);
    }
  }

  private listFormat(): number {
    const o = this.p.options;
    let f = FMT_OPTIONS;
    f |= o & OPT.VERBOSE ? FMT_VIA : FMT_NOCOUNTS;
    if (o & OPT.NUMERIC) f |= FMT_NUMERIC;
    if (!(o & OPT.EXPANDED)) f |= FMT_KILOMEGAGIGA;
    if (o & OPT.LINENUMBERS) f |= FMT_LINENUMBERS;
    return f;
  }

  /** nft_rule_list(): -L */
  private list(): void {
    const t = this.t;
    const format = this.listFormat();
    const chains = chainsInOrder(t, true);
    const chain = this.p.chain;
    const rulenum = this.p.rulenum;
    if (chain !== null) {
      const c = chains.find((x) => x.name === chain);
      if (!c) throw xtablesError('OTHER', `chain \`${chain}' in table \`${t.name}' is incompatible, use 'nft' tool.`);
      if (rulenum) {
        const r = c.rules[rulenum - 1];
        if (r) this.out.push(printRule(this.ns, r, rulenum, format));
        return;
      }
      this.listChain(c, format);
      return;
    }
    chains.forEach((c, i) => {
      if (i) this.out.push('');
      this.listChain(c, format);
    });
  }

  private listChain(c: Chain, format: number): void {
    this.out.push(...printHeader(format, c, chainRefs(this.t, c.name)));
    for (const [i, r] of c.rules.entries()) this.out.push(printRule(this.ns, r, i + 1, format));
  }

  /** nft_rule_list_save(): -S */
  private listRules(): void {
    const t = this.t;
    const format = this.verbose ? FMT_C_COUNTS : FMT_NOCOUNTS;
    const chains = chainsInOrder(t, true);
    const chain = this.p.chain;
    const chainLine = (c: Chain) =>
      c.hook ? `-P ${c.name} ${c.policy}${this.verbose ? ` -c ${c.pkts} ${c.bytes}` : ''}` : `-N ${c.name}`;
    if (chain !== null) {
      const c = chains.find((x) => x.name === chain);
      if (!c) throw xtablesError('OTHER', `chain \`${chain}' in table \`${t.name}' is incompatible, use 'nft' tool.`);
      if (this.p.rulenum) {
        const r = c.rules[this.p.rulenum - 1];
        if (r) this.out.push(saveRule(c.name, r, format));
        return;
      }
      this.out.push(chainLine(c));
      for (const r of c.rules) this.out.push(saveRule(c.name, r, format));
      return;
    }
    for (const c of chains) this.out.push(chainLine(c));
    for (const c of chains) for (const r of c.rules) this.out.push(saveRule(c.name, r, format));
  }
}

/** iptables ARGS in namespace `ns`: what it prints and its exit status. */
export function iptablesMain(argv: string[], ns: Netns): CmdResult {
  const parsed = parseIptables(argv, ns);
  if (parsed.kind === 'exit') return { lines: parsed.lines, code: parsed.code };
  const p = parsed.cmd;
  if (!builtinTable(p.table)) {
    const e = xtablesError('VERSION', `table '${p.table}' does not exist`);
    return { lines: e.lines, code: e.code };
  }
  const nf = nfOf(ns);
  const name = p.table as TableName;
  // work on a copy: the kernel applies a batch entirely or not at all
  const t = structuredClone(nf.tables.get(name)!);
  const r = new Runner(ns, p, t);
  try {
    r.run();
  } catch (e) {
    // the error goes to stderr at once; what was printed to stdout waits in its buffer until exit
    if (e instanceof CmdError) return { lines: [...e.lines, ...r.out], code: e.code };
    throw e;
  }
  nf.tables.set(name, t);
  nf.rulesChanged();
  return { lines: r.out, code: 0 };
}
