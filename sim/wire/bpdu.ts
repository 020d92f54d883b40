// 802.1D configuration and TCN BPDUs in 802.3/LLC frames (net/bridge/br_stp_bpdu.c, net/llc).
import { type Mac, macToBytes } from '../core/addr';

export const STP_GROUP_ADDR = 0x0180c2000000 as Mac;
export const BPDU_TYPE_CONFIG = 0;
export const BPDU_TYPE_TCN = 0x80;

export interface ConfigBpdu {
  topologyChange: boolean;
  topologyChangeAck: boolean;
  /** 8-byte ids as 16 hex digits: priority then MAC */
  root: string;
  rootPathCost: number;
  bridgeId: string;
  portId: number;
  /** times in 1/256 s, as on the wire */
  messageAge: number;
  maxAge: number;
  helloTime: number;
  forwardDelay: number;
}

export type Bpdu = { type: 'config'; cfg: ConfigBpdu } | { type: 'tcn' };

function putId(b: Uint8Array, off: number, id: string): void {
  for (let i = 0; i < 8; i++) b[off + i] = parseInt(id.slice(i * 2, i * 2 + 2), 16);
}

function getId(b: Uint8Array, off: number): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += b[off + i].toString(16).padStart(2, '0');
  return s;
}

/** br_send_config_bpdu()/br_send_tcn_bpdu() + llc_mac_hdr_init(): the whole frame. */
export function emitBpduFrame(src: Mac, bpdu: Bpdu): Uint8Array {
  const body = bpdu.type === 'config' ? 35 : 4;
  const b = new Uint8Array(14 + 3 + body);
  macToBytes(STP_GROUP_ADDR, b, 0);
  macToBytes(src, b, 6);
  const len = 3 + body;
  b[12] = len >> 8;
  b[13] = len & 255;
  b[14] = 0x42;
  b[15] = 0x42;
  b[16] = 0x03;
  const o = 17;
  if (bpdu.type === 'tcn') {
    b[o + 3] = BPDU_TYPE_TCN;
    return b;
  }
  const c = bpdu.cfg;
  b[o + 3] = BPDU_TYPE_CONFIG;
  b[o + 4] = (c.topologyChange ? 0x01 : 0) | (c.topologyChangeAck ? 0x80 : 0);
  putId(b, o + 5, c.root);
  const dv = new DataView(b.buffer);
  dv.setUint32(o + 13, c.rootPathCost);
  putId(b, o + 17, c.bridgeId);
  dv.setUint16(o + 25, c.portId);
  dv.setUint16(o + 27, c.messageAge);
  dv.setUint16(o + 29, c.maxAge);
  dv.setUint16(o + 31, c.helloTime);
  dv.setUint16(o + 33, c.forwardDelay);
  return b;
}

/** br_stp_rcv(): the BPDU in a frame addressed to the STP group, if it is one. */
/** LLC_SAP_BSPAN: the LLC SAP of spanning tree */
export const LLC_SAP_BSPAN = 0x42;
/** the DSAP of an 802.3 frame's LLC header */
export const llcDsap = (b: Uint8Array): number => b[14];
/** an 802.3 frame whose LLC header has spanning tree's SAP on both sides */
export const isStpLlc = (b: Uint8Array): boolean => b[14] === LLC_SAP_BSPAN && b[15] === LLC_SAP_BSPAN;

export function parseBpduFrame(b: Uint8Array): Bpdu | undefined {
  const len = (b[12] << 8) | b[13];
  if (len >= 0x600 || b.length < 21 || b[14] !== 0x42 || b[15] !== 0x42 || b[16] !== 0x03) return undefined;
  const o = 17;
  if (b[o] !== 0 || b[o + 1] !== 0) return undefined;
  if (b[o + 3] === BPDU_TYPE_TCN) return { type: 'tcn' };
  if (b[o + 3] !== BPDU_TYPE_CONFIG || b.length < o + 35) return undefined;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    type: 'config',
    cfg: {
      topologyChange: (b[o + 4] & 0x01) !== 0,
      topologyChangeAck: (b[o + 4] & 0x80) !== 0,
      root: getId(b, o + 5),
      rootPathCost: dv.getUint32(o + 13),
      bridgeId: getId(b, o + 17),
      portId: dv.getUint16(o + 25),
      messageAge: dv.getUint16(o + 27),
      maxAge: dv.getUint16(o + 29),
      helloTime: dv.getUint16(o + 31),
      forwardDelay: dv.getUint16(o + 33),
    },
  };
}

/** tcpdump's "8000.52:54:00:12:35:01" for an 8-byte bridge id. */
export function fmtBridgeId(id: string): string {
  const mac = id.slice(4).match(/../g)!.join(':');
  return `${id.slice(0, 4)}.${mac}`;
}
