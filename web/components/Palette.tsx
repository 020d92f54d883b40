import type { DragEvent } from 'react';
import { PALETTE, PALETTE_MIME } from '../model/palette';
import { useTranslation } from 'react-i18next';

function onDragStart(e: DragEvent<HTMLDivElement>, kind: string) {
  e.dataTransfer.setData(PALETTE_MIME, kind);
  e.dataTransfer.effectAllowed = 'copy';
}

export function Palette() {
  const { t } = useTranslation();
  return (
    <aside className="palette" aria-label={t('palette.label')}>
      <div className="palette-title">{t('palette.title')}</div>
      {PALETTE.map((p) => (
        <div key={p.kind} className={`palette-item pal-${p.kind}`} draggable onDragStart={(e) => onDragStart(e, p.kind)} data-palette={p.kind} role="button" aria-label={t('palette.add', { what: t(`palette.kind.${p.kind}`) })}>
          {t(`palette.kind.${p.kind}`)}
        </div>
      ))}
      <p className="palette-hint">
        {t('palette.hint')}
      </p>
    </aside>
  );
}
