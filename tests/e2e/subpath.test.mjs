// Published under a sub-path (issue 12): a province's web server puts the built site at
// `/kehoach/`. The page's files, the split wasm, the service worker (and its scope), share
// links and the offline restart all follow the page's own address; nothing is asked for
// outside `/kehoach/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, ready, value, typeInto, assertClean, DIST } from './lib.mjs';
import { host } from './bench/host.mjs';

let server, browser;

before(async () => {
  server = await host(DIST, { prefix: '/kehoach/' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('under /kehoach/ the app starts, shares links of its own address, and works offline', async () => {
  const { page, problems } = await open(browser.context, server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, server.url, 'the service worker serves the sub-path');
  // The rest of the code arrives from the sub-path too.
  await page.waitForFunction(() => performance.getEntriesByType('mark').some((m) => m.name === 'kehoach:split-ready'), null, { timeout: 30000 });
  const before = await value(page, 'kpi-deaths-averted');
  await typeInto(page, 'alloc-swim', '60 tỷ');
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="kpi-deaths-averted"]').dataset.value) !== b, before);
  await page.click('[data-testid="share-button"]');
  const link = await page.inputValue('[data-testid="share-link"]');
  assert.ok(link.startsWith(`${server.url}#s=`) || link.startsWith(`${server.url}index.html#s=`), link);
  await page.keyboard.press('Escape');
  const outside = server.requests.filter((q) => !q.path.startsWith('/kehoach/'));
  assert.deepEqual(outside, [], 'nothing asked for outside /kehoach/');
  const missing = server.requests.filter((q) => q.status === 404);
  assert.deepEqual(missing, [], 'every file found');

  // The link opens the same plan in a fresh page under the sub-path.
  const other = await browser.context.newPage();
  await other.goto(link);
  await ready(other);
  assert.equal(await value(other, 'kpi-deaths-averted'), await value(page, 'kpi-deaths-averted'));
  await other.close();

  // Offline: the stored release starts from the sub-path.
  const asked = server.requests.length;
  server.offline(true);
  await browser.context.setOffline(true);
  try {
    await page.reload();
    await ready(page);
    assert.ok((await value(page, 'kpi-deaths-averted')) > 0);
    await typeInto(page, 'alloc-swim', '10 tỷ');
    assert.ok((await value(page, 'kpi-deaths-averted')) > 0);
  } finally {
    server.offline(false);
    await browser.context.setOffline(false);
  }
  assert.equal(server.requests.length, asked, 'nothing answered while offline');
  assertClean(assert, problems, { allowConsole: [/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_EMPTY_RESPONSE|ERR_CONNECTION/] });
  await page.close();
});
