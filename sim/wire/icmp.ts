// ICMP for IPv4 (RFC 792, include/uapi/linux/icmp.h): echo and the errors the stack sends.
import { csumFold, csumPartial, inetChecksum } from './checksum';
import { withHeadroom } from './headroom';
import { IPV4_HLEN, ipv4HeaderLen } from './ipv4';

export const ICMP_ECHOREPLY = 0;
export const ICMP_DEST_UNREACH = 3;
export const ICMP_ECHO = 8;
export const ICMP_REDIRECT = 5;
export const ICMP_REDIR_HOST = 1;
export const ICMP_TIME_EXCEEDED = 11;

export const ICMP_NET_UNREACH = 0;
export const ICMP_HOST_UNREACH = 1;
export const ICMP_FRAG_NEEDED = 4;
export const ICMP_PKT_FILTERED = 13;
export const ICMP_EXC_TTL = 0;

// Field accessors of the ICMP header at `off` (type, code, echo id and seq, the redirect's gateway).
export const ICMP_CHECK_OFF = 2;
export const ICMP_ECHO_ID_OFF = 4;
export function icmpType(b: Uint8Array, off: number): number {
  return b[off];
}
export function icmpCode(b: Uint8Array, off: number): number {
  return b[off + 1];
}
export function icmpEchoId(b: Uint8Array, off: number): number {
  return (b[off + 4] << 8) | b[off + 5];
}
export function icmpEchoSeq(b: Uint8Array, off: number): number {
  return (b[off + 6] << 8) | b[off + 7];
}
/** the second word: a redirect's gateway, frag-needed's next-hop MTU in its low half */
export function icmpInfo(b: Uint8Array, off: number): number {
  return ((b[off + 4] << 24) | (b[off + 5] << 16) | (b[off + 6] << 8) | b[off + 7]) >>> 0;
}
/** the low half of the second word (frag-needed's MTU) */
export function icmpInfoLow(b: Uint8Array, off: number): number {
  return (b[off + 6] << 8) | b[off + 7];
}

/**
 * Where the ICMP header an error quotes starts in `inner` (the quoted IPv4 header and at least 8 bytes
 * after it), or -1 when the quote is too short for one.
 */
export function quotedIcmpOff(inner: Uint8Array): number {
  if (inner.length < IPV4_HLEN) return -1;
  const ihl = ipv4HeaderLen(inner);
  return ihl >= IPV4_HLEN && inner.length >= ihl + 8 ? ihl : -1;
}

export type IcmpRepr =
  | { kind: 'echo'; type: typeof ICMP_ECHO | typeof ICMP_ECHOREPLY; id: number; seq: number; data: Uint8Array }
  | { kind: 'error'; type: number; code: number; info: number; original: Uint8Array }
  | { kind: 'other'; type: number; code: number; body: Uint8Array };

export function parseIcmp(b: Uint8Array, off: number, len: number): (IcmpRepr & { checksumOk: boolean }) | undefined {
  if (len < 8 || b.length < off + len) return undefined;
  const type = b[off];
  const code = b[off + 1];
  const checksumOk = inetChecksum(b, off, len) === 0;
  if (type === ICMP_ECHO || type === ICMP_ECHOREPLY) {
    return {
      kind: 'echo',
      type,
      checksumOk,
      id: icmpEchoId(b, off),
      seq: icmpEchoSeq(b, off),
      data: b.subarray(off + 8, off + len),
    };
  }
  if (type === ICMP_DEST_UNREACH || type === ICMP_TIME_EXCEEDED || type === ICMP_REDIRECT) {
    const info = icmpInfo(b, off);
    return { kind: 'error', type, code, info, checksumOk, original: b.subarray(off + 8, off + len) };
  }
  return { kind: 'other', type, code, checksumOk, body: b.subarray(off + 4, off + len) };
}

export function emitIcmp(r: IcmpRepr): Uint8Array {
  let b: Uint8Array;
  switch (r.kind) {
    case 'echo':
      b = withHeadroom(8 + r.data.length, 34);
      b[0] = r.type;
      b[4] = (r.id >>> 8) & 255;
      b[5] = r.id & 255;
      b[6] = (r.seq >>> 8) & 255;
      b[7] = r.seq & 255;
      b.set(r.data, 8);
      break;
    case 'error':
      b = withHeadroom(8 + r.original.length, 34);
      b[0] = r.type;
      b[1] = r.code;
      b[4] = (r.info >>> 24) & 255;
      b[5] = (r.info >>> 16) & 255;
      b[6] = (r.info >>> 8) & 255;
      b[7] = r.info & 255;
      b.set(r.original, 8);
      break;
    case 'other':
      b = new Uint8Array(4 + r.body.length);
      b[0] = r.type;
      b[1] = r.code;
      b.set(r.body, 4);
      break;
  }
  const c = inetChecksum(b, 0, b.length);
  b[2] = c >>> 8;
  b[3] = c & 255;
  return b;
}

/** An echo request (type 8, code 0) of `data` with headroom for IPv4 and Ethernet, as emitIcmp() makes it from an
 *  echo IcmpRepr, with no IcmpRepr per packet. */
export function emitEchoRequest(id: number, seq: number, data: Uint8Array, dataSum?: number): Uint8Array {
  const b = withHeadroom(8 + data.length, 34);
  b[0] = ICMP_ECHO;
  b[4] = (id >>> 8) & 255;
  b[5] = id & 255;
  b[6] = (seq >>> 8) & 255;
  b[7] = seq & 255;
  b.set(data, 8);
  // `dataSum`: csumPartial() of `data`, when the sender keeps it (the header's words are added to it)
  const c =
    dataSum === undefined
      ? inetChecksum(b, 0, b.length)
      : csumFold((ICMP_ECHO << 8) + (id & 0xffff) + (seq & 0xffff) + dataSum);
  b[2] = c >>> 8;
  b[3] = c & 255;
  return b;
}

/** csumPartial() of ping's data with the send time's bytes (0-3 and 8-11: the timeval's low words, written
 *  per request) taken as zero: what stays the same from one request to the next. At least 16 bytes. */
export function echoPatternSum(data: Uint8Array): number {
  return csumPartial(data, 4, 4) + csumPartial(data, 12, data.length - 12);
}

/** csumPartial() of ping's data: the kept sum of the rest (echoPatternSum()) and the send time's words. */
export function echoDataSum(data: Uint8Array, patternSum: number): number {
  return (
    patternSum +
    ((data[0] << 8) | data[1]) +
    ((data[2] << 8) | data[3]) +
    ((data[8] << 8) | data[9]) +
    ((data[10] << 8) | data[11])
  );
}

/** icmp_echo(): the reply to the echo request of `len` bytes at `off` (its id, seq and data, type 0, code 0),
 *  copied from the request in one go with headroom for IPv4 and Ethernet; no IcmpRepr per packet. */
export function emitEchoReply(req: Uint8Array, off: number, len: number): Uint8Array {
  const b = withHeadroom(len, 34);
  b.set(req.subarray(off, off + len));
  b[0] = ICMP_ECHOREPLY;
  b[1] = 0;
  b[2] = 0;
  b[3] = 0;
  const c = inetChecksum(b, 0, len);
  b[2] = c >>> 8;
  b[3] = c & 255;
  return b;
}

/** emitEchoReply() for a request whose checksum was verified (icmp_rcv() did): the reply's checksum is the
 *  request's, updated for the one word that changes (type 8 and its code become 0 0; RFC 1624 eqn. 3, as
 *  inet_proto_csum_replace2() does), instead of summing the whole message again. Same bytes: both are
 *  the ones' complement sum's one representative in [1, 0xffff], complemented. */
export function emitEchoReplyVerified(req: Uint8Array, off: number, len: number): Uint8Array {
  const b = withHeadroom(len, 34);
  b.set(req.subarray(off, off + len));
  const old = (b[0] << 8) | b[1];
  const hc = (b[2] << 8) | b[3];
  b[0] = ICMP_ECHOREPLY;
  b[1] = 0;
  let c = (~hc & 0xffff) + (~old & 0xffff);
  c = (c & 0xffff) + (c >>> 16);
  c = (c & 0xffff) + (c >>> 16);
  const n = ~c & 0xffff;
  b[2] = n >>> 8;
  b[3] = n & 255;
  return b;
}
