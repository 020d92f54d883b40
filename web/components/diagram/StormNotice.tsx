// A broadcast storm, said above the diagram while it lasts: its rate, the loop's devices and bridges,
// and the command that ends it (Ctrl+C in a terminal types the same).
import { useLab } from '../../store';
import { selLang } from '../../lessons/selectors';
import { stormBridge, stopLine } from '../../store/storm';
import { count, ts } from '../../i18n/storm';
import { stopStorm } from '../../store/actions';

export function StormNotice() {
  const storm = useLab((s) => s.storm);
  const lang = useLab(selLang);
  const active = useLab((s) => s.activeTerm);
  if (!storm) return null;
  const b = stormBridge(storm, active);
  const cmd = b ? stopLine(b.br) : '';
  const devs = storm.devs.map((d) => d.dev).sort();
  const shown = devs.length > 8 ? [...devs.slice(0, 8), '…'] : devs;
  return (
    <div className="storm-notice" role="status" aria-label={ts('stormTitle', lang)} data-testid="storm-notice">
      <strong>{ts('stormTitle', lang)}</strong>
      <span className="storm-text">
        {ts('stormBody', lang, {
          rate: count(storm.framesPerSec),
          drops: count(storm.droppedPerSec),
          devs: shown.join(', '),
          bridges: storm.bridges.map((x) => x.br).join(', '),
          cmd,
        })}
      </span>
      {b && (
        <button type="button" onClick={() => stopStorm(active)}>
          {ts('stormStop', lang, { cmd })}
        </button>
      )}
    </div>
  );
}
