// sysctl (procps): kernel parameters. Runs as sysctlMain (../sysctl_cmd.ts).
import { completeArgs, defineCommand } from '../command';

export const sysctl = defineCommand({
  name: 'sysctl',
  help: 'read and set kernel parameters: sysctl -w net.ipv4.ip_forward=1',
  path: '/usr/sbin/sysctl',
  complete: (words, ctx) => completeArgs(words, ctx, ['-w']),
  labExport: {
    refuse(w) {
      for (const a of w.slice(1)) {
        const key = a.includes('=') ? a.slice(0, a.indexOf('=')) : null;
        if (key === null) continue;
        if (!key.startsWith('net.'))
          return `${key} is not a network sysctl: it would change the whole machine, not one namespace`;
        if (key.startsWith('net.ipv4.neigh.default.'))
          return `${key} exists only in the machine's initial namespace; set net.ipv4.neigh.DEV.* on each device instead`;
      }
      return undefined;
    },
  },
});
