// The Internet checksum (RFC 1071), as ip_fast_csum()/csum_fold() compute it.

export function inetChecksum(b: Uint8Array, off: number, len: number): number {
  return csumFold(csumPartial(b, off, len));
}

/** csum_partial(): the 16-bit big-endian words of b[off, off + len) added up (an odd last byte as the high
 *  byte of a word), not yet folded; sums of parts add up to the whole's (at an even offset between them). */
export function csumPartial(b: Uint8Array, off: number, len: number): number {
  let sum = 0;
  const end = off + len - 1;
  let i = off;
  // four words a turn, then the rest: a quarter of the loop's own steps (a header is 10 words, an echo 32)
  for (const end8 = off + len - 7; i < end8; i += 8)
    sum +=
      ((b[i] << 8) | b[i + 1]) +
      ((b[i + 2] << 8) | b[i + 3]) +
      ((b[i + 4] << 8) | b[i + 5]) +
      ((b[i + 6] << 8) | b[i + 7]);
  for (; i < end; i += 2) sum += (b[i] << 8) | b[i + 1];
  if (i === end) sum += b[i] << 8;
  return sum;
}

/** csum_fold(): a sum of words (below 2^32) folded to 16 bits with end-around carry, complemented. */
export function csumFold(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** Zeroes the checksum field at `csumOff`, then writes the checksum of b[off, off + len) there. */
export function setChecksum(b: Uint8Array, off: number, len: number, csumOff: number): void {
  b[csumOff] = 0;
  b[csumOff + 1] = 0;
  const c = inetChecksum(b, off, len);
  b[csumOff] = c >>> 8;
  b[csumOff + 1] = c & 255;
}

/**
 * Replaces the 16-bit word at `off` with `v` and updates the checksum at `csumOff` that covers it
 * (RFC 1624, inet_proto_csum_replace2()); a checksum outside the buffer (or at -1) is left alone.
 */
export function csumReplace16(b: Uint8Array, off: number, csumOff: number, v: number): void {
  const old = (b[off] << 8) | b[off + 1];
  if (old === v) return;
  b[off] = v >>> 8;
  b[off + 1] = v & 255;
  if (csumOff < 0 || b.length < csumOff + 2) return;
  let c = (~((b[csumOff] << 8) | b[csumOff + 1]) & 0xffff) + (~old & 0xffff) + v;
  c = (c & 0xffff) + (c >>> 16);
  c = (c & 0xffff) + (c >>> 16);
  const n = ~c & 0xffff;
  b[csumOff] = n >>> 8;
  b[csumOff + 1] = n & 255;
}
