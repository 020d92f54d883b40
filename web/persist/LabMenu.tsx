// The toolbar's Lab menu: lessons, lab files, share links, scripts for a real machine; and the notice line.
import { useRef, useState } from 'react';
import { useLab } from '../store';
import { selLang, selLesson, selLessonOpen, selNotice, selSetLessonOpen, selSetNotice } from '../lessons/selectors';
import { selRecent } from '../store/selectors';
import './persist.css';
import { BUILT_IN_LESSONS } from '../lessons/builtin';
import { t, tf } from '../i18n/strings';
import type { Lang } from '../i18n/lang';
import { labName, newEmptyLab, openRecent, replaceLab } from './replace';
import { LabDialogs } from './LabDialogs';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal';
import { About } from '../about/About';
import { EmbedDialog } from '../export/EmbedDialog';

const files = () => import('./files');
const pictures = () => import('../export/download');
const lessons = () => import('../lessons/controller');

export function LabMenu() {
  const [link, setLink] = useState('');
  const [importing, setImporting] = useState(false);
  const [about, setAbout] = useState(false);
  const [embedding, setEmbedding] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const lessonInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const lesson = useLab(selLesson);
  const lessonOpen = useLab(selLessonOpen);
  const setLessonOpen = useLab(selSetLessonOpen);
  const lang = useLab(selLang);
  const recent = useLab(selRecent);
  const close = () => menu.current?.removeAttribute('open');
  const act = (f: () => void) => () => {
    close();
    f();
  };
  return (
    <>
      <details className="lab-menu" ref={menu}>
        <summary>{t('labMenu', lang)}</summary>
        <div className="lab-menu-items" role="menu">
          {lesson && !lessonOpen && (
            <button type="button" role="menuitem" onClick={act(() => setLessonOpen(true))}>
              {t('showLesson', lang)}
            </button>
          )}
          {Object.entries(BUILT_IN_LESSONS).map(([id, l]) => (
            <button
              key={id}
              type="button"
              role="menuitem"
              onClick={act(() =>
                replaceLab(
                  { kind: 'lesson', name: l.title },
                  () => void lessons().then((c) => c.openBuiltInLesson(id)),
                ),
              )}
            >
              {tf('lessonItem', lang, { name: l.title })}
            </button>
          ))}
          <button type="button" role="menuitem" onClick={act(() => lessonInput.current?.click())}>
            {t('openLesson', lang)}
          </button>
          {lesson && (
            <button
              type="button"
              role="menuitem"
              onClick={act(() => void import('../export/handoutDownload').then((h) => h.downloadHandout()))}
            >
              {t('handout', lang)}
            </button>
          )}
          <hr />
          <button type="button" role="menuitem" onClick={act(() => replaceLab({ kind: 'new' }, newEmptyLab))}>
            {t('newLab', lang)}
          </button>
          <button type="button" role="menuitem" onClick={act(() => void files().then((f) => f.saveLabFile()))}>
            {t('saveFile', lang)}
          </button>
          <button type="button" role="menuitem" onClick={act(() => fileInput.current?.click())}>
            {t('openFile', lang)}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={act(
              () =>
                void files()
                  .then((f) => f.shareLink())
                  .then(setLink),
            )}
          >
            {t('shareLink', lang)}
          </button>
          <hr />
          <div className="lab-menu-head" role="presentation">
            {t('recentLabs', lang)}
          </div>
          <div role="group" aria-label={t('recentLabs', lang)} className="lab-menu-recent">
            {recent.length === 0 && <span className="lab-menu-none">{t('noRecent', lang)}</span>}
            {recent.map((r) => (
              <button key={r.id} type="button" role="menuitem" onClick={act(() => openRecent(r))}>
                {tf('recentItem', lang, {
                  time: new Date(r.savedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
                    month: 'short',
                    day: 'numeric',
                    hour: '2-digit',
                    minute: '2-digit',
                    second: '2-digit',
                  }),
                  name: labName(r.lab, lang),
                })}
              </button>
            ))}
          </div>
          <hr />
          <button type="button" role="menuitem" onClick={act(() => void files().then((f) => f.exportLabScript()))}>
            {t('exportScript', lang)}
          </button>
          <button type="button" role="menuitem" onClick={act(() => setImporting(true))}>
            {t('importScript', lang)}
          </button>
          <button type="button" role="menuitem" onClick={act(() => setEmbedding(true))}>
            {t('embed', lang)}
          </button>
          <hr />
          <div className="lab-menu-head" role="presentation">
            {t('pictures', lang)}
          </div>
          <div role="group" aria-label={t('pictures', lang)} className="lab-menu-group">
            {PICTURES.map(([kind, key]) => (
              <button key={kind} type="button" role="menuitem" onClick={act(() => void picture(kind, lang))}>
                {t(key, lang)}
              </button>
            ))}
          </div>
          <hr />
          <button type="button" role="menuitem" onClick={act(() => setAbout(true))}>
            {t('about', lang)}
          </button>
        </div>
      </details>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('lab.fileInput', lang)}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void files().then((m) => m.openLabFile(f));
        }}
      />
      <input
        ref={lessonInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('lab.lessonInput', lang)}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f)
            void Promise.all([lessons(), f.text()]).then(([c, text]) =>
              replaceLab({ kind: 'lesson', name: f.name }, () => c.openLessonText(text, f.name)),
            );
        }}
      />
      {link && <ShareBox link={link} onClose={() => setLink('')} />}
      {importing && <ImportBox onClose={() => setImporting(false)} />}
      {about && <About onClose={() => setAbout(false)} />}
      {embedding && <EmbedDialog onClose={() => setEmbedding(false)} />}
      <LabDialogs />
    </>
  );
}

const PICTURES = [
  ['svg', 'picSvg'],
  ['png', 'picPng'],
  ['png2', 'picPng2'],
  ['txt', 'picTxt'],
  ['step-svg', 'picStep'],
  ['step-png', 'picStepPng'],
  ['flow-svg', 'picFlow'],
] as const;

/** Draws and downloads a picture; says why when there is nothing to draw or it failed. */
async function picture(kind: (typeof PICTURES)[number][0], lang: Lang): Promise<void> {
  const setNotice = useLab.getState().setNotice;
  try {
    const made = await (await pictures()).exportPicture(kind);
    if (!made) setNotice({ kind: 'info', text: t('picNoStep', lang) });
  } catch (e) {
    setNotice({ kind: 'error', text: tf('picFailed', lang, { why: (e as Error).message }) });
  }
}

function ShareBox({ link, onClose }: { link: string; onClose: () => void }) {
  const { t: tr } = useTranslation();
  const lang = useLab(selLang);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const input = useRef<HTMLInputElement>(null);
  const copy = () => {
    const failed = () => (setCopied('failed'), input.current?.select());
    if (!navigator.clipboard) return failed();
    navigator.clipboard.writeText(link).then(() => setCopied('yes'), failed);
  };
  return (
    <Modal className="lab-dialog" label={tr('share.label')} onClose={onClose}>
      <p>{tr('share.body')}</p>
      <div className="share-row">
        <input
          ref={input}
          readOnly
          value={link}
          aria-label={tr('share.label')}
          onFocus={(e) => e.target.select()}
          data-autofocus
        />
        <button type="button" onClick={copy}>
          {tr('share.copy')}
        </button>
        <button type="button" onClick={onClose}>
          {tr('share.close')}
        </button>
      </div>
      <span role="status" className={copied === 'yes' ? 'copied' : 'lab-problems'}>
        {copied === 'yes' ? t('copied', lang) : copied === 'failed' ? t('copyFailed', lang) : ''}
      </span>
    </Modal>
  );
}

function ImportBox({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const { t } = useTranslation();
  const go = async () => {
    const p = await (await files()).importLabScript(text);
    setProblems(p);
    if (!p.length) onClose();
  };
  return (
    <Modal className="lab-dialog" label={t('import.label')} onClose={onClose}>
      <p>{t('import.body')}</p>
      <textarea
        aria-label={t('import.script')}
        rows={12}
        data-autofocus
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {problems.length > 0 && (
        <ul className="lab-problems" aria-label={t('import.refused')}>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void go()}>
        {t('import.go')}
      </button>
      <button type="button" onClick={onClose}>
        {t('import.cancel')}
      </button>
    </Modal>
  );
}

export function NoticeBar() {
  const n = useLab(selNotice);
  const set = useLab(selSetNotice);
  const lang = useLab(selLang);
  if (!n) return null;
  return (
    <div className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
      <span>{n.text}</span>
      {n.actions?.map((a) => (
        <button key={a.label} type="button" className="notice-action" onClick={() => (set(null), a.run())}>
          {a.label}
        </button>
      ))}
      <button type="button" aria-label={t('dismiss', lang)} onClick={() => set(null)}>
        ×
      </button>
    </div>
  );
}
