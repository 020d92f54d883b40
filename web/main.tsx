// Loaded by boot.ts, which started the simulation worker already (it builds the article's first diagram
// meanwhile): hand it the first lab, then the UI.
import { startSim } from './client/simClient';
import { loadPreset, runTyped } from './store/actions';
import { FIRST_PRESET } from '../sim/index';
import { startLab } from './persist/autosave';
import { registerOffline } from './offline';
import { takeEarlyWorker } from './client/earlyWorker';

performance.mark('netlab-main');
const sim = startSim(
  () => void startLab(() => loadPreset(FIRST_PRESET.id)),
  () => takeEarlyWorker() ?? new Worker(new URL('./worker/sim.worker.ts', import.meta.url), { type: 'module' }),
);
window.__netlab = { crashWorker: () => sim.crash(), run: (term, text) => runTyped(term, text) };
registerOffline();

// interactive: the first diagram drawn from the kernel's state, in the frame after React committed it
function markInteractive(): void {
  const done = () => {
    if (window.__netlab!.interactiveAt !== undefined) return;
    requestAnimationFrame(() => {
      performance.mark('netlab-interactive');
      window.__netlab!.interactiveAt = performance.now();
    });
  };
  const poll = () => (document.querySelector('.react-flow__node-device') ? done() : requestAnimationFrame(poll));
  poll();
}

void import('./ui').then(({ mount }) => {
  performance.mark('netlab-ui');
  mount(document.getElementById('root')!);
  performance.mark('netlab-mounted');
  markInteractive();
});
