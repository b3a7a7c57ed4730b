// The room's plans (issue 16). A facilitator pastes a whole chat of 30 participants' links
// (5 broken) and gets 25 plans and 5 reasons; the dots, medians, moved counts and the room's
// plan match what the model computes natively (tests/e2e/fixtures/room.json, written and
// checked by crates/model/tests/room.rs). The room survives a reload, clears with undo,
// exports JSON/CSV/XLSX through the file worker, and turns its plan into a scenario. A
// participant on a 360 px phone edits her plan and hands it in: the QR code on her screen
// decodes (jsQR) to her plan, and Chromium's fake camera, fed a video of that very QR code,
// brings the plan into a facilitator's room. A refused or absent camera says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { unzipSync, strFromU8 } from 'fflate';
import { serve, launch, open, value, typeInto, shot, assertClean, overflowsX, OUT, ROOT } from './lib.mjs';

const fixture = JSON.parse(await readFile(join(import.meta.dirname, 'fixtures', 'room.json'), 'utf8'));
const SHOTS = join(ROOT, 'docs', 'screenshots');
let server, browser;

before(async () => {
  server = await serve();
  // No service worker here: once it controls a page it stores the QR reader for offline use
  // (assets/sw.js, `extra`), and these tests check what the PAGE loads and when.
  browser = await launch({ serviceWorkers: 'block' });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const count = (page) => value(page, 'room-count');

async function openRoom(page) {
  await page.click('[data-testid="room-toggle"]');
  await page.waitForSelector('[data-testid="room"]');
}

async function pasteLinks(page, text) {
  await page.fill('[data-testid="room-paste"]', text);
  await page.click('[data-testid="room-add"]');
}

/** Decodes the QR code in an element's screenshot; returns the text and the PNG. */
async function decodeQr(page, selector) {
  const buf = await page.locator(selector).screenshot();
  const png = PNG.sync.read(buf);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, 'a readable QR code');
  return { text: code.data, png };
}

/**
 * A YUV4MPEG2 video (what Chromium's fake camera plays) of a greyscale image centred on
 * white: 640 × 480, 4:2:0, grey chroma, a few identical frames.
 */
function y4m(png, { w = 640, h = 480, side = 400, frames = 5 } = {}) {
  const luma = Buffer.alloc(w * h, 255);
  const x0 = (w - side) >> 1;
  const y0 = (h - side) >> 1;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const sx = Math.floor((x * png.width) / side);
      const sy = Math.floor((y * png.height) / side);
      const i = (sy * png.width + sx) * 4;
      const g = Math.round(0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2]);
      luma[(y0 + y) * w + x0 + x] = g;
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) parts.push(Buffer.from('FRAME\n'), luma, chroma);
  return Buffer.concat(parts);
}

test('30 links in a chat: 25 plans, 5 reasons, and the figures of the native model', async () => {
  const { page, problems } = await open(browser.context, server.url, { width: 1280, height: 720 });
  await openRoom(page);
  assert.equal(await count(page), 0);
  await pasteLinks(page, fixture.chat);
  await page.waitForFunction(() => document.querySelector('[data-testid="room-count"]')?.dataset.value === '25');
  // Every refused link is listed with its position and reason, in the user's language.
  const refused = page.locator('[data-testid="room-rejected"] > li');
  assert.equal(await refused.count(), 5);
  for (let k = 0; k < 5; k++) {
    const want = fixture.refused[k];
    assert.equal(await refused.nth(k).getAttribute('data-at'), String(want.at));
    assert.ok((await refused.nth(k).textContent()).includes(want.vi), `reason ${k}: ${want.vi}`);
  }
  assert.match(await page.textContent('[data-testid="room-report-text"]'), /30 liên kết: thêm 25/);
  // Per line: every participant's dot, the median, the moved count, the room's plan.
  for (const id of Object.keys(fixture.median)) {
    const dots = await page.$$eval(`[data-testid="room-line-${id}"] circle`, (els) => els.map((e) => Number(e.dataset.value)));
    assert.deepEqual(dots, fixture.amounts[id], `dots of ${id}`);
    assert.equal(await value(page, `room-median-${id}`), fixture.median[id], `median of ${id}`);
    assert.equal(await value(page, `room-moved-${id}`), fixture.moved[id], `moved ${id}`);
    assert.equal(await value(page, `room-plan-line-${id}`), fixture.room_plan[id], `room's plan, ${id}`);
  }
  assert.equal(await page.textContent('[data-testid="room-plan-figure-0"]'), fixture.room_figures.deaths_averted);
  assert.equal(await page.textContent('[data-testid="room-plan-figure-1"]'), fixture.room_figures.children_supported);
  assert.ok((await page.textContent('[data-testid="room-rank-0"]')).includes(fixture.best), 'best plan first');
  assert.match(await page.textContent('[data-testid="room-disagree"]'), /khác nhau nhiều nhất ở: .+ \(một nửa số người ở giữa chọn từ/);
  // Nothing of the QR reader was loaded: it starts only with the camera.
  assert.ok(!server.requests.some((r) => r.includes('kehoach-scan')), 'no QR reader in the first load');
  await page.waitForTimeout(300);
  const path = await shot(page, 'room-projector-1280x720');
  await mkdir(SHOTS, { recursive: true });
  await copyFile(path, join(SHOTS, 'room-projector.png'));

  // English, then back.
  await page.click('[data-testid="room-lang"]');
  assert.ok((await refused.nth(0).textContent()).includes(fixture.refused[0].en));
  assert.match(await page.textContent('[data-testid="room-disagree"]'), /The room disagrees most on/);
  await page.click('[data-testid="room-lang"]');

  // The same chat again: nothing changes; the reasons are listed again.
  await pasteLinks(page, fixture.chat);
  await page.waitForFunction(() => /trùng 25/.test(document.querySelector('[data-testid="room-report-text"]')?.textContent));
  assert.equal(await count(page), 25);
  assert.equal(await refused.count(), 5);
  // A participant hands in again: her new plan replaces the older one, with a note.
  await pasteLinks(page, `Sửa lại: ${fixture.resubmit.link}`);
  await page.waitForFunction(() => /thay bản cũ 1/.test(document.querySelector('[data-testid="room-report-text"]')?.textContent));
  assert.equal(await count(page), 25);
  assert.match(await page.textContent('[data-testid="room-notes"]'), new RegExp(`“${fixture.resubmit.name}” nộp lại`));
  // Text without a link, and the facilitator's own pack link: said, nothing added.
  await pasteLinks(page, 'Chào cả nhà, 9 giờ bắt đầu nhé!');
  await page.waitForFunction(() => /Không tìm thấy liên kết/.test(document.querySelector('[data-testid="room-report-text"]')?.textContent));
  const pack = (await readFile(join(ROOT, 'crates', 'model', 'tests', 'fixtures', 'pack-v1-one-default.txt'), 'utf8')).trim();
  await pasteLinks(page, `Link hội thảo: http://x.vn/#w=${pack.replace(/^#w=/, '')}`);
  await page.waitForFunction(() => /gói hội thảo/.test(document.querySelector('[data-testid="room-rejected"]')?.textContent));
  assert.equal(await count(page), 25);
  assertClean(assert, problems);
  await page.close();
});

test('the room survives a reload, clears with undo, exports, and makes its plan a scenario', async () => {
  const { page, problems } = await open(browser.context, server.url, { width: 1280, height: 720 });
  await openRoom(page);
  assert.equal(await count(page), 25, 'the room came back from storage');
  assert.equal(await value(page, 'room-median-swim'), fixture.median.swim);

  await page.click('[data-testid="room-clear"]');
  assert.equal(await count(page), 0);
  await page.click('[data-testid="room-undo"]');
  assert.equal(await count(page), 25);

  const download = async (testid) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
    return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
  };
  const json = await download('room-export-json');
  const room = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(room.format, 'kehoach-room');
  assert.deepEqual(room.plans.map((p) => p.name).sort(), [...fixture.names].sort());
  for (const l of room.lines) assert.equal(l.median, fixture.median[l.id], l.id);
  const csv = await download('room-export-csv');
  const rows = csv.bytes.subarray(3).toString('utf8').trim().split('\r\n');
  assert.equal(rows.length, 1 + 25 + 1 + 4 + 1, 'header, 25 plans, start, 4 statistics, the room’s plan');
  assert.ok(rows[0].startsWith('Người tham dự;'));
  const xlsx = await download('room-export-xlsx');
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'room.xlsx'), xlsx.bytes);
  const files = unzipSync(new Uint8Array(xlsx.bytes));
  const sheets = [...strFromU8(files['xl/workbook.xml']).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ['Cả phòng', 'Theo tuyến']);
  const strings = strFromU8(files['xl/sharedStrings.xml']);
  for (const n of fixture.names) assert.ok(strings.includes(n), n);
  const byLine = strFromU8(files['xl/worksheets/sheet2.xml']);
  assert.ok(byLine.includes(`<v>${fixture.median.swim}</v>`), 'the swim median in the by-line sheet');

  // The JSON export imported into an empty room brings the same 25 plans back.
  await page.click('[data-testid="room-clear"]');
  await page.setInputFiles('[data-testid="room-import-file"]', { name: 'room.json', mimeType: 'application/json', buffer: json.bytes });
  await page.waitForFunction(() => document.querySelector('[data-testid="room-count"]')?.dataset.value === '25');
  assert.equal(await value(page, 'room-median-swim'), fixture.median.swim);

  // Tap a plan: it opens in the planner as a new scenario.
  await page.click('[data-testid="room-rank-0"]');
  await page.waitForSelector('[data-testid="kpi-deaths-averted"]');
  assert.match(await page.textContent('[data-testid="notice"]'), new RegExp(fixture.best));
  // The room's plan becomes a named scenario with the room's figures.
  await openRoom(page);
  await page.click('[data-testid="room-plan"]');
  await page.waitForSelector('[data-testid="kpi-deaths-averted"]');
  const tabs = await page.$$eval('[data-testid^="scenario-tab-"] .scenario-name', (els) => els.map((e) => e.textContent));
  assert.ok(tabs.includes('Kế hoạch của cả phòng (25 người)'), tabs.join(' | '));
  assert.equal(await value(page, 'kpi-deaths-averted'), Number(fixture.room_deaths_averted));
  assertClean(assert, problems);
  await page.close();
});

let handedIn; // { link, png } from the phone, for the camera test

test('a participant on a 360 px phone edits, hands in, and her QR code is her plan', async () => {
  const start = fixture.resubmit.link; // any plan of the room's region and years
  const { page, problems } = await open(browser.context, `${server.url}${start}`, { width: 360, height: 740 });
  // Her plan (the room's third participant's, resubmitted) has no gifts left: she moves
  // money from special support to swimming.
  await typeInto(page, 'alloc-special_support', '0');
  await typeInto(page, 'alloc-swim', '140 tỷ');
  // The planner keeps the plan within its budget: what the field shows is what she asked for.
  const swim = await page.inputValue('[data-testid="alloc-swim"]');
  const swimDong = Number(swim.replace(/[^0-9]/g, ''));
  assert.equal(swimDong, 140e9, `swim moved (${swim})`);
  await page.click('[data-testid="hand-in"]');
  await page.waitForSelector('[data-testid="hand-in-qr-svg"]');
  await typeInto(page, 'hand-in-name', 'Bàn 7 — Hương');
  await page.waitForFunction(() => document.querySelector('.hand-in-name')?.textContent === 'Bàn 7 — Hương');
  assert.ok(!(await overflowsX(page)), 'no sideways scrolling on the phone');
  const box = await page.locator('[data-testid="hand-in-qr-svg"]').boundingBox();
  assert.ok(box.width >= 300, `a large QR code (${box.width} px)`);
  const path = await shot(page, 'room-hand-in-360');
  await copyFile(path, join(SHOTS, 'room-hand-in-phone.png'));
  const link = await page.getAttribute('[data-testid="hand-in-qr"]', 'data-link');
  assert.equal(await page.inputValue('[data-testid="hand-in-link"]'), link);
  const { text, png } = await decodeQr(page, '[data-testid="hand-in-qr-svg"]');
  assert.equal(text, link, 'the QR code holds the link');
  handedIn = { link, png, swimDong };
  // The name stays with her plan.
  await page.click('[data-testid="hand-in-close"]');
  const tabs = await page.$$eval('[data-testid^="scenario-tab-"] .scenario-name', (els) => els.map((e) => e.textContent));
  assert.ok(tabs.includes('Bàn 7 — Hương'), tabs.join(' | '));
  assertClean(assert, problems);
  await page.close();

  // The same plan: the facilitator's room reads the decoded link to her name and amounts.
  const fresh = await launch();
  try {
    const f = await open(fresh.context, server.url, { width: 1280, height: 720 });
    await openRoom(f.page);
    await pasteLinks(f.page, text);
    await f.page.waitForFunction(() => document.querySelector('[data-testid="room-count"]')?.dataset.value === '1');
    assert.match(await f.page.textContent('[data-testid="room-rank-0"]'), /Bàn 7 — Hương/);
    assert.equal(await value(f.page, 'room-median-swim'), swimDong, `swim ${swim}`);
    assert.equal(await value(f.page, 'room-median-gifts'), 0);
    assertClean(assert, f.problems);
  } finally {
    await fresh.close();
  }
});

test('the camera reads a participant’s QR code into the room (Chromium’s fake camera)', async () => {
  assert.ok(handedIn, 'the phone test ran first');
  await mkdir(OUT, { recursive: true });
  const video = join(OUT, 'room-qr.y4m');
  await writeFile(video, y4m(handedIn.png));
  const cam = await launch({
    serviceWorkers: 'block',
    args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  const local = await serve();
  try {
    const { page, problems } = await open(cam.context, local.url, { width: 1280, height: 720 });
    await openRoom(page);
    assert.ok(!local.requests.some((r) => r.includes('kehoach-scan')), 'the reader is not loaded before the camera');
    await page.click('[data-testid="room-scan"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="room-count"]')?.dataset.value === '1', null, { timeout: 60000 });
    assert.ok(local.requests.some((r) => r.endsWith('kehoach-scan_bg.wasm')), 'the reader was loaded on demand');
    assert.equal(await value(page, 'room-scan-count'), 1);
    assert.match(await page.textContent('[data-testid="room-rank-0"]'), /Bàn 7 — Hương/);
    assert.equal(await value(page, 'room-median-swim'), handedIn.swimDong);
    // The code stays in front of the camera: it is counted once.
    await page.waitForTimeout(1500);
    assert.equal(await count(page), 1);
    await copyFile(await shot(page, 'room-scanning'), join(SHOTS, 'room-scanning.png'));
    await page.click('[data-testid="room-scan"]');
    assertClean(assert, problems);
  } finally {
    await cam.close();
    await local.close();
  }
});

test('a refused or absent camera says so, and the room keeps its plans', async () => {
  // No fake camera and no permission: headless Chromium refuses or finds no camera.
  const { page, problems } = await open(browser.context, server.url, { width: 1280, height: 720 });
  await openRoom(page);
  const before = await count(page);
  await page.click('[data-testid="room-scan"]');
  const msg = page.locator('[data-testid="room-camera-problem"]');
  await msg.waitFor({ timeout: 30000 });
  assert.match(await msg.textContent(), /camera/i);
  assert.match(await msg.textContent(), /dán liên kết/);
  assert.equal(await count(page), before);
  await page.click('[data-testid="room-scan"]');
  assertClean(assert, problems, { allowConsole: [/Permission|NotAllowed|NotFound|Requested device not found/i] });
  await page.close();
});
