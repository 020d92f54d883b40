// Link state changes applied later, by one work item for the whole machine (net/core/link_watch.c):
// an urgent event (a stacked device such as a veth, or carrier coming back to a device whose qdisc
// waits for it) runs at once; the others at most once a second. A bridge that loses carrier because
// a port did therefore tells its listeners about a second later, and a flap shorter than that is
// never seen by them.
import type { Timer } from '../core/scheduler';
import type { NetDevice } from './netdevice';
import type { World } from './world';

/** HZ jiffies: the one-second rate limit of non-urgent rounds, in virtual microseconds */
const LW_ROUND_US = 1_000_000;

export class LinkWatch {
  /** lweventlist */
  private list: NetDevice[] = [];
  /** linkwatch_nextevent */
  private nextEvent = -Infinity;
  /** LW_URGENT */
  private urgentFlag = false;
  /** the delayed linkwatch_work */
  private work: Timer | null = null;

  constructor(
    private readonly world: World,
    private readonly doDev: (dev: NetDevice) => void,
  ) {}

  /** Devices wait for a round (a settled link shows no pending event). */
  get pending(): boolean {
    return this.list.length > 0;
  }

  /**
   * Lets the pending rounds run on the virtual clock, at most `limitUs` of it: what waiting for link
   * state to settle before looking at it does on a real machine (the conformance runner, a person).
   */
  settle(limitUs = 3_000_000): void {
    const sched = this.world.sched;
    const limit = sched.now + limitUs;
    while (this.pending && sched.now < limit) {
      const next = sched.nextTime();
      if (next === undefined) break;
      sched.runUntil(Math.min(next, limit));
    }
  }

  /** linkwatch_urgent_event() */
  private urgent(dev: NetDevice): boolean {
    if (!dev.running) return false;
    if (dev.ifindex !== dev.iflink()) return true;
    // qdisc_tx_changing(): carrier is back and dev_activate() has not run yet
    return dev.carrier && !dev.qdiscActive;
  }

  /** linkwatch_fire_event() */
  fire(dev: NetDevice): void {
    const urgent = this.urgent(dev);
    if (!dev.linkwatchPending) {
      dev.linkwatchPending = true;
      this.list.push(dev);
    } else if (!urgent) return;
    this.schedule(urgent);
  }

  /** linkwatch_schedule_work() */
  private schedule(urgent: boolean): void {
    const now = this.world.now;
    let delay = this.nextEvent - now;
    if (this.urgentFlag) return;
    if (urgent) {
      this.urgentFlag = true;
      delay = 0;
    }
    // a negative delay wraps around as unsigned jiffies: "delay it by at most HZ"
    if (delay > LW_ROUND_US || delay < 0) delay = 0;
    if (this.urgentFlag) {
      // mod_delayed_work(): now, whatever was queued
      this.world.sched.cancel(this.work);
      this.work = null;
    } else if (this.work) return; // queue_delayed_work() leaves a queued work as it is
    this.work = this.world.sched.at(now + delay, () => {
      this.work = null;
      this.run();
    });
  }

  /** linkwatch_event() -> __linkwatch_run_queue() */
  private run(): void {
    const now = this.world.now;
    const urgentOnly = this.nextEvent > now;
    if (!urgentOnly) this.nextEvent = now + LW_ROUND_US;
    else if (this.nextEvent > now + LW_ROUND_US) this.nextEvent = now;
    this.urgentFlag = false;
    const wrk = this.list;
    this.list = [];
    while (wrk.length) {
      const dev = wrk.shift()!;
      if (urgentOnly && !this.urgent(dev)) {
        this.list.push(dev);
        continue;
      }
      this.doDev(dev);
    }
    if (this.list.length) this.schedule(false);
  }
}
