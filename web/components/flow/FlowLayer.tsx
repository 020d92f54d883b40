// The frames travelling on the diagram: a canvas over React Flow's pane, drawn every animation frame from
// the player's position (no React render per frame). Its pixels go straight to the compositor (an
// OffscreenCanvas drawn on this thread): a frame that only moves shapes repaints nothing of the page under
// it, so a frame's cost follows the frames in flight, not the devices on the diagram. Shapes keep their
// size at any zoom; a click on one selects its frame.
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useLab } from '../../store';
import { player } from '../../flows/player';
import type { FlowGeometry } from '../../flows/geometry';
import { drawFlow, type Ctx2D, type Hit } from '../../flows/draw';
import { useTranslation } from 'react-i18next';

export function FlowLayer({ geometry }: { geometry: FlowGeometry }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const geo = useRef(geometry);
  geo.current = geometry;
  const rf = useStoreApi();

  useEffect(() => {
    const el = canvas.current!;
    const host = el.parentElement!;
    const surface = drawingSurface(el);
    const ctx = surface.getContext('2d') as Ctx2D;
    let hits: Hit[] = [];
    let lastKey = '';
    let lastGeo: FlowGeometry | null = null;
    let raf = 0;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      player.tick(now);
      const dpr = window.devicePixelRatio || 1;
      const w = host.clientWidth;
      const h = host.clientHeight;
      if (surface.width !== Math.round(w * dpr) || surface.height !== Math.round(h * dpr)) {
        surface.width = Math.round(w * dpr);
        surface.height = Math.round(h * dpr);
      }
      const [tx, ty, zoom] = rf.getState().transform;
      const s = useLab.getState();
      const key = `${player.p}|${tx}|${ty}|${zoom}|${w}|${h}|${s.selFrame}|${s.flow.cursor}|${player.model.count}|${player.model.base}`;
      if (key === lastKey && geo.current === lastGeo) return;
      lastKey = key;
      lastGeo = geo.current;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      hits = drawFlow(ctx, {
        geo: geo.current,
        model: player.model,
        p: player.p,
        tx,
        ty,
        zoom,
        selFrame: s.selFrame,
        cursor: s.flow.cursor,
      });
      // what was drawn where, for the e2e specs (canvas px)
      (el as HTMLCanvasElement & { shapes?: Hit[] }).shapes = hits;
      const n = String(hits.length);
      if (el.dataset.shapes !== n) el.dataset.shapes = n;
    };
    raf = requestAnimationFrame(frame);

    // a click on a shape selects its frame (and keeps React Flow from starting a drag under it)
    const onDown = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      const x = e.clientX - r.left;
      const y = e.clientY - r.top;
      for (let i = hits.length - 1; i >= 0; i--) {
        const hit = hits[i];
        if (x >= hit.x && x <= hit.x + hit.w && y >= hit.y && y <= hit.y + hit.h) {
          e.stopPropagation();
          e.preventDefault();
          useLab.getState().selectFrame(hit.frame, hit.seq);
          return;
        }
      }
    };
    host.addEventListener('pointerdown', onDown, true);
    return () => {
      cancelAnimationFrame(raf);
      host.removeEventListener('pointerdown', onDown, true);
    };
  }, [rf]);

  return <canvas ref={canvas} className="flow-layer" aria-label={t('flow.layer')} data-shapes="0" />;
}

/**
 * Where the frames are drawn: the canvas's OffscreenCanvas (its frames go to the compositor without the
 * page being painted again, where the browser has one), else the canvas itself. Transferred once per
 * element: an effect run twice (React's strict mode) gets the same one.
 */
function drawingSurface(el: HTMLCanvasElement): HTMLCanvasElement | OffscreenCanvas {
  const held = el as HTMLCanvasElement & { offscreen?: OffscreenCanvas };
  if (held.offscreen) return held.offscreen;
  if (typeof el.transferControlToOffscreen !== 'function') return el;
  held.offscreen = el.transferControlToOffscreen();
  return held.offscreen;
}
