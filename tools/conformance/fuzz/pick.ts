// What a fuzz kind's command generator needs from fuzz.ts's seeded picker.
export interface Picker {
  of<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** `#> capture` on one of `devs` before the next command, with probability `p` */
  capture(p: number, devs: readonly string[]): string[];
}

/** Long neighbour timers on a device, so that no entry ages during a scenario. */
export const NEIGH = (dev: string): string =>
  `net.ipv4.neigh.${dev}.base_reachable_time_ms=3600000 net.ipv4.neigh.${dev}.delay_first_probe_time=3600`;
