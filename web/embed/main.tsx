// An embed's entry (embed.html): the simulation in the page, the lab from the address, the embed's view.
// It never reads or writes the visitor's saved lab, history or language: what it shows lives in its
// address alone. A classic script (no modules, no worker), so it runs from file:// and any static host.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import '../styles.css';
import './embed.css';
import { startSim } from '../client/simClient';
import { useLab } from '../store';
import { loadPreset, runTyped } from '../store/actions';
import { FIRST_PRESET, PRESETS } from '../../sim/index';
import { decodeShare } from '../persist/share';
import { applyLab } from '../persist/lab';
import { player } from '../flows/player';
import { tf } from '../i18n/strings';
import { setLanguage } from '../i18n/i18n';
import { InPageWorker } from './inPageWorker';
import { parseEmbed, appHref, type EmbedParams } from './params';
import { Embed } from './Embed';

const params = parseEmbed(location.hash);
// the language of the address, else the browser's; never remembered (that is the visitor's own setting)
const lang = params.lang ?? (navigator.language.startsWith('zh') ? 'zh' : 'en');
useLab.setState({ lang });
setLanguage(lang);

async function open(p: EmbedParams): Promise<void> {
  const s = useLab.getState();
  if (p.lab) {
    const r = await decodeShare(`lab=${p.lab}`);
    if (r?.ok) {
      // the flow shown: where the author stopped, else the lab's last command
      const last = r.lab.log[r.lab.log.length - 1];
      applyLab(r.lab, r.lab.playback?.from ?? last?.at);
      return;
    }
    s.setNotice({
      kind: 'error',
      text: tf('embedBroken', s.lang, { problems: (r?.problems ?? ['no lab']).slice(0, 3).join('; ') }),
    });
  }
  loadPreset(PRESETS.some((x) => x.id === p.preset) ? p.preset! : FIRST_PRESET.id);
}

/** Once the flow has arrived: the step asked for, and the playback started if asked. */
function whenFlow(p: EmbedParams): void {
  if (p.step === null && p.autoplay === null) return;
  const started = performance.now();
  const poll = setInterval(() => {
    if (player.model.count === 0) {
      if (performance.now() - started > 15_000) clearInterval(poll);
      return;
    }
    clearInterval(poll);
    if (p.step !== null) useLab.getState().selectEvent(Math.min(p.step, player.model.count) - 1 + player.model.base);
    if (p.autoplay !== null) {
      player.setSpeed(p.autoplay);
      player.play();
    }
  }, 100);
}

const sim = startSim(
  () => void open(params).then(() => whenFlow(params)),
  () => new InPageWorker(),
);
window.__netlab = { crashWorker: () => sim.crash(), run: (term, text) => runTyped(term, text) };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Embed params={params} href={appHref(params, location.href)} />
  </StrictMode>,
);
const poll = () =>
  document.querySelector('.react-flow__node-device')
    ? (window.__netlab!.interactiveAt = performance.now())
    : requestAnimationFrame(poll);
poll();
