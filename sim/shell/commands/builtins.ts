// bash's builtins that this shell has: never exec'd, so no path and no execve() limits.
import { defineCommand } from '../command';

export const echo = defineCommand({ name: 'echo', help: 'print its arguments' });
export const trueCmd = defineCommand({ name: 'true', help: 'do nothing, successfully', tab: false });
export const falseCmd = defineCommand({ name: 'false', help: 'do nothing, unsuccessfully', tab: false });
