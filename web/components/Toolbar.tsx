import { useEffect } from 'react';
import { useLab } from '../store';
import { selCanRedo, selCanUndo, selUndoLabel, selLoadPreset, selDiagramValue, selRedo, selUndo, selWorkerStatus, selFlowOn, selSetFlowOn, selHung } from '../store/selectors';
import { selLang } from '../lessons/selectors';
import { PRESETS } from '../presets/article';
import { LabMenu } from '../persist/LabMenu';
import { replaceLab } from '../persist/replace';
import { t } from '../i18n/strings';

/** Ctrl+Z belongs to the page, except in a text field holding text (the terminal's line edits itself). */
function keyForUndo(target: EventTarget | null): boolean {
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return false;
  if (target instanceof HTMLInputElement) return target.classList.contains('term-input') && target.value === '';
  return true;
}

const STATUS_TEXT = { ready: 'kernel ready', starting: 'starting…', restarting: 'restarting…', failed: 'simulation stopped: reload the page' } as const;

export function Toolbar() {
  const diagram = useLab(selDiagramValue);
  const lang = useLab(selLang);
  const hung = useLab(selHung);
  const loadPreset = useLab(selLoadPreset);
  const canUndo = useLab(selCanUndo);
  const canRedo = useLab(selCanRedo);
  const undoLabel = useLab(selUndoLabel);
  const undo = useLab(selUndo);
  const redo = useLab(selRedo);
  const status = useLab(selWorkerStatus);
  const flowOn = useLab(selFlowOn);
  const setFlowOn = useLab(selSetFlowOn);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      if (!keyForUndo(e.target)) return;
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
  return (
    <header className="toolbar">
      <h1 className="brand">Linux netlab</h1>
      <label>
        Diagram{' '}
        <select
          aria-label="Preset"
          value={diagram}
          onChange={(e) => {
            const p = PRESETS.find((x) => x.id === e.target.value);
            if (p) replaceLab({ kind: 'preset', name: p.title }, () => loadPreset(p.id));
          }}
        >
          {diagram === '' && (
            <option value="" disabled>
              {t('customLab', lang)}
            </option>
          )}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <LabMenu />
      <button type="button" onClick={undo} disabled={!canUndo} title={undoLabel ? `Undo: ${undoLabel}` : 'Nothing to undo'}>
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <label title="Show every frame hop by hop on the diagram, with its steps in the event list (the simulator reports them only while this is on)">
        <input type="checkbox" checked={flowOn} onChange={(e) => setFlowOn(e.target.checked)} /> Packet flow
      </label>
      <span className={`status status-${hung ? 'busy' : status}`} data-testid="worker-status" role="status">
        {hung ? t('busy', lang) : STATUS_TEXT[status]}
      </span>
    </header>
  );
}
