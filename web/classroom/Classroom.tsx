// Classroom mode: large type, only the diagram, the lesson's step and the playback bar, driven from the
// keyboard or a presenter's clicker: PageUp/PageDown (or ↑/↓) the lesson's steps, Space runs a step's
// commands then plays/pauses, ←/→ step the packet flow, +/- speed, F fullscreen, Esc leaves.
import { useEffect } from 'react';
import { useLab } from '../store';
import { selClassroom, selLang, selSetClassroom } from '../lessons/selectors';
import { t } from '../i18n/strings';
import { playback } from './playback';
import { goToStep, runStep } from '../lessons/controller';
import './classroom.css';

function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

/**
 * A presenter's clicker sends these: they drive the lesson wherever the focus is (a button just clicked,
 * the step list, a hidden terminal), so no element swallows them. PgDn/↓ next step, PgUp/↑ the one
 * before, Space runs the step's commands once (then plays/pauses the flow), →/← step the flow.
 */
const CLICKER: Record<string, () => void> = {
  PageDown: () => nextStep(1),
  ArrowDown: () => nextStep(1),
  PageUp: () => nextStep(-1),
  ArrowUp: () => nextStep(-1),
  ' ': () => (useLab.getState().lessonRan ? playback.toggle() : runStep()),
  Enter: () => runStep(),
  ArrowRight: () => playback.step(1),
  ArrowLeft: () => playback.step(-1),
};

function nextStep(dir: 1 | -1): void {
  goToStep(useLab.getState().lessonStep + dir);
}

const OTHER: Record<string, () => void> = {
  '+': () => playback.speed(1),
  '=': () => playback.speed(1),
  '-': () => playback.speed(-1),
  f: () =>
    void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(
      () => {},
    ),
  Escape: () => useLab.getState().setClassroom(false),
};

function onKey(e: KeyboardEvent): void {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const key = e.key === 'F' ? 'f' : e.key === 'Spacebar' ? ' ' : e.key;
  const f = CLICKER[key] ?? (typing(e) ? undefined : OTHER[key]);
  if (!f) return;
  e.preventDefault();
  e.stopPropagation();
  if (e.repeat && key === ' ') return;
  f();
}

export function Classroom() {
  const on = useLab(selClassroom);
  const lang = useLab(selLang);
  const leave = useLab(selSetClassroom);
  useEffect(() => {
    if (!on) return;
    document.body.classList.add('classroom');
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.body.classList.remove('classroom');
      window.removeEventListener('keydown', onKey, true);
    };
  }, [on]);
  if (!on) return null;
  return (
    <header>
      <h1 className="sr-only">Linux netlab · {t('classroom', lang)}</h1>
      <div className="classroom-bar">
        <span>{t('keys', lang)}</span>
        <button type="button" onClick={() => leave(false)}>
          {t('leave', lang)}
        </button>
      </div>
    </header>
  );
}
