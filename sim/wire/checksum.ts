// The Internet checksum (RFC 1071), as ip_fast_csum()/csum_fold() compute it.

export function inetChecksum(b: Uint8Array, off: number, len: number): number {
  let sum = 0;
  const end = off + len - 1;
  let i = off;
  for (; i < end; i += 2) sum += (b[i] << 8) | b[i + 1];
  if (i === end) sum += b[i] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
