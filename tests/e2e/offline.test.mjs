// Offline: after one visit the app starts and computes with the network off (reload
// included), from the service worker's cache; a new release replaces the cached one on the
// next online visit, old caches are deleted, and a wasm/JS pair never mixes releases. The
// web app manifest parses and its icons load.
//
// "The network" here is a TCP relay in front of the test server that can be cut (every
// connection refused, as with no network) as well as the browser's own offline switch:
// Chromium's offline emulation does not reach a service worker's own fetches.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { PNG } from 'pngjs';
import { serve, launch, open, value, typeInto, shot, assertClean, DIST, ROOT } from './lib.mjs';

const run = promisify(execFile);

/** A relay on a fixed port to `target`; `down()` refuses every connection, `up()` restores. */
async function relay(targetPort) {
  const sockets = new Set();
  let server;
  let port = 0;
  const listen = () => new Promise((ok) => {
    server = createServer((client) => {
      const upstream = connect(targetPort, '127.0.0.1');
      sockets.add(client).add(upstream);
      const drop = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, '127.0.0.1', () => { port = server.address().port; ok(); });
  });
  await listen();
  return {
    get url() { return `http://127.0.0.1:${port}/`; },
    async down() {
      await new Promise((ok) => { server.close(() => ok()); for (const s of sockets) s.destroy(); sockets.clear(); });
    },
    up: listen,
    close() { return new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(() => ok()); }); },
  };
}

let server, net, browser, release1, release2, work;

/** A second release built from the first: every hashed file renamed (new hashes), the
 * references to them rewritten (index.html, and the app's JS glue, which names the split
 * wasm) with their integrity hashes, a changed page, and the service worker stamped again
 * by the build step's own script. */
async function nextRelease(from) {
  const dir = join(work, 'release-2');
  await cp(from, dir, { recursive: true });
  let html = await readFile(join(dir, 'index.html'), 'utf8');
  const renames = [];
  for (const f of await readdir(dir)) {
    const m = f.match(/^(.*-)([0-9a-f]{16})((?:_bg|_split)?\.(?:js|wasm|css))$/);
    if (!m) continue;
    const renamed = `${m[1]}${[...m[2]].reverse().join('')}${m[3]}`;
    await rename(join(dir, f), join(dir, renamed));
    renames.push([f, renamed]);
  }
  for (const [, f] of renames.filter(([, f]) => f.endsWith('.js'))) {
    let js = await readFile(join(dir, f), 'utf8');
    for (const [a, b] of renames) js = js.split(a).join(b);
    await writeFile(join(dir, f), js);
  }
  for (const [a, b] of renames) html = html.split(a).join(b);
  const sri = async (f) => `sha384-${createHash('sha384').update(await readFile(join(dir, f))).digest('base64')}`;
  for (const [, f] of renames) {
    const re = new RegExp(`(<(?:link|script)\\b[^>]*${f.replace(/[.]/g, '\\.')}[^>]*integrity=")[^"]*(")`, 'g');
    const hash = await sri(f);
    html = html.replace(re, (_, a, b) => a + hash + b);
  }
  html = html.replace('<title>', '<title>(2) ');
  await writeFile(join(dir, 'index.html'), html);
  await run('sh', [join(ROOT, 'scripts', 'sw-build.sh'), dir]);
  return dir;
}

/** Whether a built file belongs to a release: index.html names it, or a file it names does
 * (the split wasm is named by the app's JS glue). */
async function ofRelease(dir, path) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const name = path.split('/').pop();
  if (html.includes(name)) return true;
  for (const f of await readdir(dir)) {
    if (f.endsWith('.js') && html.includes(f) && (await readFile(join(dir, f), 'utf8')).includes(name)) return true;
  }
  return false;
}

const build = (page) => page.getAttribute('meta[name="kehoach-build"]', 'content');
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).sort());
const loadedScripts = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname).filter((p) => /\.(js|wasm)$/.test(p)));

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'kehoach-offline-'));
  release1 = DIST;
  release2 = await nextRelease(DIST);
  server = await serve(release1);
  net = await relay(new URL(server.url).port);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await net?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

let isOffline = false;
async function offline(context) {
  await context.setOffline(true);
  await net.down();
  isOffline = true;
}
async function online(context) {
  if (!isOffline) return;
  await net.up();
  await context.setOffline(false);
  isOffline = false;
}

// A failed test must not leave the next one without a network or on release 2.
afterEach(async () => {
  await online(browser.context);
  server.setRoot(release1);
});

/** Waits until a service worker controls the page and its cache holds the release. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const id = await build(page);
  await page.waitForFunction(async (id) => (await caches.keys()).includes(`kehoach-${id}`), id);
  return id;
}

test('the built service worker is stamped with its release and lists the files it stores', async () => {
  const sw = await readFile(join(release1, 'sw.js'), 'utf8');
  const html = await readFile(join(release1, 'index.html'), 'utf8');
  const id = html.match(/<meta name="kehoach-build" content="([0-9a-f]{16})">/)?.[1];
  assert.ok(id, 'index.html carries the release id');
  const line = sw.split('\n').find((l) => l.startsWith('const RELEASE = '));
  assert.ok(line.includes(`build: '${id}'`), line);
  for (const f of await readdir(release1)) {
    if (/\.(wasm|js|css)$/.test(f) && f !== 'sw.js' && html.includes(f)) assert.ok(line.includes(`'./${f}'`), `${f} is stored`);
  }
  assert.ok(line.includes("'./manifest.webmanifest'") && line.includes("'./icons/icon-192.png'"));
  // The second release differs, and stamping is idempotent.
  const sw2 = await readFile(join(release2, 'sw.js'), 'utf8');
  assert.notEqual(sw2, sw);
  await run('sh', [join(ROOT, 'scripts', 'sw-build.sh'), release2]);
  assert.equal(await readFile(join(release2, 'sw.js'), 'utf8'), sw2);
});

test('after one visit the app starts and computes with the network off', async () => {
  const { page, problems } = await open(browser.context, net.url);
  const id = await controlled(page);
  assert.deepEqual(await cacheNames(page), [`kehoach-${id}`]);
  // Everything the page loaded is stored (the split wasm once the worker has taken over).
  const loaded = await loadedScripts(page);
  await page.waitForFunction(async ([id, loaded]) => {
    const c = await caches.open(`kehoach-${id}`);
    const have = (await c.keys()).map((r) => new URL(r.url).pathname);
    return loaded.every((p) => have.includes(p));
  }, [id, loaded], { timeout: 30000 }).catch(() => {});
  const stored = await page.evaluate(async (id) => {
    const c = await caches.open(`kehoach-${id}`);
    return (await c.keys()).map((r) => new URL(r.url).pathname);
  }, id);
  for (const p of loaded) assert.ok(stored.includes(p), `${p} stored`);
  assert.ok(stored.includes('/index.html'));
  // The install stores the first screen; once the service worker controls the page, the page
  // has it store the rest (the file worker: XLSX and Word export offline) — no workshop
  // mode, no export needed first.
  const extra = (await readdir(release1)).filter((f) => /^kehoach-(xlsx|scan).*\.(js|wasm)$/.test(f))
    .concat(['icons/icon-512.png']);
  assert.ok(extra.length >= 3, `the file worker's files: ${extra}`);
  await page.waitForFunction(async ([id, files]) => {
    const c = await caches.open(`kehoach-${id}`);
    const have = (await c.keys()).map((r) => new URL(r.url).pathname);
    return files.every((f) => have.includes(`/${f}`));
  }, [id, extra], { timeout: 30000 });

  // Let the service worker's background storing finish (it fetches the room's QR reader and
  // the file worker after the page started): the count below is what the app asks offline.
  for (let last = -1; last !== server.requests.length;) {
    last = server.requests.length;
    await page.waitForTimeout(1500);
  }
  const requests = server.requests.length;
  await offline(browser.context);
  await page.reload();
  await page.locator('[data-testid="app-ready"]').waitFor();
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  assert.equal(await build(page), id);
  const before = await value(page, 'kpi-deaths-averted');
  await typeInto(page, 'alloc-swim', '60 tỷ');
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="kpi-deaths-averted"]').dataset.value) !== b, before);
  assert.ok((await value(page, 'kpi-deaths-averted')) < before, 'the model runs offline');
  // Workshop mode says it is ready for a hall without a connection.
  await page.click('[data-testid="workshop-toggle"]');
  await page.click('[data-testid="ws-pack-toggle"]');
  assert.equal(await page.getAttribute('[data-testid="offline-status"]', 'data-ready'), 'true');
  assert.equal(await page.getAttribute('[data-testid="offline-status"]', 'data-online'), 'false');
  await shot(page, 'offline-workshop');
  assert.equal(server.requests.length, requests, `nothing reached the server while offline: ${JSON.stringify(server.requests.slice(requests))}`);
  // A page never visited still answers (the stored shell), in Vietnamese.
  const other = await browser.context.newPage();
  await other.goto(`${net.url}some/deep/path`);
  await other.locator('[data-testid="app-ready"]').waitFor();
  await other.close();
  await online(browser.context);
  assertClean(assert, problems, { allowConsole: [/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED/] });
  await page.close();
});

test('after one visit the spreadsheet and the Word file are made with the network off', async () => {
  // A fresh browser: the first visit's flow, as a planner meets it.
  const own = await launch();
  const { page } = await open(own.context, net.url);
  const id = await controlled(page);
  const extra = (await readdir(release1)).filter((f) => /^kehoach-(xlsx|scan).*\.(js|wasm)$/.test(f));
  await page.waitForFunction(async ([id, files]) => {
    const c = await caches.open(`kehoach-${id}`);
    const have = (await c.keys()).map((r) => new URL(r.url).pathname);
    return files.every((f) => have.includes(`/${f}`));
  }, [id, extra], { timeout: 30000 });
  // Once the service worker has stored the file worker in the background (no request for a
  // while), export works with the network off.
  for (let last = -1; last !== server.requests.length;) {
    last = server.requests.length;
    await page.waitForTimeout(1500);
  }
  await offline(own.context);
  await page.reload();
  await page.locator('[data-testid="app-ready"]').waitFor();
  try {
  // The spreadsheet and the Word file are made offline after that one visit.
  await page.click('[data-testid="export-button"]');
  const xlsxDownload = page.waitForEvent('download', { timeout: 30000 });
  await page.click('[data-testid="export-xlsx"]');
  await page.waitForSelector('[data-testid="export-status"][data-state="done"], [data-testid="export-status"][data-state="failed"]', { timeout: 30000 });
  assert.equal(await page.getAttribute('[data-testid="export-status"]', 'data-state'), 'done',
    await page.innerText('[data-testid="export-status"]'));
  const xlsx = await xlsxDownload;
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  await page.keyboard.press('Escape');
  await page.click('[data-testid="document-button"]');
  await page.locator('[data-testid="doc-paper"] .plan-doc').waitFor({ timeout: 30000 });
  const [docx] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.click('[data-testid="doc-word"]'),
  ]);
  assert.match(docx.suggestedFilename(), /\.docx$/);
  await page.click('[data-testid="doc-close"]');
  } finally {
    await online(own.context);
    await own.close();
  }
});

test('a new release replaces the cached one on the next online visit, never mixing files', async () => {
  const { page, problems } = await open(browser.context, net.url);
  const old = await controlled(page);
  // A page of the old release stays open while the new one arrives.
  const { page: stale, problems: staleProblems } = await open(browser.context, net.url);
  server.setRoot(release2);
  await page.reload();
  await page.locator('[data-testid="app-ready"]').waitFor();
  const id = await build(page);
  assert.notEqual(id, old, 'the network gave the new release');
  await page.waitForFunction(async (id) => {
    const names = await caches.keys();
    return names.length === 1 && names[0] === `kehoach-${id}`;
  }, id, { timeout: 30000 });
  const scripts = await loadedScripts(page);
  for (const s of scripts.filter((p) => /kehoach-app-/.test(p))) assert.ok(await ofRelease(release2, s), `${s} is of release 2`);
  // The page still running the old release is told to reload.
  await stale.locator('[data-testid="notice"]').waitFor();
  assert.match(await stale.textContent('[data-testid="notice"]'), /phiên bản mới/);
  assertClean(assert, staleProblems);
  await stale.close();

  // Offline again: the new release starts from the new cache, all of a piece.
  await offline(browser.context);
  await page.reload();
  await page.locator('[data-testid="app-ready"]').waitFor();
  assert.equal(await build(page), id);
  assert.match(await page.title(), /^\(2\) /);
  const offlineScripts = await loadedScripts(page);
  assert.ok(offlineScripts.some((p) => /kehoach-app-.*\.wasm$/.test(p)));
  for (const s of offlineScripts.filter((p) => /kehoach-app-/.test(p))) assert.ok(await ofRelease(release2, s), `${s} is of release 2`);
  const before = await value(page, 'kpi-deaths-averted');
  await typeInto(page, 'alloc-swim', '10 tỷ');
  assert.ok((await value(page, 'kpi-deaths-averted')) < before);
  await online(browser.context);
  server.setRoot(release1);
  assertClean(assert, problems, { allowConsole: [/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED/] });
  await page.close();
});

test('the first install fetches nothing the first paint does not need until the page is idle', async () => {
  // Issue 12, goal 5, seen from the server of a first visit: the service worker stores the
  // first screen's hashed files from the HTTP cache (each reaches the server once, for the
  // page), and asks for nothing else — the file worker, the QR reader — before the page
  // itself has had the rest of its code (the split wasm, fetched when it is idle). The
  // split wasm comes slowly here (1.5 s), as on a slow link, so that the service worker
  // takes over well before the page's idle load has finished.
  const own = await serve(release1, { delay: (p) => (/_split\.wasm$/.test(p) ? 1500 : 0) });
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, own.url);
    await controlled(page);
    const id = await build(page);
    const heavy = (await readdir(release1)).filter((f) => /^kehoach-(xlsx|scan).*\.(js|wasm)$/.test(f));
    // The page asked for everything to be stored once controlled: wait until it is (polled
    // here: waitForFunction takes an async predicate's promise for a true value).
    const stored = () => page.evaluate(async ([id, files]) => {
      const c = await caches.open(`kehoach-${id}`);
      const have = (await c.keys()).map((r) => new URL(r.url).pathname);
      return files.every((f) => have.includes(`/${f}`));
    }, [id, heavy]);
    for (const t0 = Date.now(); !(await stored());) {
      assert.ok(Date.now() - t0 < 40000, 'the workers are stored within 40 s');
      await page.waitForTimeout(250);
    }
    const asked = own.requests.map((r) => r.slice(1));
    const html = await readFile(join(release1, 'index.html'), 'utf8');
    const firstPaint = (await readdir(release1)).filter((f) => /-[0-9a-f]{15,16}(_bg)?\.(js|wasm|css|svg)$/.test(f) && html.includes(f));
    assert.ok(firstPaint.some((f) => f.endsWith('_bg.wasm')) && firstPaint.some((f) => f.endsWith('.css')), `first paint: ${firstPaint}`);
    for (const f of firstPaint) assert.equal(asked.filter((r) => r === f).length, 1, `${f} reaches the server once: ${asked}`);
    const split = asked.findIndex((r) => /_split\.wasm$/.test(r));
    assert.ok(split >= 0, 'the page asked for the rest of its code');
    assert.equal(asked.filter((r) => /_split\.wasm$/.test(r)).length, 1, 'the split wasm reaches the server once');
    const idle = own.log.find((e) => /_split\.wasm$/.test(e.path)).end;
    const early = own.log.filter((e) => heavy.includes(e.path.slice(1)) && e.start < idle).map((e) => e.path);
    assert.deepEqual(early, [], `nothing of the workers before the page's idle load is done: ${asked.join(' ')}`);
    for (const f of heavy) assert.ok(asked.includes(f), `${f} stored from the server`);
    console.log(`# first visit, in order: ${asked.map((r) => r.replace(/-[0-9a-f]{15,16}/, '-…')).join(' ')}`);
    assertClean(assert, problems);
  } finally {
    await b.close();
    await own.close();
  }
});

test('until the wasm starts, a light index.html shows the planner in Vietnamese', async () => {
  // index.html carries the prerendered planner (scripts/prerender.mjs) instead of a loading
  // screen: still a small part of the first load.
  const html = await readFile(join(release1, 'index.html'));
  const gz = gzipSync(html, { level: 9 }).length;
  assert.ok(gz < 25000, `index.html is ${gz} bytes gzipped`);
  const b = await launch();
  try {
    const page = await b.context.newPage();
    // The wasm never arrives: a connection that stalls.
    await page.route('**/*.wasm', () => {});
    await page.goto(server.url);
    await page.locator('[data-testid="app-prerendered"]').waitFor();
    assert.match(await page.textContent('[data-testid="kpi-deaths-averted"]'), /\d/);
    assert.match(await page.textContent('#loading'), /Ngân sách|ngân sách/);
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('[data-testid="app-ready"]').count(), 0, 'the app has not started');
    await shot(page, 'loading-prerendered');
  } finally {
    await b.close();
  }
});

test('the web app manifest parses and every icon loads', async () => {
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, server.url);
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    const res = await page.request.get(new URL(href, server.url).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /manifest\+json/);
    const m = await res.json();
    assert.equal(m.short_name, 'Kế hoạch');
    assert.match(m.name, /Kế hoạch/);
    assert.equal(m.lang, 'vi');
    assert.equal(m.display, 'standalone');
    assert.equal(m.theme_color, '#0b5394');
    assert.equal(m.start_url, './');
    const sizes = new Set();
    for (const icon of m.icons) {
      const r = await page.request.get(new URL(icon.src, new URL(href, server.url)).href);
      assert.equal(r.status(), 200, icon.src);
      assert.equal(r.headers()['content-type'], icon.type);
      if (icon.type === 'image/png') {
        const png = PNG.sync.read(await r.body());
        assert.equal(`${png.width}x${png.height}`, icon.sizes, icon.src);
        sizes.add(icon.sizes);
      }
    }
    assert.ok(sizes.has('192x192') && sizes.has('512x512'), 'the sizes Android asks for');
    assert.ok(m.icons.some((i) => i.purpose === 'maskable'));
    // What Chromium itself read.
    const session = await page.context().newCDPSession(page);
    const { errors, data } = await session.send('Page.getAppManifest');
    assert.deepEqual(errors, []);
    assert.ok(data.includes('"short_name"'));
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});
