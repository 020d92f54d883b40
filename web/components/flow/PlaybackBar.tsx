// Under the diagram: what the current step is and why (the kernel function and its sentence), and the
// controls to play, pause, step by event or by frame, change speed and scrub the timeline.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store';
import { selSelectFrame } from '../../store/selectors';
import type { LabState } from '../../store';
import { player, SPEEDS } from '../../flows/player';
import { fmtTime, what, where, why } from '../../model/eventText';
import { useTranslation } from 'react-i18next';
import { KIND_COLOR, KIND_LABEL, type FrameKind } from '../../model/frameKind';

const LEGEND: FrameKind[] = ['arp-req', 'arp-rep', 'icmp-req', 'icmp-rep', 'icmp-err'];

// what the bar shows besides the timeline: it changes with a step, not with every batch of events or the
// playback's position (the timeline follows those on its own)
const selBar = (s: LabState) => ({
  cursor: s.flow.cursor,
  count: s.flow.count,
  playing: s.flow.playing,
  speed: s.flow.speed,
  live: s.flow.live,
});
const selTimeline = (s: LabState) => ({ p: s.flow.p, end: s.flow.end });

export const PlaybackBar = memo(function PlaybackBar() {
  const flow = useLab(useShallow(selBar));
  const selectFrame = useLab(selSelectFrame);
  const ev = player.model.bySeq(flow.cursor);
  const info = ev ? player.model.frames.get(ev.frame) : undefined;
  // a step also opens its frame in the inspector, as it was at that step
  const step = (f: () => void) => () => {
    f();
    const c = player.state().cursor;
    const at = player.model.bySeq(c);
    if (at?.frame) selectFrame(at.frame, c);
  };
  const empty = flow.count === 0;
  const { t } = useTranslation();
  return (
    <div className="playback" role="region" aria-label={t('play.region')}>
      <div className="narration" data-testid="narration" aria-live="polite">
        {ev ? (
          <>
            <span className="narr-head">
              #{ev.seq + 1} · {fmtTime(ev.e.time)} s · {where(ev.e)}
              {info && (
                <span className="chip" style={{ background: KIND_COLOR[info.kind] }}>
                  {info.label} #{info.id}
                </span>
              )}
              <b>{what(ev.e, t)}</b> <code>{ev.e.fn}</code>
            </span>
            <span className="narr-why">{why(ev.e, t)}</span>
          </>
        ) : (
          <span className="narr-why">{empty ? t('play.empty') : t('play.idle')}</span>
        )}
      </div>
      <div className="controls">
        <button
          type="button"
          onClick={step(() => player.stepFrame(-1))}
          disabled={empty}
          aria-label={t('play.prevFrame')}
          title={t('play.prevFrameHint')}
        >
          {t('play.frameBack')}
        </button>
        <button
          type="button"
          onClick={step(() => player.stepEvent(-1))}
          disabled={empty}
          aria-label={t('play.prevEvent')}
          title={t('play.prevEventHint')}
        >
          {t('play.stepBack')}
        </button>
        {flow.playing ? (
          <button type="button" onClick={() => player.pause()} aria-label={t('play.pause')}>
            {t('play.pauseBtn')}
          </button>
        ) : (
          <button type="button" onClick={() => player.play()} aria-label={t('play.play')}>
            {t('play.playBtn')}
          </button>
        )}
        <button
          type="button"
          onClick={step(() => player.stepEvent(1))}
          disabled={empty}
          aria-label={t('play.nextEvent')}
          title={t('play.nextEventHint')}
        >
          {t('play.stepOn')}
        </button>
        <button
          type="button"
          onClick={step(() => player.stepFrame(1))}
          disabled={empty}
          aria-label={t('play.nextFrame')}
          title={t('play.nextFrameHint')}
        >
          {t('play.frameOn')}
        </button>
        <select
          aria-label={t('play.speed')}
          value={flow.speed}
          onChange={(e) => player.setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
        <Timeline label={t('play.timeline')} />
        <button
          type="button"
          className={flow.live ? 'live on' : 'live'}
          onClick={() => player.toLive()}
          aria-label={t('play.toNow')}
          title={t('play.toNowHint')}
        >
          {flow.live ? t('play.nowOn') : t('play.now')}
        </button>
        <span className="legend" aria-hidden="true">
          {LEGEND.map((k) => (
            <span key={k} className="chip" style={{ background: KIND_COLOR[k] }}>
              {KIND_LABEL[k]}
            </span>
          ))}
        </span>
      </div>
    </div>
  );
});

/** The scrubber: the playback's position on the flow's time. */
function Timeline({ label }: { label: string }) {
  const { p, end } = useLab(useShallow(selTimeline));
  return (
    <input
      type="range"
      className="timeline"
      aria-label={label}
      min={0}
      max={Math.max(end, 0.01)}
      step={0.01}
      value={Math.min(p, end)}
      onChange={(e) => player.seek(Number(e.target.value))}
    />
  );
}
