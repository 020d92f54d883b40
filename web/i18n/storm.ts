// The texts of the broadcast storm (diagram, event list, terminal) and of bounded captures, in both
// languages; kept in one small file so that they move to the app's translation files in one piece.
import type { Lang } from './lang';

const S = {
  capFrames: { en: '{n} frames', zh: '{n} 帧' },
  capRing: { en: 'showing the last {n} of {total} frames', zh: '显示共 {total} 帧中的最后 {n} 帧' },
  capRingTitle: {
    en: 'A capture keeps its latest {n} frames, as a ring buffer does; the .pcap file holds those.',
    zh: '抓包只保留最近的 {n} 帧(环形缓冲区);.pcap 文件中也是这些帧。',
  },
} as const;

export type StormKey = keyof typeof S;
/** A number as the page shows counts: 1,234,567 */
export const count = (n: number): string => n.toLocaleString('en-US');
/** A text with its {name} places filled. */
export const ts = (k: StormKey, lang: Lang, vars: Record<string, string | number> = {}): string =>
  S[k][lang].replace(/\{(\w+)\}/g, (m, n: string) => (n in vars ? String(vars[n]) : m));
