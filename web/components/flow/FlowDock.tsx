// Beside the terminal: the flow's events and the captures, one tab each.
import { useEffect, useState } from 'react';
import { useLab } from '../../store';
import { selCaptures, selFlowCount, selFlowOn } from '../../store/selectors';
import { EventList } from './EventList';
import { CapturePane } from './CapturePane';
import { selCapturesShown } from '../../lessons/selectors';

export function FlowDock() {
  const [tab, setTab] = useState<'events' | 'captures'>('events');
  const count = useLab(selFlowCount);
  const on = useLab(selFlowOn);
  const caps = Object.keys(useLab(selCaptures)).length;
  // a lesson step that opened captures brings them to the front
  const shown = useLab(selCapturesShown);
  useEffect(() => {
    if (shown) setTab('captures');
  }, [shown]);
  return (
    <section className="dock" aria-label="Packet flow">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'events'} className={tab === 'events' ? 'active' : ''} onClick={() => setTab('events')}>
          Events{on ? ` (${count})` : ''}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'captures'} className={tab === 'captures' ? 'active' : ''} onClick={() => setTab('captures')}>
          Captures{caps ? ` (${caps})` : ''}
        </button>
      </div>
      <div className="dock-body">
        {tab === 'captures' ? <CapturePane /> : on ? <EventList /> : <p className="cap-empty">Packet flow is off: turn it on in the toolbar to see every step of every frame.</p>}
      </div>
    </section>
  );
}
