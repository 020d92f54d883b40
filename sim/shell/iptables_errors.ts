// How iptables 1.8.9 (nf_tables) reports failures: libxtables basic_exit_err() with the exit status of
// enum xtables_exittype, and xtables_main()'s "iptables: <nft_strerror>." for errors from the ruleset.
import { CmdError } from './errors';

export const IPT_VERSION = 'v1.8.9 (nf_tables)';

export type ExitType = 'OTHER' | 'PARAMETER' | 'VERSION' | 'RESOURCE';
const STATUS: Record<ExitType, number> = { OTHER: 1, PARAMETER: 2, VERSION: 3, RESOURCE: 4 };

/** Splits printed text into lines; a final newline ends the last line rather than starting another. */
export function textLines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** basic_exit_err(): "iptables v1.8.9 (nf_tables): MSG", then a hint for parameter and version problems. */
export function xtablesError(status: ExitType, msg: string, prog = 'iptables'): CmdError {
  let text = `${prog} ${IPT_VERSION}: ${msg}\n`;
  if (status === 'PARAMETER') text += `Try \`${prog} -h' or '${prog} --help' for more information.\n`;
  else if (status === 'VERSION') text += `Perhaps ${prog} or your kernel needs to be upgraded.\n`;
  return new CmdError(textLines(text), STATUS[status]);
}

/** exit_tryhelp() after a message printed by the caller ("Bad argument `x'"). */
export function tryHelp(first: string, prog = 'iptables'): CmdError {
  return new CmdError([first, `Try \`${prog} -h' or '${prog} --help' for more information.`], 2);
}

/** xtables_main(): nft_strerror(errno), with a hint to dmesg for EINVAL; exit 1. */
export function nftError(msg: string, einval = false): CmdError {
  return new CmdError(`iptables: ${msg}.${einval ? " Run `dmesg' for more information." : ''}`, 1);
}

/** mnl_batch_talk() errors from the kernel: " RULE_APPEND failed (Invalid argument): rule in chain INPUT". */
export function batchError(op: string, errno: string, what: string): CmdError {
  return xtablesError('RESOURCE', ` ${op} failed (${errno}): ${what}`);
}
