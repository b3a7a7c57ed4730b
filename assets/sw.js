// kehoach service worker: the app keeps working with the network off, and a new release
// replaces the old one cleanly.
//
// - One cache per release, named after the release id. The build step
//   (scripts/sw-build.sh, a Trunk post_build hook) writes the id and the list of built
//   files into the RELEASE line below, so every release changes this file's bytes: the
//   browser then installs the new worker, which fills a new cache, takes over, and deletes
//   every older kehoach cache.
// - The first install fetches nothing the first paint does not need until the page is
//   idle (issue 12, goal 5): it stores the first screen's files (`core`), taking the hashed
//   ones from the HTTP cache, where the page has just put them (no second download); the
//   rest of the app's code (`idle`: the split wasm) is stored as the page itself fetches it
//   once idle (from the HTTP cache if the page was first; never fetched by this worker
//   before the page asks); the others (`extra`: the file worker for XLSX and Word, the QR
//   reader, the install icons), which the page asks for once this worker controls it (so
//   export works offline after the first visit), only after the idle files are stored —
//   the page has then been idle — or IDLE_WAIT_MS at the latest. They are stored when first
//   used anyway.
// - The page (index.html, any navigation) is fetched from the network first and falls back
//   to the cached copy of THIS release; the hashed wasm/JS/CSS are served from this
//   release's cache first. index.html only ever names files of its own release, and a cache
//   only ever holds one release's index.html, so a wasm/JS pair never mixes releases.
// - Only this origin is ever fetched; requests to other hosts are not touched (the app
//   makes none).

// Replaced at build time by scripts/sw-build.sh. Keep on one line.
const RELEASE = { build: 'dev', core: ['./', './index.html'], idle: [], extra: [] };

const PREFIX = 'kehoach-';
const CACHE = PREFIX + RELEASE.build;
// On a connection that answers slowly (a weak signal in a district hall), stop waiting for
// the page after this long and start from the stored copy.
const NAVIGATION_TIMEOUT_MS = 4000;
// The longest the `extra` files wait for the page's idle files (the page loads them within
// a few seconds of starting: scripts/split.mjs, idle callback with a 4 s timeout).
const IDLE_WAIT_MS = 10000;
// Hashed file names (kehoach-app-<hash>…, style-<hash>.css, favicon-<hash>.svg) never change
// content: a copy in the HTTP cache is this release's, so it is taken from there.
const HASHED = /-[0-9a-f]{15,16}(_bg|_split)?\.[a-z]+$/;

/** A request for one of this release's files: hashed files through the HTTP cache, the others
 * with `mode` (`reload`: the server's copy now). */
function fileRequest(url, mode) {
  const href = new URL(url, self.registration.scope).href;
  if (mode === 'only-if-cached') return new Request(href, { cache: mode, mode: 'same-origin' });
  return new Request(href, { cache: HASHED.test(href) ? 'default' : mode });
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload` skips the HTTP cache for the files without a hash (index.html, the manifest).
    await cache.addAll(RELEASE.core.map((url) => fileRequest(url, 'reload')));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const names = await caches.keys();
    await Promise.all(names
      .filter((n) => n.startsWith(PREFIX) && n !== CACHE)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
    // Pages of an older release learn that a newer one has taken over.
    const pages = await self.clients.matchAll({ type: 'window' });
    for (const page of pages) page.postMessage({ type: 'kehoach-activated', build: RELEASE.build });
    // The rest of the app's code (the split wasm), which the page itself fetches once it is
    // idle: stored now if the page already has it (HTTP cache only: never fetched here
    // before the page asks); otherwise the page's own request, through this worker, stores it.
    await storeAll(cache, RELEASE.idle, 'only-if-cached');
    await idleStoredCheck(cache);
  })());
});

// A page asks for everything to be stored (workshop mode: the hall may have no network).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'kehoach-store-all') event.waitUntil(storeExtras());
});

async function storeExtras() {
  const cache = await caches.open(CACHE);
  // Not before the page has been idle: its idle files are stored then.
  if (!(await idleStoredCheck(cache))) {
    await Promise.race([idleStored, new Promise((ok) => setTimeout(ok, IDLE_WAIT_MS))]);
  }
  await storeAll(cache, RELEASE.idle.concat(RELEASE.extra), 'reload');
}

// Resolved once every `idle` file is in this release's cache.
let idleStoredNow;
const idleStored = new Promise((ok) => { idleStoredNow = ok; });
async function idleStoredCheck(cache) {
  for (const url of RELEASE.idle) {
    if (!(await cache.match(new URL(url, self.registration.scope).href))) return false;
  }
  idleStoredNow();
  return true;
}

// Files being stored right now, by absolute URL: the install, the activation and a page's
// request to store everything may ask for the same file at once; it is fetched once.
const storing = new Map();

function store(cache, url, mode) {
  const href = new URL(url, self.registration.scope).href;
  if (!storing.has(href)) {
    storing.set(href, (async () => {
      if (!(await cache.match(href))) await cache.add(fileRequest(href, mode)).catch(() => {});
    })().finally(() => storing.delete(href)));
  }
  return storing.get(href);
}

async function storeAll(cache, urls, mode) {
  for (const url of urls) await store(cache, url, mode);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && request.destination !== 'worker') {
    event.respondWith(page(request));
  } else {
    event.respondWith(file(request));
  }
});

async function page(request) {
  const cache = await caches.open(CACHE);
  const stored = await cache.match('./index.html');
  try {
    const response = await withTimeout(fetch(request), stored ? NAVIGATION_TIMEOUT_MS : 0);
    // A server error is no better than no server: start from the stored copy.
    if (response.status >= 500 && stored) return stored;
    return response;
  } catch (e) {
    if (stored) return stored;
    return new Response(
      '<!doctype html><meta charset="utf-8"><title>Kế hoạch</title>' +
      '<p>Không có kết nối mạng và ứng dụng chưa được lưu trên máy này. Hãy mở lại khi có mạng.</p>' +
      '<p lang="en">No connection, and the app is not stored in this browser yet. Open it again when online.</p>',
      { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  // A worker's script request (new Worker(…)) may carry properties that make a match on
  // the request itself miss: match its URL too.
  const stored = (await cache.match(request, { ignoreSearch: true }))
    || (await cache.match(request.url, { ignoreSearch: true, ignoreVary: true }));
  if (stored) return stored;
  // Being stored right now: wait for that fetch rather than making a second one.
  const pending = storing.get(request.url);
  if (pending) {
    await pending;
    const now = await cache.match(request.url, { ignoreSearch: true, ignoreVary: true });
    if (now) return now;
  }
  // The page names its files relative to itself (Trunk's public_url "./", so the site works
  // under any path). A page opened at a deeper address (the stored index.html answers any
  // navigation) then asks for them one folder too deep: answer with this release's file of
  // that name.
  const same = ownFile(request.url);
  if (same && same.href !== request.url) {
    const found = await cache.match(same, { ignoreSearch: true });
    if (found) return found;
  }
  const response = await fetch(request);
  // Hashed names never change content, so what the network gives is kept for next time.
  if (response.ok && response.type === 'basic') {
    cache.put(request, response.clone()).then(() => idleStoredCheck(cache)).catch(() => {});
  }
  return response;
}

/** This release's own file with the same name as `url` (by its last path segment), as an
 * address under the worker's scope; null when the release has none. */
function ownFile(url) {
  const name = new URL(url).pathname.split('/').pop();
  if (!name) return null;
  const f = RELEASE.core.concat(RELEASE.idle, RELEASE.extra).find((p) => p.split('/').pop() === name);
  return f ? new URL(f, self.registration.scope) : null;
}

function withTimeout(promise, ms) {
  if (!ms) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
