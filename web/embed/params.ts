// What an embed's address asks for: `embed.html#lab=...` (a share link's encoding) or `#preset=ID`, and
// optionally `step=N` (the flow step, as the playback bar numbers it), `lang=en|zh`, `readonly=1` (no
// terminal) and `autoplay=SPEED` (play the flow at once; 1 when given without a number).
import { SPEEDS } from '../flows/player';

export interface EmbedParams {
  /** the share link's data (after `lab=`) */
  lab: string | null;
  preset: string | null;
  step: number | null;
  lang: 'en' | 'zh' | null;
  readonly: boolean;
  autoplay: number | null;
}

const MAX_STEP = 1_000_000;

export function parseEmbed(fragment: string): EmbedParams {
  const q = new URLSearchParams(fragment.replace(/^#/, ''));
  const step = Number(q.get('step'));
  const lang = q.get('lang');
  const auto = q.get('autoplay');
  const speed = auto === null ? null : auto === '' || auto === '1' ? 1 : Number(auto);
  return {
    lab: q.get('lab'),
    preset: q.get('preset'),
    step: Number.isSafeInteger(step) && step >= 1 && step <= MAX_STEP ? step : null,
    lang: lang === 'en' || lang === 'zh' ? lang : null,
    readonly: q.get('readonly') === '1',
    // the playback bar's speeds only; anything else plays at 1x
    autoplay: speed === null || auto === '0' ? null : (SPEEDS as readonly number[]).includes(speed) ? speed : 1,
  };
}

/** The app's address for the same lab (the embed's "open in Linux Netlab"). */
export function appHref(p: EmbedParams, base: string): string {
  const url = new URL('index.html', base);
  if (p.lab) url.hash = `lab=${p.lab}`;
  return url.href;
}
