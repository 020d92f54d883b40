// tcpdump: the frames on a device. Runs as a process on the clock (../../apps/tcpdump.ts).
import { hasFlag, defineCommand } from '../command';

export const tcpdump = defineCommand({
  name: 'tcpdump',
  help: 'capture the frames on a device: tcpdump -i br0 -n',
  path: '/usr/bin/tcpdump',
  labExport: {
    refuse: (w) =>
      hasFlag(w, 'c') ? undefined : 'tcpdump runs until stopped; run it yourself: sh SCRIPT exec NS tcpdump -n -i DEV',
  },
});
