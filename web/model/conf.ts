// The per-device sysctls the inspector edits (the snapshot reports them; see CONF_KEYS in sim/snapshot).
import type { ConfKey } from '../../sim/index';

export const INSPECTED_CONF: readonly ConfKey[] = [
  'accept_local',
  'rp_filter',
  'arp_ignore',
  'forwarding',
  'proxy_arp',
];

export const CONF_MAX: Record<ConfKey, number> = {
  accept_local: 1,
  rp_filter: 2,
  arp_ignore: 8,
  forwarding: 1,
  proxy_arp: 1,
};
