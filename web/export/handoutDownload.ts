// Lab › Lesson handout: the open lesson as a printable HTML file in the reader's language (run in the
// page, on demand: the simulator for it is loaded only when asked).
import { useLab } from '../store';
import { lessonHandout } from './handout';
import { saveFile } from '../persist/saveFile';
import { words } from './download';
import { i18n } from '../i18n/i18n';

/** Downloads the open lesson's handout; false when no lesson is open. */
export function downloadHandout(): boolean {
  const s = useLab.getState();
  if (!s.lesson) return false;
  const html = lessonHandout(s.lesson, s.lang, words(i18n.getFixedT(s.lang)));
  saveFile(`${s.lesson.id}-handout-${s.lang}.html`, new Blob([html], { type: 'text/html;charset=utf-8' }));
  return true;
}
