// A broadcast storm as the worker reports it (the CPU's backlog full and dropping), for the diagram's
// marker, the notice above it and Ctrl+C; and the command that ends it (typed by actions/lab.ts stopStorm).
import type { StateCreator } from 'zustand';
import type { StormReport } from '../../sim/index';
import { devId } from '../model/ids';
import { termNs } from '../protocol';
import type { LabState } from './index';

export interface StormView extends StormReport {
  /** the diagram's ids of the dropping devices and of the bridges they are ports of */
  ids: ReadonlySet<string>;
  /** the bridges in the loop, by namespace, sorted */
  bridges: { ns: string; br: string }[];
}

export interface StormSlice {
  storm: StormView | null;
  setStorm: (r: StormReport | null) => void;
}

export function stormView(r: StormReport): StormView {
  const ids = new Set<string>();
  const bridges = new Map<string, { ns: string; br: string }>();
  for (const d of r.devs) {
    ids.add(devId(d.ns, d.dev));
    if (d.master) {
      ids.add(devId(d.ns, d.master));
      bridges.set(`${d.ns} ${d.master}`, { ns: d.ns, br: d.master });
    }
  }
  const sorted = [...bridges.values()].sort((a, b) => a.ns.localeCompare(b.ns) || a.br.localeCompare(b.br));
  return { ...r, ids, bridges: sorted };
}

/** The bridge to take down: one of the loop's in the terminal's namespace when there is one, else the first. */
export function stormBridge(v: StormView, term?: string): { ns: string; br: string } | null {
  const here = term === undefined ? undefined : termNs(term);
  return v.bridges.find((b) => b.ns === here) ?? v.bridges[0] ?? null;
}

/** What a Linux user types to end a loop: the bridge down (`ip link set br0 down`). */
export const stopLine = (br: string) => `ip link set ${br} down`;

export const createStormSlice: StateCreator<LabState, [], [], StormSlice> = (set) => ({
  storm: null,
  setStorm: (r) => set({ storm: r ? stormView(r) : null }),
});
