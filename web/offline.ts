// The service worker (emitted by tools/vite-offline.ts) in production builds only: the dev server keeps
// serving fresh modules. Registered a while after load, so that its caching of every built file does not
// compete with the first diagram.
const AFTER_LOAD_MS = 3000;

export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const go = () => void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => {});
  // the page's script may run after the load event (boot.ts imports it once the worker is started)
  if (document.readyState === 'complete') setTimeout(go, AFTER_LOAD_MS);
  else addEventListener('load', () => setTimeout(go, AFTER_LOAD_MS));
}
