// Under the diagram: what the current step is and why (the kernel function and its sentence), and the
// controls to play, pause, step by event or by frame, change speed and scrub the timeline.
import { useLab } from '../../store';
import { selFlow, selSelectFrame } from '../../store/selectors';
import { player, SPEEDS } from '../../flows/player';
import { fmtTime, what, where } from '../../model/eventText';
import { KIND_COLOR, KIND_LABEL, type FrameKind } from '../../model/frameKind';

const LEGEND: FrameKind[] = ['arp-req', 'arp-rep', 'icmp-req', 'icmp-rep', 'icmp-err'];

export function PlaybackBar() {
  const flow = useLab(selFlow);
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
  return (
    <div className="playback" role="region" aria-label="Packet flow playback">
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
              <b>{what(ev.e)}</b> <code>{ev.e.fn}</code>
            </span>
            <span className="narr-why">{ev.e.why}</span>
          </>
        ) : (
          <span className="narr-why">{empty ? 'Run a ping or an arping in the terminal: every step of every frame is shown here, hop by hop.' : 'Press play, or step through the frames.'}</span>
        )}
      </div>
      <div className="controls">
        <button type="button" onClick={step(() => player.stepFrame(-1))} disabled={empty} aria-label="Previous frame" title="Back to the previous frame's first step">
          ◀ frame
        </button>
        <button type="button" onClick={step(() => player.stepEvent(-1))} disabled={empty} aria-label="Previous event" title="One step back">
          ◀ event
        </button>
        {flow.playing ? (
          <button type="button" onClick={() => player.pause()} aria-label="Pause">
            ❚❚ pause
          </button>
        ) : (
          <button type="button" onClick={() => player.play()} aria-label="Play">
            ▶ play
          </button>
        )}
        <button type="button" onClick={step(() => player.stepEvent(1))} disabled={empty} aria-label="Next event" title="One step on">
          event ▶
        </button>
        <button type="button" onClick={step(() => player.stepFrame(1))} disabled={empty} aria-label="Next frame" title="On to the next frame's first step">
          frame ▶
        </button>
        <select aria-label="Speed" value={flow.speed} onChange={(e) => player.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
        <input
          type="range"
          className="timeline"
          aria-label="Timeline"
          min={0}
          max={Math.max(flow.end, 0.01)}
          step={0.01}
          value={Math.min(flow.p, flow.end)}
          onChange={(e) => player.seek(Number(e.target.value))}
        />
        <button type="button" className={flow.live ? 'live on' : 'live'} onClick={() => player.toLive()} aria-label="Back to now" title="Follow the simulation as it runs; the tables show the kernel as it is now">
          {flow.live ? '● now' : 'now'}
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
}
