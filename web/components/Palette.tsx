import type { DragEvent } from 'react';
import { PALETTE, PALETTE_MIME } from '../model/palette';

function onDragStart(e: DragEvent<HTMLDivElement>, kind: string) {
  e.dataTransfer.setData(PALETTE_MIME, kind);
  e.dataTransfer.effectAllowed = 'copy';
}

export function Palette() {
  return (
    <aside className="palette" aria-label="Palette">
      <div className="palette-title">Drag onto the diagram</div>
      {PALETTE.map((p) => (
        <div key={p.kind} className={`palette-item pal-${p.kind}`} draggable onDragStart={(e) => onDragStart(e, p.kind)} data-palette={p.kind} role="button" aria-label={`Add ${p.label}`}>
          {p.label}
        </div>
      ))}
      <p className="palette-hint">
        Drop a device on a bridge to make it a port; drag a port out of every box to release it; drag a veth end into a container to move it there.
      </p>
    </aside>
  );
}
