// Waiting for link state to settle before a command that could show it.
//
// Link state (operstate, the bridge's carrier, port state) changes through linkwatch. An event of
// a veth (a stacked device) is urgent and handled at once; a bridge's is not and waits for the
// next round, at most 1 s after the previous one; a cascade (peer down -> port disabled -> bridge
// loses carrier) adds a round. So a change is complete at most ~1 s after the last round seen,
// and at most ~2 s after the command that started it.

import { sleep } from './proc';

export const ROUND_MS = 1000;
const MARGIN_MS = 80;
const POLL_MS = 100;
const MAX_MS = 3000;

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

  /** True while a change may still be propagating. */
  get pending(): boolean {
    return this.now() - this.lastChange < 2 * ROUND_MS + MARGIN_MS;
  }

  /**
   * Polls read() until the state is the same on two successive reads and no linkwatch round can
   * still follow: a round after the command or after a change seen while polling. Gives up
   * 3 s after the change. Returns the milliseconds waited.
   */
  async settle(read: () => Promise<string>): Promise<number> {
    const start = this.now();
    if (!this.pending) return 0;
    const deadline = this.lastChange + MAX_MS;
    let quietUntil = this.lastChange + ROUND_MS + MARGIN_MS;
    let prev = await read();
    for (;;) {
      await this.wait(POLL_MS);
      const cur = await read();
      const t = this.now();
      if (cur !== prev) quietUntil = Math.max(quietUntil, t + ROUND_MS + MARGIN_MS);
      else if (t >= quietUntil) break;
      if (t >= deadline) break;
      prev = cur;
    }
    this.lastChange = -Infinity;
    return this.now() - start;
  }
}
