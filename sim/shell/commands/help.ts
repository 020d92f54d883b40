// help: this shell's own list of commands (bash's help lists bash's builtins). Runs as helpMain (../help_cmd.ts).
import { defineCommand } from '../command';

export const help = defineCommand({ name: 'help', help: 'this list; help CMD shows one command' });
