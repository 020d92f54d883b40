// The toolbar's Lab menu: lessons, lab files, share links, scripts for a real machine; and the notice line.
import { useRef, useState } from 'react';
import { useLab } from '../store';
import { selLesson, selLessonOpen, selNotice, selSetLessonOpen, selSetNotice } from '../lessons/selectors';
import './persist.css';
import { BUILT_IN_LESSONS } from '../lessons/builtin';

const files = () => import('./files');
const lessons = () => import('../lessons/controller');

export function LabMenu() {
  const [link, setLink] = useState('');
  const [importing, setImporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const lessonInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const lesson = useLab(selLesson);
  const lessonOpen = useLab(selLessonOpen);
  const setLessonOpen = useLab(selSetLessonOpen);
  const close = () => menu.current?.removeAttribute('open');
  const act = (f: () => void) => () => {
    close();
    f();
  };
  return (
    <>
      <details className="lab-menu" ref={menu}>
        <summary>Lab</summary>
        <div className="lab-menu-items" role="menu">
          {lesson && !lessonOpen && (
            <button type="button" role="menuitem" onClick={act(() => setLessonOpen(true))}>
              Show the lesson
            </button>
          )}
          {Object.entries(BUILT_IN_LESSONS).map(([id, l]) => (
            <button key={id} type="button" role="menuitem" onClick={act(() => void lessons().then((c) => c.openBuiltInLesson(id)))}>
              Lesson: {l.title}
            </button>
          ))}
          <button type="button" role="menuitem" onClick={act(() => lessonInput.current?.click())}>
            Open a lesson file…
          </button>
          <hr />
          <button type="button" role="menuitem" onClick={act(() => void files().then((f) => f.saveLabFile()))}>
            Save lab file
          </button>
          <button type="button" role="menuitem" onClick={act(() => fileInput.current?.click())}>
            Open lab file…
          </button>
          <button type="button" role="menuitem" onClick={act(() => void files().then((f) => f.shareLink()).then(setLink))}>
            Share as link
          </button>
          <hr />
          <button type="button" role="menuitem" onClick={act(() => void files().then((f) => f.exportLabScript()))}>
            Export shell script
          </button>
          <button type="button" role="menuitem" onClick={act(() => setImporting(true))}>
            Import shell script…
          </button>
        </div>
      </details>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Lab file" onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) void files().then((m) => m.openLabFile(f));
      }} />
      <input ref={lessonInput} type="file" accept=".json,application/json" hidden aria-label="Lesson file" onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) void Promise.all([lessons(), f.text()]).then(([c, text]) => c.openLessonText(text, f.name));
      }} />
      {link && <ShareBox link={link} onClose={() => setLink('')} />}
      {importing && <ImportBox onClose={() => setImporting(false)} />}
    </>
  );
}

function ShareBox({ link, onClose }: { link: string; onClose: () => void }) {
  return (
    <div className="lab-dialog" role="dialog" aria-label="Share link">
      <p>The whole lab is in this link (nothing is uploaded):</p>
      <input readOnly value={link} aria-label="Share link" onFocus={(e) => e.target.select()} />
      <button type="button" onClick={() => void navigator.clipboard?.writeText(link).catch(() => {})}>Copy</button>
      <button type="button" onClick={onClose}>Close</button>
    </div>
  );
}

function ImportBox({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const go = async () => {
    const p = await (await files()).importLabScript(text);
    setProblems(p);
    if (!p.length) onClose();
  };
  return (
    <div className="lab-dialog" role="dialog" aria-label="Import shell script">
      <p>Paste a script exported from netlab, or commands one per line:</p>
      <textarea aria-label="Script" rows={12} value={text} onChange={(e) => setText(e.target.value)} />
      {problems.length > 0 && (
        <ul className="lab-problems" aria-label="Refused lines">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void go()}>Import</button>
      <button type="button" onClick={onClose}>Cancel</button>
    </div>
  );
}

export function NoticeBar() {
  const n = useLab(selNotice);
  const set = useLab(selSetNotice);
  if (!n) return null;
  return (
    <div className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
      <span>{n.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => set(null)}>×</button>
    </div>
  );
}
