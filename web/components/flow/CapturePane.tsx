// Captures: each tcpdump the lab runs, with the lines `tcpdump -n -e` prints, a stop button and the
// capture as a .pcap file (the same frames, readable with tcpdump -r or Wireshark).
import { useLab } from '../../store';
import { selCaptures, selStopCapture } from '../../store/selectors';
import { writePcap, CAPTURE_RING } from '../../../sim/index';
import { saveFile } from '../../persist/saveFile';
import type { CaptureView } from '../../store/captures';
import { selLang, selLessonCaptures } from '../../lessons/selectors';
import { count, ts } from '../../i18n/storm';
import type { Lang } from '../../i18n/lang';
import { Trans, useTranslation } from 'react-i18next';

const NONE: readonly string[] = [];
/** The newest lines the pane draws (a flood's capture keeps 10,000; the pcap file has them all) */
const SHOWN_LINES = 500;

function download(c: CaptureView): void {
  saveFile(
    `${c.ns === 'host' ? '' : `${c.ns}-`}${c.dev}.pcap`,
    new Blob([writePcap(c.frames) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.tcpdump.pcap' }),
  );
}

/** A lesson step's captures first, in the order the step names them; then the others, newest first. */
export function captureOrder(captures: readonly CaptureView[], pinned: readonly string[]): CaptureView[] {
  const rank = (c: CaptureView) => {
    const i = pinned.indexOf(c.term);
    return i < 0 ? pinned.length : i;
  };
  return [...captures].sort((a, b) => rank(a) - rank(b) || b.id - a.id);
}

/** "12 frames", or when the ring lost the oldest: "showing the last 10,000 of 1,234,567 frames" */
export function captureCount(c: Pick<CaptureView, 'frames' | 'total'>, lang: Lang): string {
  return c.total > c.frames.length
    ? ts('capRing', lang, { n: count(c.frames.length), total: count(c.total) })
    : ts('capFrames', lang, { n: count(c.frames.length) });
}

export function CapturePane() {
  const lang = useLab(selLang);
  const pinned = useLab(selLessonCaptures)?.terms ?? NONE;
  const captures = captureOrder(Object.values(useLab(selCaptures)), pinned);
  const stop = useLab(selStopCapture);
  const { t } = useTranslation();
  if (!captures.length) {
    return (
      <p className="cap-empty">
        <Trans i18nKey="cap.empty" t={t} components={{ 1: <code /> }} />
      </p>
    );
  }
  return (
    <div className="captures">
      {captures.map((c) => (
        <section
          key={c.id}
          className="capture"
          aria-label={t('cap.label', { netns: c.ns, dev: c.dev })}
          data-dev={c.dev}
          data-ns={c.ns}
        >
          <header>
            <code>tcpdump -n -e -i {c.dev}</code>
            <span className="cap-where">{c.ns}</span>
            <span className={c.running ? 'cap-state running' : 'cap-state'}>
              {t(c.running ? 'cap.capturing' : 'cap.stopped')}
            </span>
            <span className="cap-count" title={ts('capRingTitle', lang, { n: count(CAPTURE_RING) })}>
              {captureCount(c, lang)}
            </span>
            {c.running && (
              <button type="button" onClick={() => stop(c.term)}>
                {t('cap.stop')}
              </button>
            )}
            <button type="button" onClick={() => download(c)} disabled={!c.frames.length}>
              {t('cap.download')}
            </button>
          </header>
          <pre className="cap-lines" data-testid={`capture-lines-${c.ns}-${c.dev}`}>
            {c.lines.slice(-SHOWN_LINES).map((l, i) => (
              <span key={i} className="cap-line">
                {l}
                {'\n'}
              </span>
            ))}
          </pre>
        </section>
      ))}
    </div>
  );
}
