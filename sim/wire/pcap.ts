// The classic libpcap file format (pcap-savefile(5)): microsecond timestamps, LINKTYPE_ETHERNET.

export interface PcapFrame {
  time: number;
  data: Uint8Array;
}

export function writePcap(frames: PcapFrame[], snaplen = 262144): Uint8Array {
  const size = 24 + frames.reduce((n, f) => n + 16 + f.data.length, 0);
  const b = new Uint8Array(size);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0xa1b2c3d4, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setUint32(16, snaplen, true);
  v.setUint32(20, 1, true);
  let o = 24;
  for (const f of frames) {
    v.setUint32(o, Math.floor(f.time / 1e6), true);
    v.setUint32(o + 4, f.time % 1e6, true);
    v.setUint32(o + 8, f.data.length, true);
    v.setUint32(o + 12, f.data.length, true);
    b.set(f.data, o + 16);
    o += 16 + f.data.length;
  }
  return b;
}

export function readPcap(b: Uint8Array): PcapFrame[] | { error: string } {
  if (b.length < 24) return { error: 'truncated pcap header' };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (v.getUint32(0, true) !== 0xa1b2c3d4) return { error: 'not a little-endian microsecond pcap file' };
  const out: PcapFrame[] = [];
  let o = 24;
  while (o + 16 <= b.length) {
    const sec = v.getUint32(o, true),
      usec = v.getUint32(o + 4, true),
      incl = v.getUint32(o + 8, true);
    if (o + 16 + incl > b.length) return { error: 'truncated packet record' };
    out.push({ time: sec * 1e6 + usec, data: b.slice(o + 16, o + 16 + incl) });
    o += 16 + incl;
  }
  return out;
}
