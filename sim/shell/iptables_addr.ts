// Addresses and interface names on the iptables command line (libxtables/xtables.c:
// xtables_ipparse_multiple, __numeric_to_ipaddr, parse_ipmask, xtables_parse_interface, xtables_strtoui).
import { type Ip4, ip4 } from '../core/addr';
import type { Netns } from '../net/netns';
import { resolveHost } from '../apps/resolve';
import { xtablesError } from './iptables_errors';

const perr = (msg: string) => xtablesError('PARAMETER', msg);

/** xtables_strtoui() with base 0 and the whole string consumed. */
export function strtoui(s: string, min: number, max: number): number | undefined {
  let v: number;
  if (/^0x[0-9a-f]+$/i.test(s)) v = parseInt(s.slice(2), 16);
  else if (/^0[0-7]*$/.test(s)) v = parseInt(s, 8);
  else if (/^[1-9][0-9]*$/.test(s)) v = Number(s);
  else return undefined;
  return v >= min && v <= max ? v : undefined;
}

/** __numeric_to_ipaddr(): dotted, with missing trailing bytes taken as 0 ("10.1" = 10.1.0.0) unless a mask. */
function numericToIp(s: string, isMask: boolean): number | undefined {
  const parts = s.split('.');
  if (parts.length > 4 || (isMask && parts.length !== 4)) return undefined;
  const b: number[] = [];
  for (const p of parts) {
    const v = strtoui(p, 0, 255);
    if (v === undefined) return undefined;
    b.push(v);
  }
  while (b.length < 4) b.push(0);
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}

/** xtables_ipparse_multiple(): "a[/m][,b[/m]...]" with names from the hosts file. */
export function ipparseMultiple(ns: Netns, name: string): { addr: Ip4; mask: number }[] {
  const out: { addr: Ip4; mask: number }[] = [];
  for (const raw of name.split(',')) {
    let buf = raw.trimStart();
    let mask = 0xffffffff;
    const slash = buf.lastIndexOf('/');
    if (slash >= 0) {
      const m = buf.slice(slash + 1);
      buf = buf.slice(0, slash);
      const dotted = numericToIp(m, true);
      if (dotted !== undefined) mask = dotted;
      else {
        const bits = strtoui(m, 0, 32);
        if (bits === undefined) throw perr(`invalid mask \`${m}' specified`);
        mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      }
    }
    if (mask === 0) buf = '0.0.0.0';
    const a = numericToIp(buf, false) ?? resolveHost(ns, buf) ?? (buf === 'localhost' ? 0x7f000001 : undefined);
    if (a === undefined) throw perr(`host/network \`${buf}' not found`);
    out.push({ addr: ip4(a & mask), mask });
  }
  return out;
}

/** xtables_parse_interface() */
export function parseInterface(arg: string): string {
  if (arg.length + 1 > 16) throw perr(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
  return arg;
}
