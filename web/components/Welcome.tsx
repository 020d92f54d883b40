// A newcomer's first visit: where to start (the guided lesson, the article's diagrams, an empty lab).
// Dismissed once, by any of its choices or by its close button, it stays away (remembered in the browser).
import { useState } from 'react';
import { useLab } from '../store';
import { selLang, selLessonOpen } from '../lessons/selectors';
import { t } from '../i18n/strings';
import { BUILT_IN_LESSONS } from '../lessons/builtin';
import { newEmptyLab, replaceLab } from '../persist/replace';

const KEY = 'netlab:welcomed';

function seen(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function Welcome() {
  const lang = useLab(selLang);
  const lessonOpen = useLab(selLessonOpen);
  const [shown, setShown] = useState(() => !seen());
  if (!shown || lessonOpen) return null;
  const done = () => {
    setShown(false);
    try {
      localStorage.setItem(KEY, '1');
    } catch {
      /* not remembered: shown again next visit */
    }
  };
  const [lessonId, lesson] = Object.entries(BUILT_IN_LESSONS)[0] ?? [];
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcomeTitle', lang)}</h2>
      <p>{t('welcomeBody', lang)}</p>
      <div className="welcome-choices">
        {lesson && (
          <button
            type="button"
            onClick={() => (
              done(),
              replaceLab(
                { kind: 'lesson', name: lesson.title },
                () => void import('../lessons/controller').then((c) => c.openBuiltInLesson(lessonId!)),
              )
            )}
          >
            {t('welcomeLesson', lang)}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            done();
            const sel = document.querySelector<HTMLSelectElement>('select[aria-label="Preset"]');
            sel?.focus();
            try {
              sel?.showPicker?.();
            } catch {
              /* a picker needs a user gesture some browsers do not see here: focused is enough */
            }
          }}
        >
          {t('welcomePresets', lang)}
        </button>
        <button type="button" onClick={() => (done(), replaceLab({ kind: 'new' }, newEmptyLab))}>
          {t('welcomeEmpty', lang)}
        </button>
      </div>
      <button type="button" className="welcome-close" aria-label={t('welcomeDismiss', lang)} onClick={done}>
        ×
      </button>
    </section>
  );
}
