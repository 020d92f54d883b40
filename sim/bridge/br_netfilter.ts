// Bridged IPv4 through iptables (net/bridge/br_netfilter_hooks.c), as on a machine where br_netfilter is
// loaded, like Docker's hosts and the machine the transcripts were recorded on: with
// net.bridge.bridge-nf-call-iptables=1 a frame a port receives passes PREROUTING (with the bridge as its
// input device: raw, conntrack, mangle, DNAT), and each copy the bridge sends out of a port passes
// FORWARD and POSTROUTING (in and out both the bridge). A frame that goes up to the bridge's own stack
// does not pass PREROUTING twice (ip_sabotage_in). Frames the bridge's stack sends carry no nf_bridge
// info and pass none of these.
import { ETH_HLEN, ETH_P_IP, ethType } from '../wire/ethernet';
import { ipv4Df, ipv4Dst, ipv4Src, ipv4Tos, ipv4TotalLen, ipv4Version } from '../wire/ipv4';
import { type Mac, macToBytes } from '../core/addr';
import { routeInput } from '../ipv4/route';
import { type QueuedPacket, nudConnected } from '../ipv4/neighbour';
import { type NfDrop, nfHook } from '../netfilter/hooks';
import { ipFragment } from '../ipv4/ip_do_fragment';
import type { Skb } from '../net/skb';
import type { Bridge } from './br_device';
import type { BridgePort } from './br_private';

/** br_nf_pre_routing(): brnet->call_iptables or the bridge's own BROPT_NF_CALL_IPTABLES */
function callIptables(br: Bridge): boolean {
  return br.ns.brnf['bridge-nf-call-iptables'] !== 0 || br.opts.nfCallIptables;
}

/** The IPv4 packet of an untagged frame (br_validate_ipv4() leaves the rest to the bridge alone). */
function ipOf(skb: Skb): Uint8Array | null {
  if (skb.data.length < ETH_HLEN + 20 || ethType(skb.data) !== ETH_P_IP) return null;
  const ip = skb.data.subarray(ETH_HLEN);
  if (ipv4Version(ip) !== 4) return null;
  const total = ipv4TotalLen(ip);
  return total >= 20 && total <= ip.length ? ip.subarray(0, total) : null;
}

/** The frame again around a packet NAT rewrote. */
function reframe(skb: Skb, ip: Uint8Array): Uint8Array {
  const b = new Uint8Array(ETH_HLEN + ip.length);
  b.set(skb.data.subarray(0, ETH_HLEN));
  b.set(ip, ETH_HLEN);
  return b;
}

/**
 * br_nf_pre_routing() -> br_nf_pre_routing_finish(): null when netfilter kept or dropped the frame. A
 * packet DNAT sent elsewhere goes up to the bridge's stack to be routed (PACKET_HOST to the bridge's
 * address). `okfn` is NF_HOOK's continuation (br_handle_frame_finish), for a frame held until its new
 * destination's address is known.
 */
export function brNfPreRouting(br: Bridge, skb: Skb, okfn: (br: Bridge, skb: Skb) => void): Skb | null {
  if (!callIptables(br)) return skb;
  // no table and no conntrack in this namespace yet: every hook would accept as it is, but an IPv4 frame
  // carries nf_bridge info all the same (nf_bridge_alloc()), so br_nf_dev_queue_xmit() refragments it
  // (the skb is this frame's own from here on: the bridge's input path got it from the driver)
  if (!br.ns.netfilter) {
    if (skb.data.length >= ETH_HLEN + 20 && ethType(skb.data) === ETH_P_IP) skb.nfBridge = true;
    return skb;
  }
  const ip = ipOf(skb);
  if (!ip) return skb;
  const v = nfHook(br.ns, 'PREROUTING', ip, { in: br, id: skb.id, bridged: true });
  if (v.verdict !== 'accept') {
    const w = br.ns.world;
    if (v.verdict === 'drop' && w.trace)
      w.emit({
        type: 'drop',
        ns: br.ns.name,
        dev: skb.dev.name,
        frameId: skb.id,
        ...v.drop,
        bridge: br.name,
        fn: 'br_nf_pre_routing',
      });
    return null;
  }
  let out: Skb = { ...skb, nfBridge: true };
  if (v.ip !== ip) out = { ...out, data: reframe(skb, v.ip) };
  // nf_defrag made one packet of the fragments: nf_bridge->frag_max_size for the way out
  if (v.fragMax) out = { ...out, fragMax: v.fragMax };
  const daddr = ipv4Dst(v.ip);
  if (daddr !== ipv4Dst(ip)) {
    // br_nf_ipv4_daddr_was_changed(): the new destination's input route decides
    const r = routeInput(br.ns, daddr, ipv4Src(v.ip), ipv4Tos(v.ip), br);
    if (r.kind === 'forward' && r.rt.dev === br) return bridgedDnat(br, out, r.rt.gw ?? daddr, v.ip, okfn);
    // routed from here on, by the bridge's stack (PACKET_HOST to the bridge's address)
    const d = new Uint8Array(out.data);
    macToBytes(br.mac, d, 0);
    out = { ...out, data: d, pktType: 'host' };
  }
  return out;
}

/**
 * bridged_dnat: the new destination is behind the bridge itself, so the frame stays bridged with the
 * neighbour's MAC as its destination (br_nf_pre_routing_finish_bridge()); an address still unresolved
 * is asked for first and the frame goes on once the answer comes (br_nf_pre_routing_finish_bridge_slow()).
 */
function bridgedDnat(
  br: Bridge,
  skb: Skb,
  nexthop: number,
  ip: Uint8Array,
  okfn: (br: Bridge, skb: Skb) => void,
): Skb | null {
  const tbl = br.ns.ipv4.arp;
  const n = tbl.lookup(nexthop as never, br) ?? tbl.create(nexthop as never, br);
  const withDst = (ha: Mac): Skb => {
    const d = new Uint8Array(skb.data);
    macToBytes(ha, d, 0);
    return { ...skb, data: d, pktType: ha === br.mac ? 'host' : 'otherhost' };
  };
  if (nudConnected(n.state) && n.hh) return withDst(n.ha!);
  const p: QueuedPacket = { ip, id: skb.id, bridged: (ha) => okfn(br, withDst(ha)) };
  if (tbl.eventSend(n, p)) okfn(br, withDst(n.ha!));
  return null;
}

/**
 * br_nf_forward_ip() and br_nf_post_routing() for the copy leaving through `p`: the frames to send
 * (none when a rule dropped it). Only frames that passed the bridge's PREROUTING (nf_bridge set) are
 * hooked; a packet larger than the port's MTU without DF, or one nf_defrag reassembled, leaves in fragments
 * (br_nf_dev_queue_xmit()).
 */
export function brNfForward(p: BridgePort, skb: Skb): Uint8Array[] {
  const br = p.br;
  if (!skb.nfBridge) return [skb.data];
  const ip = ipOf(skb);
  if (!ip) return [skb.data];
  const w = br.ns.world;
  const dropped = (d: NfDrop, fn: string): Uint8Array[] => {
    if (w.trace) w.emit({ type: 'drop', ns: br.ns.name, dev: p.dev.name, frameId: skb.id, ...d, bridge: br.name, fn });
    return [];
  };
  let out = ip;
  if (br.ns.netfilter) {
    const f = nfHook(br.ns, 'FORWARD', ip, { in: br, out: br, id: skb.id, bridged: true });
    if (f.verdict !== 'accept') return f.verdict === 'drop' ? dropped(f.drop, 'br_nf_forward_ip') : [];
    const po = nfHook(br.ns, 'POSTROUTING', f.ip, { out: br, id: skb.id, bridged: true });
    if (po.verdict !== 'accept') return po.verdict === 'drop' ? dropped(po.drop, 'br_nf_post_routing') : [];
    out = po.ip;
  }
  // br_nf_dev_queue_xmit(): what fits the port (or the reassembled packet's largest fragment) goes as it is
  const fragMax = skb.fragMax ?? 0;
  const mtu = fragMax && fragMax < p.dev.mtu ? fragMax : p.dev.mtu;
  if (out.length <= mtu) return [out === ip ? skb.data : reframe(skb, out)];
  // br_nf_ip_fragment(): the rest is fragmented to the MTU of the bridge's fake route, the bridge device's
  // own (fake_mtu()), unless DF is set or a fragment it came in was larger than that (IPSTATS_MIB_FRAGFAILS)
  const fmtu = br.mtu;
  if (ipv4Df(out) || fragMax > fmtu) {
    if (w.trace)
      w.emit({
        type: 'drop',
        ns: br.ns.name,
        dev: p.dev.name,
        frameId: skb.id,
        reason: 'PKT_TOO_BIG',
        mtu: fmtu,
        fn: 'br_nf_ip_fragment',
      });
    return [];
  }
  return ipFragment(out, fragMax && fragMax < fmtu ? fragMax : fmtu).map((frag) => reframe(skb, frag));
}
