// A phone (360 × 740) opening a shared plan (issue 14): the link opens on the results —
// headline figures and targets first, "Chỉnh sửa" goes to the form; a fresh phone gets the
// shared plan alone, not an extra default tab beside it; the share panel's last line is
// not hidden under the bottom bar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, typeInto, shot, overflowsX, assertClean } from './lib.mjs';

const PHONE = { width: 360, height: 740 };
const NAME = 'Điện Biên: gửi lên điện thoại';

let server;
let link;
before(async () => {
  server = await serve();
  // A plan made on a desktop, shared by link.
  const desk = await launch();
  try {
    const { page } = await open(desk.context, server.url);
    await page.selectOption('[data-testid="region-select"]', 'dien-bien');
    await typeInto(page, 'scenario-name', NAME);
    await page.waitForTimeout(300);
    await page.click('[data-testid="share-button"]');
    link = await page.inputValue('[data-testid="share-link"]');
  } finally {
    await desk.close();
  }
});
after(async () => { await server?.close(); });

const top = (page, sel) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

test('a fresh phone opens a shared link on its results, alone, and "Chỉnh sửa" goes to the form', async () => {
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, link, PHONE);
    // (b) The shared plan alone: no extra default tab on a fresh phone.
    assert.equal(await page.locator('[data-testid^="scenario-tab-"]').count(), 1, 'one tab');
    assert.equal(await page.textContent('[data-testid="scenario-tab-0"] .scenario-name'), NAME);
    assert.equal(await page.getAttribute('[data-testid="scenario-count"]', 'data-value'), '1');
    assert.match(await page.textContent('[data-testid="notice"]'), /Đã mở kịch bản được chia sẻ/);
    // (a) Results first: the headline figures and the targets come before the form.
    await page.waitForSelector('[data-testid="shared-first"]');
    const kpi = await top(page, '[data-testid="kpi-deaths-averted"]');
    const targets = await top(page, '.targets');
    const form = await top(page, '#plan-form');
    assert.ok(kpi < targets && targets < form, `figures ${kpi} < targets ${targets} < form ${form}`);
    const editBox = await page.locator('[data-testid="edit-shared"]').boundingBox();
    assert.ok(editBox && editBox.y + editBox.height <= PHONE.height, `"Chỉnh sửa" on the first screen: ${JSON.stringify(editBox)}`);
    assert.ok(kpi < 2 * PHONE.height, `the headline figure starts near the top: ${kpi} px (was 5 715 px)`);
    assert.equal(await overflowsX(page), false, 'no sideways scrolling');
    await shot(page, 'phone-shared-results');
    // The first headline figure is in view once the page is scrolled to the results.
    await page.click('.mini-summary a');
    await page.waitForTimeout(200);
    const kpiBox = await page.locator('[data-testid="kpi-deaths-averted"]').boundingBox();
    assert.ok(kpiBox.y >= 0 && kpiBox.y < PHONE.height, `headline figure in view: ${kpiBox.y}`);
    // "Chỉnh sửa": the form comes first again and is scrolled to.
    await page.click('[data-testid="edit-shared"]');
    await page.waitForSelector('[data-testid="shared-first"]', { state: 'detached' });
    await page.waitForFunction(() => Math.abs(document.querySelector('#plan-form').getBoundingClientRect().top) < 40);
    assert.ok(await top(page, '#plan-form') < await top(page, '[data-testid="kpi-deaths-averted"]'), 'the form before the results');
    assert.ok(await page.locator('[data-testid="region-select"]').isVisible(), 'the form in view');
    await shot(page, 'phone-shared-edit');
    // A reload keeps one tab (the shared plan was saved in place of the default).
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('[data-testid^="scenario-tab-"]').count(), 1, 'still one tab after a reload');
    assert.equal(await page.locator('[data-testid="shared-first"]').count(), 0, 'a reload opens the planner as usual');
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});

test('a phone with its own work gets the shared plan beside it, results first', async () => {
  const b = await launch();
  try {
    const first = await open(b.context, server.url, PHONE);
    await typeInto(first.page, 'scenario-name', 'Việc của tôi');
    await first.page.waitForTimeout(600);
    await first.page.close();
    const { page, problems } = await open(b.context, link, PHONE);
    const names = await page.$$eval('[data-testid^="scenario-tab-"] .scenario-name', (els) => els.map((e) => e.textContent));
    assert.deepEqual(names, ['Việc của tôi', NAME], 'nothing lost, the link added');
    await page.waitForSelector('[data-testid="shared-first"]');
    assert.ok(await top(page, '[data-testid="kpi-deaths-averted"]') < await top(page, '#plan-form'));
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});

test('the share panel on a phone: its last line is above the bottom bar', async () => {
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, server.url, PHONE);
    await page.click('[data-testid="share-button"]');
    const panel = page.locator('[data-testid="share-panel"]');
    await panel.waitFor();
    // Scroll the panel (and the page) to its end, as a thumb would.
    await panel.evaluate((p) => { p.scrollTop = p.scrollHeight; });
    await page.waitForTimeout(100);
    const geometry = await page.evaluate(() => {
      const p = document.querySelector('[data-testid="share-panel"]');
      const bar = document.querySelector('[data-testid="mini-summary"]');
      // The last line of the panel: its last visible element with a box.
      const items = [...p.querySelectorAll('*')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && e.children.length === 0;
      });
      const last = items.reduce((a, e) => (e.getBoundingClientRect().bottom > a.getBoundingClientRect().bottom ? e : a));
      const barTop = bar && getComputedStyle(bar).display !== 'none' ? bar.getBoundingClientRect().top : window.innerHeight;
      const lb = last.getBoundingClientRect();
      // What is drawn at the middle of the last line: the panel's own element, not the bar.
      const hit = document.elementFromPoint(Math.min(lb.left + 10, window.innerWidth - 1), (lb.top + lb.bottom) / 2);
      return {
        lastBottom: lb.bottom,
        lastText: last.textContent.trim().slice(0, 60),
        panelBottom: p.getBoundingClientRect().bottom,
        barTop,
        innerHeight: window.innerHeight,
        hitInPanel: !!hit && p.contains(hit),
      };
    });
    assert.ok(geometry.barTop < geometry.innerHeight, `the bottom bar is there on a phone: ${JSON.stringify(geometry)}`);
    assert.ok(geometry.panelBottom <= geometry.barTop + 0.5, `the panel ends above the bottom bar: ${JSON.stringify(geometry)}`);
    assert.ok(geometry.lastBottom <= geometry.barTop + 0.5, `the last line is above the bottom bar: ${JSON.stringify(geometry)}`);
    assert.ok(geometry.hitInPanel, `the last line is not covered: ${JSON.stringify(geometry)}`);
    await shot(page, 'phone-share-panel');
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});
