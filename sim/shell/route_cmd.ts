// net-tools route (lib/inet_gr.c rprint_fib): /proc/net/route, the main table's routes in trie order.
import { fmtIp4, prefixMask } from '../core/addr';
import type { Netns } from '../net/netns';
import { RT_TABLE_MAIN } from '../ipv4/fib';
import { CmdError } from './errors';

export function routeMain(argv: string[], ns: Netns): string[] {
  let numeric = false;
  for (const a of argv.slice(1)) {
    if (/^-[nveFC]+$/.test(a)) {
      if (a.includes('n')) numeric = true;
      continue;
    }
    throw new CmdError('route: the lab models `route`, `route -n` and `route -v` only; use `ip route` to change routes', 1);
  }
  const out = ['Kernel IP routing table', 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface'];
  for (const r of ns.ipv4.fib.dump(RT_TABLE_MAIN)) {
    // fib_route_seq_show(): unreachable and prohibit are RTF_REJECT; a blackhole is an ordinary U route with no device
    const reject = r.type === 'unreachable' || r.type === 'prohibit' || r.type === 'throw';
    let flags = reject ? '!' : 'U';
    if (r.gw !== null) flags += 'G';
    if (r.len === 32) flags += 'H';
    const dst = !numeric && r.len === 0 ? 'default' : fmtIp4(r.dst);
    const gw = reject ? '-' : r.gw !== null ? fmtIp4(r.gw) : numeric ? '0.0.0.0' : '0.0.0.0';
    const iface = r.dev ? r.dev.name : reject ? '-' : '*';
    const ref = reject ? '-' : '0';
    out.push(`${dst.padEnd(15)} ${gw.padEnd(15)} ${fmtIp4(prefixMask(r.len)).padEnd(15)} ${flags.padEnd(5)} ${String(r.priority).padEnd(6)} ${ref.padEnd(2)} ${'0'.padStart(7)} ${iface}`);
  }
  return out;
}
