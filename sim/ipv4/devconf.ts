// IPv4 per-device configuration (include/linux/inetdevice.h IN_DEV_*, net/ipv4/devinet.c devinet_sysctl),
// shown as net.ipv4.conf.{all,default,DEV}.*

export const DEVCONF_KEYS = [
  'accept_local',
  'accept_redirects',
  'accept_source_route',
  'arp_accept',
  'arp_announce',
  'arp_evict_nocarrier',
  'arp_filter',
  'arp_ignore',
  'arp_notify',
  'bc_forwarding',
  'bootp_relay',
  'disable_policy',
  'disable_xfrm',
  'drop_gratuitous_arp',
  'drop_unicast_in_l2_multicast',
  'force_igmp_version',
  'forwarding',
  'igmpv2_unsolicited_report_interval',
  'igmpv3_unsolicited_report_interval',
  'ignore_routes_with_linkdown',
  'log_martians',
  'mc_forwarding',
  'medium_id',
  'promote_secondaries',
  'proxy_arp',
  'proxy_arp_pvlan',
  'route_localnet',
  'rp_filter',
  'secure_redirects',
  'send_redirects',
  'shared_media',
  'src_valid_mark',
  'tag',
] as const;

export type DevconfKey = (typeof DEVCONF_KEYS)[number];

/** ipv4_devconf defaults (devinet.c). */
const DEFAULTS: Partial<Record<DevconfKey, number>> = {
  accept_redirects: 1,
  send_redirects: 1,
  secure_redirects: 1,
  shared_media: 1,
  igmpv2_unsolicited_report_interval: 10000,
  igmpv3_unsolicited_report_interval: 1000,
  arp_evict_nocarrier: 1,
};

export class Devconf {
  values: Record<DevconfKey, number>;
  /** Keys set explicitly on this device (cnf.state bits): a write to `default` no longer reaches them. */
  explicit = new Set<DevconfKey>();

  constructor(from?: Devconf) {
    if (from) this.values = { ...from.values };
    else {
      const v = {} as Record<DevconfKey, number>;
      for (const k of DEVCONF_KEYS) v[k] = DEFAULTS[k] ?? 0;
      this.values = v;
    }
  }
}

export function isDevconfKey(k: string): k is DevconfKey {
  return (DEVCONF_KEYS as readonly string[]).includes(k);
}
