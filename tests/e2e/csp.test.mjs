// The content security policy of the shipped page (scripts/csp.mjs writes it at build time):
// the meta tag is there, right after the charset, with a hash for each inline script of the
// built page; every screen — planner, compare, share, export (JSON, CSV and the XLSX worker),
// print sheet, workshop mode with its QR code and pack — runs under it with no
// `securitypolicyviolation` and no console error; and an injected inline script is blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { serve, launch, open, typeInto, value, assertClean, shot, DIST, ROOT } from './lib.mjs';

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
  await browser.context.addInitScript(() => {
    // Recorded from the very first script on (init scripts run before the page's own).
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    });
    // window.print() would open a dialog: record the call instead.
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const violations = (page) => page.evaluate(() => window.__csp);

/** The policy of the built index.html, as directives. */
async function builtPolicy() {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(m, 'the built page has a CSP meta tag');
  const head = html.slice(0, html.indexOf(m[0]));
  assert.doesNotMatch(head, /<script|<link|<style/i, 'the policy comes before any script or style');
  const directives = Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  return { html, directives };
}

test('the built page carries the policy, with a hash for every inline script', async () => {
  const { html, directives } = await builtPolicy();
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['worker-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"], 'no inline <style>');
  assert.ok(!('frame-ancestors' in directives), 'frame-ancestors is ignored in a meta tag (docs/deploy.md)');
  const script = directives['script-src'];
  assert.deepEqual(script.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(!script.includes("'unsafe-inline'") && !script.includes("'unsafe-eval'"));
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs]) => !/\bsrc\s*=/.test(attrs));
  assert.ok(inline.length >= 2, "Trunk's bootstrap and the loading timeout");
  const hashes = inline.map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  assert.deepEqual(script.slice(2).sort(), [...new Set(hashes)].sort(), 'exactly the hashes of the inline scripts');
});

test('every screen runs under the policy with no violation and no console error', async () => {
  const { page, problems } = await open(browser.context, server.url, { width: 1280, height: 900 });
  // The page really is under the policy.
  assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);
  // Planner: edits, the language both ways, the budget by year and source.
  await typeInto(page, 'budget-total', '400 tỷ');
  await typeInto(page, 'alloc-swim', '170 tỷ');
  assert.equal(await value(page, 'alloc-swim'), 170e9);
  await page.click('[data-testid="budget-by-source"] summary');
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  // Compare (two scenarios).
  await page.click('[data-testid="scenario-duplicate"]');
  await page.click('[data-testid="compare-toggle"]');
  await page.waitForSelector('[data-testid="compare-view"] svg');
  await shot(page, 'csp-compare');
  await page.click('[data-testid="compare-back"]');
  // The storage panel of the scenario menu (navigator.storage) and its backup file.
  await page.click('[data-testid="storage-button"]');
  await page.locator('[data-testid="storage-state"]').waitFor();
  if (await page.locator('[data-testid="storage-backup"]').count()) {
    await Promise.all([page.waitForEvent('download'), page.click('[data-testid="storage-backup"]')]);
  }
  await page.click('[data-testid="storage-close"]');
  // Share panel with its QR code.
  await page.click('[data-testid="share-button"]');
  await page.locator('[data-testid="share-link"]').waitFor();
  await page.locator('[data-testid="share-panel"] svg').first().waitFor();
  await page.keyboard.press('Escape');
  // Export: JSON, CSV and the XLSX worker.
  await page.click('[data-testid="export-button"]');
  for (const kind of ['export-json', 'export-csv', 'export-xlsx']) {
    const el = page.locator(`[data-testid="${kind}"]`);
    if ((await el.count()) === 0) continue;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), el.click()]);
    assert.ok(await download.path(), kind);
  }
  assert.ok(server.requests.some((r) => r.includes('kehoach-xlsx')), 'the XLSX worker ran');
  await page.keyboard.press('Escape');
  // Print sheet (window.print is stubbed).
  await page.click('[data-testid="print-button"]');
  await page.waitForSelector('#print-host [data-testid="print-sheet"]', { state: 'attached' });
  await page.waitForFunction(() => window.__printed > 0);
  // Workshop mode: step, QR code, "what if", the pack panel, back.
  await page.click('[data-testid="workshop-toggle"]');
  await page.locator('[data-testid="workshop"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('q');
  await page.locator('[data-testid="workshop-qr"] svg').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="whatif-barrier"]').fill('0');
  await page.click('[data-testid="ws-pack-toggle"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="pack-link"]')?.value.includes('#w='));
  const pack = await page.inputValue('[data-testid="pack-link"]');
  await shot(page, 'csp-workshop');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="budget-total"]').waitFor();
  // The room: a chat dump with a plan's link and a broken one, the summary, back.
  const code = (await readFile(join(ROOT, 'crates', 'model', 'tests', 'fixtures', 'link-v2-default.txt'), 'utf8')).trim();
  await page.click('[data-testid="room-toggle"]');
  await page.waitForSelector('[data-testid="room"]');
  await page.fill('[data-testid="room-paste"]', `Bàn 1: ${server.url}#s=${code}\nBàn 2: ${server.url}#s=AXhỏng`);
  await page.click('[data-testid="room-add"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="room-count"]')?.dataset.value === '1');
  await shot(page, 'csp-room');
  await page.click('[data-testid="room-back"]');
  await page.locator('[data-testid="budget-total"]').waitFor();
  // A pack link and a share link opened in fresh tabs.
  const { page: second, problems: secondProblems } = await open(browser.context, pack);
  await second.locator('[data-testid="workshop"]').waitFor();
  assert.deepEqual(await violations(second), [], 'violations in the pack tab');
  await second.close();

  assert.deepEqual(await violations(page), [], 'CSP violations');
  assertClean(assert, problems);
  assertClean(assert, secondProblems);
  await page.close();
});

test('an injected inline script is blocked and reported', async () => {
  const { page, problems } = await open(browser.context, server.url);
  const ran = await page.evaluate(async () => {
    window.__injected = 0;
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1;';
    document.body.appendChild(s);
    const handler = document.createElement('div');
    handler.setAttribute('onclick', 'window.__injected = 2;');
    document.body.appendChild(handler);
    handler.click();
    await new Promise((r) => setTimeout(r, 100));
    return window.__injected;
  });
  assert.equal(ran, 0, 'neither the injected script nor the inline handler ran');
  const v = await violations(page);
  assert.ok(v.some((x) => x.directive === 'script-src-elem'), JSON.stringify(v));
  assert.ok(v.some((x) => x.directive === 'script-src-attr'), JSON.stringify(v));
  assert.ok(problems.console.some((t) => /Content Security Policy/.test(t)), 'the browser said why');
  await page.close();
});
