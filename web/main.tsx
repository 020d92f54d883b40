import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import { App } from './components/App';
import { startSim } from './client/simClient';
import { useLab } from './store';
import { FIRST_PRESET } from './presets/article';

declare global {
  interface Window {
    /** for the e2e tests and the benchmark */
    __netlab?: { crashWorker(): void; interactiveAt?: number };
  }
}

const sim = startSim(() => useLab.getState().loadPreset(FIRST_PRESET.id));
window.__netlab = { crashWorker: () => sim.crash() };

// interactive: the first diagram drawn from the kernel's state
const unsub = useLab.subscribe((s) => {
  if (s.snap && s.snap.namespaces.length > 1) {
    unsub();
    requestAnimationFrame(() => {
      performance.mark('netlab-interactive');
      window.__netlab!.interactiveAt = performance.now();
    });
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
