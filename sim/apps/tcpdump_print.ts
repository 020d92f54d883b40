// How tcpdump -n [-e] prints the frames this simulator carries (tcpdump 4.99: print-ether.c, print-arp.c,
// print-ip.c, print-icmp.c).
import { fmtIp4, fmtMac } from '../core/addr';
import { ARPOP_REPLY, ARPOP_REQUEST, parseArp } from '../wire/arp';
import { ETH_HLEN, ETH_P_802_3_MIN, ETH_P_ARP, ETH_P_IP, ethType, parseEthernet } from '../wire/ethernet';
import {
  IPPROTO_ICMP,
  IPPROTO_IGMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  ipv4Dst,
  ipv4HeaderLen,
  ipv4Protocol,
  parseIpv4,
} from '../wire/ipv4';
import { icmpCode, icmpEchoId, icmpEchoSeq, icmpInfo, icmpInfoLow, icmpType } from '../wire/icmp';
import {
  IGMP_HOST_MEMBERSHIP_QUERY,
  IGMPV2_HOST_MEMBERSHIP_REPORT,
  IGMPV3_HOST_MEMBERSHIP_REPORT,
  igmpGroup,
  igmpType,
  igmpv3Records,
} from '../wire/igmp';
import { l4DstPort } from '../wire/ports';
import { fmtBridgeId, isStpLlc, parseBpduFrame } from '../wire/bpdu';

const ICMP_UNREACH_CODES: Record<number, (dst: string, inner: Uint8Array, mtu: number) => string> = {
  0: (d) => `net ${d} unreachable`,
  1: (d) => `host ${d} unreachable`,
  2: (d, b) => `${d} protocol ${ipv4Protocol(b)} unreachable`,
  4: (d, _b, mtu) => `${d} unreachable - need to frag (mtu ${mtu})`,
  3: (d, b) => {
    const port = l4DstPort(b, ipv4HeaderLen(b));
    const proto = ipv4Protocol(b);
    return proto === IPPROTO_TCP
      ? `${d} tcp port ${port} unreachable`
      : proto === IPPROTO_UDP
        ? `${d} udp port ${port} unreachable`
        : `${d} protocol ${proto} port ${port} unreachable`;
  },
  9: (d) => `net ${d} unreachable - admin prohibited`,
  10: (d) => `host ${d} unreachable - admin prohibited`,
  13: (d) => `host ${d} unreachable - admin prohibited filter`,
};

function icmpText(b: Uint8Array, off: number, len: number): string {
  const type = icmpType(b, off);
  const code = icmpCode(b, off);
  switch (type) {
    case 0:
    case 8: {
      const id = icmpEchoId(b, off);
      const seq = icmpEchoSeq(b, off);
      return `ICMP echo ${type === 8 ? 'request' : 'reply'}, id ${id}, seq ${seq}, length ${len}`;
    }
    case 3: {
      const inner = b.subarray(off + 8);
      const dst = inner.length >= 20 ? fmtIp4(ipv4Dst(inner)) : '?';
      const f = ICMP_UNREACH_CODES[code];
      return `ICMP ${f ? f(dst, inner, icmpInfoLow(b, off)) : `unreachable code ${code}`}, length ${len}`;
    }
    case 5: {
      const inner = b.subarray(off + 8);
      const dst = inner.length >= 20 ? fmtIp4(ipv4Dst(inner)) : '?';
      const gw = fmtIp4(icmpInfo(b, off));
      const what = ['net', 'host', 'tos-net', 'tos-host'][code] ?? `#${code}`;
      return `ICMP redirect ${dst} to ${what} ${gw}, length ${len}`;
    }
    case 11:
      return `ICMP time exceeded in-${code === 0 ? 'transit' : 'reassembly'}, length ${len}`;
    default:
      return `ICMP type-#${type}, length ${len}`;
  }
}

/** print-igmp.c without -v */
function igmpText(b: Uint8Array, off: number): string {
  const type = igmpType(b, off);
  if (type === IGMPV3_HOST_MEMBERSHIP_REPORT) return `igmp v3 report, ${igmpv3Records(b, off)} group record(s)`;
  if (type === IGMP_HOST_MEMBERSHIP_QUERY) return 'igmp query v3';
  if (type === IGMPV2_HOST_MEMBERSHIP_REPORT) return `igmp v2 report ${fmtIp4(igmpGroup(b, off))}`;
  return `igmp type 0x${type.toString(16)}`;
}

/** The part after the link-layer header, as tcpdump prints it with or without -e. */
function payloadText(data: Uint8Array, ethertype: number, withE: boolean): string {
  if (ethertype === ETH_P_ARP) {
    const a = parseArp(data, ETH_HLEN);
    const prefix = withE ? '' : 'ARP, ';
    if (!a) return `${prefix}Unknown, length ${data.length - ETH_HLEN}`;
    const len = data.length - ETH_HLEN;
    if (a.op === ARPOP_REQUEST) {
      const tha = a.tha !== 0 ? ` (${fmtMac(a.tha)})` : '';
      return `${prefix}Request who-has ${fmtIp4(a.tip)}${tha} tell ${fmtIp4(a.sip)}, length ${len}`;
    }
    if (a.op === ARPOP_REPLY) return `${prefix}Reply ${fmtIp4(a.sip)} is-at ${fmtMac(a.sha)}, length ${len}`;
    return `${prefix}Unknown (${a.op}), length ${len}`;
  }
  if (ethertype === ETH_P_IP) {
    const h = parseIpv4(data, ETH_HLEN);
    const prefix = withE ? '' : 'IP ';
    if (!h) return `${prefix}truncated-ip`;
    // ip_print(): past the first fragment there is no upper header to show
    if (h.fragOff !== 0) return `${prefix}${fmtIp4(h.src)} > ${fmtIp4(h.dst)}: ip-proto-${h.protocol}`;
    const body =
      h.protocol === IPPROTO_ICMP
        ? icmpText(data, ETH_HLEN + h.ihl, h.totalLen - h.ihl)
        : h.protocol === IPPROTO_IGMP
          ? igmpText(data, ETH_HLEN + h.ihl)
          : `ip-proto-${h.protocol} ${h.totalLen - h.ihl}`;
    return `${prefix}${fmtIp4(h.src)} > ${fmtIp4(h.dst)}: ${body}`;
  }
  return `ethertype Unknown (0x${ethertype.toString(16).padStart(4, '0')}), length ${data.length}`;
}

const ETHERTYPE_NAME: Record<number, string> = { [ETH_P_ARP]: 'ARP', [ETH_P_IP]: 'IPv4' };

/** print-stp.c: a configuration or TCN BPDU after its LLC header. */
function stpText(data: Uint8Array): string {
  const b = parseBpduFrame(data);
  if (!b) return 'STP 802.1d, unknown';
  if (b.type === 'tcn') return 'STP 802.1d, Topology Change, length 4';
  const f =
    [b.cfg.topologyChange ? 'Topology change' : '', b.cfg.topologyChangeAck ? 'Topology change ACK' : '']
      .filter(Boolean)
      .join(', ') || 'none';
  return `STP 802.1d, Config, Flags [${f}], bridge-id ${fmtBridgeId(b.cfg.bridgeId)}.${b.cfg.portId.toString(16).padStart(4, '0')}, length 35`;
}

/** One line of `tcpdump -t -n [-e]`. */
export function formatFrame(data: Uint8Array, withE: boolean): string {
  const eth = parseEthernet(data);
  if (!eth) return `[|ether]`;
  if (eth.ethertype < ETH_P_802_3_MIN) {
    const stp = isStpLlc(data);
    const body = stp ? stpText(data) : `LLC, length ${eth.ethertype}`;
    if (!withE) return body;
    return `${fmtMac(eth.src)} > ${fmtMac(eth.dst)}, 802.3, length ${eth.ethertype}: ${stp ? 'LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: ' : ''}${body}`;
  }
  const rest = payloadText(data, eth.ethertype, withE);
  if (!withE) return rest;
  const name = ETHERTYPE_NAME[eth.ethertype] ?? 'Unknown';
  return `${fmtMac(eth.src)} > ${fmtMac(eth.dst)}, ethertype ${name} (0x${eth.ethertype.toString(16).padStart(4, '0')}), length ${data.length}: ${rest}`;
}

/** The capture filter `arp or icmp`. */
export function matchesArpOrIcmp(data: Uint8Array): boolean {
  const t = ethType(data);
  if (t === ETH_P_ARP) return true;
  return t === ETH_P_IP && data.length > ETH_HLEN + 9 && ipv4Protocol(data, ETH_HLEN) === IPPROTO_ICMP;
}
