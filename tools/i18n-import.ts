// Moves strings from an old-style {key: {en, zh}} table (web/i18n/strings.ts before i18next, or a
// branch that still adds to it) into web/i18n/en.json and zh.json: `{name}` places become i18next's
// `{{name}}`; keys already there are kept, and a key whose text differs is reported, not overwritten.
//   npx tsx tools/i18n-import.ts FILE [FILE...]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'i18n');
type Table = Record<string, { en: string; zh: string }>;

/** The object literal of `const S = {...} as const;` (plain data: strings, comments). */
export function readTable(src: string): Table {
  const m = /const\s+S\s*=\s*(\{[\s\S]*?\n\})\s*as\s+const/.exec(src);
  if (!m) throw new Error('no `const S = {...} as const` table in the file');
  return new Function(`return (${m[1]});`)() as Table;
}

const braces = (s: string) => s.replace(/\{(\w+)\}/g, '{{$1}}');

export function merge(table: Table, en: Record<string, string>, zh: Record<string, string>): string[] {
  const notes: string[] = [];
  for (const [k, v] of Object.entries(table)) {
    for (const [lang, out] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      const text = braces(v[lang]);
      if (!(k in out)) out[k] = text;
      else if (out[k] !== text)
        notes.push(`${lang}.${k}: kept ${JSON.stringify(out[k])}, the table says ${JSON.stringify(text)}`);
    }
  }
  return notes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error('usage: npx tsx tools/i18n-import.ts FILE [FILE...]');
    process.exit(2);
  }
  const en = JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(readFileSync(join(dir, 'zh.json'), 'utf8')) as Record<string, string>;
  const before = Object.keys(en).length;
  for (const f of files) for (const n of merge(readTable(readFileSync(f, 'utf8')), en, zh)) console.log(n);
  writeFileSync(join(dir, 'en.json'), `${JSON.stringify(en, null, 2)}\n`);
  writeFileSync(join(dir, 'zh.json'), `${JSON.stringify(zh, null, 2)}\n`);
  console.log(`${Object.keys(en).length - before} keys added`);
}
