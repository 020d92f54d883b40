// A dialog over a dimmed page: focus moves into it and stays there (Tab and Shift+Tab cycle), Esc or a
// click on the backdrop closes it when it may be closed, and focus goes back where it was.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(el: HTMLElement): HTMLElement[] {
  return [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => !e.hidden && e.offsetParent !== null);
}

export function Modal(p: {
  label: string;
  className: string;
  role?: 'dialog' | 'alertdialog';
  onClose?: () => void;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current;
    if (el && !el.contains(document.activeElement))
      (el.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(el)[0] ?? el).focus();
    return () => {
      // back where the person was, unless they have moved on meanwhile
      if (before?.isConnected && (document.activeElement === document.body || document.activeElement === null))
        before.focus();
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && p.onClose) {
      e.preventDefault();
      e.stopPropagation();
      p.onClose();
    } else if (e.key === 'Tab' && box.current) {
      const all = focusables(box.current);
      if (!all.length) return e.preventDefault();
      const i = all.indexOf(document.activeElement as HTMLElement);
      if (e.shiftKey && i <= 0) {
        e.preventDefault();
        all[all.length - 1].focus();
      } else if (!e.shiftKey && i === all.length - 1) {
        e.preventDefault();
        all[0].focus();
      }
    }
  };
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && p.onClose?.()}
      data-testid="modal-backdrop"
    >
      <div
        ref={box}
        className={p.className}
        role={p.role ?? 'dialog'}
        aria-modal="true"
        aria-label={p.label}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {p.children}
      </div>
    </div>
  );
}
