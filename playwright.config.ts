import { defineConfig } from '@playwright/test';

// E2E_PORT: a second run beside another one (its own port and build directory)
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT = process.env.E2E_PORT ? `dist-e2e-${PORT}` : 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'list' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // keyboard and wheel scrolls land at once: a spec that presses End or Page Up and then looks was
        // racing Chrome's smooth-scroll animation on a busy machine (tables-window and terminal-scrollback
        // each failed so in a full run: the table not yet scrolled, the scrollback moved -0.75 px)
        '--disable-smooth-scrolling',
      ],
    },
  },
  webServer: {
    // build first: `vite preview` without dist/ would make Playwright wait out its timeout.
    // VITE_NETLAB_E2E=1 builds in the one test-only hook (web/worker/sim.worker.ts: a line that hangs the
    // worker, for the heartbeat's spec); production builds leave it out.
    command: `VITE_NETLAB_E2E=1 npx vite build --logLevel warn --outDir ${OUT} && npx vite build -c vite.embed.config.ts --logLevel error --outDir ${OUT} && npx vite preview --outDir ${OUT} --strictPort --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
