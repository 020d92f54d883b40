// Walking a table's chain for one packet (net/ipv4/netfilter/ip_tables.c: ipt_do_table; as nf_tables
// runs iptables-nft rules: net/netfilter/nf_tables_core.c nft_do_chain with its jump stack and the base
// chain's policy counters). Rule counters count the packets and bytes that matched.
import type { HookName } from './hooks';
import { type PacketInfo, ruleMatches } from './match';
import { type Chain, type RejectWith, type Table, type Target, findChain } from './tables';

export type NatTarget = Extract<Target, { kind: 'snat' | 'dnat' | 'masquerade' }>;

/** What targets with side effects need from the hook that runs the table. */
export interface TargetEnv {
  /** REJECT: nf_send_unreach() / nf_send_reset() */
  reject(w: RejectWith): void;
  /** SNAT, DNAT, MASQUERADE: set up the connection's binding */
  nat(t: NatTarget): 'accept' | 'drop';
}

export type ChainVerdict = 'accept' | 'drop';

/** NFT_JUMP_STACK_SIZE */
const MAX_DEPTH = 16;

/** Runs the base chain of `hook` in `table`; a table without that chain accepts. */
export function doTable(table: Table, hook: HookName, p: PacketInfo, env: TargetEnv): ChainVerdict {
  const base = table.base.get(hook);
  if (!base) return 'accept';
  const stack: { chain: Chain; next: number }[] = [];
  let chain = base;
  let i = 0;
  for (;;) {
    if (i >= chain.rules.length) {
      // end of a user chain returns to the caller; end of the base chain applies the policy
      const up = stack.pop();
      if (up) {
        chain = up.chain;
        i = up.next;
        continue;
      }
      return policy(base, p);
    }
    const r = chain.rules[i++];
    if (!ruleMatches(r, p)) continue;
    r.pkts++;
    r.bytes += p.len;
    const t = r.target;
    switch (t.kind) {
      case 'none':
        continue;
      case 'log':
        // ipt_log_packet() writes to the kernel log; the packet goes on to the next rule
        continue;
      case 'accept':
        return 'accept';
      case 'drop':
        return 'drop';
      case 'return': {
        const up = stack.pop();
        if (!up) return policy(base, p);
        chain = up.chain;
        i = up.next;
        continue;
      }
      case 'jump': {
        const to = findChain(table, t.chain);
        if (!to) continue;
        if (!t.goto) {
          if (stack.length >= MAX_DEPTH) return 'drop';
          stack.push({ chain, next: i });
        }
        chain = to;
        i = 0;
        continue;
      }
      case 'reject':
        env.reject(t.with);
        return 'drop';
      case 'snat':
      case 'dnat':
      case 'masquerade':
        return env.nat(t);
    }
  }
}

function policy(base: Chain, p: PacketInfo): ChainVerdict {
  if (base.stats) {
    base.pkts++;
    base.bytes += p.len;
  }
  return base.policy === 'DROP' ? 'drop' : 'accept';
}
