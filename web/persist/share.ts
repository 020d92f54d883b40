// A lab in a link: its file, deflated (CompressionStream 'deflate-raw', in the browser itself) and
// base64url-encoded in the URL fragment, which browsers never send to a server. Nothing leaves the page.
import { checkLab, MAX_FILE_CHARS, type Checked, type LabFile } from './format';

export const SHARE_KEY = 'lab=';

/** Pipes bytes through a (de)compressor; null when the output would pass `limit` bytes (a deflate bomb). */
async function pipe(
  bytes: Uint8Array,
  t: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(t).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      void reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function toB64url(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The fragment (without '#') that carries `lab`. */
export async function encodeShare(lab: LabFile): Promise<string> {
  const raw = new TextEncoder().encode(JSON.stringify(lab));
  return SHARE_KEY + toB64url((await pipe(raw, new CompressionStream('deflate-raw')))!);
}

/** Decodes a fragment; null when the fragment is not a shared lab at all. */
export async function decodeShare(fragment: string): Promise<Checked | null> {
  const f = fragment.replace(/^#/, '');
  if (!f.startsWith(SHARE_KEY)) return null;
  const bytes = fromB64url(f.slice(SHARE_KEY.length));
  const refuse = (why: string): Checked => ({ ok: false, problems: [why] });
  if (!bytes?.length) return refuse('the link is not a lab (its data is not base64url)');
  let text: string;
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_FILE_CHARS);
    if (!raw) return refuse(`the link holds more than ${MAX_FILE_CHARS / 1024 / 1024} MB`);
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return refuse('the link is damaged (its data does not inflate)');
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return refuse('the link is damaged (not JSON)');
  }
  return checkLab(v);
}
