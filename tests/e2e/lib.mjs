// Shared harness of the end-to-end tests: serves the built dist/ on 127.0.0.1 with our own
// tiny static server (so every request is seen) and drives Debian's Chromium through
// playwright-core. No browser is ever downloaded.
import { createServer } from 'node:http';
import { readFile, stat, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..', '..');
export const DIST = process.env.KEHOACH_DIST ? resolve(process.env.KEHOACH_DIST) : join(ROOT, 'dist');
export const OUT = join(here, 'out');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
};

/**
 * Starts a static server for `dir` on 127.0.0.1 (random port). Records requested paths
 * (`requests`) and, in `log`, each request's path with the times (ms) it arrived and was
 * answered. `delay(path)` may hold an answer back for that many ms (a slow file).
 */
export async function serve(dir = DIST, { delay } = {}) {
  const requests = [];
  const log = [];
  let root = dir;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    const entry = { path: url.pathname, start: performance.now(), end: null };
    log.push(entry);
    res.on('finish', () => { entry.end = performance.now(); });
    const wait = delay ? delay(url.pathname) : 0;
    if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      const st = await stat(file);
      if (st.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream' };
      // Like a static host: HTML and the service worker are revalidated, hashed files cached.
      headers['cache-control'] = /index\.html$|sw\.js$/.test(file) ? 'no-cache' : 'max-age=31536000, immutable';
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    log,
    setRoot(d) { root = d; },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launches Debian's Chromium with a fresh, empty profile directory; `args` are added to
 * CHROMIUM_ARGS (e.g. the fake camera of the room's test).
 */
export async function launch({ args = [], serviceWorkers = 'allow' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'kehoach-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    serviceWorkers,
  });
  const browser = {
    context,
    /** A second, separate context: a fresh profile in a fresh browser process. */
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return browser;
}

/**
 * Opens a page and watches it: console errors, uncaught exceptions and every request
 * that leaves 127.0.0.1 are collected for the test to assert on.
 */
export async function open(context, url, { width, height } = {}) {
  const page = await context.newPage();
  if (width && height) await page.setViewportSize({ width, height });
  const problems = { console: [], pageErrors: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', ''].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) problems.foreign.push(r.url());
  });
  await page.goto(url);
  await ready(page);
  return { page, problems };
}

/** Waits until the app has replaced the loading screen. */
export async function ready(page) {
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
}

/** The number in a figure's data-value. */
export async function value(page, testid) {
  const v = await page.getAttribute(`[data-testid="${testid}"]`, 'data-value');
  if (v === null) throw new Error(`no data-value on ${testid}`);
  return Number(v);
}

/** Replaces an input's text as a person would (select all, type, leave the field). */
export async function typeInto(page, testid, text) {
  const input = page.locator(`[data-testid="${testid}"]`);
  await input.click();
  await input.press('Control+A');
  await input.press('Backspace');
  if (text.length) await input.pressSequentially(text, { delay: 0 });
  await input.press('Tab');
}

/** Saves a screenshot under tests/e2e/out/. */
export async function shot(page, name, opts = {}) {
  await mkdir(OUT, { recursive: true });
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? false });
  return path;
}

/** True when the page scrolls sideways (a layout bug on phones). */
export async function overflowsX(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Fails when the page logged errors, threw, panicked or talked to another host. */
export function assertClean(assert, problems, { allowConsole = [] } = {}) {
  const errs = problems.console.filter((t) => !allowConsole.some((re) => re.test(t)));
  assert.deepEqual(problems.pageErrors, [], 'uncaught exceptions');
  assert.deepEqual(errs, [], 'console errors');
  assert.deepEqual(problems.foreign, [], 'requests to other hosts');
}
