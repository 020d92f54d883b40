// Beside the terminal: the flow's events and the captures, one tab each.
import { useEffect, useState } from 'react';
import { useLab } from '../../store';
import { selCaptures, selFlowCount, selFlowOn } from '../../store/selectors';
import { EventList } from './EventList';
import { CapturePane } from './CapturePane';
import { selCapturesShown } from '../../lessons/selectors';
import { useTranslation } from 'react-i18next';

export function FlowDock() {
  const [tab, setTab] = useState<'events' | 'captures'>('events');
  const count = useLab(selFlowCount);
  const { t } = useTranslation();
  const on = useLab(selFlowOn);
  const caps = Object.keys(useLab(selCaptures)).length;
  // a lesson step that opened captures brings them to the front
  const shown = useLab(selCapturesShown);
  useEffect(() => {
    if (shown) setTab('captures');
  }, [shown]);
  return (
    <section className="dock" aria-label={t('dock.label')}>
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'events'}
          className={tab === 'events' ? 'active' : ''}
          onClick={() => setTab('events')}
        >
          {t('dock.events')}
          {on ? ` (${count})` : ''}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'captures'}
          className={tab === 'captures' ? 'active' : ''}
          onClick={() => setTab('captures')}
        >
          {t('dock.captures')}
          {caps ? ` (${caps})` : ''}
        </button>
      </div>
      <div className="dock-body">
        {tab === 'captures' ? <CapturePane /> : on ? <EventList /> : <p className="cap-empty">{t('dock.flowOff')}</p>}
      </div>
    </section>
  );
}
