// A device's context menu on the diagram: capture on it (tcpdump in its namespace), or inspect it. A part
// of the physical network (its devices are not drawn) offers a capture on each of its devices.
import { useEffect } from 'react';
import { useLab } from '../../store';
import { selSelect } from '../../store/selectors';
import { devId } from '../../model/ids';
import { CaptureButton } from '../flow/CaptureButton';
import { useTranslation } from 'react-i18next';

export interface MenuAt {
  x: number;
  y: number;
  ns: string;
  /** the device right-clicked; null: a station, whose `devs` are offered */
  dev: string | null;
  devs?: string[];
}

export function DeviceMenu({ at, onClose }: { at: MenuAt; onClose: () => void }) {
  const select = useLab(selSelect);
  const { t } = useTranslation();
  useEffect(() => {
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e.target instanceof Element && e.target.closest('.device-menu')) return;
      onClose();
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', close);
    };
  }, [onClose]);
  return (
    <div className="device-menu" role="menu" aria-label={t('menu.label', { name: at.dev ?? at.ns })} style={{ left: at.x, top: at.y }}>
      {at.dev === null ? (
        (at.devs ?? []).map((d) => <CaptureButton key={d} ns={at.ns} dev={d} onDone={onClose} label={t('menu.captureOn', { netns: at.ns, dev: d })} />)
      ) : (
        <>
          <CaptureButton ns={at.ns} dev={at.dev} onDone={onClose} />
          <button
            type="button"
            onClick={() => {
              select(devId(at.ns, at.dev!));
              onClose();
            }}
          >
            {t('menu.inspect', { dev: at.dev })}
          </button>
        </>
      )}
    </div>
  );
}
