// A device's context menu on the diagram (right-click, a long press, or the menu key / Shift+F10 on a
// focused device): capture on it, bring it up or down, give it an address, join it to a bridge, a box or
// the LAN switch, remove it, or inspect it. Each item types its command in the terminal (model/actions.ts);
// the kernel's answer is printed there. A part of the physical network offers a capture on each device.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLab } from '../../store';
import { selRunAction, selSelect } from '../../store/selectors';
import { devId } from '../../model/ids';
import { wireTargets } from '../../model/connect';
import { CaptureButton } from '../flow/CaptureButton';
import { useTranslation } from 'react-i18next';

export interface MenuAt {
  x: number;
  y: number;
  ns: string;
  /** the device right-clicked; null: a station, whose `devs` are offered */
  dev: string | null;
  devs?: string[];
  /** the diagram node focus goes back to when the menu closes by Esc */
  back?: HTMLElement | null;
}

const items = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

export function DeviceMenu({ at, onClose }: { at: MenuAt; onClose: () => void }) {
  const select = useLab(selSelect);
  const run = useLab(selRunAction);
  const dev = useLab((s) =>
    at.dev === null
      ? null
      : (s.snap?.namespaces.find((n) => n.name === at.ns)?.devices.find((d) => d.name === at.dev) ?? null),
  );
  const snap = useLab((s) => s.snap);
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  const [addr, setAddr] = useState<string | null>(null);
  useEffect(() => {
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e.target instanceof Element && e.target.closest('.device-menu') && !(e instanceof KeyboardEvent)) return;
      if (e instanceof KeyboardEvent) at.back?.focus();
      onClose();
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', close);
    };
  }, [onClose, at.back]);
  // the first item takes focus, so the keyboard goes on from there
  useEffect(() => items(menu.current)[0]?.focus(), []);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    if (e.target instanceof HTMLInputElement) return;
    e.preventDefault();
    const list = items(menu.current);
    const i = list.indexOf(document.activeElement as HTMLElement);
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? list.length - 1
          : (i + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length;
    list[next]?.focus();
  };
  const act = (f: () => void) => () => {
    f();
    onClose();
  };
  const onAddr = (e: FormEvent) => {
    e.preventDefault();
    const cidr = (addr ?? '').trim();
    if (cidr && at.dev) run({ type: 'addAddr', ns: at.ns, dev: at.dev, cidr });
    onClose();
  };
  // (Canvas keeps `at` clear of the canvas's right and bottom edges)
  const style = { left: at.x, top: at.y, maxHeight: '70vh' };
  return (
    <div
      className="device-menu"
      role="menu"
      ref={menu}
      onKeyDown={onKey}
      aria-label={t('menu.label', { name: at.dev ?? at.ns })}
      style={style}
      data-testid="device-menu"
    >
      {at.dev === null || !dev ? (
        (at.devs ?? []).map((d) => (
          <CaptureButton
            key={d}
            role="menuitem"
            ns={at.ns}
            dev={d}
            onDone={onClose}
            label={t('menu.captureOn', { netns: at.ns, dev: d })}
          />
        ))
      ) : (
        <>
          <CaptureButton role="menuitem" ns={at.ns} dev={dev.name} onDone={onClose} />
          <button
            type="button"
            role="menuitem"
            onClick={act(() => run({ type: 'setUp', ns: at.ns, dev: dev.name, up: !dev.up }))}
          >
            {dev.up ? t('menu.down', { dev: dev.name }) : t('menu.up', { dev: dev.name })}
          </button>
          {addr === null ? (
            <button type="button" role="menuitem" onClick={() => setAddr('')}>
              {t('menu.addAddr')}
            </button>
          ) : (
            <form className="menu-addr" onSubmit={onAddr}>
              <input
                autoFocus
                aria-label={t('insp.newAddr')}
                placeholder="192.168.3.101/24"
                value={addr}
                onChange={(e) => setAddr(e.target.value)}
                size={18}
              />
              <button type="submit">{t('insp.addAddr')}</button>
            </form>
          )}
          {snap &&
            wireTargets(snap, { ns: at.ns, dev: dev.name }).map((w) => (
              <button key={w.key} type="button" role="menuitem" onClick={act(() => run(w.action))}>
                {t(`menu.wire.${w.action.type}` as 'menu.wire.enslave', { dev: dev.name, to: w.to })}
              </button>
            ))}
          {dev.master && (
            <button
              type="button"
              role="menuitem"
              onClick={act(() => run({ type: 'release', ns: at.ns, dev: dev.name }))}
            >
              {t('menu.release', { dev: dev.name, br: dev.master })}
            </button>
          )}
          <button type="button" role="menuitem" onClick={act(() => select(devId(at.ns, dev.name)))}>
            {t('menu.inspect', { dev: dev.name })}
          </button>
          <button
            type="button"
            role="menuitem"
            className="danger"
            onClick={act(() => run({ type: 'deleteDev', ns: at.ns, dev: dev.name }))}
          >
            {t('menu.remove', { dev: dev.name })}
          </button>
        </>
      )}
    </div>
  );
}
