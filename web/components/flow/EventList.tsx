// The Packet Tracer-style event list: every step of every frame (time, where, what), filtered by kind and
// place; clicking one stops the playback there and opens its frame. Only the rows in view are rendered.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLab } from '../../store';
import {
  selFilters,
  selFlowBase,
  selFlowCount,
  selFlowCursor,
  selSelEvent,
  selSelectEvent,
  selSetFilters,
  selDropped,
} from '../../store/selectors';
import { player } from '../../flows/player';
import { fmtTime, what, where, why } from '../../model/eventText';
import { useTranslation } from 'react-i18next';
import { KIND_COLOR } from '../../model/frameKind';
import { rowsOf, type FlowFilters } from '../../store/flows';

const ROW = 20;

function visibleSeqs(f: FlowFilters): number[] {
  // the same rows a step visits
  const shown = rowsOf(f);
  const out: number[] = [];
  for (const ev of player.model.events) if (!shown || shown(ev)) out.push(ev.seq);
  return out;
}

function places(): string[] {
  const seen = new Set<string>();
  for (const ev of player.model.events) seen.add(`${ev.e.ns} ${ev.e.dev}`);
  return [...seen].sort();
}

export function EventList() {
  const count = useLab(selFlowCount);
  const base = useLab(selFlowBase);
  const cursor = useLab(selFlowCursor);
  const sel = useLab(selSelEvent);
  const filters = useLab(selFilters);
  const setFilters = useLab(selSetFilters);
  const selectEvent = useLab(selSelectEvent);
  const dropped = useLab(selDropped);
  const box = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(200);
  // the model is read through the player: it changed when count or base did
  const seqs = useMemo(() => visibleSeqs(filters), [filters, count, base]);
  const where_ = useMemo(places, [count, base]);

  useEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // keep the current event in view
  useEffect(() => {
    const el = box.current;
    const i = seqs.indexOf(cursor);
    if (!el || i < 0) return;
    if (i * ROW < el.scrollTop || (i + 1) * ROW > el.scrollTop + el.clientHeight)
      el.scrollTop = Math.max(0, i * ROW - el.clientHeight / 2);
  }, [cursor, seqs]);

  const first = Math.max(0, Math.floor(top / ROW) - 5);
  const last = Math.min(seqs.length, Math.ceil((top + height) / ROW) + 5);
  const rows = [];
  for (let i = first; i < last; i++) {
    const ev = player.model.bySeq(seqs[i]);
    if (!ev) continue;
    const info = player.model.frames.get(ev.frame);
    const cls = [
      'ev-row',
      ev.seq === cursor ? 'current' : '',
      ev.seq === sel ? 'selected' : '',
      ev.e.type === 'drop' ? 'drop' : '',
    ].join(' ');
    rows.push(
      <div
        key={ev.seq}
        role="option"
        aria-selected={ev.seq === sel}
        className={cls}
        style={{ top: i * ROW }}
        onClick={() => selectEvent(ev.seq)}
        title={`${ev.e.fn}: ${why(ev.e, t)}`}
        data-seq={ev.seq}
        data-type={ev.e.type}
      >
        <span className="ev-time">{fmtTime(ev.e.time)}</span>
        <span className="ev-where">{where(ev.e)}</span>
        {info ? (
          <span className="chip" style={{ background: KIND_COLOR[info.kind] }}>
            {info.label} #{info.id}
          </span>
        ) : (
          <span className="chip none">—</span>
        )}
        <span className="ev-what">{what(ev.e, t)}</span>
      </div>,
    );
  }
  return (
    <div className="events">
      <div className="ev-filters" role="group" aria-label={t('events.filters')}>
        {(['arp', 'icmp', 'other'] as const).map((k) => (
          <label key={k}>
            <input type="checkbox" checked={filters[k]} onChange={(e) => setFilters({ [k]: e.target.checked })} />{' '}
            {k === 'other' ? t('events.other') : k.toUpperCase()}
          </label>
        ))}
        <label title={t('events.allStepsHint')}>
          <input type="checkbox" checked={filters.steps} onChange={(e) => setFilters({ steps: e.target.checked })} />{' '}
          {t('events.allSteps')}
        </label>
        <select
          aria-label={t('events.where')}
          value={filters.where}
          onChange={(e) => setFilters({ where: e.target.value })}
        >
          <option value="">{t('events.everywhere')}</option>
          {where_.map((w) => (
            <option key={w} value={w}>
              {w.startsWith('host ') ? w.slice(5) : w}
            </option>
          ))}
        </select>
        <span className="ev-count">
          {t('events.count', { shown: seqs.length, total: count })}
          {dropped ? t('events.notShown', { n: dropped }) : ''}
        </span>
      </div>
      <div
        className="ev-list"
        ref={box}
        role="listbox"
        aria-label={t('events.list')}
        tabIndex={0}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: seqs.length * ROW, position: 'relative' }}>{rows}</div>
      </div>
    </div>
  );
}
