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
  leave: { en: 'Leave (Esc)', zh: '退出 (Esc)' },
  keys: { en: 'PgDn/PgUp step · Space run, play/pause · ←/→ packet · +/− speed · F full screen', zh: 'PgDn/PgUp 步骤 · 空格 运行、播放/暂停 · ←/→ 单步 · +/− 速度 · F 全屏' },
  steps: { en: 'Steps', zh: '所有步骤' },
  reset: { en: 'Reset this step', zh: '重置本步骤' },
  resetHint: { en: 'Put the lab back as the earlier steps left it', zh: '把实验环境恢复为前面各步骤完成后的样子' },
  preparing: { en: 'Preparing the lab…', zh: '正在准备实验环境…' },
  captures: { en: 'the captures on', zh: '抓包' },
  typed: { en: 'or type them in the terminal', zh: '或在终端中输入' },
} as const;

export type StringKey = keyof typeof S;
export const t = (k: StringKey, lang: Lang): string => S[k][lang];
