// iptables-save: every rule, as iptables-restore reads them. Runs as iptablesSaveMain (../iptables_save_cmd.ts).
import { defineCommand } from '../command';

export const iptablesSave = defineCommand({
  name: 'iptables-save',
  help: 'print every iptables rule',
  path: '/usr/sbin/iptables-save',
});
