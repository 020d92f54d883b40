import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { useLab } from '../store';
import {
  selActiveTerm,
  selActiveTermId,
  selExtraTerms,
  selFlowEndTime,
  selInterrupt,
  selNamespaceNames,
  selOutputUntil,
  selSelectedNsSnap,
  selSelectTerm,
  selTermClear,
} from '../store/selectors';
import { shownLines, type TermLine } from '../store/terminal';
import { complete } from '../model/complete';
import { termNs } from '../protocol';
import { nsRole } from '../model/ids';
import { stopHung } from '../client/heartbeat';
import { runTyped, stopStorm } from '../store/actions';
import { useTranslation } from 'react-i18next';
import { t } from '../i18n/strings';
import { selLang } from '../lessons/selectors';
import { TAIL } from './termTail';

export const prompt = (ns: string) => `root@${termNs(ns)}:~# `;

/** A terminal's tab: its namespace, or for another terminal in it (a capture's) what it is for. */
const tabLabel = (t: string) => (t.includes('#') ? `${termNs(t)}: ${t.split('#')[1]}` : t);

export function Terminal() {
  const active = useLab(selActiveTermId);
  const names = useLab(selNamespaceNames).split(' ');
  const extra = useLab(selExtraTerms);
  const selectTerm = useLab(selSelectTerm);
  const { t: tr } = useTranslation();
  // the command line takes focus when a person picks a terminal, never on load
  const [picked, setPicked] = useState(false);
  // each namespace's own terminal, then the others open in it right after it; the host's and its guests'
  // first, the physical network's (the world around the host: LAN, gateway, internet) apart after them
  const tabsOf = (ns: string[]) => ns.flatMap((n) => [n, ...extra.split(' ').filter((t) => t && termNs(t) === n)]);
  const mine = tabsOf(names.filter((n) => nsRole(n) !== 'lan'));
  const world = tabsOf(names.filter((n) => nsRole(n) === 'lan'));
  const tab = (t: string) => (
    <button
      key={t}
      type="button"
      role="tab"
      aria-selected={t === active}
      className={t === active ? 'active' : t.includes('#') ? 'extra' : ''}
      onClick={() => (setPicked(true), selectTerm(t))}
      data-term={t}
    >
      {tabLabel(t)}
    </button>
  );
  return (
    <section className="terminal" aria-label={tr('term.label')}>
      <div className="tabs">
        <div className="tab-group" role="tablist" aria-label={tr('term.groupHost')}>
          {mine.map(tab)}
        </div>
        {world.length > 0 && (
          <div
            className="tab-group tab-group-world"
            role="tablist"
            aria-label={tr('term.groupWorld')}
            data-testid="world-tabs"
          >
            <span className="tab-group-name" aria-hidden="true">
              {tr('term.groupWorld')}
            </span>
            {world.map(tab)}
          </div>
        )}
      </div>
      <TermScreen key={active} ns={active} focus={picked} />
    </section>
  );
}

function TermScreen({ ns, focus }: { ns: string; focus: boolean }) {
  const lang = useLab(selLang);
  const term = useLab(selActiveTerm);
  // with packet flow on, output waits for the playback to reach the event that printed it
  const until = useLab(selOutputUntil);
  const flowEnd = useLab(selFlowEndTime);
  const lines = useMemo(() => shownLines(term.lines, until, flowEnd), [term.lines, until, flowEnd]);
  const nsSnap = useLab(selSelectedNsSnap);
  const nsNames = useLab(selNamespaceNames);
  const interrupt = useLab(selInterrupt);
  const clear = useLab(selTermClear);
  const [input, setInput] = useState('');
  const { t: tr } = useTranslation();
  const [histPos, setHistPos] = useState<number | null>(null);
  const [choices, setChoices] = useState<string[]>([]);
  const screen = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Esc then Tab (or Shift+Tab) leaves the terminal, as in VS Code's; Tab alone completes
  const escaped = useRef(false);
  // Only the last TAIL lines are in the page until a person goes up the scrollback (issue 15: each Enter
  // laid out every line, thousands once a build had printed); going near the top of them, the wheel up or
  // Page Up put every line back, and the next command brings the view to the bottom and the tail again
  const [whole, setWhole] = useState(false);
  const fromBottom = useRef(0);
  const shown = whole || lines.length <= TAIL ? lines : lines.slice(lines.length - TAIL);
  const showWhole = () => {
    const el = screen.current;
    if (whole || lines.length <= TAIL || !el) return;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    setWhole(true);
  };
  // what was in view stays in view as the earlier lines come in above it
  useLayoutEffect(() => {
    const el = screen.current;
    if (whole && el) el.scrollTop = el.scrollHeight - fromBottom.current;
  }, [whole]);

  // to the bottom once per frame at most (reading the height lays the page out): a flush of many lines
  // or many flushes in a frame cost one layout, the one the frame makes anyway
  useEffect(() => {
    const t = requestAnimationFrame(() => screen.current?.scrollTo(0, screen.current.scrollHeight));
    return () => cancelAnimationFrame(t);
  }, [lines, choices]);

  const submit = (text: string) => {
    runTyped(ns, text);
    setWhole(false);
    setInput('');
    setHistPos(null);
    setChoices([]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const wasEscaped = escaped.current;
    escaped.current = e.key === 'Escape' || (wasEscaped && e.key === 'Shift');
    if (e.key === 'Tab' && wasEscaped) return; // the browser moves focus on
    if (e.key === 'PageUp' || (e.key === 'Home' && e.ctrlKey)) showWhole();
    if (e.key === 'Enter') {
      e.preventDefault();
      submit(input);
    } else if (e.key === 'c' && e.ctrlKey) {
      e.preventDefault();
      // a worker that stopped answering would only queue the ^C: end it instead
      if (useLab.getState().hung) stopHung();
      else {
        interrupt(ns);
        // during a broadcast storm Ctrl+C also types what ends it on Linux: the loop's bridge down
        stopStorm(ns);
      }
      setInput('');
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      clear(ns);
      setChoices([]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      const c = complete(input, { devices: nsSnap?.devices.map((d) => d.name) ?? [], namespaces: nsNames.split(' ') });
      setInput(c.text);
      setChoices(c.choices);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const h = term.history;
      if (!h.length) return;
      const pos = histPos ?? h.length;
      const next = e.key === 'ArrowUp' ? Math.max(0, pos - 1) : Math.min(h.length, pos + 1);
      setHistPos(next);
      setInput(next === h.length ? '' : h[next]);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!text.includes('\n')) return;
    e.preventDefault();
    submit(input + text);
  };

  return (
    <div
      className="term-screen"
      ref={screen}
      onClick={() => inputRef.current?.focus()}
      onWheel={(e) => e.deltaY < 0 && showWhole()}
      onScroll={(e) => e.currentTarget.scrollTop < e.currentTarget.clientHeight && showWhole()}
      data-testid={`term-${ns}`}
    >
      <div className="term-greeting" id={`term-greeting-${ns}`}>
        {t('termGreeting', lang)}
      </div>
      {shown.map((l) => (
        <Line key={keyOf(l)} l={l} ns={ns} />
      ))}
      {choices.length > 0 && <div className="term-line choices">{choices.join('  ')}</div>}
      <div className="term-input-line">
        {!term.busy && <span className="term-prompt">{prompt(ns)}</span>}
        <input
          ref={inputRef}
          className="term-input"
          aria-label={tr('term.line', { netns: ns })}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`term-greeting-${ns}`}
          autoFocus={focus}
        />
      </div>
    </div>
  );
}

/**
 * Each line object's key, for as long as it lives: when the scrollback is full a new line pushes the
 * oldest out, and keyed by its index every line would get its neighbour's text (thousands of updates
 * and a layout of them all per line); keyed by itself, one element goes and one comes.
 */
const lineKeys = new WeakMap<TermLine, number>();
let lastKey = 0;
function keyOf(l: TermLine): number {
  let k = lineKeys.get(l);
  if (k === undefined) lineKeys.set(l, (k = ++lastKey));
  return k;
}

/** One line: the same line object renders once, however often the lines after it change. */
const Line = memo(function Line({ l, ns }: { l: TermLine; ns: string }) {
  return <div className={`term-line ${l.kind}`}>{l.kind === 'cmd' ? prompt(ns) + l.text : l.text || '\u00a0'}</div>;
});
