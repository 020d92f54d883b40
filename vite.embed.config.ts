// The embed (embed.html): one classic script and one stylesheet, no modules and no worker, so that the
// page runs opened from file:// as well as from any static host; built into the app's output directory
// after the app (`npm run build`). Its page is written here, with the app's Content-Security-Policy.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP } from './tools/vite-offline';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <link rel="icon" href="data:," />
    <title>Linux Netlab (embedded lab)</title>
    <link rel="stylesheet" href="embed.css" />
    <script src="embed.js" defer></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

function embedPage(): Plugin {
  return {
    name: 'netlab-embed-page',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: PAGE });
    },
  };
}

export default defineConfig({
  plugins: [react(), embedPage()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    emptyOutDir: false,
    copyPublicDir: false,
    cssCodeSplit: false,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      input: 'web/embed/main.tsx',
      output: { format: 'iife', entryFileNames: 'embed.js', assetFileNames: 'embed[extname]' },
    },
  },
});
