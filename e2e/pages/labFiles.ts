// Lab files and share links as a person would be sent them, built outside the app.
import { deflateRawSync } from 'node:zlib';

/** A lab file with these typed commands on an empty lab. */
export function labFile(lines: string[], extra: Record<string, unknown> = {}) {
  return {
    format: 'linux-netlab-lab',
    version: 1,
    seed: 1,
    presetId: 'empty',
    now: 2_000_000,
    positions: {},
    log: lines.map((line, i) => ({
      id: i + 1,
      group: `t${i + 1}`,
      ns: 'host',
      line,
      at: 1000 * (i + 1),
      mode: 'async',
    })),
    ...extra,
  };
}

/** The share link a person would be sent for `lab` (the app's own encoding: deflate-raw, base64url). */
export const shareLink = (lab: unknown) =>
  `/#lab=${deflateRawSync(Buffer.from(JSON.stringify(lab))).toString('base64url')}`;
