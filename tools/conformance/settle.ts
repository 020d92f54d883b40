// Waiting for link state to settle before a command that could show it.
//
// Link state (operstate, and with it the RUNNING flag) changes through linkwatch, a single
// kernel work item for all namespaces; carrier (LOWER_UP) and bridge port states change at once.
// An event is handled at once when it is urgent (a stacked device such as a veth whose peer has
// another ifindex, or a carrier coming up), otherwise at the next round, at most 1 s after the
// previous one. Measured on 6.18 (see KERNEL.md 8):
// - `ip link set dev veth0 master br0` makes br0 go from UNKNOWN to UP up to ~1 s later, with
//   no flag showing that anything is pending;
// - a veth whose peer has the same ifindex (eth0@if2 is ifindex 2) is not urgent: for up to 1 s
//   it shows <NO-CARRIER,...,UP,LOWER_UP> state DOWN;
// - a cascade (veth1 down -> veth0 loses carrier -> port disabled -> br0 loses carrier) shows br0
//   as <BROADCAST,MULTICAST,UP> state UP until the next round, ~1 s later.
// So: wait ~1 round after the last link-changing command, then until no device is visibly
// between two states (carrier and operstate disagree) and two reads agree.

import { sleep } from './proc';

export const ROUND_MS = 1000;
const MARGIN_MS = 100;
const POLL_MS = 100;
const MAX_MS = 3000;

/**
 * True when some admin-up device in `ip -o link` / `bridge link` output has carrier and
 * operstate in disagreement: iproute2 prints NO-CARRIER for UP without RUNNING (operstate not
 * up) and LOWER_UP for carrier, so a settled device shows exactly one of the two.
 */
export function linkwatchPending(state: string): boolean {
  for (const line of state.split('\n')) {
    const m = /^\d+: \S+ <([^>]*)>/.exec(line) ?? /^\d+: \S+: <([^>]*)>/.exec(line);
    if (!m) continue;
    const flags = m[1]!.split(',');
    if (!flags.includes('UP')) continue;
    if (flags.includes('NO-CARRIER') === flags.includes('LOWER_UP')) return true;
  }
  return false;
}

export class Settler {
  private lastChange = -Infinity;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /** Called after a command that changed links. */
  changed(): void {
    this.lastChange = this.now();
  }

  /**
   * Polls read() until at least a round has passed since the last link change, no device is
   * half-way, and two successive reads agree. Gives up 3 s after the change. Returns the
   * milliseconds waited.
   */
  async settle(read: () => Promise<string>): Promise<number> {
    if (this.lastChange === -Infinity) return 0;
    const start = this.now();
    const quietUntil = this.lastChange + ROUND_MS + MARGIN_MS;
    const deadline = this.lastChange + MAX_MS;
    let prev: string | undefined;
    for (;;) {
      const cur = await read();
      const t = this.now();
      const steady = cur === prev || t >= this.lastChange + 2 * ROUND_MS + MARGIN_MS;
      if ((t >= quietUntil && steady && !linkwatchPending(cur)) || t >= deadline) break;
      if (process.env.CONFORMANCE_DEBUG && prev !== undefined && cur !== prev)
        console.error(`settle: change at +${t - this.lastChange} ms:\n${cur}`);
      prev = cur;
      await this.wait(t < quietUntil ? Math.min(POLL_MS * 5, quietUntil - t) : POLL_MS);
    }
    this.lastChange = -Infinity;
    return this.now() - start;
  }
}
