// The ports at the start of a TCP or UDP header at `off` (RFC 793, RFC 768): both begin with source and
// destination port, which is all netfilter's port matches and ICMP's port-unreachable text read.
export function l4SrcPort(b: Uint8Array, off: number): number {
  return (b[off] << 8) | b[off + 1];
}
export function l4DstPort(b: Uint8Array, off: number): number {
  return (b[off + 2] << 8) | b[off + 3];
}
