// The selected frame, Wireshark-like: its layers and fields as a tree, and its bytes in hex; a field
// picked in either is highlighted in both. The bytes are those of the frame at the selected step (a
// router's TTL, a NAT rewrite change them on the way).
import { useMemo, useState } from 'react';
import { useLab } from '../../store';
import {
  selFlowCount,
  selSelEvent,
  selSelField,
  selSelFrame,
  selSelectFrame,
  selSetSelField,
} from '../../store/selectors';
import { player } from '../../flows/player';
import { bytesAt } from '../../model/flow';
import { dissect, type Field } from '../../../sim/index';
import { KIND_COLOR } from '../../model/frameKind';
import { fmtTime, frameLine, what, where } from '../../model/eventText';
import { useTranslation } from 'react-i18next';

const PER_ROW = 8;

/** Fields with their `i.j` paths, flattened depth first. */
function flatten(fields: Field[], prefix = ''): { path: string; f: Field; depth: number }[] {
  return fields.flatMap((f, i) => {
    const path = prefix ? `${prefix}.${i}` : String(i);
    return [{ path, f, depth: path.split('.').length - 1 }, ...flatten(f.children ?? [], path)];
  });
}

export function FrameInspector() {
  const frame = useLab(selSelFrame)!;
  const seq = useLab(selSelEvent) ?? -1;
  useLab(selFlowCount);
  const field = useLab(selSelField);
  const setField = useLab(selSetSelField);
  const selectFrame = useLab(selSelectFrame);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const { t } = useTranslation();
  const info = player.model.frames.get(frame);
  const at = bytesAt(player.model, frame, seq);
  const flat = useMemo(() => (at && !at.l3 ? flatten(dissect(at.bytes)) : []), [at?.bytes, at?.l3]);
  const ev = player.model.bySeq(seq);
  if (!info) return null;
  const sel = flat.find((x) => x.path === field)?.f;
  const steps = player.model.eventsOf(frame);
  const path = steps
    .filter((x) => x.e.type === 'rx' || x.e.type === 'xmit' || x.e.type === 'deliver')
    .map((x) => (x.e.type === 'deliver' ? t('frame.upStack', { where: where(x.e) }) : where(x.e)));
  const pickByte = (o: number) => {
    // the deepest field that covers the byte
    let best: { path: string; f: Field; depth: number } | undefined;
    for (const x of flat)
      if (
        o >= x.f.offset &&
        o < x.f.offset + x.f.length &&
        x.f.length < at!.bytes.length &&
        (!best || x.depth >= best.depth)
      )
        best = x;
    setField(best?.path ?? null);
  };
  const shown = (path: string) =>
    path
      .split('.')
      .every(
        (_, i, a) =>
          i === a.length - 1 ||
          open[a.slice(0, i + 1).join('.')] ||
          field?.startsWith(a.slice(0, i + 1).join('.') + '.'),
      );
  return (
    <section className="inspector frame-inspector" aria-label={t('frame.label', { id: frame })}>
      <h2>
        <span className="chip" style={{ background: KIND_COLOR[info.kind] }}>
          {info.label}
        </span>{' '}
        {t('frame.title', { id: frame })}
        <button type="button" className="close" aria-label={t('frame.close')} onClick={() => selectFrame(null)}>
          ×
        </button>
      </h2>
      {ev && (
        <p className="frame-at">
          {t('frame.at', { n: ev.seq + 1, time: fmtTime(ev.e.time), where: where(ev.e), what: what(ev.e, t) })}
        </p>
      )}
      {at && <p className="frame-line mono">{frameLine(at.bytes)}</p>}
      <p className="frame-path">{t('frame.path', { path: path.join(' → ') || '—' })}</p>
      {at?.l3 && <p className="frame-note">{t('frame.l3')}</p>}
      {flat.length > 0 && (
        <ul className="tree" role="tree" aria-label={t('frame.fields')}>
          {flat
            .filter((x) => shown(x.path))
            .map((x) => {
              const kids = !!x.f.children?.length;
              const isOpen = open[x.path] || field?.startsWith(x.path + '.');
              return (
                <li
                  key={x.path}
                  role="treeitem"
                  aria-selected={x.path === field}
                  aria-expanded={kids ? !!isOpen : undefined}
                  className={x.path === field ? 'selected' : ''}
                  style={{ paddingLeft: 4 + x.depth * 14 }}
                  onClick={() => {
                    setField(x.path);
                    if (kids) setOpen((o) => ({ ...o, [x.path]: !o[x.path] }));
                  }}
                >
                  <span className="twisty">{kids ? (isOpen ? '▾' : '▸') : ''}</span>
                  <b>{x.f.name}</b>
                  {x.f.value ? `: ${x.f.value}` : ''}
                </li>
              );
            })}
        </ul>
      )}
      {at && (
        <HexView
          bytes={at.bytes}
          from={sel?.offset ?? -1}
          to={sel ? sel.offset + sel.length : -1}
          onPick={flat.length ? pickByte : undefined}
        />
      )}
    </section>
  );
}

function HexView({
  bytes,
  from,
  to,
  onPick,
}: {
  bytes: Uint8Array;
  from: number;
  to: number;
  onPick?: (o: number) => void;
}) {
  const { t } = useTranslation();
  const rows = [];
  for (let o = 0; o < bytes.length; o += PER_ROW) {
    const row = Array.from(bytes.subarray(o, o + PER_ROW));
    const hl = (i: number) => (o + i >= from && o + i < to ? 'hl' : undefined);
    rows.push(
      <div key={o} className="hex-row">
        <span className="hex-off">{o.toString(16).padStart(4, '0')}</span>
        <span className="hex-bytes">
          {row.map((b, i) => (
            <span key={i} className={hl(i)} onClick={() => onPick?.(o + i)}>
              {b.toString(16).padStart(2, '0')}
            </span>
          ))}
        </span>
        <span className="hex-ascii">
          {row.map((b, i) => (
            <span key={i} className={hl(i)}>
              {b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'}
            </span>
          ))}
        </span>
      </div>,
    );
  }
  return (
    <div className="hex mono" data-testid="hex" aria-label={t('frame.bytes')}>
      {rows}
    </div>
  );
}
