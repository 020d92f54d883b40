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
  stormTitle: { en: 'Broadcast storm', zh: '广播风暴' },
  stormBody: {
    en: "{rate} frames/s go round the loop through {devs} ({bridges}); the CPU's backlog is full and drops {drops} frames/s. Linux storms on until a bridge or a port of the loop goes down or STP blocks one: Ctrl+C in a terminal, or the button, types `{cmd}`.",
    zh: '每秒 {rate} 帧沿环路经过 {devs}({bridges})不断转发;CPU 的 backlog 已满,每秒丢弃 {drops} 帧。Linux 会一直风暴下去,直到环路中的网桥或端口被关闭,或 STP 阻塞一个端口:在终端按 Ctrl+C 或点击按钮会输入 `{cmd}`。',
  },
  stormStop: { en: 'Stop the storm: {cmd}', zh: '停止风暴:{cmd}' },
  stormMarker: {
    en: 'broadcast storm: the backlog drops what arrives here',
    zh: '广播风暴:到达这里的帧被 backlog 丢弃',
  },
} as const;

export type StormKey = keyof typeof S;
/** A number as the page shows counts: 1,234,567 */
export const count = (n: number): string => n.toLocaleString('en-US');
/** A text with its {name} places filled. */
export const ts = (k: StormKey, lang: Lang, vars: Record<string, string | number> = {}): string =>
  S[k][lang].replace(/\{(\w+)\}/g, (m, n: string) => (n in vars ? String(vars[n]) : m));
