// Named scenarios and autosave: create, duplicate, rename, delete; a reload restores every
// scenario exactly; storage that refuses (quota, private mode) or holds damaged data gives a
// notice and the app goes on; compare 2–4 scenarios with the assumptions/allocation split;
// names with markup stay text in the list and the compare screen (chart included).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, value, typeInto, shot, assertClean, overflowsX } from './lib.mjs';

const EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & “Mẫu”';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

async function tabNames(page) {
  return page.$$eval('[data-testid^="scenario-tab-"] .scenario-name', (els) => els.map((e) => e.textContent));
}
async function openTab(page) {
  return page.getAttribute('[data-testid^="scenario-tab-"][aria-current="page"]', 'data-testid');
}
async function saved(page) {
  // The autosave: `kehoach-book 2`, `current <id>`, `deleted …`, then one line per scenario:
  // its id, its revision and its share code.
  const text = await page.evaluate(() => localStorage.getItem('kehoach.book'));
  const [head, current, , ...rows] = text.trim().split('\n');
  const ids = rows.map((r) => r.split(' ')[0]);
  return { head, current: ids.indexOf(current.replace('current ', '')), scenarios: rows.map((r) => r.split(' ')[2]) };
}
async function rename(page, name) {
  await page.click('[data-testid="scenario-rename"]');
  const input = page.locator('[data-testid="scenario-rename-input"]');
  await input.fill(name);
  await page.click('[data-testid="scenario-rename-save"]');
}

test('create, duplicate, rename, switch and delete; a reload restores every scenario exactly', async () => {
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, server.url);
    assert.deepEqual(await tabNames(page), ['Kế hoạch toàn quốc 2027–2030']);
    // A second scenario: a copy with more swimming lessons.
    await page.click('[data-testid="scenario-duplicate"]');
    assert.deepEqual(await tabNames(page), ['Kế hoạch toàn quốc 2027–2030', 'Kế hoạch toàn quốc 2027–2030 (bản sao)']);
    assert.equal(await openTab(page), 'scenario-tab-1');
    await rename(page, 'Thêm lớp dạy bơi');
    await typeInto(page, 'budget-total', '400 tỷ');
    await typeInto(page, 'alloc-swim', '170 tỷ');
    const swimFigure = await value(page, 'kpi-deaths-averted');
    // A third: a new default for Điện Biên.
    await page.click('[data-testid="scenario-new"]');
    assert.equal(await openTab(page), 'scenario-tab-2');
    assert.match((await tabNames(page))[2], /Kịch bản mới/);
    assert.equal(await value(page, 'budget-total'), 350e9, 'a fresh default plan');
    await page.selectOption('[data-testid="region-select"]', 'dien-bien');
    await rename(page, EVIL);
    await typeInto(page, 'alloc-gifts', '0');
    // Switch back and forth: each keeps its own figures.
    await page.click('[data-testid="scenario-tab-0"]');
    const nationalFigure = await value(page, 'kpi-deaths-averted');
    await page.click('[data-testid="scenario-tab-1"]');
    assert.equal(await value(page, 'kpi-deaths-averted'), swimFigure);
    assert.equal(await value(page, 'alloc-swim'), 170e9);
    const before = await saved(page);
    assert.equal(before.head, 'kehoach-book 2');
    assert.equal(before.scenarios.length, 3);
    assert.equal(before.current, 1);
    assert.ok(before.scenarios.every((c) => /^[A-Za-z0-9_-]+$/.test(c)), 'share codes');
    const namesBefore = await tabNames(page);
    assert.equal(namesBefore[2], EVIL, 'markup shown as text in the list');
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await shot(page, 'scenarios-tabs');

    // Reload: every scenario back, exactly, and the same one open.
    await page.reload();
    await ready(page);
    assert.deepEqual(await tabNames(page), namesBefore);
    assert.equal(await openTab(page), 'scenario-tab-1');
    assert.deepEqual(await saved(page), before, 'the saved set is unchanged by loading it');
    assert.equal(await value(page, 'kpi-deaths-averted'), swimFigure);
    assert.equal(await value(page, 'budget-total'), 400e9);
    await page.click('[data-testid="scenario-tab-0"]');
    assert.equal(await value(page, 'kpi-deaths-averted'), nationalFigure);
    await page.click('[data-testid="scenario-tab-2"]');
    assert.equal(await value(page, 'alloc-gifts'), 0);
    assert.equal(await page.inputValue('[data-testid="region-select"]'), 'dien-bien');

    // Delete asks first; "keep" keeps.
    await page.click('[data-testid="scenario-delete"]');
    assert.ok((await page.textContent('[data-testid="scenario-delete-ask"]')).includes(EVIL));
    await page.click('[data-testid="scenario-delete-cancel"]');
    assert.equal((await tabNames(page)).length, 3);
    await page.click('[data-testid="scenario-delete"]');
    await page.click('[data-testid="scenario-delete-confirm"]');
    assert.deepEqual(await tabNames(page), namesBefore.slice(0, 2));
    assert.equal(await openTab(page), 'scenario-tab-1', 'the neighbour opens');
    assert.equal(await value(page, 'kpi-deaths-averted'), swimFigure);
    await page.reload();
    await ready(page);
    assert.deepEqual(await tabNames(page), namesBefore.slice(0, 2));
    // A too-long name is refused beside the list, the old one stays.
    await page.click('[data-testid="scenario-rename"]');
    await page.locator('[data-testid="scenario-rename-input"]').evaluate((el) => el.removeAttribute('maxlength'));
    await page.locator('[data-testid="scenario-rename-input"]').fill('x'.repeat(130));
    await page.click('[data-testid="scenario-rename-save"]');
    assert.match(await page.textContent('[data-testid="scenario-rename-error"]'), /quá dài/);
    assert.equal((await tabNames(page))[1], 'Thêm lớp dạy bơi');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});

test('damaged saved data is set aside with a notice; the app starts with the default', async () => {
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, server.url);
    await page.evaluate(() => localStorage.setItem('kehoach.book', '{"version":1,"current":0,"scenarios":[{"broken": tr'));
    await page.reload();
    await ready(page);
    assert.match(await page.textContent('[data-testid="notice"]'), /hỏng/);
    assert.deepEqual(await tabNames(page), ['Kế hoạch toàn quốc 2027–2030']);
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kehoach.book.corrupt.')));
    assert.equal(aside.length, 1, 'copied aside, not lost');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside[0]), '{"version":1,"current":0,"scenarios":[{"broken": tr');
    assert.equal((await saved(page)).scenarios.length, 1, 'autosave works again');
    // One damaged scenario among good ones: the good ones stay.
    await rename(page, 'Tốt');
    await page.click('[data-testid="scenario-duplicate"]');
    await rename(page, 'Cũng tốt');
    await page.evaluate(() => {
      const [head, current, deleted, ...rows] = localStorage.getItem('kehoach.book').trim().split('\n');
      rows.splice(1, 0, `00000000000000ff 1 ${rows[0].split(' ')[2].slice(0, 40)}`);
      localStorage.setItem('kehoach.book', [head, current, deleted, ...rows].join('\n'));
    });
    await page.reload();
    await ready(page);
    assert.deepEqual(await tabNames(page), ['Tốt', 'Cũng tốt']);
    assert.equal(await openTab(page), 'scenario-tab-1', 'the open one stays open');
    assert.match(await page.textContent('[data-testid="notice"]'), /hỏng/);
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});

test('storage that refuses (quota, private mode) gives one notice and the app works in memory', async () => {
  const b = await launch();
  try {
    await b.context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const { page, problems } = await open(b.context, server.url);
    await page.waitForSelector('[data-testid="notice"]');
    assert.match(await page.textContent('[data-testid="notice"]'), /QuotaExceededError/);
    assert.match(await page.textContent('[data-testid="notice"]'), /tệp sao lưu/);
    assert.equal(await page.locator('[data-testid="notice-backup"]').count(), 1, 'the notice offers the backup file');
    await page.click('[data-testid="notice"] button[aria-label]');
    await page.click('[data-testid="scenario-duplicate"]');
    await typeInto(page, 'alloc-swim', '100 tỷ');
    assert.equal(await value(page, 'alloc-swim'), 100e9, 'editing goes on');
    assert.equal((await tabNames(page)).length, 2);
    assert.equal(await page.locator('[data-testid="notice"]').count(), 0, 'not repeated on every edit');
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
  const c = await launch();
  try {
    // Private mode in some browsers: touching localStorage throws.
    await c.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    const { page, problems } = await open(c.context, server.url);
    assert.match(await page.textContent('[data-testid="notice"]'), /SecurityError/);
    assert.ok((await value(page, 'kpi-deaths-averted')) > 0);
    assertClean(assert, problems);
  } finally {
    await c.close();
  }
});

test('compare 2–4 scenarios: figures, lines, chart, and the assumptions/allocation split', async () => {
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, server.url);
    // B (imported): more money for swimming (allocation) and cheaper lessons (assumption).
    const allocation = { swim: 140e9, barrier: 20e9, daycare: 25e9, first_aid: 10e9, communication: 15e9, hotline: 15e9,
      special_support: 60e9, scholarship: 30e9, health_check: 20e9, gifts: 0, child_friendly: 15e9, play: 0 };
    const scenarioB = {
      version: 1, name: EVIL, region: 'VN', start_year: 2027, end_year: 2030,
      budget: Array(4).fill({ central: 180e9, provincial: 150e9, mobilised: 20e9 }), allocation,
      overrides: { lines: { swim: { unit_cost: { low: 350000, mode: 450000, high: 600000 } } } }, seed: 2027,
    };
    await page.click('[data-testid="export-button"]');
    await page.setInputFiles('[data-testid="import-file"]', { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenarioB)) });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="scenario-tab-"]').length === 2);
    await page.click('[data-testid="export-close"]');
    const bCheaper = await value(page, 'kpi-deaths-averted');
    // C: another region (cannot be split against A).
    await page.click('[data-testid="scenario-new"]');
    await page.selectOption('[data-testid="region-select"]', 'dien-bien');
    await page.click('[data-testid="compare-toggle"]');
    await page.waitForSelector('[data-testid="compare-view"]');
    // Default pick: the open one first, then the others.
    assert.equal(await page.isChecked('[data-testid="compare-pick-1"]'), true);
    assert.equal(await page.isChecked('[data-testid="compare-pick-3"]'), true);
    const cols = await page.$$eval('[data-testid="compare-headline"] [data-testid^="compare-col-"] .scenario-name', (els) => els.map((e) => e.textContent));
    assert.equal(cols.length, 3);
    // Make A the national default: untick all, pick 1 then 2 then 3.
    for (const id of [1, 2, 3]) await page.uncheck(`[data-testid="compare-pick-${id}"]`);
    assert.equal(await page.locator('[data-testid="compare-need-more"]').count(), 1);
    for (const id of [1, 2, 3]) await page.check(`[data-testid="compare-pick-${id}"]`);
    const names = await page.$$eval('[data-testid="compare-headline"] [data-testid^="compare-col-"] .scenario-name', (els) => els.map((e) => e.textContent));
    assert.deepEqual(names.slice(0, 2), ['Kế hoạch toàn quốc 2027–2030', EVIL], 'names as text');
    assert.equal(await value(page, 'cmp-deaths-averted-1'), bCheaper);
    assert.ok((await value(page, 'cmp-deaths-averted-1')) > (await value(page, 'cmp-deaths-averted-0')));
    const cell = page.locator('[data-testid="cmp-deaths-averted-1"]');
    assert.match(await cell.getAttribute('class'), /differs/);
    assert.match(await cell.textContent(), /▲ \+/, 'the difference is written, not only coloured');
    assert.match(await page.getAttribute('[data-testid="cmp-alloc-swim-1"]', 'class'), /differs/);
    assert.doesNotMatch(await page.getAttribute('[data-testid="cmp-alloc-hotline-1"]', 'class'), /differs/);
    // The split of B − A adds up, with both parts positive.
    const row = page.locator('[data-testid="split-1-deaths-averted"]');
    const total = Number(await row.getAttribute('data-total'));
    const ass = Number(await row.getAttribute('data-assumptions'));
    const alloc = Number(await row.getAttribute('data-allocation'));
    assert.ok(Math.abs(ass + alloc - total) < 1e-6, `${ass} + ${alloc} = ${total}`);
    assert.ok(ass > 0 && alloc > 0);
    assert.equal(await page.getAttribute('[data-testid="split-2"]', 'data-state'), 'different-setting');
    // The chart: one line per scenario plus the baseline; the name is escaped text.
    const chart = page.locator('[data-testid="compare-chart"] svg');
    assert.equal(await chart.count(), 1);
    const texts = await chart.locator('text').allTextContents();
    assert.ok(texts.some((t) => t.includes(EVIL.slice(0, 40))), 'the name appears as text in the chart (cut to fit)');
    assert.equal(await page.locator('[data-testid="compare-chart"] img, [data-testid="compare-chart"] script').count(), 0);
    // A fourth scenario fills the last slot; a fifth cannot be picked.
    await page.click('[data-testid="compare-back"]');
    await page.click('[data-testid="scenario-new"]');
    await page.click('[data-testid="scenario-new"]');
    await page.click('[data-testid="compare-toggle"]');
    const picks = page.locator('[data-testid^="compare-pick-"]');
    assert.equal(await picks.count(), 5);
    assert.equal(await page.locator('[data-testid^="compare-pick-"]:checked').count(), 4);
    assert.equal(await page.locator('[data-testid^="compare-pick-"]:disabled').count(), 1);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await shot(page, 'compare', { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'compare-phone');
    assert.equal(await overflowsX(page), false, 'no sideways scrolling on a phone');
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});
