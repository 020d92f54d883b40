// Bob Jenkins' lookup3 hash as the kernel has it (include/linux/jhash.h: jhash2, __jhash_mix,
// __jhash_final). The kernel uses it with fixed seeds where the choice must be the same on every run,
// as nf_nat_core.c: find_best_ips_proto() does for a NAT range's address.

export const JHASH_INITVAL = 0xdeadbeef;

/** rol32() */
const rol32 = (w: number, s: number): number => ((w << s) | (w >>> (32 - s))) >>> 0;

/** jhash2(): hash `k` (32-bit words) with `initval`; every sum wraps at 32 bits as u32 arithmetic does. */
export function jhash2(k: readonly number[], initval: number): number {
  let length = k.length;
  let a = (JHASH_INITVAL + (length << 2) + initval) >>> 0;
  let b = a;
  let c = a;
  let i = 0;
  while (length > 3) {
    a = (a + k[i]) >>> 0;
    b = (b + k[i + 1]) >>> 0;
    c = (c + k[i + 2]) >>> 0;
    // __jhash_mix()
    a = ((a - c) ^ rol32(c, 4)) >>> 0;
    c = (c + b) >>> 0;
    b = ((b - a) ^ rol32(a, 6)) >>> 0;
    a = (a + c) >>> 0;
    c = ((c - b) ^ rol32(b, 8)) >>> 0;
    b = (b + a) >>> 0;
    a = ((a - c) ^ rol32(c, 16)) >>> 0;
    c = (c + b) >>> 0;
    b = ((b - a) ^ rol32(a, 19)) >>> 0;
    a = (a + c) >>> 0;
    c = ((c - b) ^ rol32(b, 4)) >>> 0;
    b = (b + a) >>> 0;
    length -= 3;
    i += 3;
  }
  if (length === 0) return c;
  if (length === 3) c = (c + k[i + 2]) >>> 0;
  if (length >= 2) b = (b + k[i + 1]) >>> 0;
  a = (a + k[i]) >>> 0;
  // __jhash_final()
  c = ((c ^ b) - rol32(b, 14)) >>> 0;
  a = ((a ^ c) - rol32(c, 11)) >>> 0;
  b = ((b ^ a) - rol32(a, 25)) >>> 0;
  c = ((c ^ b) - rol32(b, 16)) >>> 0;
  a = ((a ^ c) - rol32(c, 4)) >>> 0;
  b = ((b ^ a) - rol32(a, 14)) >>> 0;
  c = ((c ^ b) - rol32(b, 24)) >>> 0;
  return c;
}

/** reciprocal_scale(): map a 32-bit value onto [0, range) by the high half of the 64-bit product. */
export function reciprocalScale(val: number, range: number): number {
  // (u64)val * range >> 32, done in two 16-bit halves so that no intermediate passes 2^53
  const hi = (val >>> 16) * range;
  const lo = (val & 0xffff) * range;
  return Math.floor((hi + Math.floor(lo / 0x10000)) / 0x10000) >>> 0;
}
