import { useEffect } from 'react';
import { useLab } from '../store';
import { loadPreset, redo, undo } from '../store/actions';
import {
  selCanRedo,
  selCanUndo,
  selUndoLabel,
  selDiagramValue,
  selWorkerStatus,
  selFlowOn,
  selSetFlowOn,
  selHung,
} from '../store/selectors';
import { selLang, selSetLang } from '../lessons/selectors';
import { useTranslation } from 'react-i18next';
import { i18n, type StringKey } from '../i18n/i18n';
import { PRESETS } from '../../sim/index';
import { LabMenu } from '../persist/LabMenu';
import { replaceLab } from '../persist/replace';
import { t } from '../i18n/strings';

/** Ctrl+Z belongs to the page, except in a text field holding text (the terminal's line edits itself). */
function keyForUndo(target: EventTarget | null): boolean {
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return false;
  if (target instanceof HTMLInputElement) return target.classList.contains('term-input') && target.value === '';
  return true;
}

/** A preset's title in the reader's language (a preset without a translation keeps its own). */
function presetTitle(p: { id: string; title: string }, tr: (k: StringKey) => string): string {
  const key = `preset.${p.id}` as StringKey;
  return i18n.exists(key) ? tr(key) : p.title;
}

export function Toolbar() {
  const diagram = useLab(selDiagramValue);
  const lang = useLab(selLang);
  const setLang = useLab(selSetLang);
  const { t: tr } = useTranslation();
  const hung = useLab(selHung);
  const canUndo = useLab(selCanUndo);
  const canRedo = useLab(selCanRedo);
  const undoLabel = useLab(selUndoLabel);
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
  }, []);
  return (
    <header className="toolbar">
      <h1 className="brand">Linux netlab</h1>
      <label>
        {tr('toolbar.diagram')}{' '}
        <select
          aria-label={tr('toolbar.preset')}
          value={diagram}
          onChange={(e) => {
            const p = PRESETS.find((x) => x.id === e.target.value);
            if (p) replaceLab({ kind: 'preset', name: presetTitle(p, tr) }, () => loadPreset(p.id));
          }}
        >
          {diagram === '' && (
            <option value="" disabled>
              {t('customLab', lang)}
            </option>
          )}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {presetTitle(p, tr)}
            </option>
          ))}
        </select>
      </label>
      <LabMenu />
      <button
        type="button"
        onClick={undo}
        disabled={!canUndo}
        title={undoLabel ? tr('toolbar.undoWhat', { what: undoLabel }) : tr('toolbar.nothingToUndo')}
      >
        {tr('toolbar.undo')}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title={tr('toolbar.redoHint')}>
        {tr('toolbar.redo')}
      </button>
      <label title={tr('toolbar.flowHint')}>
        <input type="checkbox" checked={flowOn} onChange={(e) => setFlowOn(e.target.checked)} /> {tr('toolbar.flow')}
      </label>
      <select
        className="lang-switch"
        aria-label={tr('toolbar.language')}
        value={lang}
        onChange={(e) => setLang(e.target.value === 'zh' ? 'zh' : 'en')}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="zh" lang="zh-CN">
          中文
        </option>
      </select>
      <span className={`status status-${hung ? 'busy' : status}`} data-testid="worker-status" role="status">
        {hung ? t('busy', lang) : tr(`status.${status}`)}
      </span>
    </header>
  );
}
