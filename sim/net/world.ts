// The simulated machine: namespaces, the virtual clock, the seeded PRNG and the per-CPU backlog.
import type { Ip4 } from '../core/addr';
import { Prng } from '../core/prng';
import { Scheduler } from '../core/scheduler';
import { Netns } from './netns';
import type { TraceEvent, TraceInput } from './trace';
import { setupNet } from './pernet';
import { devOpen, linkwatchEvent } from './link';
import { LinkWatch } from './link_watch';
import { Backlog } from './backlog';
import { ptypesRegistered } from './ptype';
import { rtnlNotify } from './rtnl_notify';
import type { NetDevice } from './netdevice';

export { BACKLOG_DELAY } from './backlog';

export class World {
  sched = new Scheduler();
  /** the CPU's backlog: netif_rx() queues frames here (net/core/dev.c: enqueue_to_backlog) */
  readonly rxBacklog: Backlog;
  /** net/core/link_watch.c: one queue of link state events for every namespace */
  readonly linkWatch = new LinkWatch(this, linkwatchEvent);
  prng: Prng;
  namespaces: Netns[] = [];
  host: Netns;
  private frameId = 0;
  private pidNext = 1000;
  /** Called for every step of a frame's life when someone watches (packet flows). */
  trace: ((e: TraceEvent) => void) | null = null;
  /** told of a device registered in a namespace or given a new address (the transcript's MAC namer) */
  macWatch: ((dev: NetDevice) => void) | null = null;
  /** rtnetlink's link, address and netconf notifications so far (rtnl_notify.ts): a snapshot reads the links
   *  again only when this moved */
  linkSeq = 0;
  /** /etc/hosts shared by every namespace of the lab */
  hosts = new Map<string, Ip4>();

  /** Bring lo up in namespaces made later (the conformance environment does; Linux itself does not). */
  readonly loUpInNewNetns: boolean;

  constructor(seed = 1, opts: { loUpInNewNetns?: boolean } = {}) {
    // the initcalls must have run: import World from sim/world (or sim/init first)
    if (!ptypesRegistered())
      throw new Error('World: no protocol registered; import sim/world.ts, which runs sim/init.ts');
    this.prng = new Prng(seed);
    this.rxBacklog = new Backlog(this.sched, seed);
    this.loUpInNewNetns = opts.loUpInNewNetns ?? false;
    this.host = this.addNetns('host');
    // a booted machine has lo up in its initial namespace
    devOpen(this.host.lo);
    this.rxBacklog.onCalm = (devs) => {
      if (this.trace)
        for (const d of devs)
          this.emit({ type: 'storm', state: 'end', ns: d.ns.name, dev: d.name, frameId: 0, fn: 'process_backlog' });
    };
  }

  get now(): number {
    return this.sched.now;
  }

  nextFrameId(): number {
    return ++this.frameId;
  }

  nextPid(): number {
    return this.pidNext++;
  }

  /** name -> namespace (the /run/netns directory) */
  private byName = new Map<string, Netns>();

  netns(name: string): Netns | undefined {
    return this.byName.get(name);
  }

  /** setup_net(): a namespace with lo (down, as on Linux until someone brings it up). */
  addNetns(name: string): Netns {
    const initial = this.namespaces.length ? this.namespaces[0] : null;
    const ns = new Netns(this, name);
    this.namespaces.push(ns);
    this.byName.set(name, ns);
    // RTM_NEWNSID: the namespaces a link names (a veth's peer, a VM's tap) are looked up by name
    rtnlNotify(this);
    // setup_net(): IPv4's state, ARP's table ops, then lo (pernet inits registered by sim/init.ts)
    setupNet(ns, initial);
    if (this.loUpInNewNetns) devOpen(ns.lo);
    return ns;
  }

  removeNetns(ns: Netns): void {
    this.namespaces = this.namespaces.filter((n) => n !== ns);
    if (this.byName.get(ns.name) === ns) this.byName.delete(ns.name);
    rtnlNotify(this);
  }

  /** Devices whose received frames the full backlog is dropping: a storm is going on (empty: none). */
  get storming(): ReadonlyMap<NetDevice, number> {
    return this.rxBacklog.storming;
  }

  /** Reports one step of a frame's life when someone watches. */
  emit(e: TraceInput): void {
    // every caller passes a fresh literal: stamping it costs a property, not a copy of every field
    if (this.trace) {
      (e as TraceEvent).time = this.sched.now;
      this.trace(e as TraceEvent);
    }
  }
}
