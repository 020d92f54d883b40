// Where a rule may sit (net/netfilter/nf_tables_api.c: nft_table_validate; the targets' and matches'
// checks: nft_masq_validate, nft_nat_validate, xt_check_target hooks of REJECT, icmp_checkentry):
// NAT targets only in the nat table at their hooks, REJECT only in INPUT, FORWARD and OUTPUT, protocol
// matches only with their protocol. A rule in a user chain is checked for every hook that reaches it.
import type { HookName } from './hooks';
import { type Rule, type Table, IPT_INV_PROTO, reachableHooks } from './tables';

const subset = (hooks: Set<HookName>, allowed: HookName[]) => [...hooks].every((h) => allowed.includes(h));

/** Would the kernel accept this rule in a chain of `table` reached from `hooks`? */
export function ruleValid(table: Table, r: Rule, hooks: Set<HookName>): boolean {
  const proto = (p: number) => r.ip.proto === p && !(r.ip.invflags & IPT_INV_PROTO);
  for (const m of r.matches) {
    if (m.kind === 'icmp' && !proto(1)) return false;
    if (m.kind === 'tcp' && !proto(6)) return false;
    if (m.kind === 'udp' && !proto(17)) return false;
  }
  const t = r.target;
  switch (t.kind) {
    case 'snat':
      return table.name === 'nat' && subset(hooks, ['POSTROUTING', 'INPUT']);
    case 'dnat':
      return table.name === 'nat' && subset(hooks, ['PREROUTING', 'OUTPUT']);
    case 'masquerade':
      return table.name === 'nat' && subset(hooks, ['POSTROUTING']);
    case 'reject':
      if (t.with === 'tcp-reset' && !proto(6)) return false;
      return table.name !== 'nat' && subset(hooks, ['INPUT', 'FORWARD', 'OUTPUT']);
    default:
      return true;
  }
}

/** nft_table_validate(): every rule of every chain, against the hooks that reach its chain. */
export function tableValid(t: Table): boolean {
  for (const c of [...t.base.values(), ...t.user.values()]) {
    const hooks = reachableHooks(t, c.name);
    if (!c.rules.every((r) => ruleValid(t, r, hooks))) return false;
  }
  return true;
}
