// IPv4 fragmentation on the way out (net/ipv4/ip_output.c: ip_do_fragment's slow path): a packet longer
// than the route's MTU leaves in pieces of a multiple of 8 bytes, each with the whole header (the model's
// packets carry no options worth copying). Reassembly is ip_fragment.ts, as in the kernel.
import { parseIpv4, ipv4FixHeader as fixHeader, ipv4SetFrag as setFragOff } from '../wire/ipv4';

/** ip_do_fragment(): the pieces, in order; a fragment being fragmented again keeps its offset and MF. */
export function ipFragment(ip: Uint8Array, mtu: number): Uint8Array[] {
  const h = parseIpv4(ip)!;
  const hlen = h.ihl;
  const chunk = (mtu - hlen) & ~7;
  const out: Uint8Array[] = [];
  let left = h.totalLen - hlen;
  let pos = hlen;
  let off = h.fragOff;
  while (left > 0) {
    const len = left > mtu - hlen ? chunk : left;
    const f = new Uint8Array(hlen + len);
    f.set(ip.subarray(0, hlen));
    f.set(ip.subarray(pos, pos + len), hlen);
    left -= len;
    setFragOff(f, off, left > 0 || h.mf, false);
    fixHeader(f, hlen);
    out.push(f);
    pos += len;
    off += len;
  }
  return out;
}
