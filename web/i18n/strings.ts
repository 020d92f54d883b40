// The page's texts by key, for code outside React components (notices, dialogs' builders, the
// heartbeat): the same i18next resources the components read with useTranslation().
import { i18n, type StringKey } from './i18n';
import type { Lang } from './lang';

export type { StringKey };
export const t = (k: StringKey, lang: Lang): string => i18n.getFixedT(lang)(k);
/** A string with its {{name}} places filled. */
export const tf = (k: StringKey, lang: Lang, vars: Record<string, string | number>): string =>
  i18n.getFixedT(lang)(k, vars);
