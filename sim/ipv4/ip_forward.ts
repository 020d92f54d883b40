// Forwarding (net/ipv4/ip_forward.c: ip_forward, ip_forward_finish).
import { decreaseTtl, ipv4Df } from '../wire/ipv4';
import { fmtIp4 } from '../core/addr';
import { ICMP_DEST_UNREACH, ICMP_EXC_TTL, ICMP_FRAG_NEEDED, ICMP_TIME_EXCEEDED } from '../wire/icmp';
import type { Skb } from '../net/skb';
import type { Rtable } from './route';
import { icmpSend, ipRtSendRedirect } from './icmp';
import { ipOutput, routeMtu } from './ip_output';
import { nfHook } from '../netfilter/hooks';
import type { Drop } from '../net/trace';

export function ipForward(skb: Skb, ip: Uint8Array, rt: Rtable & { redirectTo?: number }): void {
  const dev = skb.dev;
  const ns = dev.ns;
  const w = ns.world;
  const drop = (d: Drop) => {
    if (w.trace) w.emit({ type: 'drop', ns: ns.name, dev: dev.name, frameId: skb.id, ...d, fn: 'ip_forward' });
  };
  if (skb.pktType !== 'host') return drop({ reason: 'OTHERHOST' });
  if (ip[8] <= 1) {
    drop({ reason: 'TTL_EXCEEDED' });
    icmpSend(ns, ip, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0, { id: skb.id, inputIif: dev.ifindex });
    return;
  }
  // ip_exceeds_mtu(): too long for the way out, and DF forbids fragments
  const mtu = routeMtu(rt);
  if (ip.length > mtu && ipv4Df(ip)) {
    drop({ reason: 'PKT_TOO_BIG', mtu });
    icmpSend(ns, ip, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, mtu, { id: skb.id, inputIif: dev.ifindex });
    return;
  }
  let out: Uint8Array = new Uint8Array(ip);
  decreaseTtl(out, 0);
  // "We now generate an ICMP HOST REDIRECT giving the route we calculated."
  if (rt.redirectTo !== undefined) ipRtSendRedirect(ns, dev, out, rt.redirectTo, skb.id);
  // nf_hook(): with no rules in the namespace the hook is not entered (its hook list is empty)
  if (ns.netfilter) {
    const v = nfHook(ns, 'FORWARD', out, { in: dev, out: rt.dev, id: skb.id });
    if (v.verdict !== 'accept') return drop(v.verdict === 'drop' ? v.drop : { reason: 'NF_STOLEN' });
    out = v.ip;
  }
  if (w.trace)
    w.emit({
      type: 'route',
      ns: ns.name,
      dev: rt.dev.name,
      frameId: skb.id,
      dst: fmtIp4(rt.daddr),
      src: fmtIp4(rt.saddr),
      via: rt.gw !== null ? fmtIp4(rt.gw) : null,
      purpose: 'forward',
      local: false,
      fn: 'ip_forward',
    });
  ipOutput(ns, rt, out, { id: skb.id, inputIif: dev.ifindex, fragMax: skb.fragMax });
}
