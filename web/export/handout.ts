// A lesson as a printable handout: for each step its title and text, the commands with what they
// printed, the diagram as the lab stands after the step (run in the simulator, drawn as the page draws
// it) and where the real kernel differs, in the chosen language. One self-contained HTML file: no script,
// print styles that keep a step and its picture together.
import { type Lang, type Lesson, commandLine, pick, LessonRun, takeSnapshot } from '../../sim/runtime';
import { buildDiagram } from '../model/diagram';
import { diagramSvg, FONT_STACK, type SvgOptions } from './svg';

const WORDS = {
  en: {
    step: 'Step',
    commands: 'Commands',
    kernel: 'Where the real kernel differs',
    after: 'The lab after this step',
    source: 'After',
    made: 'Made with Linux Netlab',
  },
  zh: {
    step: '步骤',
    commands: '命令',
    kernel: '真实内核的不同之处',
    after: '本步骤之后的实验',
    source: '改编自',
    made: '由 Linux Netlab 生成',
  },
} as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Paragraphs from blank lines; `code` spans kept as code. */
const prose = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map(
      (p) =>
        `<p>${esc(p.trim())
          .replace(/`([^`]+)`/g, '<code>$1</code>')
          .replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');

/** Outputs longer than this many lines are cut in the handout (the full text is in the app). */
const MAX_OUTPUT_LINES = 40;

/** `words`: the diagram's labels in the handout's language (the page's; English without them). */
export function lessonHandout(
  lesson: Lesson,
  lang: Lang,
  words: Pick<SvgOptions, 'stackLabel' | 'title' | 'station'> = {},
): string {
  const w = WORDS[lang];
  const run = new LessonRun(lesson);
  run.setup();
  const steps = lesson.steps.map((step, i) => {
    const rec = run.runStep(i);
    const { nodes, edges } = buildDiagram(takeSnapshot(run.world), {}, null);
    const svg = diagramSvg(nodes, edges, words)
      .replace(/^<\?xml[^>]*>\s*/, '')
      .replace('<svg ', `<svg role="img" aria-label="${esc(w.after)}" `);
    const ran = [...rec.commands];
    const cmds = step.commands.map((c) => {
      const line = `<div class="cmd"><span class="prompt">${esc(c.ns === 'host' ? 'root@host:~#' : `root@${c.ns}:~#`)}</span> ${esc(commandLine(c, lang))}</div>`;
      if (c.note) return line;
      const r = ran.shift();
      if (!r?.lines.length) return line;
      const cut = r.lines.length > MAX_OUTPUT_LINES ? [...r.lines.slice(0, MAX_OUTPUT_LINES), '…'] : r.lines;
      return `${line}<pre class="out">${esc(cut.join('\n'))}</pre>`;
    });
    return `<section class="step">
<h2>${w.step} ${i + 1}. ${esc(pick(step.title, lang))}</h2>
${prose(pick(step.text, lang))}
${cmds.length ? `<h3>${w.commands}</h3><div class="term">${cmds.join('\n')}</div>` : ''}
<figure>${svg}<figcaption>${w.after}</figcaption></figure>
${step.explain ? `<aside class="kernel"><h3>${w.kernel}</h3>${prose(pick(step.explain, lang))}</aside>` : ''}
</section>`;
  });
  const src = lesson.source
    ? `<p class="source">${w.source}: ${esc(lesson.source.title)}${lesson.source.author ? `, ${esc(lesson.source.author)}` : ''}${lesson.source.url ? ` (${esc(lesson.source.url)})` : ''}</p>`
    : '';
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(pick(lesson.title, lang))}</title>
<style>
body { font: 15px/1.55 ${FONT_STACK}; color: #1d232b; max-width: 900px; margin: 2em auto; padding: 0 1.2em; }
h1 { font-size: 26px; } h2 { font-size: 20px; margin-top: 1.6em; border-top: 1px solid #d9dde3; padding-top: 0.8em; } h3 { font-size: 15px; margin: 1em 0 0.4em; }
code, .term, pre { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12.5px; }
.term { background: #f6f7f9; border: 1px solid #d9dde3; padding: 0.5em 0.8em; }
.cmd { white-space: pre-wrap; word-break: break-all; } .prompt { color: #15803d; }
pre.out { margin: 0.2em 0 0.6em; white-space: pre-wrap; word-break: break-all; color: #374151; }
figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: 12px; color: #66707c; }
aside.kernel { border-left: 4px solid #b45309; background: #fff7ed; padding: 0.3em 1em; }
.source, .made { color: #66707c; font-size: 13px; }
@media print { body { max-width: none; margin: 0; } h2 { break-after: avoid; } figure, aside.kernel, .term { break-inside: avoid; } section.step { break-before: page; } section.step:first-of-type { break-before: auto; } }
</style>
</head>
<body>
<h1>${esc(pick(lesson.title, lang))}</h1>
${lesson.summary ? prose(pick(lesson.summary, lang)) : ''}
${src}
${steps.join('\n')}
<p class="made">${w.made}</p>
</body>
</html>
`;
}
