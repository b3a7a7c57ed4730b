// A static host as a province's web server would be set up (docs/deploy.md): serves a built
// site under a path prefix (`/kehoach/`), sends the precompressed `.br`/`.gz` beside a file
// when the browser accepts it (compressing on the fly when there is none, as nginx's gzip
// does), revalidates index.html and sw.js and caches hashed files for a year. Used by the
// throttled-load and sub-path tests and by the load benchmark; the other e2e
// tests keep lib.mjs's plain server.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const exists = async (f) => { try { return (await stat(f)).isFile(); } catch { return false; } };

/**
 * Serves `dir` under `prefix` (default `/`) on 127.0.0.1. Returns { url, requests, offline, close }:
 * `url` ends with the prefix; `requests` lists { path, encoding, bytes } of every answer.
 */
export async function host(dir, { prefix = '/', compress = true } = {}) {
  const requests = [];
  let cut = false;
  const server = createServer(async (req, res) => {
    // "No network": the connection drops without an answer (the browser's offline switch
    // does not reach a service worker's own fetches).
    if (cut) { req.socket.destroy(); return; }
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('outside the site');
      requests.push({ path: url.pathname, status: 404, bytes: 0 });
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, rel);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const headers = {
        'content-type': type,
        'cache-control': /(index\.html|sw\.js)$/.test(file) ? 'no-cache' : 'max-age=31536000, immutable',
        vary: 'Accept-Encoding',
      };
      const accept = String(req.headers['accept-encoding'] || '');
      let body;
      let encoding = '';
      if (compress && /\bbr\b/.test(accept) && await exists(`${file}.br`)) {
        body = await readFile(`${file}.br`); encoding = 'br';
      } else if (compress && /\bgzip\b/.test(accept) && await exists(`${file}.gz`)) {
        body = await readFile(`${file}.gz`); encoding = 'gzip';
      } else if (compress && /\bgzip\b/.test(accept) && !/^image\/png/.test(type)) {
        body = gzipSync(await readFile(file), { level: 6 }); encoding = 'gzip';
      } else {
        body = await readFile(file);
      }
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(body);
      requests.push({ path: url.pathname, status: 200, encoding, bytes: body.length });
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      requests.push({ path: url.pathname, status: 404, bytes: 0 });
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    /** Cuts (true) or restores (false) the network: every request dropped unanswered. */
    offline(on) { cut = on; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** The throttled link of issue 12: 1.6 Mbps down, 750 kbps up, 150 ms latency. */
export const SLOW_LINK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8),
  uploadThroughput: (750e3 / 8),
};

/**
 * Opens `url` in a fresh page of `context` on the throttled link with the cache disabled
 * and measures: first contentful paint (whether `kpi-deaths-averted` showed its value in
 * it) and time to interactive — from navigation start until the first move of the
 * swimming-lessons slider is answered by the running app (the figure changes). Returns
 * { fcp, figureAtFcp, interactive, page }.
 */
export async function throttledLoad(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  // Before any script of the page: watch for the first contentful paint and note what the
  // headline figure said then (a paint entry is delivered after the frame it describes).
  await page.addInitScript(() => {
    window.__kehoachFirstPaint = new Promise((resolve) => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name !== 'first-contentful-paint') continue;
          const kpi = document.querySelector('[data-testid="kpi-deaths-averted"]');
          resolve({
            fcp: e.startTime,
            value: kpi ? kpi.getAttribute('data-value') : null,
            shown: kpi ? (kpi.querySelector('.kpi-value') || kpi).textContent : null,
          });
        }
      }).observe({ type: 'paint', buffered: true });
    });
  });
  await page.goto(url, { waitUntil: 'commit' });
  const first = await page.evaluate(() => window.__kehoachFirstPaint);
  // Time to interactive: keep moving the slider (as a person would, once a frame) until
  // the running app answers with a new figure.
  const interactive = await page.evaluate(async () => {
    const before = () => document.querySelector('[data-testid="app-ready"] [data-testid="kpi-deaths-averted"]');
    for (;;) {
      const slider = document.querySelector('[data-testid="app-ready"] [data-testid="slider-swim"]');
      const kpi = before();
      if (slider && kpi) {
        const was = kpi.getAttribute('data-value');
        slider.value = String(Math.max(0, Number(slider.value) - 10 * Number(slider.step || 1)));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        if (kpi.getAttribute('data-value') !== was) return performance.now();
        await new Promise((ok) => requestAnimationFrame(ok));
        if (before() && before().getAttribute('data-value') !== was) return performance.now();
      }
      await new Promise((ok) => setTimeout(ok, 16));
    }
  });
  return { fcp: first.fcp, figureAtFcp: first.value, shownAtFcp: first.shown, interactive, page, cdp };
}
