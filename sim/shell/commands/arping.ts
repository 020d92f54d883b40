// arping (iputils): ARP requests. Runs as a process on the clock (../../apps/arping.ts).
import { hasFlag, defineCommand } from '../command';

export const arping = defineCommand({
  name: 'arping',
  help: 'send ARP requests: arping -c 1 -I eth0 192.168.3.1',
  path: '/usr/bin/arping',
  labExport: {
    refuse: (w) =>
      hasFlag(w, 'cw') ? undefined : 'arping without -c or -w runs until stopped; a script would never end',
    mayFail: true,
  },
});
