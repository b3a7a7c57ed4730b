// examples/embed/index.html in headless Chromium (Debian's, through playwright-core): the
// `--target web` package loads with no build step, and the page shows a share link's
// headline figures and target verdicts — the same figures the Node package computes.
// Screenshot: tests/e2e/out/embed.png (KEHOACH_SCREENSHOTS=1 also writes
// docs/screenshots/embed.png).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { assertClean, launch, serve, shot } from '../e2e/lib.mjs';
import { PKG, ROOT, loadEngine } from './lib.mjs';

const engine = loadEngine();
const code = readFileSync(
  join(ROOT, 'crates', 'model', 'tests', 'fixtures', 'link-v1-dien-bien-2027.txt'),
  'utf8',
).trim();
let server;
let browser;

before(async () => {
  assert.ok(existsSync(join(PKG, 'web', 'kehoach_engine.js')), 'run `make engine` first');
  server = await serve(ROOT);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function show(hash, viewport = { width: 900, height: 600 }) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const problems = { console: [], pageErrors: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.hostname !== '127.0.0.1' && u.protocol !== 'data:') problems.foreign.push(r.url());
  });
  await page.goto(`${server.url}examples/embed/index.html${hash}`);
  await page.waitForSelector('#kehoach-plan[data-ready]', { timeout: 30000 });
  return { page, problems };
}

test('a #s= link shows the headline figures and the target verdicts the package computes', async () => {
  const { page, problems } = await show(`#s=${code}`);
  assert.equal(await page.getAttribute('#kehoach-plan', 'data-ready'), 'true');
  const plan = engine.decodeLink(code);
  const p = engine.evaluate(plan);
  assert.equal(
    Number(await page.getAttribute('#kehoach-plan', 'data-deaths-averted')),
    p.headline.deaths_averted.lifetime,
  );
  const text = await page.textContent('#kehoach-plan');
  assert.ok(text.includes(plan.name), 'the plan name');
  assert.ok(text.includes(engine.formatMoney(p.headline.spend_total, 'vi')), 'the spend, as the app writes it');
  assert.ok(text.includes(new Intl.NumberFormat('vi-VN').format(p.headline.children_reached)));
  const rows = await page.$$eval('tr[data-target]', (trs) =>
    trs.map((tr) => [tr.dataset.target, tr.dataset.met]));
  assert.deepEqual(
    rows,
    p.targets.map((t) => [t.id, t.assessable ? String(t.met) : '']),
  );
  // Never "met" beside a chance below 80 % (issue 11's rule, as in the app).
  const u = engine.simulate(plan, 1000);
  const verdicts = await page.$$eval('tr[data-target]', (trs) => trs.map((tr) => [tr.dataset.target, tr.dataset.verdict]));
  for (const [id, verdict] of verdicts) {
    const c = u.targets.find((t) => t.id === id);
    if (verdict === 'met') assert.ok(c.probability >= 0.8, `${id}: met with ${c.probability}`);
  }
  assertClean(assert, problems);
  const path = await shot(page, 'embed', { fullPage: true });
  if (process.env.KEHOACH_SCREENSHOTS === '1') {
    copyFileSync(path, join(ROOT, 'docs', 'screenshots', 'embed.png'));
  }
});

test('a damaged link shows the reason in Vietnamese, not a broken page', async () => {
  const { page, problems } = await show(`#s=${code.slice(0, 30)}`);
  assert.equal(await page.getAttribute('#kehoach-plan', 'data-ready'), 'error');
  const shown = await page.textContent('#kehoach-plan [role="alert"]');
  const e = (() => { try { engine.decodeLink(code.slice(0, 30)); } catch (x) { return x; } })();
  assert.equal(shown.trim(), e.vi);
  assertClean(assert, problems);
});

test('on a phone the card fits the screen', async () => {
  const { page } = await show(`#s=${code}`, { width: 360, height: 740 });
  const wide = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
  );
  assert.equal(wide, false);
  await shot(page, 'embed-phone', { fullPage: true });
});
