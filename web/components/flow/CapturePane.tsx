// Captures: each tcpdump the lab runs, with the lines `tcpdump -n -e` prints, a stop button and the
// capture as a .pcap file (the same frames, readable with tcpdump -r or Wireshark).
import { useLab } from '../../store';
import { selCaptures, selStopCapture } from '../../store/selectors';
import { writePcap } from '../../../sim/wire/pcap';
import type { CaptureView } from '../../store/captures';

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

export function CapturePane() {
  const captures = Object.values(useLab(selCaptures)).sort((a, b) => b.id - a.id);
  const stop = useLab(selStopCapture);
  if (!captures.length) {
    return <p className="cap-empty">No capture yet. Right-click a device on the diagram and capture on it, or type <code>tcpdump -n -e -i DEV</code> in a terminal.</p>;
  }
  return (
    <div className="captures">
      {captures.map((c) => (
        <section key={c.id} className="capture" aria-label={`Capture ${c.ns} ${c.dev}`} data-dev={c.dev} data-ns={c.ns}>
          <header>
            <code>tcpdump -n -e -i {c.dev}</code>
            <span className="cap-where">{c.ns}</span>
            <span className={c.running ? 'cap-state running' : 'cap-state'}>{c.running ? 'capturing' : 'stopped'}</span>
            <span className="cap-count">{c.frames.length} frames</span>
            {c.running && (
              <button type="button" onClick={() => stop(c.term)}>
                Stop
              </button>
            )}
            <button type="button" onClick={() => download(c)} disabled={!c.frames.length}>
              Download .pcap
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
