// What a frame is, for its colour and label in packet flows: read from its bytes (an Ethernet frame, or
// the IP packet a socket hands to the stack before it has a link-layer header).
import {
  ETH_HLEN,
  ETH_P_802_3_MIN,
  ETH_P_ARP,
  ETH_P_IP,
  ETH_P_IPV6,
  ethType,
  ARPOP_REPLY,
  ARPOP_REQUEST,
  arpOp,
  IPPROTO_ICMP,
  IPPROTO_IGMP,
  ipv4HeaderLen,
  ipv4Protocol,
  ipv4TotalLen,
  ipv4Version,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  icmpType,
  LLC_SAP_BSPAN,
  llcDsap,
} from '../../sim/index';

export type FrameKind = 'arp-req' | 'arp-rep' | 'icmp-req' | 'icmp-rep' | 'icmp-err' | 'other';

export const KIND_LABEL: Record<FrameKind, string> = {
  'arp-req': 'ARP req',
  'arp-rep': 'ARP reply',
  'icmp-req': 'ICMP req',
  'icmp-rep': 'ICMP reply',
  'icmp-err': 'ICMP err',
  other: 'frame',
};

/** Colours shared by the diagram's shapes, the event list and the legend. */
export const KIND_COLOR: Record<FrameKind, string> = {
  'arp-req': '#b45309', // white text on it >= 4.5:1 (WCAG AA)
  'arp-rep': '#7c3aed',
  'icmp-req': '#2563eb',
  'icmp-rep': '#047857',
  'icmp-err': '#dc2626',
  other: '#64748b',
};

/** The broad class the event list filters on. */
export const kindClass = (k: FrameKind): 'arp' | 'icmp' | 'other' =>
  k.startsWith('arp') ? 'arp' : k.startsWith('icmp') ? 'icmp' : 'other';

/** An IPv4 packet without a link-layer header (what ping's socket sends): version 4 and its own length. */
export function isBareIp(b: Uint8Array): boolean {
  return b.length >= 20 && ipv4Version(b) === 4 && ipv4TotalLen(b) === b.length;
}

function ipKind(b: Uint8Array, o: number): FrameKind {
  if (b.length < o + 20 || ipv4Protocol(b, o) !== IPPROTO_ICMP) return 'other';
  const t: number | undefined = icmpType(b, o + ipv4HeaderLen(b, o));
  if (t === ICMP_ECHO) return 'icmp-req';
  if (t === ICMP_ECHOREPLY) return 'icmp-rep';
  return t === undefined ? 'other' : 'icmp-err';
}

export function frameKind(b: Uint8Array): FrameKind {
  if (isBareIp(b)) return ipKind(b, 0);
  if (b.length < ETH_HLEN) return 'other';
  const type = ethType(b);
  if (type === ETH_P_ARP && b.length >= ETH_HLEN + 8) {
    const op = arpOp(b, ETH_HLEN);
    return op === ARPOP_REQUEST ? 'arp-req' : op === ARPOP_REPLY ? 'arp-rep' : 'other';
  }
  return type === ETH_P_IP ? ipKind(b, ETH_HLEN) : 'other';
}

/** A short name for a frame the flows do not colour (so an IGMP report or a BPDU says what it is). */
export function otherLabel(b: Uint8Array): string {
  if (isBareIp(b)) return ipv4Protocol(b) === IPPROTO_IGMP ? 'IGMP' : 'IP';
  if (b.length < ETH_HLEN) return 'frame';
  const type = ethType(b);
  if (type < ETH_P_802_3_MIN) return llcDsap(b) === LLC_SAP_BSPAN ? 'STP' : 'LLC';
  if (type === ETH_P_IP) return b.length > ETH_HLEN + 9 && ipv4Protocol(b, ETH_HLEN) === IPPROTO_IGMP ? 'IGMP' : 'IP';
  if (type === ETH_P_IPV6) return 'IPv6';
  return 'frame';
}

export const labelOf = (b: Uint8Array, k: FrameKind) => (k === 'other' ? otherLabel(b) : KIND_LABEL[k]);
