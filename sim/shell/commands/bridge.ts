// bridge (iproute2): bridge ports, the forwarding database, VLANs. Runs as bridgeMain (../bridge_cmd.ts).
import { completeArgs, defineCommand } from '../command';
import { objectVerbs } from './ip';

export const bridge = defineCommand({
  name: 'bridge',
  help: 'show and change bridge ports, the forwarding database, VLANs (iproute2)',
  path: '/usr/sbin/bridge',
  complete(words, ctx) {
    if (words.length === 1) return ['fdb', 'link'];
    if (words.length === 2) return objectVerbs(words[1]!);
    return completeArgs(words, ctx);
  },
});
