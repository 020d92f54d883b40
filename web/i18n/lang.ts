// The learner's language: Chinese when the browser prefers it, else English; switchable and remembered.
import type { Lang } from '../../sim/lessons/types';

export type { Lang };
const KEY = 'netlab:lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage off: fall through to the browser's choice */
  }
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return langs.some((l) => l?.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

export function rememberLang(l: Lang): void {
  try {
    localStorage.setItem(KEY, l);
  } catch {
    /* not remembered */
  }
}
