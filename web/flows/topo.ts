// The diagram's topology as the flow model reads it: each device's wire partner and bridge.
import type { Snapshot } from '../../sim/index';
import type { Topo } from '../model/flow';

export function topoOf(snap: Snapshot | null): Topo {
  const devs = new Map<string, { peer: { ns: string; name: string } | null; master: string | null }>();
  for (const n of snap?.namespaces ?? [])
    for (const d of n.devices) devs.set(`${n.name}|${d.name}`, { peer: d.peer, master: d.master });
  return {
    peer: (ns, dev) => devs.get(`${ns}|${dev}`)?.peer ?? null,
    master: (ns, dev) => devs.get(`${ns}|${dev}`)?.master ?? null,
  };
}
