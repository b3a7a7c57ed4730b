// The charts follow a drag (issue 12, goal 3): while a slider is dragged — input events a
// frame or two apart, never the pause after which the uncertainty band is recomputed — the
// four charts are redrawn with the figures on every step; the band waits for the pause. A
// step updates the charts' elements in place (they stay the same DOM nodes), and the
// charts a drag leaves behind are exactly those a fresh page draws for that plan.
// Nothing here is timed: the speed is `make bench`'s (tests/e2e/bench/latency.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, typeInto, shot, assertClean } from './lib.mjs';

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const settled = (page) => page.waitForSelector('[data-testid="charts"][data-stale="false"]', { timeout: 15000 });

/** The charts panel's SVGs, as markup (whitespace between elements aside). */
const chartsMarkup = (page) => page.$$eval('[data-testid="charts"] figure.chart svg',
  (els) => els.map((e) => e.outerHTML.replace(/>\s+</g, '><')));

test('during a drag the charts are redrawn with the figures on every step; the band waits', async () => {
  const { page, problems } = await open(browser.context, server.url, { width: 1280, height: 900 });
  await typeInto(page, 'budget-total', '500 tỷ'); // room to move
  await settled(page);

  const steps = await page.evaluate(async () => {
    const slider = document.querySelector('[data-testid="slider-swim"]');
    const q = (sel) => document.querySelector(sel);
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    // The deaths chart's series "with the plan" (blue lines; the legend's sample is one of
    // them), its band, the budget chart's bars and the panel's state, at one moment.
    const look = () => ({
      figure: q('[data-testid="kpi-deaths-averted"]').getAttribute('data-value'),
      amount: q('[data-testid="alloc-swim"]').getAttribute('data-value'),
      series: [...document.querySelectorAll('[data-testid="chart-deaths"] polyline[stroke="#0072B2"]')].map((e) => e.getAttribute('points')).join('|'),
      band: [...document.querySelectorAll('[data-testid="chart-deaths"] polygon')].map((e) => e.getAttribute('points')).join('|'),
      budget: [...document.querySelectorAll('[data-testid="chart-budget"] svg rect')].map((e) => `${e.getAttribute('x')},${e.getAttribute('width')}`).join(' '),
      stale: q('[data-testid="charts"]').getAttribute('data-stale'),
      drawn: Number(q('[data-testid="charts"]').getAttribute('data-drawn')),
    });
    // Every node of the deaths chart is marked; a step updates them rather than replacing them.
    const marked = [...document.querySelectorAll('[data-testid="chart-deaths"] svg > *')];
    for (const e of marked) e.kehoachKept = true;
    const out = [look()];
    // Six equal steps down towards nothing, each a whole number of slider steps.
    const step = Number(slider.step);
    const by = Math.floor(Number(slider.value) / 7 / step) * step;
    for (let i = 1; i <= 6; i++) {
      slider.value = String(Number(slider.value) - by);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      await frame();
      out.push(look());
    }
    const kept = [...document.querySelectorAll('[data-testid="chart-deaths"] svg > *')].filter((e) => e.kehoachKept).length;
    return { out, kept, total: marked.length };
  });

  const [start, ...moved] = steps.out;
  assert.equal(start.stale, 'false');
  assert.ok(start.band.length > 0, 'the band is drawn once settled');
  let prev = start;
  for (const [i, s] of moved.entries()) {
    assert.notEqual(s.amount, prev.amount, `step ${i + 1}: the slider moved the amount`);
    assert.notEqual(s.figure, prev.figure, `step ${i + 1}: the headline figure follows`);
    assert.ok(s.drawn > prev.drawn, `step ${i + 1}: the charts show the moved plan (${prev.drawn} → ${s.drawn})`);
    assert.notEqual(s.series, prev.series, `step ${i + 1}: the deaths series follows the drag`);
    assert.notEqual(s.budget, prev.budget, `step ${i + 1}: the budget bars follow the drag`);
    // No pause yet: the band is the one computed before the drag, and says it is updating.
    assert.equal(s.stale, 'true', `step ${i + 1}: the band waits for a pause`);
    assert.equal(s.band, start.band, `step ${i + 1}: the band is not recomputed during the drag`);
    prev = s;
  }
  // The chart was updated in place: its elements (grid, axes, legend, labels, and the
  // series whose points moved) are still the same nodes after six steps.
  assert.ok(steps.kept > steps.total / 2, `${steps.kept} of ${steps.total} nodes kept`);

  // The pause: the band of the moved plan arrives, the series stays where the drag left it.
  await settled(page);
  const band = await page.$$eval('[data-testid="chart-deaths"] polygon', (els) => els.map((e) => e.getAttribute('points')).join('|'));
  assert.notEqual(band, start.band, 'the band is recomputed for the moved plan after the pause');
  await page.locator('[data-testid="chart-deaths"]').scrollIntoViewIfNeeded();
  await shot(page, 'drag-charts-after');

  // What the drag left is what a fresh page draws for this plan (restored from the autosave).
  const dragged = await chartsMarkup(page);
  assert.equal(dragged.length, 4);
  const { page: fresh, problems: freshProblems } = await open(browser.context, server.url, { width: 1280, height: 900 });
  await settled(fresh);
  assert.equal(await fresh.getAttribute('[data-testid="alloc-swim"]', 'data-value'), moved.at(-1).amount, 'the autosave kept the dragged plan');
  assert.deepEqual(await chartsMarkup(fresh), dragged);
  assertClean(assert, problems);
  assertClean(assert, freshProblems);
  await fresh.close();
  await page.close();
});
