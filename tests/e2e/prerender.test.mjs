// The prerendered planner and the split wasm (issue 12): the built index.html shows the
// default plan without any script; the started app looks the same; what a person types
// before the app starts is kept; saved work or a link marks the copy as being updated;
// code of the idle-loaded wasm works when it is needed before it has arrived.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { chromium } from 'playwright-core';
import { serve, launch, open, ready, value, typeInto, assertClean, CHROMIUM_ARGS, ROOT, OUT } from './lib.mjs';

let server, browser, plain;

before(async () => {
  server = await serve();
  browser = await launch();
  // Without a service worker, so page.route sees the app's own requests.
  plain = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

const fresh = (opts = {}) => plain.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', serviceWorkers: 'block', ...opts });
const WASM = /kehoach-app-[0-9a-f]+_bg\.wasm$/;

after(async () => {
  await browser?.close();
  await plain?.close();
  await server?.close();
});

/** Share of pixels that differ by more than a little between two same-sized PNG files. */
function difference(a, b) {
  const x = PNG.sync.read(readFileSync(a));
  const y = PNG.sync.read(readFileSync(b));
  if (x.width !== y.width || x.height !== y.height) return { share: 1, size: [x.width, x.height, y.width, y.height] };
  let n = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    const d = Math.abs(x.data[i] - y.data[i]) + Math.abs(x.data[i + 1] - y.data[i + 1]) + Math.abs(x.data[i + 2] - y.data[i + 2]);
    if (d > 48) n++;
  }
  return { share: n / (x.width * x.height) };
}

// Where the key parts of the planner sit on the screen (for the box comparison below).
const KEY_PARTS = ['kpi-deaths-averted', 'kpi-children-supported', 'budget-total', 'balance', 'slider-swim', 'alloc-swim', 'region-select', 'share-button'];
async function boxes(page) {
  const out = {};
  for (const id of KEY_PARTS) out[id] = await page.locator(`[data-testid="${id}"]`).first().boundingBox();
  return out;
}

// Two desktop screens: the one of the other tests (1280 × 900) and the common office laptop
// (1366 × 768, issue 12's "Done when": docs/screenshots/prerender-nojs.png and
// prerender-started.png). The pixel threshold, 0.5 %, is about one line of text of this
// screen (a 1366 × 768 screen has 1 049 088 pixels; a changed figure or word is a few
// hundred to a few thousand of them, a shifted block tens of thousands); anti-aliasing
// differences between two renders of the same markup stay far below it (0.006 % and
// 0.022 % when this was written).
for (const [width, height, names] of [
  [1280, 900, ['first-paint-prerendered.png', 'first-paint-app.png']],
  [1366, 768, ['prerender-nojs.png', 'prerender-started.png']],
]) {
  test(`without JavaScript the page shows the planner, and the started app looks the same (${width} × ${height})`, async () => {
    const shots = join(ROOT, 'docs', 'screenshots');
    mkdirSync(OUT, { recursive: true });
    const files = {};
    const where = {};
    for (const js of [false, true]) {
      const ctx = await fresh({ javaScriptEnabled: js, viewport: { width, height } });
      const page = await ctx.newPage();
      // The app's first render, before the uncertainty band (it arrives 150 ms after an
      // edit, by a timer): timers stand still.
      if (js) {
        const t0 = Date.now();
        await page.clock.install({ time: t0 });
        // Well ahead of the installed time: installing may take a while on a busy machine,
        // and the clock cannot be moved back.
        await page.clock.pauseAt(t0 + 60_000);
      }
      await page.goto(server.url);
      if (js) {
        await ready(page);
        assert.equal(await page.locator('[data-testid="app-prerendered"]').count(), 0, 'the app replaced the copy');
      } else {
        await page.waitForSelector('[data-testid="app-prerendered"]');
        assert.equal(await page.locator('[data-testid="kpi-deaths-averted"] .kpi-value').count(), 1);
        assert.match(await page.textContent('[data-testid="kpi-deaths-averted"] .kpi-value'), /\d/);
        assert.ok(await page.locator('[data-testid^="target-"]').count() >= 3, 'target verdicts');
        assert.ok(await page.locator('[data-testid^="alloc-"]').count() >= 10, 'allocation table');
      }
      where[js] = await boxes(page);
      files[js] = join(OUT, `prerender-${js ? 'app' : 'nojs'}-${width}x${height}.png`);
      await page.screenshot({ path: files[js] });
      await ctx.close();
    }
    copyFileSync(files[false], join(shots, names[0]));
    copyFileSync(files[true], join(shots, names[1]));
    // Every key part at the same place and size (within a pixel): no jump when the app
    // takes over.
    for (const id of KEY_PARTS) {
      const [a, b] = [where[false][id], where[true][id]];
      assert.ok(a && b, `${id} on both screens`);
      for (const k of ['x', 'y', 'width', 'height']) assert.ok(Math.abs(a[k] - b[k]) <= 1, `${id}.${k}: ${a[k]} without JavaScript, ${b[k]} started`);
    }
    const d = difference(files[false], files[true]);
    console.log(`# ${width} × ${height}: ${(d.share * 100).toFixed(3)} % of the pixels differ`);
    assert.ok(d.share < 0.005, `the first screen differs in ${(d.share * 100).toFixed(2)} % of its pixels ${d.size ?? ''}`);
  });
}

test('what is typed before the app starts is kept', async () => {
  const ctx = await fresh();
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  // Hold the wasm back until the field has been typed into.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(WASM, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="app-prerendered"]');
  const field = page.locator('[data-testid="budget-total"]');
  await field.fill('400.000.000.000');
  const slider = page.locator('[data-testid="slider-swim"]');
  const max = Number(await slider.getAttribute('max'));
  await slider.evaluate((s, v) => { s.value = String(v); s.dispatchEvent(new Event('input', { bubbles: true })); }, Math.round(max / 10));
  const swimAsked = Number(await slider.inputValue());
  release();
  await ready(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="budget-total"]').getAttribute('data-value') === '400000000000'
    || document.querySelector('[data-testid="budget-total"]').value.startsWith('400'));
  assert.match(await page.inputValue('[data-testid="budget-total"]'), /^400/);
  // Within one step of the running app's slider (its steps follow the new budget).
  await page.waitForFunction((v) => {
    const s = document.querySelector('[data-testid="slider-swim"]');
    return Math.abs(Number(s.value) - v) <= Number(s.step || 1);
  }, swimAsked, { timeout: 5000 })
    .catch(async () => assert.fail(`slider ${await page.inputValue('[data-testid="slider-swim"]')}, asked ${swimAsked}`));
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('saved work marks the copy as being updated until the app shows it', async () => {
  const ctx = await fresh();
  const page = await ctx.newPage();
  await page.goto(server.url);
  await ready(page);
  await typeInto(page, 'alloc-swim', '0');
  const saved = await value(page, 'kpi-deaths-averted');
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(WASM, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="app-prerendered"]');
  assert.equal(await page.locator('#loading.pending').count(), 1, 'marked as pending');
  assert.match(await page.textContent('.kpis h2'), /đang cập nhật/);
  release();
  await ready(page);
  assert.equal(await value(page, 'kpi-deaths-averted'), saved, 'the saved plan replaces the copy');
  await ctx.close();
});

test('a first visit shows the default copy without the pending mark', async () => {
  const ctx = await fresh();
  const page = await ctx.newPage();
  await page.route(WASM, (route) => route.abort());
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="app-prerendered"]');
  assert.equal(await page.locator('#loading.pending').count(), 0);
  await ctx.close();
});

/** A page whose first fetch of the split wasm never completes (later ones do). */
async function idleFetchHanging(ctx) {
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  let first = true;
  await page.route(/_split\.wasm$/, async (route) => {
    if (first) { first = false; return; } // left hanging
    await route.continue();
  });
  return { page, problems };
}

test('code of the idle-loaded wasm works when needed before it arrives', async () => {
  const ctx = await fresh();
  try {
    // The idle fetch of the split wasm never completes; a screen that needs its code loads
    // it on the spot.
    const { page, problems } = await idleFetchHanging(ctx);
    await page.goto(server.url);
    await ready(page);
    await page.click('[data-testid="compare-toggle"]');
    await page.waitForSelector('[data-testid="compare-view"]');
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    assert.ok(marks.includes('kehoach:split-sync'), `loaded on the spot (${marks})`);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});

test('the idle-loaded wasm arrives after the app started, once', async () => {
  const { page, problems } = await open(browser.context, server.url);
  await page.waitForFunction(() => performance.getEntriesByName('kehoach:split-ready').length > 0, null, { timeout: 20000 });
  const [ready_, started] = await page.evaluate(() => [
    performance.getEntriesByName('kehoach:split-ready')[0].startTime,
    performance.getEntriesByName('kehoach:split-sync').length,
  ]);
  assert.ok(ready_ > 0);
  assert.equal(started, 0, 'the first screen never waited for it');
  assertClean(assert, problems);
  await page.close();
});

test('English words come with the idle wasm: switching before it arrives, and starting in English', async () => {
  const ctx = await fresh();
  try {
    // The idle fetch hangs: the first English word loads the rest on the spot.
    const { page, problems } = await idleFetchHanging(ctx);
    await page.goto(server.url);
    await ready(page);
    const marks = () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    assert.ok(!(await marks()).includes('kehoach:split-sync'), 'the Vietnamese first screen reads no English word');
    assert.equal((await page.textContent('[data-testid="lang-toggle"]')).trim(), 'English');
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.ok((await marks()).includes('kehoach:split-sync'), 'English loaded on the spot');
    const title = await page.textContent('[data-testid="app-title"]');
    assert.ok(/[A-Za-z]/.test(title) && !/\u0000/.test(title), title);
    const kpi = await page.textContent('[data-testid="kpi-deaths-averted"]');
    assert.ok(!/\u0000/.test(kpi), kpi);
    // Reopened in English (the choice is saved): the app starts in English.
    await page.unroute(/_split\.wasm$/);
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal((await page.textContent('[data-testid="lang-toggle"]')).trim(), 'Tiếng Việt');
    const body = await page.textContent('body');
    assert.ok(!body.includes('\u0000') && !body.includes('KHIDLE'), 'no unloaded word shows');
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});
