// Classroom mode: large type, only the diagram, the lesson's step and the playback bar, driven from the
// keyboard: Space play/pause, ←/→ step the packet flow, PageUp/PageDown (or ↑/↓) the lesson's steps,
// +/- speed, F fullscreen, Esc leaves.
import { useEffect } from 'react';
import { useLab } from '../store';
import { selClassroom, selLang, selSetClassroom } from '../lessons/selectors';
import { t } from '../i18n/strings';
import { playback } from './playback';
import './classroom.css';

function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

function onKey(e: KeyboardEvent): void {
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
  const s = useLab.getState();
  const act: Record<string, () => void> = {
    ' ': () => playback.toggle(),
    ArrowRight: () => playback.step(1),
    ArrowLeft: () => playback.step(-1),
    PageDown: () => s.setLessonStep(s.lessonStep + 1),
    ArrowDown: () => s.setLessonStep(s.lessonStep + 1),
    PageUp: () => s.setLessonStep(s.lessonStep - 1),
    ArrowUp: () => s.setLessonStep(s.lessonStep - 1),
    '+': () => playback.speed(1),
    '=': () => playback.speed(1),
    '-': () => playback.speed(-1),
    f: () => void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {}),
    Escape: () => s.setClassroom(false),
  };
  const f = act[e.key === 'F' ? 'f' : e.key];
  if (!f) return;
  e.preventDefault();
  e.stopPropagation();
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
    <div className="classroom-bar">
      <span>{t('keys', lang)}</span>
      <button type="button" onClick={() => leave(false)}>
        {t('leave', lang)}
      </button>
    </div>
  );
}
