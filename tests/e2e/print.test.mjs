// The printable plan sheet: Chromium's PDF of it is exactly one A4 page — for the default
// plan, for a long plan (15 years with uneven budgets, long name with markup) and in English —
// its QR code reopens the scenario, and a name with markup prints as text. The PDF is
// rendered to PNG (pdftoppm, when poppler-utils is installed) to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { serve, launch, open, ready, typeInto, assertClean, OUT } from './lib.mjs';

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
  // window.print() would open a dialog: record the call instead.
  await browser.context.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Pages of a PDF made by Chromium (its page objects are plain dictionaries). */
function pageCount(pdf) {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
  return pages.length;
}

/** Opens the sheet with the print button (window.print is stubbed). */
async function openSheet(page) {
  await page.click('[data-testid="print-button"]');
  await page.waitForSelector('#print-host [data-testid="print-sheet"]', { state: 'attached' });
  await page.waitForFunction(() => window.__printed > 0);
}

/** The A4 PDF Chromium makes of the page (its own beforeprint/afterprint included: the
 *  sheet is gone afterwards), saved and rendered to PNG under tests/e2e/out/. */
async function toPdf(page, name) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, `${name}.pdf`), pdf);
  try {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', join(OUT, `${name}.pdf`), join(OUT, name)]);
  } catch {
    // No poppler-utils: show the print layout as a screenshot instead.
    await openSheet(page);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  return pdf;
}

test('the default plan prints on one A4 page with a QR code that reopens it', async () => {
  const { page, problems } = await open(browser.context, server.url);
  // Wait for the p10–p90 ranges (Monte Carlo) so the sheet shows them.
  await page.waitForFunction(() => !document.querySelector('.kpi-detail.pending'));
  await page.click('[data-testid="share-button"]');
  const link = await page.inputValue('[data-testid="share-link"]');
  await openSheet(page);
  const sheet = page.locator('[data-testid="print-sheet"]');
  const text = await sheet.textContent();
  for (const s of ['Kế hoạch toàn quốc 2027–2030', 'Toàn quốc', 'Phân bổ theo tuyến (triệu đồng)', '120.000', 'Ngân sách theo nguồn',
    'p10–p90', 'Mục tiêu quốc gia', 'Giả định chính và nguồn', 'Quét để mở']) {
    assert.ok(text.includes(s), `sheet shows ${s}`);
  }
  assert.doesNotMatch(await page.textContent('[data-testid="print-fig-averted"]'), /p10–p90: —/, 'ranges are there');
  assert.equal(await page.locator('[data-testid="print-sheet"] svg.chart').count(), 1, 'the deaths chart');
  assert.equal(await page.getAttribute('[data-testid="print-target-cfc-2030"]', 'data-met'), 'true');
  const pdf = await toPdf(page, 'print-default');
  assert.equal(pageCount(pdf), 1, 'one page');
  // The QR code on paper decodes to the share link.
  await openSheet(page);
  await page.emulateMedia({ media: 'print' });
  const png = PNG.sync.read(await page.locator('[data-testid="print-qr"]').screenshot({ scale: 'device' }));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(code?.data, link);
  assert.match(pdf.toString('latin1', 0, 8), /^%PDF-/);
  assertClean(assert, problems);
  await page.close();
});

test('a long plan (15 uneven years, long name with markup) still fits one page; markup stays text', async () => {
  const { page, problems } = await open(browser.context, server.url);
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.selectOption('[data-testid="year-start"]', '2026');
  await page.selectOption('[data-testid="year-end"]', '2040');
  await page.waitForTimeout(600);
  await typeInto(page, 'scenario-name', `${evil} Kế hoạch thực hiện công tác trẻ em giai đoạn 2026–2040 dài`);
  // Uneven years: the source table gets a row per run of equal years.
  await page.click('[data-testid="budget-by-source"] summary');
  for (const [year, amount] of [[2031, '200 tỷ'], [2035, '220 tỷ']]) {
    await typeInto(page, `budget-${year}-provincial`, amount);
  }
  await page.waitForTimeout(400);
  await openSheet(page);
  const sheet = page.locator('[data-testid="print-sheet"]');
  assert.ok((await page.textContent('[data-testid="print-name"]')).startsWith(evil), 'name printed as text');
  assert.equal(await sheet.locator('img[src="x"], script').count(), 0);
  assert.ok((await sheet.textContent()).includes('2032–2034'), 'equal years grouped');
  const pdf = await toPdf(page, 'print-long');
  assert.equal(pageCount(pdf), 1, 'still one page');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assertClean(assert, problems);
  await page.close();
});

test('the English sheet fits one page too, and the sheet leaves after printing', async () => {
  const { page, problems } = await open(browser.context, server.url);
  await page.click('[data-testid="lang-toggle"]');
  await openSheet(page);
  assert.ok((await page.textContent('[data-testid="print-sheet"]')).includes('Key assumptions and sources'));
  const pdf = await toPdf(page, 'print-en');
  assert.equal(pageCount(pdf), 1);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForSelector('[data-testid="print-sheet"]', { state: 'detached' });
  // Ctrl+P (the browser's own print) brings the sheet too.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForSelector('[data-testid="print-sheet"]', { state: 'attached' });
  assertClean(assert, problems);
  await page.close();
});
