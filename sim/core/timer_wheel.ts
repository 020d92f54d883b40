// When a kernel timer really fires (kernel/time/timer.c: calc_wheel_index, calc_index), at HZ=250. A
// timer is filed in the wheel level its delay falls in and rounded up to that level's granularity,
// never early: a 1 s timer (level 1, 8 jiffies) runs 4-36 ms late, a 5 s one (level 2, 64 jiffies) up
// to 260 ms late. Three ARP retransmissions therefore end some 50 ms after 3 s, as measured on 6.18.
// Jiffies count from virtual time 0.

/** One jiffy at HZ=250, in virtual microseconds */
export const JIFFY_US = 4000;
const LVL_CLK_SHIFT = 3;
const LVL_BITS = 6;
const LVL_SIZE = 1 << LVL_BITS;
const LVL_DEPTH = 9;

/** LVL_START(n): the first delay (in jiffies) filed in level n */
const lvlStart = (n: number) => (LVL_SIZE - 1) * 2 ** ((n - 1) * LVL_CLK_SHIFT);

/** The virtual time at which a timer armed at `now` to expire at `at` runs. */
export function timerWheelExpiry(now: number, at: number): number {
  const nowJ = Math.floor(now / JIFFY_US);
  const expires = nowJ + Math.max(0, Math.ceil((at - now) / JIFFY_US));
  const delta = expires - nowJ;
  let lvl = 0;
  while (lvl < LVL_DEPTH - 1 && delta >= lvlStart(lvl + 1)) lvl++;
  // calc_index(): expires = (expires >> LVL_SHIFT(lvl)) + 1, the bucket's expiry
  const gran = 2 ** (lvl * LVL_CLK_SHIFT);
  const bucket = (Math.floor(expires / gran) + 1) * gran;
  return bucket * JIFFY_US;
}
