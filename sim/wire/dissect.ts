// A Wireshark-like tree of a frame: layers and fields with the byte range each one covers, so the
// inspector can highlight a field in the tree and in the hex dump alike.
import { fmtIp4, fmtMac, ipFromBytes, macFromBytes } from '../core/addr';
import { ETH_HLEN, ETH_P_ARP, ETH_P_IP, ethType } from './ethernet';
import { IPPROTO_ICMP } from './ipv4';
import { inetChecksum } from './checksum';
import { fmtBridgeId, parseBpduFrame } from './bpdu';

export interface Field {
  name: string;
  /** what Wireshark shows after the name */
  value: string;
  offset: number;
  length: number;
  children?: Field[];
}

const u16 = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
const hex = (n: number, w: number) => `0x${n.toString(16).padStart(w, '0')}`;

const ETHERTYPES: Record<number, string> = { [ETH_P_IP]: 'IPv4', [ETH_P_ARP]: 'ARP' };
const ICMP_TYPES: Record<number, string> = {
  0: 'Echo (ping) reply',
  3: 'Destination unreachable',
  8: 'Echo (ping) request',
  11: 'Time-to-live exceeded',
};
const UNREACH: Record<number, string> = {
  0: 'Network unreachable',
  1: 'Host unreachable',
  2: 'Protocol unreachable',
  3: 'Port unreachable',
  13: 'Communication administratively filtered',
};

export function dissect(b: Uint8Array): Field[] {
  if (b.length < ETH_HLEN)
    return [{ name: 'Frame', value: `${b.length} bytes (truncated)`, offset: 0, length: b.length }];
  const type = ethType(b);
  const out: Field[] = [
    { name: 'Frame', value: `${b.length} bytes on wire (${b.length * 8} bits)`, offset: 0, length: b.length },
  ];
  if (type < 0x600) {
    out.push({
      name: 'IEEE 802.3 Ethernet',
      value: `Src: ${fmtMac(macFromBytes(b, 6))}, Dst: ${fmtMac(macFromBytes(b, 0))}`,
      offset: 0,
      length: 14,
      children: [
        { name: 'Destination', value: fmtMac(macFromBytes(b, 0)), offset: 0, length: 6 },
        { name: 'Source', value: fmtMac(macFromBytes(b, 6)), offset: 6, length: 6 },
        { name: 'Length', value: String(type), offset: 12, length: 2 },
      ],
    });
    const bpdu = parseBpduFrame(b);
    if (bpdu) {
      out.push({
        name: 'Logical-Link Control',
        value: 'DSAP: Spanning Tree BPDU (0x42), SSAP: Spanning Tree BPDU (0x42)',
        offset: 14,
        length: 3,
      });
      const kids: Field[] = [];
      if (bpdu.type === 'config') {
        const c = bpdu.cfg;
        kids.push(
          { name: 'BPDU Type', value: 'Configuration (0x00)', offset: 20, length: 1 },
          {
            name: 'BPDU flags',
            value: hex((c.topologyChange ? 1 : 0) | (c.topologyChangeAck ? 0x80 : 0), 2),
            offset: 21,
            length: 1,
          },
          { name: 'Root Identifier', value: fmtBridgeId(c.root), offset: 22, length: 8 },
          { name: 'Root Path Cost', value: String(c.rootPathCost), offset: 30, length: 4 },
          { name: 'Bridge Identifier', value: fmtBridgeId(c.bridgeId), offset: 34, length: 8 },
          { name: 'Port identifier', value: hex(c.portId, 4), offset: 42, length: 2 },
          { name: 'Message Age', value: String(c.messageAge / 256), offset: 44, length: 2 },
          { name: 'Max Age', value: String(c.maxAge / 256), offset: 46, length: 2 },
          { name: 'Hello Time', value: String(c.helloTime / 256), offset: 48, length: 2 },
          { name: 'Forward Delay', value: String(c.forwardDelay / 256), offset: 50, length: 2 },
        );
      } else kids.push({ name: 'BPDU Type', value: 'Topology Change Notification (0x80)', offset: 20, length: 1 });
      out.push({ name: 'Spanning Tree Protocol', value: '', offset: 17, length: b.length - 17, children: kids });
    }
    return out;
  }
  out.push({
    name: 'Ethernet II',
    value: `Src: ${fmtMac(macFromBytes(b, 6))}, Dst: ${fmtMac(macFromBytes(b, 0))}`,
    offset: 0,
    length: 14,
    children: [
      { name: 'Destination', value: fmtMac(macFromBytes(b, 0)), offset: 0, length: 6 },
      { name: 'Source', value: fmtMac(macFromBytes(b, 6)), offset: 6, length: 6 },
      { name: 'Type', value: `${ETHERTYPES[type] ?? 'Unknown'} (${hex(type, 4)})`, offset: 12, length: 2 },
    ],
  });
  if (type === ETH_P_ARP && b.length >= 42) out.push(arpTree(b, 14));
  if (type === ETH_P_IP && b.length >= 34) out.push(...ipTree(b, 14));
  return out;
}

function arpTree(b: Uint8Array, o: number): Field {
  const op = u16(b, o + 6);
  return {
    name: 'Address Resolution Protocol',
    value: op === 1 ? '(request)' : op === 2 ? '(reply)' : `(opcode ${op})`,
    offset: o,
    length: 28,
    children: [
      { name: 'Hardware type', value: `Ethernet (${u16(b, o)})`, offset: o, length: 2 },
      { name: 'Protocol type', value: `IPv4 (${hex(u16(b, o + 2), 4)})`, offset: o + 2, length: 2 },
      { name: 'Hardware size', value: String(b[o + 4]), offset: o + 4, length: 1 },
      { name: 'Protocol size', value: String(b[o + 5]), offset: o + 5, length: 1 },
      {
        name: 'Opcode',
        value: `${op === 1 ? 'request' : op === 2 ? 'reply' : 'unknown'} (${op})`,
        offset: o + 6,
        length: 2,
      },
      { name: 'Sender MAC address', value: fmtMac(macFromBytes(b, o + 8)), offset: o + 8, length: 6 },
      { name: 'Sender IP address', value: fmtIp4(ipFromBytes(b, o + 14)), offset: o + 14, length: 4 },
      { name: 'Target MAC address', value: fmtMac(macFromBytes(b, o + 18)), offset: o + 18, length: 6 },
      { name: 'Target IP address', value: fmtIp4(ipFromBytes(b, o + 24)), offset: o + 24, length: 4 },
    ],
  };
}

function ipTree(b: Uint8Array, o: number): Field[] {
  const ihl = (b[o] & 15) * 4;
  const total = u16(b, o + 2);
  const proto = b[o + 9];
  const fragOff = (((b[o + 6] & 0x1f) << 8) | b[o + 7]) * 8;
  const ok = inetChecksum(b, o, ihl) === 0;
  const ip: Field = {
    name: 'Internet Protocol Version 4',
    value: `Src: ${fmtIp4(ipFromBytes(b, o + 12))}, Dst: ${fmtIp4(ipFromBytes(b, o + 16))}`,
    offset: o,
    length: ihl,
    children: [
      { name: 'Version', value: String(b[o] >> 4), offset: o, length: 1 },
      { name: 'Header Length', value: `${ihl} bytes (${ihl / 4})`, offset: o, length: 1 },
      { name: 'Differentiated Services Field', value: hex(b[o + 1], 2), offset: o + 1, length: 1 },
      { name: 'Total Length', value: String(total), offset: o + 2, length: 2 },
      { name: 'Identification', value: `${hex(u16(b, o + 4), 4)} (${u16(b, o + 4)})`, offset: o + 4, length: 2 },
      {
        name: 'Flags',
        value: b[o + 6] & 0x40 ? "0x2, Don't fragment" : b[o + 6] & 0x20 ? '0x1, More fragments' : '0x0',
        offset: o + 6,
        length: 2,
      },
      { name: 'Fragment Offset', value: String(fragOff), offset: o + 6, length: 2 },
      { name: 'Time to Live', value: String(b[o + 8]), offset: o + 8, length: 1 },
      { name: 'Protocol', value: proto === IPPROTO_ICMP ? 'ICMP (1)' : String(proto), offset: o + 9, length: 1 },
      {
        name: 'Header Checksum',
        value: `${hex(u16(b, o + 10), 4)} [${ok ? 'correct' : 'incorrect'}]`,
        offset: o + 10,
        length: 2,
      },
      { name: 'Source Address', value: fmtIp4(ipFromBytes(b, o + 12)), offset: o + 12, length: 4 },
      { name: 'Destination Address', value: fmtIp4(ipFromBytes(b, o + 16)), offset: o + 16, length: 4 },
    ],
  };
  // a later fragment carries data only: its upper header went in the first
  if (fragOff !== 0)
    return [
      ip,
      {
        name: 'Fragment data',
        value: `${Math.min(total, b.length - o) - ihl} bytes at offset ${fragOff}`,
        offset: o + ihl,
        length: Math.min(total, b.length - o) - ihl,
      },
    ];
  if (proto !== IPPROTO_ICMP || b.length < o + ihl + 8) return [ip];
  const i = o + ihl;
  const len = Math.min(total, b.length - o) - ihl;
  const type = b[i],
    code = b[i + 1];
  const kids: Field[] = [
    { name: 'Type', value: `${type} (${ICMP_TYPES[type] ?? 'Unknown'})`, offset: i, length: 1 },
    {
      name: 'Code',
      value: type === 3 ? `${code} (${UNREACH[code] ?? 'Unknown'})` : String(code),
      offset: i + 1,
      length: 1,
    },
    {
      name: 'Checksum',
      value: `${hex(u16(b, i + 2), 4)} [${inetChecksum(b, i, len) === 0 ? 'correct' : 'incorrect'}]`,
      offset: i + 2,
      length: 2,
    },
  ];
  if (type === 0 || type === 8) {
    kids.push(
      { name: 'Identifier (BE)', value: `${u16(b, i + 4)} (${hex(u16(b, i + 4), 4)})`, offset: i + 4, length: 2 },
      { name: 'Sequence Number (BE)', value: `${u16(b, i + 6)} (${hex(u16(b, i + 6), 4)})`, offset: i + 6, length: 2 },
      { name: 'Data', value: `${len - 8} bytes`, offset: i + 8, length: len - 8 },
    );
  } else if (type === 3 || type === 11) {
    kids.push({
      name: 'Unused',
      value: hex(((b[i + 4] << 24) | (b[i + 5] << 16) | (b[i + 6] << 8) | b[i + 7]) >>> 0, 8),
      offset: i + 4,
      length: 4,
    });
    if (len >= 28) kids.push(...ipTree(b, i + 8).map((f) => ({ ...f, name: `${f.name} (the packet it is about)` })));
  }
  return [ip, { name: 'Internet Control Message Protocol', value: '', offset: i, length: len, children: kids }];
}

/** The hex dump lines: offset, 16 bytes, and their printable characters. */
export function hexDump(b: Uint8Array): string[] {
  const out: string[] = [];
  for (let o = 0; o < b.length; o += 16) {
    const row = Array.from(b.subarray(o, o + 16));
    const hx = row.map((x) => x.toString(16).padStart(2, '0')).join(' ');
    const tx = row.map((x) => (x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : '.')).join('');
    out.push(`${o.toString(16).padStart(4, '0')}  ${hx.padEnd(47)}  ${tx}`);
  }
  return out;
}
