// The rules iptables keeps for a namespace, as the nf_tables backend of iptables 1.8 lays them out
// (iptables/nft.c: xtables_ipv4[], nft_chain_builtin_add; net/netfilter/nf_tables_api.c: tables, chains, rules).
// Built-in chains exist in the kernel only once something created them; listings show the missing
// ones as "fake" chains with policy ACCEPT (nft_xt_fake_builtin_chains).
import type { Ip4 } from '../core/addr';
import type { HookName } from './hooks';

export type TableName = 'raw' | 'mangle' | 'filter' | 'security' | 'nat';
export type Policy = 'ACCEPT' | 'DROP';

/** NF_INET_* hook numbers: base chains are listed in this order (base_chains[hook]). */
export const HOOKS: readonly HookName[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

export interface BuiltinChainDef {
  name: HookName;
  prio: number;
}

/** xtables_ipv4[]: the tables in iptables-save order, each with its base chains and priorities. */
export const BUILTIN_TABLES: readonly { name: TableName; chains: readonly BuiltinChainDef[] }[] = [
  {
    name: 'raw',
    chains: [
      { name: 'PREROUTING', prio: -300 },
      { name: 'OUTPUT', prio: -300 },
    ],
  },
  {
    name: 'mangle',
    chains: [
      { name: 'PREROUTING', prio: -150 },
      { name: 'INPUT', prio: -150 },
      { name: 'FORWARD', prio: -150 },
      { name: 'OUTPUT', prio: -150 },
      { name: 'POSTROUTING', prio: -150 },
    ],
  },
  {
    name: 'filter',
    chains: [
      { name: 'INPUT', prio: 0 },
      { name: 'FORWARD', prio: 0 },
      { name: 'OUTPUT', prio: 0 },
    ],
  },
  {
    name: 'security',
    chains: [
      { name: 'INPUT', prio: 150 },
      { name: 'FORWARD', prio: 150 },
      { name: 'OUTPUT', prio: 150 },
    ],
  },
  {
    name: 'nat',
    chains: [
      { name: 'PREROUTING', prio: -100 },
      { name: 'INPUT', prio: 100 },
      { name: 'OUTPUT', prio: -100 },
      { name: 'POSTROUTING', prio: 100 },
    ],
  },
];

export function builtinTable(name: string): (typeof BUILTIN_TABLES)[number] | undefined {
  return BUILTIN_TABLES.find((t) => t.name === name);
}

export function builtinChain(table: TableName, chain: string): BuiltinChainDef | undefined {
  return builtinTable(table)!.chains.find((c) => c.name === chain);
}

/** struct ipt_ip invflags (include/uapi/linux/netfilter_ipv4/ip_tables.h). */
export const IPT_INV_VIA_IN = 0x01;
export const IPT_INV_VIA_OUT = 0x02;
export const IPT_INV_SRCIP = 0x08;
export const IPT_INV_DSTIP = 0x10;
export const IPT_INV_PROTO = 0x40;

/** struct ipt_ip: the addresses, interfaces and protocol every rule matches on. */
export interface IpMatch {
  src: Ip4;
  smsk: number;
  dst: Ip4;
  dmsk: number;
  /** interface name; a trailing '+' matches any name with that prefix; '' is any */
  iniface: string;
  outiface: string;
  proto: number;
  invflags: number;
}

/** Conntrack states of the conntrack/state matches (XT_CONNTRACK_STATE_*). */
export const CT_STATE_INVALID = 1 << 0;
export const CT_STATE_ESTABLISHED = 1 << 1;
export const CT_STATE_RELATED = 1 << 2;
export const CT_STATE_NEW = 1 << 3;
export const CT_STATE_UNTRACKED = 1 << 6;
export const CT_STATE_SNAT = 1 << 7;
export const CT_STATE_DNAT = 1 << 8;

export type Match =
  | { kind: 'icmp'; type: number; codeMin: number; codeMax: number; invert: boolean }
  | { kind: 'tcp' | 'udp'; spts: [number, number]; dpts: [number, number]; invSrc: boolean; invDst: boolean }
  | { kind: 'conntrack' | 'state'; states: number; invert: boolean }
  | { kind: 'comment'; text: string }
  /** xt_addrtype: type masks (1 << RTN_*), 0 for none given */
  | {
      kind: 'addrtype';
      src: number;
      dst: number;
      invSrc: boolean;
      invDst: boolean;
      limitIn: boolean;
      limitOut: boolean;
    };

/** struct nf_nat_range2, IPv4 part. */
export interface NatRange {
  mapIps: boolean;
  minIp: Ip4;
  maxIp: Ip4;
  protoSpecified: boolean;
  minPort: number;
  maxPort: number;
  random: boolean;
  randomFully: boolean;
  persistent: boolean;
}

/** REJECT --reject-with (enum ipt_reject_with). */
export type RejectWith =
  | 'icmp-net-unreachable'
  | 'icmp-host-unreachable'
  | 'icmp-proto-unreachable'
  | 'icmp-port-unreachable'
  | 'icmp-net-prohibited'
  | 'icmp-host-prohibited'
  | 'tcp-reset'
  | 'icmp-admin-prohibited';

export type Target =
  | { kind: 'none' }
  | { kind: 'accept' }
  | { kind: 'drop' }
  | { kind: 'return' }
  | { kind: 'jump'; chain: string; goto: boolean }
  | { kind: 'reject'; with: RejectWith }
  | { kind: 'snat'; range: NatRange }
  | { kind: 'dnat'; range: NatRange }
  | { kind: 'masquerade'; range: NatRange }
  /** xt_LOG: a line for the kernel log, then on to the next rule */
  | { kind: 'log'; level: number; prefix: string; flags: number };

export interface Rule {
  ip: IpMatch;
  matches: Match[];
  target: Target;
  pkts: number;
  bytes: number;
}

export interface Chain {
  name: string;
  /** set for base (built-in) chains */
  hook: HookName | null;
  policy: Policy;
  /**
   * The base chain has counters: iptables-nft asks for them only when it sets the policy (-P) or zeroes
   * the chain (-Z); a chain made for a rule counts nothing (nf_tables_newchain without NFTA_CHAIN_COUNTERS).
   */
  stats: boolean;
  /** base chain counters: packets that met the policy */
  pkts: number;
  bytes: number;
  rules: Rule[];
}

export interface Table {
  name: TableName;
  /** the table exists in the kernel (created by a rule, a policy or a user chain) */
  exists: boolean;
  /** base chains that exist, by name */
  base: Map<string, Chain>;
  /** user-defined chains, in creation order (listings sort them by name) */
  user: Map<string, Chain>;
}

export function newChain(name: string, hook: HookName | null): Chain {
  return { name, hook, policy: 'ACCEPT', stats: false, pkts: 0, bytes: 0, rules: [] };
}

export function newTables(): Map<TableName, Table> {
  const m = new Map<TableName, Table>();
  for (const t of BUILTIN_TABLES) m.set(t.name, { name: t.name, exists: false, base: new Map(), user: new Map() });
  return m;
}

/** The jump target's name as iptables prints it (cs->jumpto), '' for a rule without one. */
export function targetName(t: Target): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'accept':
      return 'ACCEPT';
    case 'drop':
      return 'DROP';
    case 'return':
      return 'RETURN';
    case 'jump':
      return t.chain;
    case 'reject':
      return 'REJECT';
    case 'snat':
      return 'SNAT';
    case 'dnat':
      return 'DNAT';
    case 'masquerade':
      return 'MASQUERADE';
    case 'log':
      return 'LOG';
  }
}

/** A chain (base or user) of a table that exists in the kernel. */
export function findChain(t: Table, name: string): Chain | undefined {
  return t.base.get(name) ?? t.user.get(name);
}

/**
 * Chains in the order listings walk them (nft_chain_foreach after nft_cache_sort_chains): base chains
 * by hook number, then user chains by name. With `fake`, missing base chains appear with policy ACCEPT.
 */
export function chainsInOrder(t: Table, fake: boolean): Chain[] {
  const out: Chain[] = [];
  const def = builtinTable(t.name)!;
  for (const hook of HOOKS) {
    if (!def.chains.some((c) => c.name === hook)) continue;
    const c = t.base.get(hook) ?? (fake ? newChain(hook, hook) : undefined);
    if (c) out.push(c);
  }
  const users = [...t.user.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...out, ...users];
}

/** How many rules jump (or go) to `chain` (the chain's use count minus its own rules). */
export function chainRefs(t: Table, chain: string): number {
  let n = 0;
  for (const c of [...t.base.values(), ...t.user.values()]) {
    for (const r of c.rules) if (r.target.kind === 'jump' && r.target.chain === chain) n++;
  }
  return n;
}

/** The hooks from which a chain can be reached (a base chain's own hook, or the callers' hooks). */
export function reachableHooks(t: Table, chain: string, seen = new Set<string>()): Set<HookName> {
  const c = findChain(t, chain);
  const out = new Set<HookName>();
  if (!c || seen.has(chain)) return out;
  if (c.hook) return new Set([c.hook]);
  seen.add(chain);
  for (const caller of [...t.base.values(), ...t.user.values()]) {
    if (!caller.rules.some((r) => r.target.kind === 'jump' && r.target.chain === chain)) continue;
    for (const h of reachableHooks(t, caller.name, seen)) out.add(h);
  }
  return out;
}
