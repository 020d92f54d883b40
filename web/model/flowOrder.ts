// The order a flow is told in: the kernel's, except where it reports a cause after its effect.
import type { TraceEvent } from '../../sim/index';

/**
 * The kernel sends an ARP reply before it reports why (arp_process transmits, then the trace says
 * "veth1 answers"): told in that order the reply would leave before the request arrived. The answer is
 * moved before the new frames that left at that µs in that namespace since its request last moved.
 */
export function causalOrder(batch: readonly TraceEvent[], known: (frame: number) => boolean): TraceEvent[] {
  const out = batch.slice();
  for (let j = 0; j < out.length; j++) {
    const e = out[j];
    if (e.type !== 'arp-reply' && e.type !== 'arp-ignore') continue;
    let k = j;
    while (k > 0) {
      const x = out[k - 1];
      if (x.frameId === e.frameId || x.time !== e.time || x.ns !== e.ns || known(x.frameId)) break;
      k--;
    }
    // only frames that appear first in that stretch (not ones already under way)
    const underWay = (i: number) => {
      for (let m = 0; m < i; m++) if (out[m].frameId === out[i].frameId) return true;
      return false;
    };
    while (k < j && underWay(k)) k++;
    if (k < j) out.splice(k, 0, ...out.splice(j, 1));
  }
  return out;
}
