// ping (iputils): ICMP echo. Runs as a process on the clock (../../apps/ping.ts).
import { hasFlag, defineCommand } from '../command';

export const ping = defineCommand({
  name: 'ping',
  help: 'send ICMP echo requests: ping -c 1 192.168.3.1',
  path: '/usr/bin/ping',
  labExport: {
    refuse: (w) =>
      hasFlag(w, 'cw') ? undefined : 'ping without -c or -w runs until stopped; a script would never end',
    mayFail: true,
  },
});
