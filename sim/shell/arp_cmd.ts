// net-tools arp (arp.c arp_show/arp_disp) over /proc/net/arp: every neighbour but NOARP ones.
import { fmtIp4, fmtMac, parseIp4 } from '../core/addr';
import type { Netns } from '../net/netns';
import { nudValid } from '../ipv4/neighbour';
import { reverseHost } from '../apps/resolve';
import { CmdError } from './errors';

export function arpMain(argv: string[], ns: Netns): string[] {
  let numeric = false;
  let bsd = false;
  let dev: string | null = null;
  let host: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-i' || a === '--device') dev = argv[++i] ?? null;
    else if (/^-[naev]+$/.test(a)) {
      if (a.includes('n')) numeric = true;
      if (a.includes('a')) bsd = true;
    } else if (a.startsWith('-')) throw new CmdError('arp: the lab models arp [-n] [-a] [-i DEV] [HOST] only; use ip neigh to change entries', 1);
    else host = a;
  }
  const want = host === null ? null : parseIp4(host);
  if (host !== null && want === undefined) throw new CmdError(`${host}: Unknown host`, 1);
  // /proc/net/arp walks the hash table; newest entries first here
  const entries = ns.ipv4.arp.list().filter((n) => n.state !== 'NOARP' && n.state !== 'NONE' && (dev === null || n.dev.name === dev) && (want == null || n.key === want)).reverse();
  if (want != null && !entries.length) return [`${host} (${fmtIp4(want)}) -- no entry`];
  const name = (a: number) => (numeric ? fmtIp4(a) : reverseHost(ns, a) ?? fmtIp4(a));
  if (bsd) {
    return entries.map((n) => {
      const complete = nudValid(n.state);
      const perm = n.state === 'PERMANENT' ? ' PERM' : '';
      const who = numeric ? '?' : reverseHost(ns, n.key) ?? '?';
      return complete ? `${who} (${fmtIp4(n.key)}) at ${fmtMac(n.ha!)} [ether]${perm} on ${n.dev.name}` : `${who} (${fmtIp4(n.key)}) at <incomplete> on ${n.dev.name}`;
    });
  }
  if (!entries.length) return [];
  const out = ['Address                  HWtype  HWaddress           Flags Mask            Iface'];
  for (const n of entries) {
    const complete = nudValid(n.state);
    const flags = (complete ? 'C' : '') + (n.state === 'PERMANENT' ? 'M' : '');
    let l = name(n.key).slice(0, 23).padEnd(23) + '  ';
    l += complete ? 'ether'.padEnd(8) + fmtMac(n.ha!).padEnd(20) : ''.padEnd(8) + '(incomplete)'.padEnd(20);
    l += flags.padEnd(6) + ''.padEnd(15) + ' ' + n.dev.name;
    out.push(l);
  }
  return out;
}
