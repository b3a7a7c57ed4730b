// The Vietnamese shell: region picker, budget input in đồng, a figure computed by the model
// that follows the budget, a chart, and bad budgets answered with a message beside the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, value, typeInto, shot, assertClean, overflowsX } from './lib.mjs';

let server, browser, page, problems;

before(async () => {
  server = await serve();
  browser = await launch();
  ({ page, problems } = await open(browser.context, server.url));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the shell speaks Vietnamese and shows the national default', async () => {
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.match(await page.textContent('[data-testid="app-title"]'), /Kế hoạch/);
  const options = await page.$$eval('[data-testid="region-select"] option', (o) => o.map((x) => x.textContent));
  assert.equal(options.length, 35, 'the nation and 34 provincial units');
  assert.equal(options[0], 'Toàn quốc');
  assert.ok(options.includes('Tỉnh Điện Biên') && options.includes('Thành phố Hồ Chí Minh'));
  assert.equal(await page.inputValue('[data-testid="budget-total"]'), '350.000.000.000');
  assert.ok((await value(page, 'kpi-deaths-averted')) > 0);
  assert.equal(await page.locator('#loading').count(), 0, 'loading screen removed');
  await shot(page, 'shell-vi');
});

test('typing a larger budget and allocating it changes the headline figure', async () => {
  const before = await value(page, 'kpi-deaths-averted');
  await typeInto(page, 'budget-total', '400.000.000.000');
  assert.equal(await value(page, 'budget-total'), 400e9);
  assert.equal(await value(page, 'balance'), 50e9, '50 tỷ left to allocate');
  await typeInto(page, 'alloc-swim', '170 tỷ');
  assert.equal(await value(page, 'alloc-swim'), 170e9);
  const after = await value(page, 'kpi-deaths-averted');
  assert.ok(after > before, `${after} > ${before}`);
  assert.equal(await page.inputValue('[data-testid="alloc-swim"]'), '170.000.000.000', 'reformatted on leaving');
});

test('a smaller budget than allocated is refused beside the field, figures stay', async () => {
  const figure = await value(page, 'kpi-deaths-averted');
  await typeInto(page, 'budget-total', '100.000.000.000');
  const msg = await page.textContent('[data-testid="budget-total-error"]');
  assert.match(msg, /vượt ngân sách/);
  assert.equal(await value(page, 'kpi-deaths-averted'), figure);
  assert.equal(await value(page, 'budget-total'), 400e9, 'the last good budget stays');
});

for (const [bad, pattern] of [
  ['', /Hãy nhập số tiền/],
  ['abc', /không phải là số tiền/],
  ['-5000', /không được âm/],
  ['999999999999999999999', /quá lớn/],
  ['12,5,3', /không phải là số tiền/],
]) {
  test(`bad budget ${JSON.stringify(bad)} gets a message and nothing is lost`, async () => {
    const figure = await value(page, 'kpi-deaths-averted');
    const budget = await value(page, 'budget-total');
    await typeInto(page, 'budget-total', bad);
    const msg = await page.textContent('[data-testid="budget-total-error"]');
    assert.match(msg, pattern);
    assert.equal(await page.getAttribute('[data-testid="budget-total"]', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('[data-testid="budget-total"]'), bad, 'what was typed stays');
    assert.equal(await value(page, 'kpi-deaths-averted'), figure);
    assert.equal(await value(page, 'budget-total'), budget, 'no half-typed prefix stays in the plan');
    assert.equal(await value(page, 'balance'), 0, 'the balance is that of the last good budget');
  });
}

test('after bad input the page keeps working', async () => {
  await shot(page, 'shell-bad-budget');
  await typeInto(page, 'budget-total', '450 tỷ');
  assert.equal(await page.locator('[data-testid="budget-total-error"]').count(), 0);
  assert.equal(await value(page, 'budget-total'), 450e9);
  await page.selectOption('[data-testid="region-select"]', 'dien-bien');
  assert.ok((await value(page, 'budget-total')) < 10e9, 'rescaled to the province');
  assert.match(await page.textContent('[data-testid="baseline"] summary'), /208\.222/);
  assertClean(assert, problems);
});

test('the page fits a 360 px phone without sideways scrolling', async () => {
  await page.setViewportSize({ width: 360, height: 640 });
  assert.equal(await overflowsX(page), false);
  await shot(page, 'shell-360');
  await page.setViewportSize({ width: 1280, height: 900 });
});
