// Room in front of a payload for the headers still to come, as an skb reserves headroom: a layer that
// owns the bytes before its payload writes its header there instead of copying the payload again.
// Ownership is kept for the few most recent buffers only (headers are pushed in the same call chain);
// an older payload just gets copied, which is always correct.
//
// Small packets are carved out of a shared slab (a page of the kernel's page_frag allocator,
// net/core/skbuff.c:__netdev_alloc_frag_align): one ArrayBuffer serves many packets, each its own
// never-reused region, so a packet costs a view rather than a buffer. Nothing hands a packet's buffer
// away (captures and the trace copy their bytes), and a region is never given out twice, so a packet
// outliving its neighbours only keeps the slab alive.

const RING = 8;
/** the buffer, the region's first byte and the packet's current head of the RING most recent packets, and the
 *  view handed out for that head: a header is pushed onto that very view (skb_push() on the skb that owns the
 *  headroom), found by identity rather than by reading its buffer and offset back */
const ringBuf: (ArrayBufferLike | null)[] = new Array<ArrayBufferLike | null>(RING).fill(null);
const ringBase = new Int32Array(RING);
const ringStart = new Int32Array(RING);
const ringView: (Uint8Array | null)[] = new Array<Uint8Array | null>(RING).fill(null);
/** the view the head was pushed from (null: the head is the payload as made) */
const ringInner: (Uint8Array | null)[] = new Array<Uint8Array | null>(RING).fill(null);
let next = 0;

/** bytes per slab; a region larger than a quarter of it gets a buffer of its own */
const SLAB = 16384;
const OWN = SLAB >> 2;
let slab = new ArrayBuffer(SLAB);
let used = 0;

/** A payload of `len` bytes with `room` bytes reserved in front of it. */
export function withHeadroom(len: number, room: number): Uint8Array {
  const size = room + len;
  let buf: ArrayBuffer;
  let base: number;
  if (size > OWN) {
    buf = new ArrayBuffer(size);
    base = 0;
  } else {
    if (used + size > SLAB) {
      slab = new ArrayBuffer(SLAB);
      used = 0;
    }
    buf = slab;
    base = used;
    used += (size + 7) & ~7;
  }
  const v = new Uint8Array(buf, base + room, len);
  ringBuf[next] = buf;
  ringBase[next] = base;
  ringStart[next] = base + room;
  ringView[next] = v;
  ringInner[next] = null;
  next = (next + 1) & (RING - 1);
  return v;
}

/** The payload extended `n` bytes to the front, if it is the view last handed out for its region and those
 *  bytes were reserved for it; else undefined (any other view of the bytes is copied, which is always correct). */
export function pushHeader(payload: Uint8Array, n: number): Uint8Array | undefined {
  // newest first: the header is nearly always pushed onto the packet made last
  for (let k = 1; k <= RING; k++) {
    const i = (next - k) & (RING - 1);
    if (ringView[i] !== payload) continue;
    const start = ringStart[i] - n;
    if (start < ringBase[i]) return undefined;
    const v = new Uint8Array(ringBuf[i]!, start, payload.length + n);
    ringStart[i] = start;
    ringView[i] = v;
    ringInner[i] = payload;
    return v;
  }
  return undefined;
}

/** skb_pull() on a packet as its sender made it: the view `frame` was pushed from, when `frame` is still the
 *  head of its region and was made by pushing exactly `n` bytes in front of that view (the same bytes past the
 *  first `n`, read without a new view); else undefined, and the caller makes a view. The head stays where it
 *  is: the pulled bytes are not handed back (clones of the frame may still be on their way). */
export function pullHeader(frame: Uint8Array, n: number): Uint8Array | undefined {
  for (let k = 1; k <= RING; k++) {
    const i = (next - k) & (RING - 1);
    if (ringView[i] !== frame) continue;
    const inner = ringInner[i];
    return inner !== null && inner.length + n === frame.length ? inner : undefined;
  }
  return undefined;
}
