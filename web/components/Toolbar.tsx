import { useEffect } from 'react';
import { useLab } from '../store';
import { selCanRedo, selCanUndo, selUndoLabel, selLoadPreset, selPresetId, selRedo, selUndo, selWorkerStatus, selFlowOn, selSetFlowOn } from '../store/selectors';
import { PRESETS } from '../presets/article';
import { LabMenu } from '../persist/LabMenu';

const STATUS_TEXT = { ready: 'kernel ready', starting: 'starting…', restarting: 'restarting…', failed: 'simulation stopped: reload the page' } as const;

export function Toolbar() {
  const presetId = useLab(selPresetId);
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
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
  return (
    <header className="toolbar">
      <strong className="brand">Linux netlab</strong>
      <label>
        Diagram{' '}
        <select aria-label="Preset" value={presetId} onChange={(e) => loadPreset(e.target.value)}>
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
      <span className={`status status-${status}`} data-testid="worker-status">
        {STATUS_TEXT[status]}
      </span>
    </header>
  );
}
