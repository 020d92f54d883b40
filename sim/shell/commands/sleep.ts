// sleep (coreutils): lets the virtual clock run. Runs as a process on the clock (../sleep_cmd.ts).
import { defineCommand } from '../command';

export const sleep = defineCommand({
  name: 'sleep',
  help: 'wait on the virtual clock: sleep 1',
  path: '/usr/bin/sleep',
});
