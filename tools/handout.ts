// npx tsx tools/handout.ts LESSON.json [--lang en|zh] [--out FILE.html]
// A lesson as a printable handout (web/export/handout.ts): each step's text, commands and their output,
// the diagram after the step, and where the real kernel differs. Without --out, the HTML goes to stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadLesson } from '../sim/lessons/validate';
import { lessonHandout } from '../web/export/handout';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !['--lang', '--out'].includes(args[i - 1] ?? ''));
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const lang = opt('--lang') ?? 'en';
if (!file || (lang !== 'en' && lang !== 'zh')) {
  console.error('usage: npx tsx tools/handout.ts LESSON.json [--lang en|zh] [--out FILE.html]');
  process.exit(2);
}
try {
  const html = lessonHandout(loadLesson(readFileSync(file, 'utf8'), file), lang);
  const out = opt('--out');
  if (out) writeFileSync(out, html);
  else process.stdout.write(html);
} catch (e) {
  console.error(`handout: ${(e as Error).message}`);
  process.exit(1);
}
