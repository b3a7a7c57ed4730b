// kehoach service worker: the app keeps working with the network off, and a new release
// replaces the old one cleanly.
//
// - One cache per release, named after the release id. The build step
//   (scripts/sw-build.sh, a Trunk post_build hook) writes the id and the list of built
//   files into the RELEASE line below, so every release changes this file's bytes: the
//   browser then installs the new worker, which fills a new cache, takes over, and deletes
//   every older kehoach cache.
// - The first screen's files (`core`) are stored on install; the rest of the app's code
//   (`idle`: the split wasm, which the page fetches itself once idle) once the worker has
//   taken over, so it works offline without slowing the first visit. The others (`extra`:
//   the file worker for XLSX and Word, and the install icons) stay out of the first
//   screen's load: the page asks for them once this worker controls it (so export works
//   offline after the first visit), and they are stored when first used anyway.
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

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload` skips the HTTP cache: the files stored are the ones on the server now.
    await cache.addAll(RELEASE.core.map((url) => new Request(url, { cache: 'reload' })));
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
    // idle: stored now that the page has started, so it is there offline. Through the
    // HTTP cache: what the page already fetched is not fetched twice.
    await storeAll(cache, RELEASE.idle, 'default');
  })());
});

// A page asks for everything to be stored (workshop mode: the hall may have no network).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'kehoach-store-all') event.waitUntil(storeExtras());
});

async function storeExtras() {
  const cache = await caches.open(CACHE);
  await storeAll(cache, RELEASE.idle.concat(RELEASE.extra), 'reload');
}

// Files being stored right now, by absolute URL: the install, the activation and a page's
// request to store everything may ask for the same file at once; it is fetched once.
const storing = new Map();

function store(cache, url, mode) {
  const href = new URL(url, self.registration.scope).href;
  if (!storing.has(href)) {
    storing.set(href, (async () => {
      if (!(await cache.match(href))) await cache.add(new Request(href, { cache: mode })).catch(() => {});
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
    cache.put(request, response.clone()).catch(() => {});
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
