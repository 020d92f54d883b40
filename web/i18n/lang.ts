// The learner's language: `?lang=zh` or `?lang=en` in the address sets it (and it is remembered), else the
// one chosen before, else Chinese when the browser prefers it, else English.
import type { Lang } from '../../sim/index';

export type { Lang };
const KEY = 'netlab:lang';

export function initialLang(): Lang {
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('lang');
  if (asked === 'zh' || asked === 'en') {
    rememberLang(asked);
    return asked;
  }
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage off: fall through to the browser's choice */
  }
  const langs =
    typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return langs.some((l) => l?.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

export function rememberLang(l: Lang): void {
  try {
    localStorage.setItem(KEY, l);
  } catch {
    /* not remembered */
  }
}
