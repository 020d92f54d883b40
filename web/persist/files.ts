// Lab files and scripts in and out: download the lab as JSON or as a shell script, open a file (refused
// with its problems, the open lab kept, when broken), import a pasted script as the lab's base.
import { termNs, toWorker } from '../protocol';
import { useLab } from '../store';
import { post } from '../store/port';
import { parseLab } from './format';
import { applyLab, currentLab } from './lab';
import { encodeShare } from './share';
import { replaceLab, whatText } from './replace';
import { tf } from '../i18n/strings';
import { saveFile } from './saveFile';

const download = (name: string, text: string, type: string) => saveFile(name, new Blob([text], { type }));

const notify = (kind: 'error' | 'info', text: string) => useLab.getState().setNotice({ kind, text });

export function saveLabFile(): void {
  download('lab.netlab.json', JSON.stringify(currentLab(), null, 1), 'application/json');
}

/** Opens a lab file: a broken one is refused with its problems and the open lab stays as it was. */
export async function openLabFile(file: File): Promise<void> {
  const lang = useLab.getState().lang;
  const r = parseLab(await file.text());
  if (!r.ok)
    return notify(
      'error',
      tf('refused', lang, {
        what: tf('refusedFile', lang, { name: file.name }),
        problems: `${r.problems.slice(0, 3).join('; ')}${r.problems.length > 3 ? ` (+${r.problems.length - 3})` : ''}`,
      }),
    );
  const what = { kind: 'file', name: file.name } as const;
  replaceLab(what, () => {
    applyLab(r.lab);
    notify('info', tf('openedPlain', lang, { what: whatText(what, lang) }));
  });
}

export async function shareLink(): Promise<string> {
  return `${location.origin}${location.pathname}#${await encodeShare(currentLab())}`;
}

/** The lab's commands as a list for exportScript: what each terminal ran, in order. */
function labCommands(): { run: string; ns: string }[] {
  return useLab.getState().log.map((e) => ({ run: e.line, ns: termNs(e.ns) }));
}

export async function exportLabScript(): Promise<void> {
  const { exportLab } = await import('../../sim/labfile');
  const r = exportLab(labCommands(), { title: `linux-netlab: ${useLab.getState().presetId}` });
  if (r.problems.length)
    return notify(
      'error',
      `The lab cannot be exported: ${r.problems
        .slice(0, 3)
        .map((p) => `command ${p.line} \`${p.command}\`: ${p.message}`)
        .join('; ')}`,
    );
  download('lab.sh', r.script, 'text/x-shellscript');
}

/** Imports a script or a list of commands; returns the refused lines (the open lab is kept) or []. */
export async function importLabScript(text: string): Promise<string[]> {
  const { importScript, ImportError } = await import('../../sim/labfile');
  let lines: string[];
  try {
    lines = importScript(text);
  } catch (e) {
    if (e instanceof ImportError) return e.problems.map((p) => `line ${p.line}: ${p.message}: ${p.text}`);
    return [(e as Error).message];
  }
  replaceLab({ kind: 'import' }, () => {
    applyLab({ ...currentLab(), log: [], now: 0, positions: {}, presetId: 'import' });
    post(toWorker({ type: 'run', ns: 'host', lines, group: 'preset:import', mode: 'sync' }));
    const s = useLab.getState();
    s.setNotice({
      kind: 'info',
      text: tf('notice.imported', s.lang, { n: lines.filter((l) => !l.startsWith('#')).length }),
    });
  });
  return [];
}
