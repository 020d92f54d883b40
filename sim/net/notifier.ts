// The netdevice notifier chain (net/core/dev.c: register_netdevice_notifier, call_netdevice_notifiers;
// kernel/notifier.c: notifier_chain_register). IPv4, ARP, the bridge and netfilter register their blocks
// once at boot (sim/init.ts); the core calls the chain without knowing who listens.
import type { NetDevice } from './netdevice';

export type NetdevEvent =
  | 'UP'
  | 'DOWN'
  | 'CHANGE'
  | 'CHANGEADDR'
  | 'CHANGEMTU'
  | 'CHANGENAME'
  | 'UNREGISTER'
  | 'REGISTER';

/** struct netdev_notifier_change_info: NETDEV_CHANGE's flags_changed, of which the model keeps IFF_NOARP */
export interface NetdevNotifierInfo {
  noarpChanged: boolean;
}

/** struct notifier_block */
export interface NotifierBlock {
  /** who listens (the kernel's notifier_call symbol), for reading and for tests */
  readonly name: string;
  /** higher runs first; equal priorities run in registration order */
  readonly priority: number;
  call(ev: NetdevEvent, dev: NetDevice, info: NetdevNotifierInfo): void;
}

/** netdev_chain */
const netdevChain: NotifierBlock[] = [];

/** register_netdevice_notifier() -> notifier_chain_register(): before the first block of lower priority. */
export function registerNetdeviceNotifier(nb: NotifierBlock): void {
  if (netdevChain.includes(nb)) return;
  let i = 0;
  while (i < netdevChain.length && netdevChain[i].priority >= nb.priority) i++;
  netdevChain.splice(i, 0, nb);
}

/** The blocks in the order they are called. */
export function netdevNotifiers(): readonly NotifierBlock[] {
  return netdevChain;
}

/** call_netdevice_notifiers_info(): every block in turn. */
export function callNetdeviceNotifiers(ev: NetdevEvent, dev: NetDevice, noarpChanged = false): void {
  const info = { noarpChanged };
  for (const nb of netdevChain) nb.call(ev, dev, info);
}
