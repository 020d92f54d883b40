// A build-only Vite plugin: the page's scripts behind its entry, fetched from the HTML at once. web/boot.ts
// starts the worker and only then imports main.tsx, which imports the UI: left to the imports, each chunk
// is asked for only when the one before has run (index.js, then main.js and the store, then ui.js and its
// CSS), three round trips and two script runs in a row. `modulepreload` links for every chunk main.tsx
// and ui.tsx statically need (and a preload of their CSS) let the browser fetch and compile them while
// index.js runs; they still run in the order the imports give (a preload only fetches).
import type { Plugin } from 'vite';

/** The modules whose chunks the first diagram needs, by path under the project. */
const CRITICAL = ['/web/main.tsx', '/web/ui.tsx'];

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

export function preloadCritical(): Plugin {
  let base = '/';
  return {
    name: 'netlab-preload-critical',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const chunks = Object.values(ctx.bundle).filter((c): c is typeof c & ChunkLike => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const js = new Set<string>();
        const css = new Set<string>();
        const add = (c: ChunkLike) => {
          if (js.has(c.fileName)) return;
          js.add(c.fileName);
          for (const f of c.viteMetadata?.importedCss ?? []) css.add(f);
          for (const f of c.imports) {
            const dep = byName.get(f);
            if (dep) add(dep);
          }
        };
        for (const c of chunks) if (CRITICAL.some((m) => c.facadeModuleId?.endsWith(m))) add(c);
        // what the HTML already loads (the entry and Vite's own preloads) is not asked for twice
        const links = [...js]
          .filter((f) => !html.includes(f))
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${f}` },
            injectTo: 'head' as const,
          }));
        const styles = [...css]
          .filter((f) => !html.includes(f))
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', href: `${base}${f}` },
            injectTo: 'head' as const,
          }));
        return { html, tags: [...links, ...styles] };
      },
    },
  };
}
