// Offline for real: the built app is served by a server of this test's own, visited once, then the
// server is shut (connections refused, as on a machine with no network) and the page reloaded. The
// service worker must bring back the whole app, the simulation worker and a lazily loaded lesson
// included. (Chromium's setOffline emulation is not used: under it the page's module script bypassed the
// service worker, which says nothing about a classroom without a network.)
import { createServer, get, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const DIST = resolve(process.env.E2E_PORT ? `dist-e2e-${process.env.E2E_PORT}` : 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
};

/** A static server for the build on a free port, and a way to take it down with its open connections. */
async function serveBuild(): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(DIST, normalize(path === '/' ? '/index.html' : path));
    try {
      if (!file.startsWith(DIST)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const close = () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    });
  return { url: `http://127.0.0.1:${port}/`, port, close };
}

/** Whether anything answers on the port (it must not, once the server is shut). */
const answers = (port: number) =>
  new Promise<boolean>((ok) => {
    const r = get({ host: '127.0.0.1', port, path: '/' }, (res) => (res.resume(), ok(true)));
    r.on('error', () => ok(false));
  });

test('after one visit the app reloads and works with its server gone', async ({ page }) => {
  const srv = await serveBuild();
  const lab = new LabPage(page);
  await page.goto(srv.url);
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  await lab.type('ip link add veth0 type veth peer name veth1');
  // the service worker installs (every built file cached) and takes the page
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 15_000 });

  await srv.close();
  expect(await answers(srv.port)).toBe(false);
  await page.reload();
  await page.waitForFunction(() => window.__netlab?.interactiveAt !== undefined);
  // the lab came back (autosave), and the simulation worker runs commands
  await expect(lab.device('host', 'veth0')).toBeVisible();
  await lab.type('ping -c 1 192.168.3.1');
  // the output waits for the packet flow's playback otherwise
  await lab.expectOutputAtNow('1 packets transmitted, 1 received, 0% packet loss');
  // a part of the app loaded only on demand comes from the cache too
  await page.locator('.lab-menu summary').click();
  await page.getByRole('menuitem', { name: /^Lesson:/ }).click();
  await lab.answerReplace(true); // the ping changed the lab: asked first
  await expect(page.getByTestId('lesson-progress')).toBeVisible();
  expect(lab.errors).toEqual([]);
});
