// Room in front of a payload for the headers still to come, as an skb reserves headroom: a layer that
// owns the bytes before its payload writes its header there instead of copying the payload again.
// Ownership is kept for the few most recent buffers only (headers are pushed in the same call chain);
// an older payload just gets copied, which is always correct.

interface Room {
  buf: ArrayBufferLike;
  /** where the current head of the packet starts; only a view starting exactly there may grow */
  start: number;
}

const RING = 8;
const ring: Room[] = [];
let next = 0;

/** A payload of `len` bytes with `room` bytes reserved in front of it. */
export function withHeadroom(len: number, room: number): Uint8Array {
  const buf = new ArrayBuffer(room + len);
  ring[next] = { buf, start: room };
  next = (next + 1) % RING;
  return new Uint8Array(buf, room, len);
}

/** The payload extended `n` bytes to the front, if those bytes were reserved for it; else undefined. */
export function pushHeader(payload: Uint8Array, n: number): Uint8Array | undefined {
  for (let i = 0; i < ring.length; i++) {
    const r = ring[i];
    if (r.buf !== payload.buffer || r.start !== payload.byteOffset || r.start < n) continue;
    r.start -= n;
    return new Uint8Array(r.buf, r.start, payload.length + n);
  }
  return undefined;
}
