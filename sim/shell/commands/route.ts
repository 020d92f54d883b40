// route (net-tools): the old routing table tool. Runs as routeMain (../route_cmd.ts).
import { defineCommand } from '../command';

export const route = defineCommand({
  name: 'route',
  help: 'the old routing table tool (net-tools)',
  path: '/usr/sbin/route',
});
