// The lesson and classroom chrome in both languages (the lessons carry their own texts).
import type { Lang } from './lang';

const S = {
  lesson: { en: 'Lesson', zh: '课程' },
  close: { en: 'Close', zh: '关闭' },
  step: { en: 'Step', zh: '步骤' },
  of: { en: 'of', zh: '/' },
  prev: { en: 'Previous', zh: '上一步' },
  next: { en: 'Next', zh: '下一步' },
  run: { en: 'Run the commands', zh: '运行这些命令' },
  check: { en: 'Check', zh: '检查' },
  checking: { en: 'Checking…', zh: '检查中…' },
  watch: { en: 'Watch', zh: '观察' },
  kernel: { en: 'Where the kernel differs', zh: '真实内核的不同之处' },
  passed: { en: 'Done', zh: '完成' },
  failed: { en: 'Not yet', zh: '还没有' },
  reading: { en: 'A reading step: nothing to check.', zh: '阅读步骤:没有要检查的内容。' },
  openLesson: { en: 'Open a lesson file…', zh: '打开课程文件…' },
  classroom: { en: 'Classroom', zh: '课堂模式' },
  leave: { en: 'Leave classroom (Esc)', zh: '退出课堂模式 (Esc)' },
  keys: { en: 'Space play/pause · ←/→ step · PgUp/PgDn lesson step · +/− speed · F fullscreen · Esc leave', zh: '空格 播放/暂停 · ←/→ 单步 · PgUp/PgDn 课程步骤 · +/− 速度 · F 全屏 · Esc 退出' },
  typed: { en: 'or type them in the terminal', zh: '或在终端中输入' },
} as const;

export type StringKey = keyof typeof S;
export const t = (k: StringKey, lang: Lang): string => S[k][lang];
