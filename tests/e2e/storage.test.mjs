// Storage (issue 13): two tabs share one working set (edits to different scenarios both
// survive, the same scenario edited in both keeps both versions); the browser is asked to
// keep the storage for good and the scenario menu says whether it does and how much is
// used, with a backup file; a full disk loses nothing (notice, the planner goes on, what
// was saved stays, the backup file restores everything, the next save that works stores
// everything).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, open, ready, value, typeInto, shot, assertClean } from './lib.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

async function tabNames(page) {
  return page.$$eval('[data-testid^="scenario-tab-"] .scenario-name', (els) => els.map((e) => e.textContent));
}
async function rename(page, name) {
  await page.click('[data-testid="scenario-rename"]');
  await page.locator('[data-testid="scenario-rename-input"]').fill(name);
  await page.click('[data-testid="scenario-rename-save"]');
}
/** Waits until the page lists exactly these scenario names. */
async function waitForNames(page, names) {
  await page.waitForFunction(
    (want) => JSON.stringify([...document.querySelectorAll('[data-testid^="scenario-tab-"] .scenario-name')].map((e) => e.textContent)) === JSON.stringify(want),
    names,
    { timeout: 15000 },
  );
}
/** The annual money for swimming lessons of every scenario, by name. */
async function swimByName(page) {
  const out = {};
  const n = (await tabNames(page)).length;
  for (let i = 0; i < n; i++) {
    await page.click(`[data-testid="scenario-tab-${i}"]`);
    const name = await page.textContent(`[data-testid="scenario-tab-${i}"] .scenario-name`);
    out[name] = await value(page, 'alloc-swim');
  }
  return out;
}

// Both tabs hold back what the other tab says (the `storage` event) while `__hold` is set, so
// both edits are made before either tab has heard of the other's: "at the same time". Letting
// go re-sends the event the way the browser would.
const HOLD = () => {
  window.__hold = false;
  window.addEventListener('storage', (e) => {
    if (window.__hold && e.isTrusted) e.stopImmediatePropagation();
  }, true);
};
/** Waits until both tabs read the same saved text. */
async function agree(one, two) {
  for (let i = 0; i < 100; i++) {
    const [a, b] = await Promise.all([one, two].map((p) => p.evaluate(() => localStorage.getItem('kehoach.book'))));
    if (a === b) return;
    await one.waitForTimeout(50);
  }
  assert.fail('the two tabs never read the same saved text');
}
const letGo = (page) => page.evaluate(() => {
  window.__hold = false;
  window.dispatchEvent(new StorageEvent('storage', { key: 'kehoach.book' }));
});

test('two tabs: edits to different scenarios both survive; the same scenario edited in both keeps both versions', async () => {
  const b = await launch();
  try {
    await b.context.addInitScript(HOLD);
    const { page: one, problems: p1 } = await open(b.context, server.url);
    await rename(one, 'Phương án A');
    await one.click('[data-testid="scenario-duplicate"]');
    await rename(one, 'Phương án B');
    const { page: two, problems: p2 } = await open(b.context, server.url);
    assert.deepEqual(await tabNames(two), ['Phương án A', 'Phương án B'], 'the second tab opens the same set');

    // An edit in one tab appears in the other (the storage event).
    await one.click('[data-testid="scenario-new"]');
    await waitForNames(two, ['Phương án A', 'Phương án B', 'Kịch bản mới']);
    assert.match(await two.textContent('[data-testid="notice"]'), /thẻ khác/);
    await one.click('[data-testid="scenario-delete"]');
    await one.click('[data-testid="scenario-delete-confirm"]');
    await waitForNames(two, ['Phương án A', 'Phương án B']);

    // Different scenarios, at the same time.
    await one.click('[data-testid="scenario-tab-0"]');
    await two.click('[data-testid="scenario-tab-1"]');
    await Promise.all([one, two].map((p) => p.evaluate(() => { window.__hold = true; })));
    // (One after the other: neither tab hears of the other's edit before making its own.)
    await typeInto(one, 'alloc-swim', '111 tỷ');
    await typeInto(two, 'alloc-swim', '112 tỷ');
    assert.equal(await value(one, 'alloc-swim'), 111e9);
    assert.equal(await value(two, 'alloc-swim'), 112e9);
    await Promise.all([letGo(one), letGo(two)]);
    await agree(one, two);
    await Promise.all([one.reload(), two.reload()]);
    await Promise.all([ready(one), ready(two)]);
    for (const page of [one, two]) {
      assert.deepEqual(await swimByName(page), { 'Phương án A': 111e9, 'Phương án B': 112e9 }, 'both edits are there');
    }

    // The same scenario, at the same time: both versions are kept, the later as "(bản sao)".
    await one.click('[data-testid="scenario-tab-0"]');
    await two.click('[data-testid="scenario-tab-0"]');
    await Promise.all([one, two].map((p) => p.evaluate(() => { window.__hold = true; })));
    await typeInto(one, 'alloc-swim', '103 tỷ');
    await typeInto(two, 'alloc-swim', '104 tỷ');
    await Promise.all([letGo(one), letGo(two)]);
    const three = ['Phương án A', 'Phương án A (bản sao)', 'Phương án B'];
    await waitForNames(one, three);
    await waitForNames(two, three);
    await shot(two, 'storage-two-tabs');
    await Promise.all([one.reload(), two.reload()]);
    await Promise.all([ready(one), ready(two)]);
    const kept = [await swimByName(one), await swimByName(two)];
    assert.deepEqual(kept[0], kept[1], 'both tabs hold the same set');
    assert.equal(kept[0]['Phương án B'], 112e9);
    assert.deepEqual(
      [kept[0]['Phương án A'], kept[0]['Phương án A (bản sao)']].sort(),
      [103e9, 104e9],
      'both versions of the same scenario are kept',
    );
    assertClean(assert, p1);
    assertClean(assert, p2);
  } finally {
    await b.close();
  }
});

test('storage that lasts: persistence is asked for with the first own scenario; the menu says how it stands', async () => {
  const b = await launch();
  try {
    await b.context.addInitScript(() => {
      window.__persistAsked = 0;
      const m = navigator.storage;
      if (m && m.persist) {
        const persist = m.persist.bind(m);
        m.persist = () => { window.__persistAsked += 1; return persist(); };
      }
    });
    const { page, problems } = await open(b.context, server.url);
    assert.equal(await page.evaluate(() => window.__persistAsked), 0, 'not asked for the default plan alone');
    await rename(page, 'Kế hoạch của tỉnh');
    await page.waitForFunction(() => window.__persistAsked === 1);
    await page.click('[data-testid="scenario-duplicate"]');
    assert.equal(await page.evaluate(() => window.__persistAsked), 1, 'asked once');

    await page.click('[data-testid="storage-button"]');
    const state = page.locator('[data-testid="storage-state"]');
    await state.waitFor();
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    assert.equal(await state.getAttribute('data-state'), persisted ? 'persistent' : 'not-persistent');
    const usage = Number(await state.getAttribute('data-usage'));
    assert.ok(usage > 0, `usage ${usage}`);
    assert.match(await state.textContent(), /đã dùng \d/);
    if (!persisted) {
      // The one-tap backup: the whole working set, which restores exactly.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="storage-backup"]')]);
      assert.equal(download.suggestedFilename(), 'kehoach-sao-luu.json');
      const file = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(file.format, 'kehoach-backup');
      assert.deepEqual(file.scenarios.map((s) => s.name), ['Kế hoạch của tỉnh', 'Kế hoạch của tỉnh (bản sao)']);
      assert.match(await page.textContent('[data-testid="storage-backup-said"]'), /kehoach-sao-luu\.json/);
    }
    assert.equal(await page.locator('[data-testid="storage-ios"]').count(), 0, 'no iPhone advice on a desktop browser');
    await shot(page, 'storage-menu');
    await page.keyboard.press('Escape');
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
  // Safari on an iPhone gets the advice to add the app to the home screen.
  const c = await launch();
  try {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    await c.context.addInitScript((ua) => {
      Object.defineProperty(navigator, 'userAgent', { get: () => ua });
      if (navigator.storage) navigator.storage.persisted = () => Promise.resolve(false);
    }, iphone);
    const { page, problems } = await open(c.context, server.url, { width: 390, height: 844 });
    await page.click('[data-testid="storage-button"]');
    await page.locator('[data-testid="storage-ios"]').waitFor();
    assert.match(await page.textContent('[data-testid="storage-ios"]'), /Thêm vào MH chính/);
    assert.equal(await page.locator('[data-testid="storage-backup"]').count(), 1);
    await shot(page, 'storage-menu-iphone');
    assertClean(assert, problems);
  } finally {
    await c.close();
  }
});

test('a full disk loses nothing: notice, the planner goes on, the saved work stays, the backup restores all', async (t) => {
  const b = await launch();
  let backupText;
  let before;
  try {
    const { page, problems } = await open(b.context, server.url);
    await rename(page, 'Đã lưu một');
    await page.click('[data-testid="scenario-duplicate"]');
    await rename(page, 'Đã lưu hai');
    await typeInto(page, 'alloc-swim', '100 tỷ');
    const saved = await page.evaluate(() => localStorage.getItem('kehoach.book'));
    assert.match(saved, /^kehoach-book 2\n/);
    // Fill localStorage to its quota.
    const filled = await page.evaluate(() => {
      let total = 0;
      let i = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        for (;;) {
          try { localStorage.setItem(`fill.${i}`, 'x'.repeat(size)); i += 1; total += size; } catch { break; }
        }
      }
      return total;
    });
    assert.ok(filled > 1e6, `filled ${filled} characters`);
    t.diagnostic(`localStorage filled with ${filled} characters`);
    // A save that needs more room fails: a notice, with the backup file.
    await page.click('[data-testid="scenario-new"]');
    await rename(page, 'Chưa lưu được');
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /QuotaExceededError/);
    assert.match(await notice.textContent(), /tệp sao lưu/);
    // The planner still answers.
    const figure = await value(page, 'kpi-deaths-averted');
    await typeInto(page, 'alloc-swim', '60 tỷ');
    assert.equal(await value(page, 'alloc-swim'), 60e9);
    assert.notEqual(await value(page, 'kpi-deaths-averted'), figure, 'figures follow the edit');
    // Nothing already saved is lost.
    assert.equal(await page.evaluate(() => localStorage.getItem('kehoach.book')), saved);
    // The storage menu says saving fails.
    await page.click('[data-testid="storage-button"]');
    assert.equal(await page.getAttribute('[data-testid="storage-state"]', 'data-state'), 'failing');
    await shot(page, 'storage-full-disk');
    await page.keyboard.press('Escape');
    // The backup file holds everything, the unsaved work too.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="notice-backup"]')]);
    backupText = await readFile(await download.path(), 'utf8');
    before = await swimByName(page);
    assert.deepEqual(Object.keys(before), ['Đã lưu một', 'Đã lưu hai', 'Chưa lưu được']);
    assert.deepEqual(JSON.parse(backupText).scenarios.map((s) => s.name), Object.keys(before));
    // Room again: the next save stores everything.
    await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('fill.')) localStorage.removeItem(k); });
    await typeInto(page, 'alloc-swim', '61 tỷ');
    await page.waitForFunction(() => (localStorage.getItem('kehoach.book') ?? '').trim().split('\n').length === 6);
    assert.match(await notice.textContent(), /lưu lại được/);
    before['Chưa lưu được'] = 61e9;
    await page.reload();
    await ready(page);
    assert.deepEqual(await swimByName(page), before, 'everything stored after the disk had room again');
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
  // The backup file restores the working set exactly, in a fresh browser.
  const c = await launch();
  try {
    const { page, problems } = await open(c.context, server.url);
    await page.click('[data-testid="export-button"]');
    await page.setInputFiles('[data-testid="import-file"]', { name: 'kehoach-sao-luu.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
    await page.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.dataset.state === 'done');
    assert.match(await page.textContent('[data-testid="export-status"]'), /Đã khôi phục 3 kịch bản/);
    await page.keyboard.press('Escape');
    const restored = JSON.parse(backupText);
    const expected = {};
    for (const s of restored.scenarios) expected[s.name] = s.allocation.swim;
    assert.deepEqual(await swimByName(page), expected);
    await page.reload();
    await ready(page);
    assert.deepEqual(await swimByName(page), expected, 'the restored set is stored');
    assertClean(assert, problems);
  } finally {
    await c.close();
  }
});
