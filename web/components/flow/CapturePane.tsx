// Captures: each tcpdump the lab runs, with the lines `tcpdump -n -e` prints, a stop button and the
// capture as a .pcap file (the same frames, readable with tcpdump -r or Wireshark).
import { useLab } from '../../store';
import { selCaptures, selStopCapture } from '../../store/selectors';
import { writePcap } from '../../../sim/wire/pcap';
import type { CaptureView } from '../../store/captures';
import { selLessonCaptures } from '../../lessons/selectors';
import { Trans, useTranslation } from 'react-i18next';

const NONE: readonly string[] = [];

function download(c: CaptureView): void {
  const bytes = writePcap(c.frames);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.tcpdump.pcap' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${c.ns === 'host' ? '' : `${c.ns}-`}${c.dev}.pcap`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A lesson step's captures first, in the order the step names them; then the others, newest first. */
export function captureOrder(captures: readonly CaptureView[], pinned: readonly string[]): CaptureView[] {
  const rank = (c: CaptureView) => {
    const i = pinned.indexOf(c.term);
    return i < 0 ? pinned.length : i;
  };
  return [...captures].sort((a, b) => rank(a) - rank(b) || b.id - a.id);
}

export function CapturePane() {
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
        <section key={c.id} className="capture" aria-label={t('cap.label', { netns: c.ns, dev: c.dev })} data-dev={c.dev} data-ns={c.ns}>
          <header>
            <code>tcpdump -n -e -i {c.dev}</code>
            <span className="cap-where">{c.ns}</span>
            <span className={c.running ? 'cap-state running' : 'cap-state'}>{t(c.running ? 'cap.capturing' : 'cap.stopped')}</span>
            <span className="cap-count">{t('cap.frames', { n: c.frames.length })}</span>
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
            {c.lines.map((l, i) => (
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
