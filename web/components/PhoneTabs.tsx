// On a phone the diagram comes first and one panel below it: the terminal, the events or the tables.
import { t } from '../i18n/strings';
import { useLab } from '../store';
import { selLang } from '../lessons/selectors';

export type PhoneTab = 'term' | 'events' | 'tables';
const TABS: [PhoneTab, 'phoneTerm' | 'phoneEvents' | 'phoneTables'][] = [
  ['term', 'phoneTerm'],
  ['events', 'phoneEvents'],
  ['tables', 'phoneTables'],
];

export function PhoneTabs({ tab, onTab }: { tab: PhoneTab; onTab: (t: PhoneTab) => void }) {
  const lang = useLab(selLang);
  return (
    <nav className="phone-tabs" aria-label={t('phonePanels', lang)}>
      <div className="phone-tabs-list" role="tablist" aria-label={t('phonePanels', lang)}>
        {TABS.map(([id, key]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => onTab(id)}
            data-phone-tab={id}
          >
            {t(key, lang)}
          </button>
        ))}
      </div>
    </nav>
  );
}
