// The plan as a state document (issue 14): the document view shows the print sheet the file
// worker writes (Decree 30/2020/NĐ-CP: issuing body, number, place and date, KẾ HOẠCH, the
// sections, signature, Nơi nhận, annex) with the app's own figures; the issuing-body
// settings are remembered; the Word file downloaded from the app is read by python-docx
// and says the same; English mode is English throughout; a file worker that cannot load
// is reported in the user's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, copyFile, mkdtemp, cp, readdir, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, open, value, typeInto, shot, assertClean, OUT, ROOT, DIST } from './lib.mjs';

let server, browser, page, problems;

before(async () => {
  server = await serve();
  browser = await launch();
  ({ page, problems } = await open(browser.context, server.url, { width: 1366, height: 768 }));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every paragraph and table cell of a .docx, one a line, as python-docx reads them. */
function readDocx(path) {
  const script = `
import sys, docx
d = docx.Document(sys.argv[1])
out = [p.text for p in d.paragraphs]
def cells(t):
    for row in t.rows:
        for c in row.cells:
            out.extend(p.text for p in c.paragraphs)
            for inner in c.tables: cells(inner)
for t in d.tables: cells(t)
sys.stdout.write("\\n".join(out))
`;
  return execFileSync('python3', ['-c', script, path], { encoding: 'utf8' });
}

async function openDocument() {
  await page.click('[data-testid="document-button"]');
  await page.locator('[data-testid="doc-paper"] .plan-doc').waitFor({ timeout: 60000 });
}

test('the document view shows the plan as a state document with the app figures', async () => {
  await page.selectOption('[data-testid="region-select"]', 'dien-bien');
  await page.waitForTimeout(600);
  const averted = await value(page, 'kpi-deaths-averted');
  await openDocument();
  const sheet = page.locator('[data-testid="doc-paper"] .plan-doc');
  const text = await sheet.innerText();
  for (const part of ['ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN', 'SỞ Y TẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc', 'KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU', 'II. CHỈ TIÊU',
    'III. NHIỆM VỤ VÀ GIẢI PHÁP', 'IV. KINH PHÍ THỰC HIỆN', 'V. TỔ CHỨC THỰC HIỆN', 'KT. GIÁM ĐỐC',
    'Nơi nhận:', 'PHỤ LỤC']) {
    assert.ok(text.includes(part), `the sheet has “${part}”`);
  }
  assert.match(text, /Số: .*\/KH-SYT/);
  const shown = Number(await sheet.locator('[data-figure="deaths_averted"]').first().getAttribute('data-value'));
  assert.ok(Math.abs(shown - averted) < 1e-9, `deaths averted: sheet ${shown}, app ${averted}`);
  for (const internal of ['§', 'seed 0', 'SOURCES.md', 'CHILD-WORK']) assert.ok(!text.includes(internal), internal);
  // Each line's unit cost is said once, with its line.
  const unitCosts = text.match(/Đơn giá của “[^”]+”/g) ?? [];
  assert.ok(unitCosts.length >= 3, unitCosts.join(' | '));
  assert.equal(new Set(unitCosts).size, unitCosts.length, 'each unit cost once');
  await mkdir(join(ROOT, 'docs', 'screenshots'), { recursive: true });
  await shot(page, 'document-view');
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'document-view.png') });
});

test('the signer typed in the settings is on the sheet, remembered, and in the Word file', async () => {
  await page.click('[data-testid="doc-settings"] summary');
  await page.fill('[data-testid="doc-name"]', 'Nguyễn Thị Bình');
  await page.locator('[data-testid="doc-paper"] .plan-doc', { hasText: 'Nguyễn Thị Bình' }).waitFor({ timeout: 60000 });
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.click('[data-testid="doc-word"]'),
  ]);
  assert.match(d.suggestedFilename(), /\.docx$/);
  await mkdir(OUT, { recursive: true });
  const path = join(OUT, 'ke-hoach.docx');
  await copyFile(await d.path(), path);
  const docx = readDocx(path);
  const sheet = await page.locator('[data-testid="doc-paper"] .plan-doc').innerText();
  for (const part of ['ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN', 'KẾ HOẠCH', 'V. TỔ CHỨC THỰC HIỆN', 'Nơi nhận:',
    'Nguyễn Thị Bình', 'PHÓ GIÁM ĐỐC', 'PHỤ LỤC']) {
    assert.ok(docx.includes(part), `the Word file has “${part}”`);
  }
  // The figures of the sheet are the Word file's.
  const figures = await page.$$eval('[data-testid="doc-paper"] [data-figure]', (els) => els.map((e) => e.textContent));
  assert.ok(figures.length >= 5, figures.join(' | '));
  for (const f of figures) assert.ok(docx.includes(f), `figure ${f} in the Word file`);
  assert.ok(sheet.includes('Nguyễn Thị Bình'));
  await page.waitForSelector('[data-testid="doc-status"]');
  // Remembered on this device.
  await page.click('[data-testid="doc-close"]');
  await page.reload();
  await page.locator('[data-testid="app-ready"]').waitFor();
  await openDocument();
  assert.ok((await page.locator('[data-testid="doc-paper"] .plan-doc').innerText()).includes('Nguyễn Thị Bình'));
  await page.click('[data-testid="doc-close"]');
});

test('in English the document and its Word file are in English', async () => {
  await page.click('[data-testid="lang-toggle"]');
  await openDocument();
  const text = await page.locator('[data-testid="doc-paper"] .plan-doc').innerText();
  for (const part of ['SOCIALIST REPUBLIC OF VIET NAM', 'PLAN', 'V. IMPLEMENTATION', 'Recipients:']) {
    assert.ok(text.includes(part), part);
  }
  for (const vi of ['Nơi nhận', 'KẾ HOẠCH', 'mỗi năm', 'Đơn giá', 'không sáp nhập']) assert.ok(!text.includes(vi), `no “${vi}”`);
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'document-view-en.png') });
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.click('[data-testid="doc-word"]'),
  ]);
  const path = join(OUT, 'plan-en.docx');
  await copyFile(await d.path(), path);
  const docx = readDocx(path);
  assert.ok(docx.includes('Recipients:') && !docx.includes('Nơi nhận'));
  await page.click('[data-testid="doc-close"]');
  await page.click('[data-testid="lang-toggle"]');
});

test('a file worker that cannot load is reported in the user language', async () => {
  // A copy of the site without the file worker's files (as when it cannot be fetched).
  const dir = await mkdtemp(join(tmpdir(), 'kehoach-noworker-'));
  await cp(DIST, dir, { recursive: true });
  for (const f of await readdir(dir)) if (f.startsWith('kehoach-xlsx')) await rm(join(dir, f));
  const bare = await serve(dir);
  const other = await launch();
  try {
    const { page: p } = await open(other.context, bare.url);
    await p.click('[data-testid="export-button"]');
    await p.click('[data-testid="export-xlsx"]');
    const status = p.locator('[data-testid="export-status"]');
    await status.filter({ hasText: 'bộ tạo tệp' }).waitFor({ timeout: 60000 });
    assert.match(await status.innerText(), /Không tải được bộ tạo tệp \(Excel, Word\)/);
    await p.click('[data-testid="lang-toggle"]');
    if (await p.locator('[data-testid="export-xlsx"]').count() === 0) await p.click('[data-testid="export-button"]');
    await p.click('[data-testid="export-xlsx"]');
    await status.filter({ hasText: 'file maker' }).waitFor({ timeout: 60000 });
    assert.match(await status.innerText(), /Could not load the file maker/);
  } finally {
    await other.close();
    await bare.close();
    await rm(dir, { recursive: true, force: true });
  }
  assertClean(assert, problems);
});

test('money past a line ceiling is shown on the line and split in the budget bar', async () => {
  const { page: p, problems: pr } = await open(browser.context, server.url, { width: 1366, height: 768 });
  await p.selectOption('[data-testid="region-select"]', 'dien-bien');
  await p.waitForTimeout(400);
  await typeInto(p, 'budget-total', '200 tỷ');
  await typeInto(p, 'alloc-daycare', '120 tỷ');
  const idle = p.locator('[data-testid="idle-daycare"]');
  await idle.waitFor();
  const perYear = Number(await idle.getAttribute('data-value'));
  assert.ok(perYear > 1e9, `day care idle ${perYear}`);
  const text = await idle.innerText();
  assert.match(text, /không mua thêm được gì/);
  // The unit says "a year" once.
  const reach = await p.locator('[data-testid="reach-daycare"]').innerText();
  assert.ok(!/mỗi năm mỗi năm/.test(reach), reach);
  assert.ok(!(await p.locator('[data-testid="saturation-daycare"]').count()), 'no "almost at the maximum" when above it');
  const balance = p.locator('[data-testid="balance"]');
  assert.ok(Number(await balance.getAttribute('data-idle')) >= perYear);
  const bar = await balance.innerText();
  assert.match(bar, /có tác dụng .* vượt mức trần/);
  assert.ok(!bar.includes('đã phân bổ hết'), bar);
  await p.locator('[data-testid="line-daycare"], [data-testid="reach-daycare"]').first().scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'idle-money.png') });
  await balance.scrollIntoViewIfNeeded();
  await balance.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'idle-budget-bar.png') });
  await p.click('[data-testid="lang-toggle"]');
  const en = await p.locator('[data-testid="reach-daycare"]').innerText();
  assert.ok(!/per year a year|a year a year/.test(en), en);
  assert.match(await p.locator('[data-testid="idle-daycare"]').innerText(), /buys nothing more/);
  assert.match(await balance.innerText(), /with effect .* above the lines' ceilings/);
  await p.click('[data-testid="lang-toggle"]');
  await p.close();
  assertClean(assert, pr);
});

test('money typed as planners type it: each spelling, the reading note, a question when ambiguous', async () => {
  const fresh = await launch();
  try {
  const { page: p, problems: pr } = await open(fresh.context, server.url, { width: 1366, height: 768 });
  await p.selectOption('[data-testid="region-select"]', 'dien-bien');
  await p.waitForTimeout(400);
  const cases = [
    ['budget-total', '45,5 tỷ', 45_500_000_000, /đã hiểu là 45,5 tỷ/],
    ['budget-total', '45.5 tỷ', 45_500_000_000, /dấu “\.” là dấu thập phân/],
    ['budget-total', '46 tỉ', 46_000_000_000, /đã hiểu là 46 tỷ/],
    ['budget-total', '45 tỷ 500 triệu', 45_500_000_000, /đã hiểu là 45,5 tỷ/],
    ['alloc-gifts', '450 tr', 450_000_000, /đã hiểu là 450 triệu/],
    ['alloc-gifts', '1,2 triệu', 1_200_000, /đã hiểu là 1,2 triệu/],
    ['alloc-gifts', '500k', 500_000, /đã hiểu là 500\.000/],
    ['alloc-gifts', '500 nghìn', 500_000, /đã hiểu là 500\.000/],
    ['alloc-gifts', '600 ngàn', 600_000, /đã hiểu là 600\.000/],
  ];
  for (const [field, text, amount, note] of cases) {
    await typeInto(p, field, text);
    await p.waitForFunction(([f, a]) => document.querySelector(`[data-testid="${f}"]`).dataset.value === String(a), [field, amount], { timeout: 5000 })
      .catch(() => {});
    assert.equal(await value(p, field), amount, `${text} in ${field}`);
    const read = await p.locator(`[data-testid="${field}-note"]`).innerText();
    assert.match(read, note, `${text}: ${read}`);
  }
  // Two readings: the field asks, and the button chosen sets the amount.
  await typeInto(p, 'alloc-gifts', '1.250 tỷ');
  await p.locator('[data-testid="alloc-gifts-choices"]').waitFor();
  assert.match(await p.locator('[data-testid="alloc-gifts-error"]').innerText(), /có thể là .* hoặc .*Bạn muốn số nào/);
  assert.equal(await value(p, 'alloc-gifts'), 600_000, 'nothing guessed');
  await p.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'money-ambiguous.png') });
  const options = await p.$$eval('[data-testid^="alloc-gifts-choice-"]', (els) => els.map((e) => Number(e.dataset.value)));
  assert.deepEqual([...options].sort((a, b) => a - b), [1_250_000_000, 1_250_000_000_000]);
  await p.click('[data-testid^="alloc-gifts-choice-"][data-value="1250000000"]');
  await p.waitForFunction(() => document.querySelector('[data-testid="alloc-gifts"]').dataset.value === '1250000000');
  await p.close();
  assertClean(assert, pr);
  } finally {
    await fresh.close();
  }
});

/** The y-axis labels of the workshop chart (numbers that are not plan years). */
async function yLabels(p) {
  return p.$$eval('[data-testid="ws-chart"] svg text', (els) => els.map((e) => e.textContent.trim())
    .filter((t) => /^[\d.,]+$/.test(t) && !/^20\d\d$/.test(t)));
}

/** Every visible text in the workshop view whose rendered size is under `min` px. */
async function smallTexts(p, min) {
  return p.evaluate((min) => {
    const root = document.querySelector('[data-testid="workshop"]');
    const small = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.sr-only, [hidden], [aria-hidden="true"]:not(svg *)')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      let px = parseFloat(cs.fontSize);
      const svg = el.closest('svg');
      if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
        const size = parseFloat(el.getAttribute('font-size') || cs.fontSize);
        px = size * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
      }
      if (px < min - 0.05) small.push(`${text.slice(0, 30)} (${px.toFixed(1)} px)`);
    }
    return small;
  }, min);
}

test('workshop: one y axis for every slide, from 0; every text at least 20 px at 1280×720', async () => {
  const { page: p, problems: pr } = await open(browser.context, server.url, { width: 1280, height: 720 });
  await p.selectOption('[data-testid="region-select"]', 'dien-bien');
  await p.waitForTimeout(400);
  // A plan of its own, so the Điện Biên example added below is a second slide.
  await typeInto(p, 'budget-total', '20 tỷ');
  await typeInto(p, 'alloc-swim', '6 tỷ');
  await p.click('[data-testid="workshop-toggle"]');
  await p.locator('[data-testid="workshop"]').waitFor();
  await p.click('[data-testid="ws-pack-toggle"]');
  const link = (await readFile(join(ROOT, 'crates', 'model', 'tests', 'fixtures', 'link-v1-dien-bien-2027.txt'), 'utf8')).trim();
  await p.fill('[data-testid="pack-add-input"]', `http://example.invalid/kehoach/#s=${link.replace(/^.*#s=/, '')}`);
  await p.click('[data-testid="pack-add"]');
  await p.waitForFunction(() => Number(document.querySelector('[data-testid="ws-position"]').dataset.count) >= 2);
  await p.click('[data-testid="ws-pack-toggle"]');
  const count = Number(await p.getAttribute('[data-testid="ws-position"]', 'data-count'));
  assert.ok(count >= 2, `${count} slides`);
  const axes = [];
  for (let k = 0; k < count; k++) {
    await p.locator('[data-testid="ws-chart"] svg').waitFor();
    axes.push({ labels: await yLabels(p), max: await p.getAttribute('[data-testid="ws-chart"]', 'data-y-max') });
    if (k === 0) {
      const small = await smallTexts(p, 20);
      await p.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'workshop-1280x720.png') });
      assert.deepEqual(small, [], 'texts under 20 px');
    }
    await p.keyboard.press('ArrowRight');
    await p.waitForTimeout(300);
  }
  assert.ok(axes[0].labels.includes('0'), `the axis starts at 0: ${axes[0].labels}`);
  for (const a of axes) assert.deepEqual(a, axes[0], 'the same y axis on every slide');
  await p.keyboard.press('Escape');
  await p.close();
  assertClean(assert, pr);
});
