// iptables (legacy): filtering and NAT rules. Runs as iptablesMain (../iptables_cmd.ts).
import { defineCommand } from '../command';

export const iptables = defineCommand({
  name: 'iptables',
  help: 'packet filtering and NAT rules',
  path: '/usr/sbin/iptables',
});
