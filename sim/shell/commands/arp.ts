// arp (net-tools): the old neighbour table tool. Runs as arpMain (../arp_cmd.ts).
import { defineCommand } from '../command';

export const arp = defineCommand({
  name: 'arp',
  help: 'the old neighbour table tool (net-tools)',
  path: '/usr/sbin/arp',
});
