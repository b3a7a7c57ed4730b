// Honest numbers on screen (issue 11) and undo (issues 11 and 14): the Điện Biên case —
// goal seek at 80 % gives a plan whose target card shows a chance of at least 80 %, the
// proposal lists every target's change before it is accepted, and Ctrl+Z restores the
// 45 tỷ plan exactly; the optimiser's proposal shows each moved line's expected result with
// its p10–p90 range and its evidence grades; every catalogue figure on the page (by
// `data-figure`) equals the CLI's, the CSV export's, the phone summary's and — where they
// carry `data-figure` — the print sheet's and the workshop view's; switching region and
// deleting a scenario say what they did and are undone to the identical plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, value, typeInto, shot, assertClean, overflowsX, ROOT } from './lib.mjs';

let server, browser;
const CLI = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'debug', 'kehoach');
const TARGETS = ['drowning-2025', 'drowning-2030', 'swim-2025', 'swim-2030', 'cfc-2025', 'cfc-2030'];
const GRADES = ['academic', 'official', 'press', 'estimate'];

before(async () => {
  if (!existsSync(CLI)) execFileSync('cargo', ['build', '-q', '-p', 'model', '--bin', 'kehoach'], { cwd: ROOT, stdio: 'inherit' });
  server = await serve();
  browser = await launch();
  // window.print() would open a dialog: record the call instead (the print sheet is read).
  await browser.context.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The share code of the open scenario (from the share panel). */
async function shareCode(page) {
  await page.click('[data-testid="share-button"]');
  const link = await page.inputValue('[data-testid="share-link"]');
  await page.click('[data-testid="share-close"]');
  return new URL(link).hash.slice(3);
}

/** Waits until the Monte Carlo of the plan on screen is in (no figure or card pending). */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('#kpis .pending') && !document.querySelector('.target[data-verdict="pending"]'));
}

/** Every catalogue figure inside `root`: key → { value, p10, p50, p90 } (numbers or null). */
async function figuresIn(page, root) {
  return page.$$eval(`${root} [data-figure]`, (els) => {
    const num = (v) => (v === undefined ? null : Number(v));
    const out = {};
    for (const e of els) {
      out[e.dataset.figure] = { value: num(e.dataset.value), p10: num(e.dataset.p10), p50: num(e.dataset.p50), p90: num(e.dataset.p90) };
    }
    return out;
  });
}

/** A scenario's --json run through the CLI with 1 000 draws. */
function cliRun(scenarioText) {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-honest-'));
  const file = join(dir, 's.json');
  writeFileSync(file, scenarioText);
  return JSON.parse(execFileSync(CLI, ['run', file, '--json', '--draws', '1000'], { encoding: 'utf8' }));
}

/** Each catalogue figure's value and band in the CLI's JSON, by key. */
function cliFigures(out) {
  const h = out.projection.headline;
  const u = out.uncertainty;
  const band = (b) => (b && b.p10 !== null && b.p10 !== undefined ? b : null);
  const table = {
    deaths_averted: [h.deaths_averted.lifetime, u.deaths_averted.lifetime],
    deaths_averted_plan: [h.deaths_averted.plan, u.deaths_averted.plan],
    dalys_averted: [h.dalys_averted.lifetime, u.dalys_averted.lifetime],
    expected_deaths: [h.deaths, u.deaths],
    drowning_rate: [h.rate_final, u.rate_final],
    swim_share: [h.swim_share_final, u.swim_share_final],
    child_friendly_share: [h.child_friendly_share_final, u.child_friendly_share_final],
    children_reached: [h.children_reached, u.children_reached],
    children_supported: [h.children_supported, u.children_supported],
    contacts: [h.contacts, u.contacts],
    spend_total: [h.spend_total, null],
    cost_per_death_averted: [h.cost_per_death_averted.lifetime, u.cost_per_death_averted.lifetime],
    cost_per_death_averted_plan: [h.cost_per_death_averted.plan, u.cost_per_death_averted.plan],
    cost_per_daly: [h.cost_per_daly.lifetime, u.cost_per_daly.lifetime],
    cost_per_child_supported: [h.cost_per_child_supported, null],
  };
  const out2 = {};
  for (const [k, [v, b]] of Object.entries(table)) out2[k] = { value: v ?? null, band: band(b) };
  return out2;
}

/** A page of the app with nothing saved from an earlier test. */
async function fresh(size = { width: 1366, height: 768 }) {
  const opened = await open(browser.context, server.url, size);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.waitForSelector('[data-testid="app-ready"]');
  return opened;
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return readFileSync(await d.path());
}

test('Điện Biên, 45 tỷ, special support locked: goal seek at 80 % is met with ≥ 80 %, says what it changes, and Ctrl+Z restores the plan', async () => {
  const { page, problems } = await fresh();
  await page.selectOption('[data-testid="region-select"]', 'dien-bien');
  // Switching region says what it rescaled, with an undo beside it.
  const said = await page.textContent('[data-testid="notice"]');
  assert.match(said, /Đã điều chỉnh ngân sách từ 350 tỷ đồng xuống 2,94 tỷ đồng theo số trẻ em của Tỉnh Điện Biên/);
  assert.equal(await page.locator('[data-testid="notice-undo"]').count(), 1);
  await typeInto(page, 'budget-total', '45 tỷ');
  assert.equal(await value(page, 'budget-total'), 45e9);
  await page.check('[data-testid="lock-special_support"]');
  await settled(page);
  const planCode = await shareCode(page);
  const before = await figuresIn(page, '#kpis');

  assert.equal(await page.inputValue('[data-testid="goal-chance"]'), '0.8', '80 % asked by default');
  await page.selectOption('[data-testid="goal-target"]', 'drowning-2030');
  await page.click('[data-testid="goal-button"]');
  const proposal = page.locator('[data-testid="proposal"]');
  await proposal.waitFor({ timeout: 60000 });
  assert.equal(await proposal.getAttribute('data-reached'), 'true');
  const budget = Number(await proposal.getAttribute('data-budget'));
  const chance = Number(await proposal.getAttribute('data-chance'));
  assert.ok(budget > 0 && budget < 45e9, `a smaller budget: ${budget}`);
  assert.ok(chance >= 0.8, `met with at least 80 %: ${chance}`);
  assert.equal(await value(page, 'budget-total'), 45e9, 'nothing applied before accepting');

  // Before accepting: every target's verdict and chance, before and after …
  for (const id of TARGETS) {
    assert.equal(await page.locator(`[data-testid="proposal-target-${id}"]`).count(), 1, `target ${id} listed`);
  }
  const target = page.locator('[data-testid="proposal-target-drowning-2030"]');
  assert.equal(Number(await target.getAttribute('data-chance-after')), chance);
  assert.equal(await target.locator('[data-verdict="met"]').count(), 1, 'the proposed plan meets it');
  // … the child-friendly communes target, met today, is lost: said before accepting.
  const cfc = page.locator('[data-testid="proposal-target-cfc-2030"]');
  assert.equal(await cfc.getAttribute('data-changed'), 'true');
  assert.ok(Number(await cfc.getAttribute('data-chance-after')) < Number(await cfc.getAttribute('data-chance-before')));
  // … every headline figure of the catalogue, before and after …
  const rows = await page.$$eval('[data-testid="proposal-figures"] tbody tr', (trs) => trs.map((t) => t.dataset.figure));
  assert.equal(rows.length, 15);
  assert.deepEqual(new Set(rows), new Set(Object.keys(cliFigures(cliRun(readFileSync(join(ROOT, 'examples', 'default.json'), 'utf8'))))));
  assert.equal(Number(await page.getAttribute('[data-testid="proposal-figure-deaths_averted"]', 'data-before')), before.deaths_averted.value);
  // … each moved line with its grades and its p10–p90 result, and why lines go to 0.
  const moved = await page.$$eval('[data-testid="proposal-lines"] tbody tr[data-effect-grade]', (trs) => trs.map((t) => ({ ...t.dataset, text: t.textContent })));
  assert.ok(moved.length > 0);
  for (const m of moved) {
    assert.ok(GRADES.includes(m.effectGrade) && GRADES.includes(m.costGrade), JSON.stringify(m));
    assert.ok(Number(m.resultP10) <= Number(m.resultP50) && Number(m.resultP50) <= Number(m.resultP90), JSON.stringify(m));
  }
  const why = await page.$$eval('[data-testid="proposal-why"] li', (lis) => lis.map((l) => l.textContent));
  assert.ok(why.some((t) => /mỗi 100 triệu đồng một năm ở đây tránh được [\d,]+ ca tử vong, ít hơn [\d,]+ lần so với/.test(t)), why.join('\n'));
  await proposal.scrollIntoViewIfNeeded();
  await shot(page, 'honest-goal-proposal');

  // Accept: the target card agrees (a chance ≥ 80 % and ✓), the changed figures are marked
  // and in view.
  await page.click('[data-testid="proposal-accept"]');
  await proposal.waitFor({ state: 'detached' });
  assert.equal(await value(page, 'budget-total'), budget);
  assert.match(await page.textContent('[data-testid="notice"]'), /Đã áp dụng đề xuất/);
  await settled(page);
  const card = page.locator('[data-testid="target-drowning-2030"]');
  assert.ok(Number(await card.getAttribute('data-chance')) >= 0.8, await card.getAttribute('data-chance'));
  assert.equal(await card.getAttribute('data-verdict'), 'met');
  assert.equal((await card.locator('.badge').textContent()).trim(), '✓');
  assert.ok((await page.locator('#kpis [data-changed="true"]').count()) > 0, 'changed figures marked');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'kpis', 'the figures were brought into view');
  const box = await page.locator('#kpis').boundingBox();
  assert.ok(box && box.y < 768 && box.y + 40 > 0, `figures in view: ${JSON.stringify(box)}`);
  await shot(page, 'honest-goal-accepted');

  // Ctrl+Z: the 45 tỷ plan, exactly.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="budget-total"]')?.dataset.value) === 45e9);
  assert.equal(await shareCode(page), planCode, 'the identical plan');
  // Ctrl+Shift+Z puts the proposal back; Ctrl+Y too after another undo.
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="budget-total"]')?.dataset.value) === b, budget);
  await page.click('[data-testid="undo-button"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="budget-total"]')?.dataset.value) === 45e9);
  await page.keyboard.press('Control+y');
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="budget-total"]')?.dataset.value) === b, budget);
  assertClean(assert, problems);
  await page.close();
});

test('the optimiser shows the expected result with p10–p90 and grades per moved line; options change it', async () => {
  const { page, problems } = await fresh();
  // The optimiser is reachable without scrolling past the charts.
  const opt = await page.locator('#optimise').boundingBox();
  const charts = await page.locator('.charts').first().boundingBox();
  assert.ok(opt && charts && opt.y < charts.y, 'the optimiser sits above the charts');
  await page.selectOption('[data-testid="objective-select"]', 'deaths');
  await page.click('[data-testid="optimize-button"]');
  const proposal = page.locator('[data-testid="proposal"]');
  await proposal.waitFor({ timeout: 60000 });
  assert.equal(await proposal.getAttribute('data-horizon'), 'lifetime', 'ranked over the lifetime by default');
  assert.match(await proposal.textContent(), /kỳ vọng trên các lần rút ngẫu nhiên/);
  const moved = await page.$$eval('[data-testid="proposal-lines"] tbody tr[data-effect-grade]', (trs) => trs.map((t) => ({ ...t.dataset, text: t.textContent })));
  assert.ok(moved.length >= 2);
  for (const m of moved) {
    assert.ok(GRADES.includes(m.effectGrade), `${m.testid}: effect grade ${m.effectGrade}`);
    assert.ok(GRADES.includes(m.costGrade), `${m.testid}: cost grade ${m.costGrade}`);
    assert.ok(Number(m.resultP10) <= Number(m.resultP90));
    assert.match(m.text, /\(.+–.+\)/, `${m.testid}: the p10–p90 range is written`);
  }
  // Swimming lessons are not defunded over the lifetime (issue 11, point 1).
  const swim = page.locator('[data-testid="proposal-swim"]');
  if (await swim.count()) assert.ok(Number(await swim.getAttribute('data-value')) > 0);
  await shot(page, 'honest-optimise-proposal');
  // Only well-evidenced lines: no line resting on estimates gets more money.
  await page.check('[data-testid="opt-strong"]');
  await page.click('[data-testid="optimize-button"]');
  await page.locator('[data-testid="proposal"]').waitFor({ timeout: 60000 });
  const strong = await page.$$eval('[data-testid="proposal-lines"] tbody tr[data-effect-grade]', (trs) => trs.map((t) => ({ ...t.dataset })));
  for (const m of strong.filter((m) => Number(m.value) > Number(m.before))) {
    assert.equal(m.wellEvidenced, 'true', `${m.testid} gets more money but is not well evidenced`);
  }
  const reasons = await page.$$eval('[data-testid="proposal-why"] li', (lis) => lis.map((l) => l.dataset.reason));
  assert.ok(reasons.includes('evidence'), `a line held back for its evidence: ${reasons}`);
  await page.uncheck('[data-testid="opt-strong"]');
  // The plan-years view ranks by the plan years, and switches the headline figures.
  await page.click('[data-testid="horizon-plan"]');
  assert.equal(await page.locator('[data-testid="kpi-deaths-averted-plan"]').count(), 1);
  assert.equal(await page.locator('[data-testid="kpi-deaths-averted"]').count(), 0);
  assert.equal(await page.locator('[data-testid="kpi-cost-per-death-averted-plan"]').count(), 1);
  await page.click('[data-testid="optimize-button"]');
  await page.locator('[data-testid="proposal"]').waitFor({ timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid="proposal"]', 'data-horizon'), 'plan');
  await page.click('[data-testid="proposal-discard"]');
  await page.click('[data-testid="horizon-lifetime"]');
  assertClean(assert, problems);
  await page.close();
});

test('every catalogue figure agrees: planner, CLI, CSV, phone summary, print sheet and workshop', async () => {
  const { page, problems } = await fresh();
  await page.selectOption('[data-testid="region-select"]', 'dien-bien');
  await typeInto(page, 'alloc-gifts', '0');
  await typeInto(page, 'alloc-swim', '1,2 tỷ');
  await settled(page);
  const shown = await figuresIn(page, '#kpis');
  await page.click('[data-testid="horizon-plan"]');
  await settled(page);
  Object.assign(shown, await figuresIn(page, '#kpis'));
  await page.click('[data-testid="horizon-lifetime"]');
  await settled(page);

  // The same scenario through the CLI, read back from the JSON export.
  await page.click('[data-testid="export-button"]');
  const json = await download(page, 'export-json');
  const csv = (await download(page, 'export-csv')).subarray(3).toString('utf8');
  await page.click('[data-testid="export-close"]');
  const want = cliFigures(cliRun(json.toString('utf8')));
  assert.deepEqual(Object.keys(shown).sort(), Object.keys(want).sort(), 'every figure of the catalogue is on the page');
  for (const [key, w] of Object.entries(want)) {
    const s = shown[key];
    assert.equal(s.value, w.value, `${key}: value`);
    if (w.band) {
      assert.deepEqual([s.p10, s.p50, s.p90], [w.band.p10, w.band.p50, w.band.p90], `${key}: p10–p90`);
      assert.ok(w.band.p10 <= w.value && w.value <= w.band.p90, `${key}: the figure lies in its band`);
    } else {
      assert.deepEqual([s.p10, s.p90], [null, null], `${key}: no band`);
    }
  }

  // The CSV (by plan year): deaths averted add up to the plan-years figure; the last year
  // gives the rate and the shares.
  const lines = csv.split('\r\n').filter(Boolean).map((l) => l.split(';'));
  const head = lines[0];
  const rows = lines.slice(1);
  const col = (re) => {
    const i = head.findIndex((h) => re.test(h));
    assert.ok(i >= 0, `CSV column ${re} in ${head.join(' | ')}`);
    return rows.map((r) => Number(r[i].replace(/\./g, '').replace(',', '.')));
  };
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: CSV ${a} vs page ${b}`);
  close(sum(col(/tránh được/)), shown.deaths_averted_plan.value, 0.005 * rows.length + 1e-9, 'deaths averted in the plan years');
  close(sum(col(/, có kế hoạch \(ca\)/)), shown.expected_deaths.value, 0.005 * rows.length + 1e-9, 'expected deaths');
  close(col(/Tỷ suất.*, có kế hoạch/).at(-1), shown.drowning_rate.value, 0.0005 + 1e-9, 'final rate');
  close(col(/biết bơi/).at(-1), 100 * shown.swim_share.value, 0.005 + 1e-9, 'swim share');
  close(col(/phù hợp với trẻ em/).at(-1), 100 * shown.child_friendly_share.value, 0.005 + 1e-9, 'child-friendly share');

  // The phone summary shows the same figures.
  await page.setViewportSize({ width: 360, height: 740 });
  const mini = await figuresIn(page, '[data-testid="mini-summary"]');
  assert.ok(Object.keys(mini).length >= 2);
  for (const [key, m] of Object.entries(mini)) {
    assert.equal(m.value, want[key].value, `phone summary ${key}`);
    if (m.p10 !== null) assert.equal(m.p10, want[key].band.p10, `phone summary ${key} p10`);
  }
  assert.equal(await overflowsX(page), false);
  await shot(page, 'honest-phone');
  await page.setViewportSize({ width: 1366, height: 768 });

  // The print sheet and the workshop view, where they carry figures of the catalogue.
  const agree = async (root, what) => {
    const got = await figuresIn(page, root);
    for (const [key, g] of Object.entries(got)) {
      assert.ok(key in want, `${what}: unknown figure ${key}`);
      if (g.value !== null) assert.equal(g.value, want[key].value, `${what} ${key}`);
    }
    return Object.keys(got).length;
  };
  await page.click('[data-testid="print-button"]');
  await page.waitForSelector('#print-host [data-testid="print-sheet"]', { state: 'attached' });
  const printed = await agree('#print-host', 'print sheet');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.click('[data-testid="workshop-toggle"]');
  await page.waitForSelector('.workshop-app');
  const projected = await agree('.workshop-app', 'workshop');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="kpi-deaths-averted"]');
  console.log(`figures compared: page ${Object.keys(shown).length}, print sheet ${printed}, workshop ${projected}`);
  assertClean(assert, problems);
  await page.close();
});

test('deleting a scenario and switching region are undone to the identical plan; old links say what changed', async () => {
  const { page, problems } = await fresh();
  await page.click('[data-testid="scenario-new"]');
  await typeInto(page, 'alloc-gifts', '0');
  const code = await shareCode(page);
  const region = await page.inputValue('[data-testid="region-select"]');
  const tabs = await page.locator('[data-testid^="scenario-tab-"]').count();
  // Switch region and take it back.
  await page.selectOption('[data-testid="region-select"]', 'lai-chau');
  assert.match(await page.textContent('[data-testid="notice"]'), /Tỉnh Lai Châu/);
  await page.click('[data-testid="notice-undo"]');
  assert.equal(await page.inputValue('[data-testid="region-select"]'), region);
  assert.equal(await shareCode(page), code);
  // Delete it and take it back.
  await page.click('[data-testid="scenario-delete"]');
  await page.click('[data-testid="scenario-delete-confirm"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="scenario-tab-"]').length === n - 1, tabs);
  assert.match(await page.textContent('[data-testid="notice"]'), /Đã xóa kịch bản/);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="scenario-tab-"]').length === n, tabs);
  assert.equal(await shareCode(page), code, 'the deleted plan, back and open');
  // The undo button says what it undoes; in English too.
  assert.match(await page.getAttribute('[data-testid="undo-button"]', 'title'), /Hoàn tác: thay đổi/);
  await page.click('[data-testid="lang-toggle"]');
  assert.match(await page.getAttribute('[data-testid="undo-button"]', 'title'), /Undo: the change/);
  await shot(page, 'honest-planner-en');
  await page.setViewportSize({ width: 360, height: 740 });
  assert.equal(await overflowsX(page), false);
  await shot(page, 'honest-planner-en-phone', { fullPage: true });
  await page.click('[data-testid="lang-toggle"]');
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, 'honest-planner-vi', { fullPage: true });
  // A shared link (read as the current schema) opens with the note on what changed.
  await page.goto(`${server.url}#s=${code}`);
  await page.waitForSelector('[data-testid="meaning-notice"]');
  assert.match(await page.textContent('[data-testid="meaning-notice"]'), /trong suốt thời gian tác dụng/);
  await page.click('[data-testid="meaning-notice-close"]');
  assert.equal(await page.locator('[data-testid="meaning-notice"]').count(), 0);
  assertClean(assert, problems);
  await page.close();
});

test('the chance asked for is remembered, and no ✓ sits beside a lower chance', async () => {
  const { page, problems } = await fresh();
  await settled(page);
  const check = async () => {
    const asked = Number(await page.inputValue('[data-testid="chance-setting"]'));
    const cards = await page.$$eval('.target[data-assessable="true"]', (els) => els.map((e) => ({ id: e.dataset.testid, verdict: e.dataset.verdict, chance: Number(e.dataset.chance), badge: e.querySelector('.badge').textContent.trim() })));
    for (const c of cards) {
      if (c.badge === '✓') assert.ok(c.chance >= asked, `${c.id}: ✓ beside ${c.chance} < ${asked}`);
      assert.equal(c.verdict === 'met', c.chance >= asked, `${c.id}: ${c.verdict} at ${c.chance} (asked ${asked})`);
    }
    return cards;
  };
  await check();
  await page.selectOption('[data-testid="chance-setting"]', '0.5');
  const at50 = await check();
  assert.ok(at50.some((c) => c.verdict === 'met'));
  await page.selectOption('[data-testid="chance-setting"]', '0.95');
  await check();
  assert.equal(await page.inputValue('[data-testid="goal-chance"]'), '0.95', 'goal seek aims at the same chance');
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]');
  assert.equal(await page.inputValue('[data-testid="chance-setting"]'), '0.95', 'remembered like the language');
  await page.selectOption('[data-testid="chance-setting"]', '0.8');
  // The cards while the Monte Carlo is recomputed: never ✓.
  await typeInto(page, 'alloc-gifts', '0');
  const stale = await page.$$eval('.target[data-assessable="true"]', (els) => els.map((e) => [e.dataset.verdict, e.dataset.chance ?? null, e.querySelector('.badge').textContent.trim()]));
  for (const [verdict, chance, badge] of stale) if (verdict === 'pending') assert.ok(chance === null && badge !== '✓');
  await settled(page);
  await check();
  await shot(page, 'honest-targets');
  assertClean(assert, problems);
  await page.close();
});
