// npx tsx tools/export.ts [--prefix P] [--vms refuse] (--preset ID | --lesson FILE [--upto STEP] | FILE)  > lab.sh
// npx tsx tools/export.ts --import FILE
//
// Writes the POSIX sh script that rebuilds a lab on a real Linux machine (sim/labs/export.ts):
// one of the app's presets, a lesson (its setup and the commands of its steps, up to and including
// STEP), or a file with one command a line. With --import, prints the commands a script or a list
// holds, one a line, refusing anything the simulator does not know. Then, as root:
//   sh lab.sh up; sh lab.sh exec host ping -c 1 192.168.3.1; sh lab.sh down

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportLab, importScript, type ExportOptions, type LabCommand } from '../sim/labs/export';
import { loadLesson } from '../sim/lessons/validate';

/** A lesson's commands in order: its setup, then each step's, up to and including `upto` (an id). */
export function lessonCommands(text: string, source: string, upto?: string): LabCommand[] {
  const lesson = loadLesson(text, source);
  const end = upto === undefined ? lesson.steps.length : lesson.steps.findIndex((s) => s.id === upto) + 1;
  if (end === 0)
    throw new Error(`${source} has no step "${upto}" (steps: ${lesson.steps.map((s) => s.id).join(', ')})`);
  return [...lesson.setup, ...lesson.steps.slice(0, end).flatMap((s) => s.commands)];
}

async function main(argv: string[]): Promise<number> {
  const opts: ExportOptions = {};
  let preset: string | undefined,
    lesson: string | undefined,
    upto: string | undefined,
    imp: string | undefined,
    file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--prefix') opts.prefix = argv[++i];
    else if (a === '--vms') opts.vms = argv[++i] === 'refuse' ? 'refuse' : 'namespaces';
    else if (a === '--preset') preset = argv[++i];
    else if (a === '--lesson') lesson = argv[++i];
    else if (a === '--upto') upto = argv[++i];
    else if (a === '--import') imp = argv[++i];
    else if (a.startsWith('-')) {
      console.error(`unknown option ${a}`);
      return 2;
    } else file = a;
  }
  if (imp !== undefined) {
    for (const c of importScript(readFileSync(imp, 'utf8'))) console.log(c);
    return 0;
  }
  let commands: LabCommand[];
  if (preset !== undefined) {
    const { PRESETS } = await import('../sim/labs/presets/article');
    const p = PRESETS.find((x) => x.id === preset);
    if (!p) {
      console.error(`no preset "${preset}" (presets: ${PRESETS.map((x) => x.id).join(', ')})`);
      return 2;
    }
    commands = [...p.commands];
    opts.title ??= p.title;
  } else if (lesson !== undefined) {
    commands = lessonCommands(readFileSync(lesson, 'utf8'), lesson, upto);
    opts.title ??= `${lesson}${upto ? ` up to ${upto}` : ''}`;
  } else if (file !== undefined) {
    commands = importScript(readFileSync(file, 'utf8'));
    opts.title ??= file;
  } else {
    console.error(
      'usage: npx tsx tools/export.ts [--prefix P] [--vms refuse] (--preset ID | --lesson FILE [--upto STEP] | FILE) > lab.sh\n       npx tsx tools/export.ts --import FILE',
    );
    return 2;
  }
  const r = exportLab(commands, opts);
  if (r.problems.length) {
    for (const p of r.problems) console.error(`line ${p.line}: \`${p.command}\`: ${p.message}`);
    return 1;
  }
  for (const s of r.substitutions) console.error(`note: ${s.ns === 'host' ? '' : `${s.ns}:`}${s.dev}: ${s.note}`);
  process.stdout.write(r.script);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (c) => process.exit(c),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
