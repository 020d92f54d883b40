// The page's entry: the simulation worker starts first, while the page's own scripts (main.tsx, then the
// UI) are still being fetched and run, so its script loads and the first lab builds in parallel with them.
// main.tsx takes this worker over (client/earlyWorker.ts); a worker started again after a crash is made there.
import { holding } from './client/holding';
import { setEarlyWorker } from './client/earlyWorker';

performance.mark('netlab-boot');
setEarlyWorker(holding(new Worker(new URL('./worker/sim.worker.ts', import.meta.url), { type: 'module' })));

void import('./main');
