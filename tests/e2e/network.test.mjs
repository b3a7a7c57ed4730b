// No request ever leaves 127.0.0.1: a whole session of use — load, edit, switch language,
// duplicate and compare, share, export, workshop mode with its QR code and pack, and a
// reload with the network off — is watched at the browser context (pages, the service
// worker and the spreadsheet worker alike), and every request must go to our own server
// for one of the files it serves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serve, launch, open, typeInto, value, assertClean, DIST } from './lib.mjs';

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every file of the build, as the server's paths. */
async function builtPaths(dir, root = dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await builtPaths(p, root)));
    else out.push(`/${relative(root, p)}`);
  }
  return out;
}

/** Clicks a control when this build has it (other issues' controls may be renamed). */
async function maybe(page, testid, then) {
  const el = page.locator(`[data-testid="${testid}"]`);
  if ((await el.count()) === 0) return false;
  await el.first().click();
  if (then) await then();
  return true;
}

test('a full session of use sends nothing to another host', async () => {
  const seen = [];
  browser.context.on('request', (r) => seen.push(r.url()));
  const { page, problems } = await open(browser.context, server.url, { width: 1280, height: 800 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });

  // Edit.
  await typeInto(page, 'budget-total', '400 tỷ');
  await typeInto(page, 'alloc-swim', '170 tỷ');
  assert.equal(await value(page, 'alloc-swim'), 170e9);
  // Language, both ways.
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  // Scenarios, compare, share, export (controls of issue 5, when present).
  await maybe(page, 'scenario-duplicate');
  if (await maybe(page, 'compare-toggle')) {
    await page.waitForTimeout(300);
    await maybe(page, 'compare-back');
  }
  if (await maybe(page, 'share-button')) {
    await page.locator('[data-testid="share-link"]').waitFor();
    await maybe(page, 'share-copy');
    await maybe(page, 'share-close');
  }
  if (await maybe(page, 'export-button')) {
    for (const kind of ['export-json', 'export-csv', 'export-xlsx']) {
      const el = page.locator(`[data-testid="${kind}"]`);
      if ((await el.count()) === 0) continue;
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), el.click()]);
      await download.path();
    }
    await maybe(page, 'export-close');
  }
  // Workshop mode: step, QR code, "what if", the pack panel, back.
  await page.click('[data-testid="workshop-toggle"]');
  await page.locator('[data-testid="workshop"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('q');
  await page.locator('[data-testid="workshop-qr"] svg').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="whatif-barrier"]').fill('0');
  await page.click('[data-testid="ws-pack-toggle"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="pack-link"]')?.value.includes('#w='));
  const pack = await page.inputValue('[data-testid="pack-link"]');
  await page.click('[data-testid="pack-copy"]');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="budget-total"]').waitFor();
  // A pack link opened in another tab.
  const { page: second, problems: secondProblems } = await open(browser.context, pack);
  await second.locator('[data-testid="workshop"]').waitFor();
  await second.close();
  // Offline reload.
  await browser.context.setOffline(true);
  await page.reload();
  await page.locator('[data-testid="app-ready"]').waitFor();
  await typeInto(page, 'alloc-swim', '150 tỷ');
  assert.equal(await value(page, 'alloc-swim'), 150e9);
  await browser.context.setOffline(false);

  const foreign = seen.filter((u) => {
    const url = new URL(u);
    return !['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1';
  });
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.ok(seen.length > 5, `${seen.length} requests watched`);
  // Every request the server got was for a file it has (no probing, no 404s).
  const files = new Set(await builtPaths(DIST));
  files.add('/');
  const unknown = server.requests.filter((p) => !files.has(p));
  assert.deepEqual(unknown, [], 'requests for files the build does not have');
  assertClean(assert, problems, { allowConsole: [/Failed to load resource|ERR_INTERNET_DISCONNECTED/] });
  assertClean(assert, secondProblems);
});
