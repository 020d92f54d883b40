// Two build-only Vite plugins. `csp` writes the page's Content-Security-Policy into the built index.html
// (not into the dev server's page: Vite's HMR client is an inline-injected module talking over a
// websocket, which this policy forbids). `serviceWorker` emits sw.js with the build's own file list, so
// after one visit the app works with no network (the worker cannot know hashed names otherwise).
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function csp(): Plugin {
  return {
    name: 'netlab-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

const SW = (
  version: string,
  files: string[],
) => `// The offline copy of this build (written by tools/vite-offline.ts): every built file cached at install,
// served from the cache first; pages fall back to the cached index.html when the network is gone.
const CACHE = 'netlab-${version}';
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys().then((ks) => Promise.all(ks.filter((k) => k.startsWith('netlab-') && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).catch(() => caches.match('./index.html', { ignoreSearch: true })));
    return;
  }
  e.respondWith(caches.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)));
});
`;

export function serviceWorker(): Plugin {
  return {
    name: 'netlab-sw',
    apply: 'build',
    generateBundle(_, bundle) {
      const files = [
        './',
        './index.html',
        ...Object.keys(bundle)
          .filter((f) => f !== 'index.html')
          .map((f) => `./${f}`),
      ].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: SW(version, files) });
    },
  };
}
