// The lesson beside the diagram: the step's text, the article's drawing, its commands (run with one click
// or typed in the terminal), what to watch, the check's verdict and where the kernel differs.
import { useEffect, useRef } from 'react';
import { useLab } from '../store';
import { commandLine, pick, type LessonStep, type Text } from '../../sim/index';
import { t } from '../i18n/strings';
import type { Lang } from '../i18n/lang';
import { checkStep, goToStep, resetStep, runStep } from './controller';
import {
  selClassroom,
  selCurrentStep,
  selCurrentVerdict,
  selLang,
  selLesson,
  selLessonOpen,
  selLessonStarting,
  selLessonStep,
  selSetClassroom,
  selSetLang,
  selSetLessonOpen,
} from './selectors';
import './lessons.css';

function Paras({ text, lang }: { text: Text; lang: Lang }) {
  return (
    <>
      {pick(text, lang)
        .split(/\n\s*\n/)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

function Verdict({ lang }: { lang: Lang }) {
  const v = useLab(selCurrentVerdict);
  const step = useLab(selCurrentStep);
  const classroom = useLab(selClassroom);
  const ref = useRef<HTMLDivElement>(null);
  const done = v?.state === 'done';
  // in front of a class (no mouse, a clicker), a verdict below the fold is scrolled into view
  useEffect(() => {
    if (done && classroom) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [done, classroom]);
  if (!step?.check) return <p className="lesson-verdict reading">{t('reading', lang)}</p>;
  if (!v) return null;
  if (v.state === 'pending')
    return (
      <p className="lesson-verdict pending" role="status">
        {t('checking', lang)}
      </p>
    );
  const pass = !!v.result?.pass;
  return (
    <div
      ref={ref}
      className={`lesson-verdict ${pass ? 'pass' : 'fail'}`}
      role="status"
      data-testid="lesson-verdict"
      data-pass={String(pass)}
    >
      <strong>{pass ? `✓ ${t('passed', lang)}` : `✗ ${t('failed', lang)}`}</strong>{' '}
      <span>{v.result ? pick(v.result.says, lang) : v.error}</span>
    </div>
  );
}

function Commands({ step, lang }: { step: LessonStep; lang: Lang }) {
  const starting = useLab(selLessonStarting);
  if (!step.commands.length) return null;
  return (
    <section className="lesson-commands">
      <pre aria-label={t('lesson.stepCommands', lang)}>
        {step.commands.map((c, i) => (
          <div key={i} className={c.note ? 'note' : 'cmd'}>
            {c.note ? commandLine(c, lang) : `${c.ns === 'host' ? '' : `[${c.ns}] `}$ ${c.run}`}
          </div>
        ))}
      </pre>
      <div className="lesson-actions">
        <button type="button" onClick={runStep} disabled={starting}>
          {t('run', lang)}
        </button>
        <span className="muted">{t('typed', lang)}</span>
        {step.check && (
          <button type="button" onClick={() => checkStep(step.id)}>
            {t('check', lang)}
          </button>
        )}
      </div>
      {step.watch.capture.length > 0 && (
        <p className="lesson-watch">
          {t('watch', lang)}: {t('captures', lang)} {step.watch.capture.join(', ')}
        </p>
      )}
    </section>
  );
}

export function LessonPane() {
  const open = useLab(selLessonOpen);
  const lesson = useLab(selLesson);
  const i = useLab(selLessonStep);
  const step = useLab(selCurrentStep);
  const lang = useLab(selLang);
  const classroom = useLab(selClassroom);
  const setLang = useLab(selSetLang);
  const starting = useLab(selLessonStarting);
  const setOpen = useLab(selSetLessonOpen);
  const setClassroom = useLab(selSetClassroom);
  if (!open || !lesson || !step) return null;
  const n = lesson.steps.length;
  return (
    <aside className="lesson" aria-label={t('lesson', lang)} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="lesson-head">
        <strong className="lesson-title">{pick(lesson.title, lang)}</strong>
        <span className="lesson-langs" role="group" aria-label={t('toolbar.language', lang)}>
          <button type="button" aria-pressed={lang === 'zh'} onClick={() => setLang('zh')}>
            中文
          </button>
          <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
            English
          </button>
        </span>
        {!classroom && (
          <button type="button" onClick={() => setClassroom(true)}>
            {t('classroom', lang)}
          </button>
        )}
        {!classroom && (
          <button type="button" aria-label={t('close', lang)} onClick={() => setOpen(false)}>
            ×
          </button>
        )}
      </header>
      <nav className="lesson-nav">
        <button type="button" onClick={() => goToStep(i - 1)} disabled={i === 0}>
          ← {t('prev', lang)}
        </button>
        <span data-testid="lesson-progress">
          {t('step', lang)} {i + 1} {t('of', lang)} {n}
        </span>
        <button type="button" onClick={() => goToStep(i + 1)} disabled={i === n - 1}>
          {t('next', lang)} →
        </button>
      </nav>
      <div className="lesson-steps">
        <select aria-label={t('steps', lang)} value={i} onChange={(e) => goToStep(Number(e.target.value))}>
          {lesson.steps.map((x, k) => (
            <option key={x.id} value={k}>
              {k + 1}. {pick(x.title, lang)}
            </option>
          ))}
        </select>
        <button type="button" onClick={resetStep} disabled={starting} title={t('resetHint', lang)}>
          ↺ {t('reset', lang)}
        </button>
        {starting && (
          <span className="muted lesson-starting" role="status">
            {t('preparing', lang)}
          </span>
        )}
      </div>
      <article className="lesson-body">
        <h2>{pick(step.title, lang)}</h2>
        <Paras text={step.text} lang={lang} />
        {step.diagram && (
          <pre className="lesson-diagram" tabIndex={0}>
            {step.diagram}
          </pre>
        )}
        <Commands step={step} lang={lang} />
        <Verdict lang={lang} />
        {step.explain && (
          <details className="lesson-explain" open>
            <summary>{t('kernel', lang)}</summary>
            <Paras text={step.explain} lang={lang} />
          </details>
        )}
      </article>
    </aside>
  );
}
