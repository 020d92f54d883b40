// `help`: this shell's own builtin (bash's help lists bash's builtins; ours lists the commands this
// simulated machine knows, one line each). `help CMD` prints that command's line.
import { CmdError } from './errors';
import { COMMAND_SPECS, commandSpec } from './commands';

export function helpMain(argv: string[]): string[] {
  const wanted = argv.slice(1);
  const width = Math.max(...COMMAND_SPECS.map((c) => c.name.length)) + 2;
  const line = (c: { name: string; help: string }) => `${c.name.padEnd(width)}${c.help}`;
  if (!wanted.length)
    return ['Commands of this lab (Tab completes a command, its words and device names):', ...COMMAND_SPECS.map(line)];
  const out: string[] = [];
  for (const w of wanted) {
    // bash's own words when no topic matches
    const spec = commandSpec(w);
    if (!spec)
      throw new CmdError(
        `bash: help: no help topics match \`${w}'.  Try \`help help' or \`man -k ${w}' or \`info ${w}'.`,
        1,
      );
    out.push(line(spec));
  }
  return out;
}
