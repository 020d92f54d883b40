// IPv4 and MAC addresses as branded numbers, made only by the parsers here.

export type Ip4 = number & { readonly __brand: 'Ip4' };
export type Mac = number & { readonly __brand: 'Mac' };

export const ip4 = (n: number): Ip4 => (n >>> 0) as Ip4;
export const ANY: Ip4 = ip4(0);

/** inet_aton-strict dotted quad; undefined when malformed. */
export function parseIp4(s: string): Ip4 | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let v = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return undefined;
    v = v * 256 + o;
  }
  return ip4(v);
}

export function fmtIp4(a: number): string {
  return `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

export function prefixMask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

export function inPrefix(a: number, net: number, len: number): boolean {
  const m = prefixMask(len);
  return (a & m) >>> 0 === (net & m) >>> 0;
}

export function isMulticastIp(a: number): boolean {
  return a >>> 28 === 0xe;
}

export function isLoopbackIp(a: number): boolean {
  return a >>> 24 === 127;
}

export function isZeronetIp(a: number): boolean {
  return a >>> 24 === 0;
}

const TWO32 = 0x100000000;
const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
export const mac = (n: number): Mac => n as Mac;
export const BCAST_MAC: Mac = mac(0xffffffffffff);
export const ZERO_MAC: Mac = mac(0);

export function parseMac(s: string): Mac | undefined {
  const m =
    /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})$/.exec(
      s,
    );
  if (!m) return undefined;
  let v = 0;
  for (let i = 1; i <= 6; i++) v = v * 256 + parseInt(m[i], 16);
  return mac(v);
}

export function fmtMac(a: number, upper = false): string {
  const hi = Math.floor(a / TWO32);
  const lo = a >>> 0;
  // six lookups in a table of two-digit hex, no array and no callback per byte (listings and traced frames)
  const s = `${HEX2[(hi >>> 8) & 255]}:${HEX2[hi & 255]}:${HEX2[(lo >>> 24) & 255]}:${HEX2[(lo >>> 16) & 255]}:${HEX2[(lo >>> 8) & 255]}:${HEX2[lo & 255]}`;
  return upper ? s.toUpperCase() : s;
}

export function macFromBytes(b: Uint8Array, off: number): Mac {
  // a cast, not mac(): per frame, before the JIT has inlined anything, every call counts
  return (((b[off] << 8) | b[off + 1]) * TWO32 +
    (((b[off + 2] << 24) | (b[off + 3] << 16) | (b[off + 4] << 8) | b[off + 5]) >>> 0)) as Mac;
}

export function macToBytes(a: number, b: Uint8Array, off: number): void {
  const hi = Math.floor(a / TWO32);
  const lo = a >>> 0;
  b[off] = (hi >>> 8) & 255;
  b[off + 1] = hi & 255;
  b[off + 2] = (lo >>> 24) & 255;
  b[off + 3] = (lo >>> 16) & 255;
  b[off + 4] = (lo >>> 8) & 255;
  b[off + 5] = lo & 255;
}

export function isMulticastMac(a: number): boolean {
  // `&` truncates the quotient (below 2^16) as floor() would: no builtin's call per frame
  return ((a / TWO32) & 0x0100) !== 0;
}

export function isValidEtherMac(a: number): boolean {
  return a !== 0 && !isMulticastMac(a);
}

/** eth_random_addr(): random bytes, unicast, locally administered. */
export function randomMac(bytes: Uint8Array): Mac {
  const b = bytes.slice(0, 6);
  b[0] = (b[0] & 0xfe) | 0x02;
  return macFromBytes(b, 0);
}

export function ipFromBytes(b: Uint8Array, off: number): Ip4 {
  return (((b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3]) >>> 0) as Ip4;
}

export function ipToBytes(a: number, b: Uint8Array, off: number): void {
  b[off] = (a >>> 24) & 255;
  b[off + 1] = (a >>> 16) & 255;
  b[off + 2] = (a >>> 8) & 255;
  b[off + 3] = a & 255;
}
