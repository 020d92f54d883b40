// i18next with every text of the page bundled (en.json, zh.json): no HTTP backend, so the app works
// offline and from file://. The language is the store's (lessons/slice.ts), which calls setLanguage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zh from './zh.json';
import { initialLang, type Lang } from './lang';

export const resources = { en: { translation: en }, zh: { translation: zh } } as const;
export type StringKey = keyof typeof en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
    keySeparator: false;
    nsSeparator: false;
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: initialLang(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh'],
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders; the texts also go to title attributes and the terminal as they are
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

const htmlLang = (l: Lang) => (l === 'zh' ? 'zh-CN' : 'en');
if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(i18n.language as Lang);

export function setLanguage(l: Lang): void {
  if (i18n.language !== l) void i18n.changeLanguage(l);
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(l);
}
