// lab: what hands do (NICs, cables, VMs, /etc/hosts). Runs as labMain (../lab_cmd.ts); the lab export
// turns each into its real equivalent itself (sim/labs/export.ts labLines).
import { defineCommand } from '../command';

export const lab = defineCommand({
  name: 'lab',
  help: 'what hands do: lab nic add, lab cable, lab unplug, lab vm add, lab hosts add',
  path: 'lab',
});
