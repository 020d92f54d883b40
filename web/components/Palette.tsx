import type { DragEvent } from 'react';
import { PALETTE, PALETTE_MIME, paletteAction, type PaletteKind } from '../model/palette';
import { useTranslation } from 'react-i18next';
import { useLab } from '../store';
import { selRunAction } from '../store/selectors';

function onDragStart(e: DragEvent<HTMLButtonElement>, kind: string) {
  e.dataTransfer.setData(PALETTE_MIME, kind);
  e.dataTransfer.effectAllowed = 'copy';
}

/** Each item adds its device on a click, Enter or Space (in the selected box, else the host), or where it is dropped. */
export function Palette() {
  const { t } = useTranslation();
  const run = useLab(selRunAction);
  const add = (kind: PaletteKind) => {
    const a = paletteAction(kind, useLab.getState().selectedNs);
    if (a) run(a);
  };
  return (
    <aside className="palette" aria-label={t('palette.label')}>
      <div className="palette-title">{t('palette.title')}</div>
      {PALETTE.map((p) => (
        <button
          key={p.kind}
          type="button"
          className={`palette-item pal-${p.kind}`}
          draggable
          onDragStart={(e) => onDragStart(e, p.kind)}
          onClick={() => add(p.kind)}
          data-palette={p.kind}
          aria-label={t('palette.add', { what: t(`palette.kind.${p.kind}`) })}
        >
          {t(`palette.kind.${p.kind}`)}
        </button>
      ))}
      <p className="palette-hint">{t('palette.hint')}</p>
    </aside>
  );
}
