// conntrack (conntrack-tools): the connection tracking table. Runs as conntrackMain (../conntrack_cmd.ts).
import { defineCommand } from '../command';

export const conntrack = defineCommand({
  name: 'conntrack',
  help: 'list and clear the connection tracking table',
  path: '/usr/sbin/conntrack',
});
