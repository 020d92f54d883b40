// IPv4 reassembly (net/ipv4/ip_fragment.c: ip_defrag, ip_frag_queue, ip_frag_reasm, ip_expire): the
// receiver keeps the pieces by (source, destination, id, protocol) until they cover the packet, or gives up
// after ipfrag_time (30 s) and, if it had the first piece, tells the sender with ICMP time exceeded
// (fragment reassembly). The sending side is ip_do_fragment.ts.
import { parseIpv4, ipv4Df, ipv4FixHeader as fixHeader, ipv4HeaderLen, ipv4SetFrag as setFragOff } from '../wire/ipv4';
import { ICMP_TIME_EXCEEDED } from '../wire/icmp';
import type { Netns } from '../net/netns';
import type { Timer } from '../core/scheduler';
import { icmpSend } from './icmp';

/** ICMP_EXC_FRAGTIME */
const ICMP_EXC_FRAGTIME = 1;
/** net.ipv4.ipfrag_time */
const IPFRAG_TIME_US = 30_000_000;

interface FragQueue {
  pieces: { off: number; data: Uint8Array }[];
  /** the longest fragment (IPCB(skb)->frag_max_size) */
  maxSize: number;
  /** the first piece's header (offset 0), once it came */
  head: Uint8Array | null;
  /** the total payload length, known from the last piece */
  len: number | null;
  timer: Timer;
}

const queues = new WeakMap<Netns, Map<string, FragQueue>>();

/**
 * ip_defrag(): null while pieces are missing, else the whole packet (the first piece's header, the
 * offset cleared). Overlapping pieces are taken as they come (the kernel drops the queue on overlap).
 */
/** `user` keeps local delivery and nf_defrag apart; the longest piece's size comes back with the packet. */
export function ipDefrag(
  ns: Netns,
  ip: Uint8Array,
  user: 'local' | 'conntrack',
): { ip: Uint8Array; fragMax: number } | null {
  const h = parseIpv4(ip);
  if (!h) return null;
  let all = queues.get(ns);
  if (!all) queues.set(ns, (all = new Map()));
  const key = `${user} ${h.src} ${h.dst} ${h.id} ${h.protocol}`;
  let q = all.get(key);
  if (!q) {
    const fresh: FragQueue = {
      pieces: [],
      maxSize: 0,
      head: null,
      len: null,
      timer: ns.world.sched.after(IPFRAG_TIME_US, () => {
        // ip_expire(): only a queue holding the first piece can quote it
        all!.delete(key);
        if (fresh.head)
          icmpSend(ns, fresh.head, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME, 0, {
            id: ns.world.nextFrameId(),
            dstLocal: true,
          });
      }),
    };
    q = fresh;
    all.set(key, q);
  }
  const data = ip.subarray(h.ihl, h.totalLen);
  q.maxSize = Math.max(q.maxSize, h.totalLen);
  if (h.fragOff === 0) q.head = ip.slice(0, h.totalLen);
  if (!h.mf) q.len = h.fragOff + data.length;
  if (!q.pieces.some((p) => p.off === h.fragOff)) q.pieces.push({ off: h.fragOff, data: data.slice() });
  if (q.len === null || !q.head) return null;
  q.pieces.sort((a, b) => a.off - b.off);
  let have = 0;
  for (const p of q.pieces) {
    if (p.off > have) return null;
    have = Math.max(have, p.off + p.data.length);
  }
  if (have < q.len) return null;
  // ip_frag_reasm()
  ns.world.sched.cancel(q.timer);
  all.delete(key);
  const hlen = ipv4HeaderLen(q.head);
  const whole = new Uint8Array(hlen + q.len);
  whole.set(q.head.subarray(0, hlen));
  for (const p of q.pieces) whole.set(p.data.subarray(0, Math.min(p.data.length, q.len - p.off)), hlen + p.off);
  setFragOff(whole, 0, false, ipv4Df(q.head));
  fixHeader(whole, hlen);
  return { ip: whole, fragMax: q.maxSize };
}
