// The single-file build (issue 12, `make single`, scripts/single.mjs): kehoach.html, made
// here from the release build in dist/ with a test address, opens from file:// in headless
// Chromium and works with no server: the planner answers a slider, scenarios, the print
// sheet, the workshop and its pack link, the room's paste, the XLSX export (the file worker
// from a blob: URL, read back by openpyxl) and the QR reader (its worker from a blob: URL,
// fed a QR code through Chromium's fake camera). Share and workshop links point to the
// published address, no service worker is registered, nothing is requested but file:,
// data: and blob: URLs, and the page's own content security policy is never violated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { unzipSync, strFromU8 } from 'fflate';
import { launch, ready, value, shot, OUT, ROOT, DIST } from './lib.mjs';

const PUBLISHED = 'https://so-ldtbxh.example.gov.vn/kehoach/';
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let dir, file, url;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kehoach-single-'));
  file = join(dir, 'kehoach.html');
  const printed = execFileSync('node', [join(ROOT, 'scripts', 'single.mjs'), '--url', PUBLISHED, DIST, file], { encoding: 'utf8' });
  const html = await readFile(file);
  console.log(`# ${printed.split('\n')[0]}`);
  console.log(`# kehoach.html: ${html.length} bytes, ${gzipSync(html, { level: 9 }).length} gzip`);
  url = pathToFileURL(file).href;
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Opens kehoach.html in a browser and watches everything it asks for. */
async function openSingle(context, { width = 1280, height = 900, hash = '' } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const problems = { console: [], pageErrors: [], requests: [], csp: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  context.on('request', (r) => problems.requests.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url + hash);
  await ready(page);
  return { page, problems };
}

async function clean(page, problems) {
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no content security policy violation');
  assert.deepEqual(problems.pageErrors, [], 'uncaught exceptions');
  assert.deepEqual(problems.console, [], 'console errors');
  const elsewhere = problems.requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(elsewhere, [], 'only file:, data: and blob: requests');
}

test('kehoach.html from file:// works: slider, share link, scenarios, print, workshop, room, XLSX', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openSingle(browser.context);
    // Nothing but the one file (the favicon is a data: URL, the workers blob: URLs).
    assert.deepEqual(problems.requests.filter((u) => u.startsWith('file:')).map((u) => u.split('#')[0]), [url]);
    assert.equal(browser.context.serviceWorkers().length, 0, 'no service worker');

    // A slider moves the figures.
    const averted = await value(page, 'kpi-deaths-averted');
    const swim = await value(page, 'alloc-swim');
    const slider = page.locator('[data-testid="slider-swim"]');
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="kpi-deaths-averted"]').dataset.value) !== v, averted);
    assert.ok((await value(page, 'alloc-swim')) < swim, 'the slider moved the allocation');
    assert.ok((await value(page, 'kpi-deaths-averted')) < averted, 'less swimming, fewer deaths averted');
    await shot(page, 'single-file-planner');

    // The share link names the published address, not file://.
    await page.click('[data-testid="share-button"]');
    const link = await page.inputValue('[data-testid="share-link"]');
    assert.match(link, new RegExp(`^${esc(PUBLISHED)}#s=[A-Za-z0-9_-]+$`));
    const qr = PNG.sync.read(await page.locator('[data-testid="share-qr"]').screenshot());
    assert.equal(jsQR(new Uint8ClampedArray(qr.data), qr.width, qr.height)?.data, link, 'the QR code is the link');
    await page.keyboard.press('Escape');

    // Scenarios: a second one, and compare.
    await page.click('[data-testid="scenario-new"]');
    assert.equal(await page.locator('[data-testid^="scenario-tab-"]').count(), 2);
    await page.click('[data-testid="compare-toggle"]');
    await page.waitForSelector('[data-testid="compare-view"]');
    await page.click('[data-testid="compare-toggle"]');

    // The XLSX export: the file worker, from a blob: URL with its wasm inlined.
    await page.click('[data-testid="export-button"]');
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('[data-testid="export-xlsx"]')]);
    const bytes = await readFile(await d.path());
    assert.match(d.suggestedFilename(), /\.xlsx$/);
    const parts = unzipSync(new Uint8Array(bytes));
    assert.ok(parts['xl/workbook.xml'], 'a workbook');
    assert.ok(strFromU8(parts['xl/workbook.xml']).includes('<sheet name="Tổng quan"'));
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, 'single-export.xlsx'), bytes);
    const sheets = execFileSync('python3', ['-c', 'import sys, openpyxl; print("|".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))',
      join(OUT, 'single-export.xlsx')], { encoding: 'utf8' }).trim();
    assert.equal(sheets, 'Tổng quan|Phân bổ|Dự báo theo năm|Giả định', 'openpyxl reads it');
    assert.ok(problems.requests.some((u) => u.startsWith('blob:')), 'the worker came from a blob: URL');

    // The print sheet (window.print stubbed: it would open a dialog).
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await page.click('[data-testid="print-button"]');
    await page.waitForSelector('#print-host [data-testid="print-sheet"]', { state: 'attached', timeout: 60000 });
    await page.waitForFunction(() => window.__printed > 0);

    // Workshop mode: its pack link names the published address too, and the page says
    // the workshop runs without a connection (it needs no service worker).
    await page.click('[data-testid="workshop-toggle"]');
    await page.locator('[data-testid="ws-pack-toggle"]').click();
    await page.locator('[data-testid="ws-pack"]').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="pack-link"]')?.value.includes('#w='));
    assert.match(await page.inputValue('[data-testid="pack-link"]'), new RegExp(`^${esc(PUBLISHED)}#w=`));
    assert.equal(await page.getAttribute('[data-testid="offline-status"]', 'data-ready'), 'true');
    await shot(page, 'single-file-workshop-pack');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // The room: the share link made above, pasted.
    await page.click('[data-testid="room-toggle"]');
    await page.waitForSelector('[data-testid="room"]');
    await page.fill('[data-testid="room-paste"]', `Lan: ${link}`);
    await page.click('[data-testid="room-add"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="room-count"]')?.dataset.value === '1');

    assert.equal(browser.context.serviceWorkers().length, 0, 'still no service worker');
    await clean(page, problems);
  } finally {
    await browser.close();
  }
});

/** A YUV4MPEG2 video (Chromium's fake camera) of a greyscale image centred on white. */
function y4m(png, { w = 640, h = 480, side = 400, frames = 5 } = {}) {
  const luma = Buffer.alloc(w * h, 255);
  const x0 = (w - side) >> 1;
  const y0 = (h - side) >> 1;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const i = (Math.floor((y * png.height) / side) * png.width + Math.floor((x * png.width) / side)) * 4;
      luma[(y0 + y) * w + x0 + x] = Math.round(0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2]);
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) parts.push(Buffer.from('FRAME\n'), luma, chroma);
  return Buffer.concat(parts);
}

test('kehoach.html from file:// reads a hand-in QR code with the camera (QR reader worker from a blob: URL)', async () => {
  // A participant's hand-in QR code, made by the single file itself.
  let png, handed;
  const one = await launch();
  try {
    const { page, problems } = await openSingle(one.context, { width: 360, height: 740 });
    await page.click('[data-testid="hand-in"]');
    await page.waitForSelector('[data-testid="hand-in-qr-svg"]');
    handed = await page.getAttribute('[data-testid="hand-in-qr"]', 'data-link');
    assert.ok(handed.startsWith(PUBLISHED), `the hand-in link names the published address: ${handed.slice(0, 60)}`);
    png = PNG.sync.read(await page.locator('[data-testid="hand-in-qr-svg"]').screenshot());
    await clean(page, problems);
  } finally {
    await one.close();
  }
  await mkdir(OUT, { recursive: true });
  const video = join(OUT, 'single-qr.y4m');
  await writeFile(video, y4m(png));
  const cam = await launch({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });
  try {
    const { page, problems } = await openSingle(cam.context, { width: 1280, height: 720 });
    await page.click('[data-testid="room-toggle"]');
    await page.waitForSelector('[data-testid="room"]');
    await page.click('[data-testid="room-scan"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="room-count"]')?.dataset.value === '1', null, { timeout: 60000 });
    assert.equal(await value(page, 'room-scan-count'), 1);
    await shot(page, 'single-file-room-scanning');
    await page.click('[data-testid="room-scan"]');
    await clean(page, problems);
  } finally {
    await cam.close();
  }
});

test('kehoach.html carries everything: no file name of the release left to fetch, its own policy', async () => {
  const html = await readFile(file, 'utf8');
  assert.ok(!/<script[^>]*\bsrc=/.test(html), 'no external script');
  assert.ok(!/<link[^>]*href="(?!data:)/.test(html), 'no linked file');
  assert.ok(!/kehoach-app-[0-9a-f]+_(bg|split)\.wasm['"]/.test(html.replace(/const __splitFile = "[^"]*";/, '')), 'no wasm file named');
  assert.match(html, /<meta name="kehoach-published" content="https:\/\/so-ldtbxh\.example\.gov\.vn\/kehoach\/">/);
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /worker-src blob:/);
  assert.ok(!/connect-src/.test(csp), 'no connection allowed (default-src none)');
});

test('a browser that cannot unpack the file says so in both languages, with the online address', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    // As an old browser: no DecompressionStream (Chrome < 80, Firefox < 113, Safari < 16.4).
    await page.addInitScript(() => { delete window.DecompressionStream; });
    await page.goto(url);
    const box = page.locator('[data-testid="single-fail"]');
    await box.waitFor();
    const text = await box.innerText();
    assert.match(text, /Trình duyệt này không mở được Kế hoạch/);
    assert.match(text, /This browser cannot open kehoach/);
    assert.ok(text.includes(PUBLISHED), 'names the online address');
    // The prerendered planner is still there to read.
    assert.match(await page.textContent('[data-testid="kpi-deaths-averted"] .kpi-value'), /\d/);
    await shot(page, 'single-file-old-browser');
  } finally {
    await browser.close();
  }
});
