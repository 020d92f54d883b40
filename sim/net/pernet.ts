// Per-namespace setup by registration (net/core/net_namespace.c: register_pernet_subsys,
// register_pernet_device, setup_net): IPv4's state, ARP's table ops and the loopback device register
// an init from sim/init.ts; a new namespace runs them in registration order. The core knows none of them.
import type { Netns } from './netns';

/** struct pernet_operations: ->init for a namespace being set up (`initial`: the initial namespace, or
 *  null when this is the initial one) */
export interface PernetOps {
  readonly name: string;
  init(ns: Netns, initial: Netns | null): void;
}

/** pernet_list: subsystems first, then devices, each in registration order */
const subsys: PernetOps[] = [];
const devices: PernetOps[] = [];

/** register_pernet_subsys() */
export function registerPernetSubsys(ops: PernetOps): void {
  if (!subsys.includes(ops)) subsys.push(ops);
}

/** register_pernet_device(): after every subsystem (loopback_net_ops) */
export function registerPernetDevice(ops: PernetOps): void {
  if (!devices.includes(ops)) devices.push(ops);
}

/** setup_net(): every ->init, subsystems first */
export function setupNet(ns: Netns, initial: Netns | null): void {
  for (const o of subsys) o.init(ns, initial);
  for (const o of devices) o.init(ns, initial);
}
