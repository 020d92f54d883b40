// sleep N: lets the virtual clock run (timers fire, neighbours age).
import type { Netns } from '../net/netns';
import { Proc } from '../apps/proc';
import type { Timer } from '../core/scheduler';

export class Sleep extends Proc {
  private t: Timer | null = null;
  constructor(ns: Netns, argv: string[], sink: (line: string) => void) {
    super(ns, sink);
    const s = Number(argv[1]);
    if (argv.length !== 2 || !Number.isFinite(s) || s < 0) {
      this.print(argv.length < 2 ? 'sleep: missing operand' : `sleep: invalid time interval '${argv[1]}'`);
      this.exit(1);
      return;
    }
    this.t = ns.world.sched.after(Math.round(s * 1e6), () => this.exit(0));
  }
  interrupt(): void {
    this.exit(130);
  }
  protected override cleanup(): void {
    this.ns.world.sched.cancel(this.t);
  }
}
