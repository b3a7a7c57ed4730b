// Sharing by link and QR code: a link made in one browser opens in a fresh one with the
// same figures (as a new copy, never over the opener's work); the QR code decodes to the
// link; at least 50 broken links each open the default scenario with a notice, with no
// panic and no script run; a name with markup is shown as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { serve, launch, open, ready, value, typeInto, shot, assertClean } from './lib.mjs';

const FIGURES = ['kpi-deaths-averted', 'kpi-children-supported', 'kpi-children-reached', 'kpi-drowning-rate', 'kpi-swim-share', 'kpi-cost-per-death'];
const fixture = JSON.parse(await readFile(join(import.meta.dirname, 'fixtures', 'links.json'), 'utf8'));

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

async function figures(page) {
  const out = {};
  for (const id of FIGURES) out[id] = await page.getAttribute(`[data-testid="${id}"]`, 'data-value');
  return out;
}

async function tabNames(page) {
  return page.$$eval('[data-testid^="scenario-tab-"] .scenario-name', (els) => els.map((e) => e.textContent));
}

async function openTabName(page) {
  return page.textContent('[data-testid^="scenario-tab-"][aria-current="page"] .scenario-name');
}

/** Decodes the QR code in an element's screenshot. */
async function decodeQr(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return code?.data ?? null;
}

test('a link made in one browser opens in a fresh browser with identical figures, as a new copy', async () => {
  // Browser 1: a provincial plan with its own allocation.
  const one = await launch();
  let link, sent, name;
  try {
    const { page, problems } = await open(one.context, server.url);
    await page.selectOption('[data-testid="region-select"]', 'dien-bien');
    await typeInto(page, 'budget-total', '4 tỷ');
    await typeInto(page, 'alloc-swim', '1,5 tỷ');
    await page.waitForTimeout(600);
    await typeInto(page, 'scenario-name', 'Điện Biên: thêm lớp dạy bơi');
    name = 'Điện Biên: thêm lớp dạy bơi';
    assert.equal(await value(page, 'alloc-swim'), 1.5e9);
    sent = await figures(page);
    await page.click('[data-testid="share-button"]');
    link = await page.inputValue('[data-testid="share-link"]');
    assert.match(link, new RegExp(`^${server.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#s=[A-Za-z0-9_-]+$`));
    assert.ok(link.length < 400, `short enough for a QR code: ${link.length}`);
    // The QR code decodes to exactly the link.
    const qr = page.locator('[data-testid="share-qr"]');
    const box = await qr.boundingBox();
    assert.ok(box.width >= 250, `QR drawn large: ${box.width}px`);
    assert.equal(await decodeQr(qr), link);
    await shot(page, 'share-panel');
    // The enlarged QR for a projector decodes too.
    await page.click('[data-testid="share-qr-big"]');
    const big = page.locator('[data-testid="share-qr-large"]');
    assert.ok((await big.boundingBox()).width >= 600);
    assert.equal(await decodeQr(big), link);
    await shot(page, 'share-qr-fullscreen');
    await page.keyboard.press('Escape');
    assert.equal(await big.count(), 0);
    assertClean(assert, problems);
  } finally {
    await one.close();
  }

  // Browser 2: a fresh profile that already has its own scenario.
  const two = await launch();
  try {
    const first = await open(two.context, server.url);
    await first.page.waitForTimeout(600);
    await typeInto(first.page, 'scenario-name', 'Kế hoạch của tôi');
    await typeInto(first.page, 'alloc-gifts', '0');
    const mine = await figures(first.page);
    await first.page.close();

    const { page, problems } = await open(two.context, link);
    assert.deepEqual(await figures(page), sent, 'identical figures');
    assert.equal(await openTabName(page), name);
    assert.deepEqual(await tabNames(page), ['Kế hoạch của tôi', name], 'added as a new copy');
    assert.match(await page.textContent('[data-testid="notice"]'), /Đã mở kịch bản được chia sẻ/);
    assert.equal(new URL(page.url()).hash, '', 'the fragment is cleared');
    // The opener's own scenario is untouched.
    await page.click('[data-testid="scenario-tab-0"]');
    assert.deepEqual(await figures(page), mine);
    // A reload does not open the link again.
    await page.reload();
    await ready(page);
    assert.deepEqual(await tabNames(page), ['Kế hoạch của tôi', name]);
    // Pasting the link into the address bar of the open page adds another copy.
    await page.evaluate((h) => { location.hash = h; }, new URL(link).hash);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="scenario-tab-"]').length === 3);
    assert.equal(await openTabName(page), `${name} (2)`);
    assert.deepEqual(await figures(page), sent);
    assertClean(assert, problems);
  } finally {
    await two.close();
  }
});

test('copy puts the link on the clipboard; Web Share gets the link when the browser has it', async () => {
  const b = await launch();
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // A phone's share sheet, stubbed: record what it was given.
    await b.context.addInitScript(() => {
      window.__shared = null;
      navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };
    });
    const { page, problems } = await open(b.context, server.url);
    await page.click('[data-testid="share-button"]');
    const link = await page.inputValue('[data-testid="share-link"]');
    await page.click('[data-testid="share-copy"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="share-status"]').textContent.includes('Đã sao chép'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await page.click('[data-testid="share-native"]');
    await page.waitForFunction(() => window.__shared !== null);
    const shared = await page.evaluate(() => window.__shared);
    assert.equal(shared.url, link);
    assert.match(shared.title, /Kế hoạch toàn quốc/);
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});

test('without a clipboard the link is selected for copying by hand', async () => {
  const b = await launch();
  try {
    await b.context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      delete Navigator.prototype.share;
    });
    const { page, problems } = await open(b.context, server.url);
    await page.click('[data-testid="share-button"]');
    assert.equal(await page.locator('[data-testid="share-native"]').count(), 0, 'no share sheet button without Web Share');
    await page.click('[data-testid="share-copy"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="share-status"]').textContent.includes('Ctrl+C'));
    const selected = await page.evaluate(() => {
      const i = document.querySelector('[data-testid="share-link"]');
      return i.value.substring(i.selectionStart, i.selectionEnd);
    });
    assert.equal(selected, await page.inputValue('[data-testid="share-link"]'));
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});

test('a name with markup travels as text: list, share panel, notice', async () => {
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, `${server.url}#s=${fixture.valid_markup_name.code}`);
    const name = fixture.valid_markup_name.name;
    assert.equal(await openTabName(page), name, 'shown exactly as typed');
    assert.match(await page.textContent('[data-testid="notice"]'), /Đã mở kịch bản được chia sẻ/);
    assert.ok((await page.textContent('[data-testid="notice"]')).includes(name));
    await page.click('[data-testid="share-button"]');
    assert.ok((await page.textContent('[data-testid="share-panel"]')).includes(name));
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element made from the name');
    assert.equal(await page.locator('body script:not([src])').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await shot(page, 'share-markup-name');
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});

// ---- 50+ broken links ----------------------------------------------------------------------

/** A seeded generator so the random links are the same on every run. */
function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function brokenLinks(valid) {
  const rand = rng(2027);
  const out = [];
  // Truncated (cut when copied).
  for (const n of [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, Math.floor(valid.length / 2), valid.length - 9, valid.length - 3, valid.length - 2]) {
    out.push([`truncated to ${n}`, valid.slice(0, n)]);
  }
  // Bit-flipped: one character changed (never the last two, whose low bits may be padding).
  for (let k = 0; k < 14; k++) {
    const i = 1 + Math.floor(rand() * (valid.length - 3));
    const c = valid[i];
    const flipped = B64[(B64.indexOf(c) ^ (1 << (k % 6))) & 63];
    out.push([`flipped at ${i}`, valid.slice(0, i) + flipped + valid.slice(i + 1)]);
  }
  // Random base64url text.
  for (const len of [4, 7, 16, 40, 100, 162, 300, 1000]) {
    let s = '';
    for (let i = 0; i < len; i++) s += B64[Math.floor(rand() * 64)];
    out.push([`random ${len}`, s]);
  }
  // Wrong (older, future or unknown) version byte, same body: a v2 body read as v1 is
  // damaged, 3 and up are future versions.
  const bytes = Buffer.from(valid, 'base64url');
  for (const v of [0x00, 0x01, 0x03, 0x10, 0x7f, 0xff]) {
    const b = Buffer.from(bytes); b[0] = v;
    out.push([`version ${v}`, b.toString('base64url')]);
  }
  // Oversized.
  out.push(['oversized 9000', 'A'.repeat(9000)]);
  out.push(['oversized 20000 random', Array.from({ length: 20000 }, () => B64[Math.floor(rand() * 64)]).join('')]);
  out.push(['valid repeated 60×', valid.repeat(60)]);
  // Markup and script in the link.
  out.push(['script tag', '<script>window.__pwned=1</script>']);
  out.push(['img onerror', '"><img src=x onerror="window.__pwned=1">']);
  out.push(['encoded script', encodeURIComponent('<script>window.__pwned=1</script>')]);
  out.push(['javascript:', 'javascript:window.__pwned=1']);
  out.push(['svg onload', `${valid.slice(0, 20)}<svg onload=window.__pwned=1>`]);
  out.push(['valid then script', `${valid}<script>window.__pwned=1</script>`]);
  // Decodes, but the scenario (with markup in its name) is invalid.
  for (const [i, code] of fixture.invalid_markup_name.entries()) out.push([`invalid scenario with markup name ${i}`, code]);
  // Not base64 at all.
  out.push(['Vietnamese text', encodeURIComponent('tiếng-việt')]);
  out.push(['control characters', '%00%01%02']);
  out.push(['spaces only', '%20%20%20']);
  return out;
}

test('at least 50 broken links each open the default scenario with a notice; no panic, no script', async () => {
  const b = await launch();
  try {
    const page = await b.context.newPage();
    const problems = { console: [], pageErrors: [], foreign: [] };
    page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
    page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
    await page.goto(server.url);
    await ready(page);
    const defaults = await figures(page);
    const defaultName = await openTabName(page);
    await page.click('[data-testid="share-button"]');
    const valid = new URL(await page.inputValue('[data-testid="share-link"]')).hash.slice(3);
    const links = brokenLinks(valid);
    assert.ok(links.length >= 50, `${links.length} broken links`);
    let n = 0;
    // Each link opens in a clean profile state: nothing saved yet.
    await page.evaluate(() => localStorage.clear());
    for (const [what, code] of links) {
      await page.goto('about:blank');
      await page.goto(`${server.url}#s=${code}`);
      await ready(page);
      const notice = await page.textContent('[data-testid="notice"]');
      assert.match(notice, /kịch bản mặc định/, `${what}: notice says the default is shown`);
      assert.deepEqual(await figures(page), defaults, `${what}: default figures`);
      assert.equal(await openTabName(page), defaultName, `${what}: default scenario`);
      assert.equal(await page.locator('[data-testid^="scenario-tab-"]').count(), 1, `${what}: nothing else added`);
      assert.equal(new URL(page.url()).hash, '', `${what}: fragment cleared`);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, `${what}: no script ran`);
      assert.equal(await page.locator('img[src="x"], svg[onload]').count(), 0, `${what}: no element from the link`);
      if (n++ === 0) await shot(page, 'share-broken-link');
      await page.evaluate(() => localStorage.clear());
    }
    // Nothing lost: a person's work survives a broken link.
    await typeInto(page, 'scenario-name', 'Công việc của tôi');
    await page.goto('about:blank');
    await page.goto(`${server.url}#s=${valid.slice(0, 30)}`);
    await ready(page);
    assert.match(await page.textContent('[data-testid="notice"]'), /không bị mất/);
    assert.deepEqual(await tabNames(page), ['Công việc của tôi', defaultName]);
    assert.deepEqual(problems.pageErrors, [], 'no uncaught exception');
    assert.deepEqual(problems.console.filter((t) => /panick|RuntimeError|unreachable/.test(t)), [], 'no panic');
    assert.deepEqual(problems.console, [], 'no console error');
  } finally {
    await b.close();
  }
});

test('a broken link pasted into an open page shows the notice and keeps the work', async () => {
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, server.url);
    await typeInto(page, 'scenario-name', 'Đang làm dở');
    await page.evaluate(() => { location.hash = '#s=AXja-broken'; });
    await page.waitForSelector('[data-testid="notice"]');
    assert.match(await page.textContent('[data-testid="notice"]'), /kịch bản mặc định/);
    assert.deepEqual(await tabNames(page), ['Đang làm dở', 'Kế hoạch toàn quốc 2027–2030']);
    assert.equal(new URL(page.url()).hash, '');
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
});
