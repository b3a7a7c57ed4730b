// One language at a time (issue 14): every screen is walked in Vietnamese and in English —
// the planner and its panels, the optimiser's proposal, goal seek, the document view, the
// print sheet, workshop mode (a slide, the pack panel, the side-by-side slide), the room,
// the storage panel, compare and the phone layout — and its visible text (with titles,
// labels and placeholders) is searched for words of the other language.
//  - In English: Vietnamese-only letters (ă â đ ê ô ơ ư and the tone marks), except in
//    proper names: province names (the region list's own words), people's and scenario
//    names typed by a person, and the official titles quoted as the original.
//  - In Vietnamese: common English words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, typeInto } from './lib.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** Letters Vietnamese has and English does not (with the tone marks, decomposed or not). */
const VI_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ\u0300-\u036f]/;

/** Common English words that never belong on a Vietnamese screen. */
const EN_WORDS = ['the', 'per year', 'a year', 'deaths', 'budget', 'Formed from', 'children', 'plan', 'target',
  'with', 'without', 'and', 'of', 'is', 'are', 'estimate', 'official', 'source', 'Source', 'not in',
  'reported', 'see', 'range', 'chance', 'Met', 'Missed', 'Not sure', 'Computing', 'Close', 'Save', 'Cancel'];

/** Words allowed in English mode although they carry Vietnamese letters. */
const ALLOWED_IN_EN = new Set([
  // The language switch names the other language in its own words.
  'Tiếng', 'Việt',
  // The app's name.
  'Kế', 'hoạch',
  // Money: the đồng and its sign.
  'đ', 'đồng',
  // Proper names of sources: the Điện Biên Phủ newspaper, the Nhân Dân newspaper.
  'Phủ', 'Nhân', 'Dân',
  // English words with a French accent.
  'crèche', 'crèches',
]);

/** Official document symbols quoted as the original ("1248/QĐ-TTg", "30/2020/NĐ-CP"). */
const DOC_SYMBOL = /^(\d+\/)*(\d{4}\/)?[A-ZĐ]+(-[A-ZĐa-z]+)+$/;

/** Text shown to a person: the visible text of `root` and its titles, labels, placeholders. */
async function shownText(page, root = 'body') {
  return page.evaluate((root) => {
    const out = [];
    const top = document.querySelector(root);
    if (!top) return '';
    // People's and scenarios' names are what someone typed: not the app's words.
    const skip = (el) => el.closest('.scenario-name, [data-testid="ws-name"], .ws-side-name, [data-user-text], input, textarea, script, style, [data-testid="scenario-name"], .ws-title, .ws-pack-item, .qr-fullscreen, [data-testid="ws-title"]');
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const t = n.textContent.trim();
      if (!t || !el || skip(el)) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      if (el.closest('[hidden]')) continue;
      out.push(t);
    }
    for (const el of top.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (skip(el)) continue;
      for (const a of ['title', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out.join('\n');
  }, root);
}

/** The words of the region list (province names are proper names in both languages). */
async function regionWords(page) {
  const names = await page.$$eval('[data-testid="region-select"] option', (os) => os.map((o) => o.textContent));
  return new Set(names.join(' ').split(/[\s,()–-]+/).filter(Boolean).map((w) => w.toUpperCase()));
}

function leaksIn(raw, lang, allowed, names) {
  const found = new Set();
  // Quoted titles (“Pool fencing for preventing drowning in children”) are the originals'
  // words; scenario names are what a person typed (or kept).
  let text = raw.replace(/“[^”]*”/g, '“”');
  for (const n of [...names].sort((a, b) => b.length - a.length)) text = text.split(n).join('');
  if (lang === 'en') {
    for (const line of text.split('\n')) {
      for (const w of line.split(/[\s,.;:!?()[\]{}“”"'«»/|·…–—+=*%<>]+/)) {
        if (!w || !VI_LETTERS.test(w)) continue;
        if (allowed.has(w.toUpperCase()) || ALLOWED_IN_EN.has(w) || DOC_SYMBOL.test(w)) continue;
        found.add(`${w}  ← ${line.slice(0, 90)}`);
      }
    }
  } else {
    for (const line of text.split('\n')) {
      for (const w of EN_WORDS) {
        const re = new RegExp(`(^|[^\\p{L}])${w.replace(/ /g, '\\s+')}([^\\p{L}]|$)`, 'u');
        if (re.test(line)) found.add(`${w}  ← ${line.slice(0, 90)}`);
      }
    }
  }
  return [...found];
}

async function setLang(page, lang) {
  if (await page.evaluate(() => document.documentElement.lang) !== lang) {
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

for (const lang of ['vi', 'en']) {
  test(`every screen in ${lang === 'vi' ? 'Vietnamese' : 'English'} shows no word of the other language`, async () => {
    // A fresh profile per language: nothing typed in the other one.
    const browser = await launch();
    const { page } = await open(browser.context, server.url, { width: 1366, height: 900 });
    await setLang(page, lang);
    await page.selectOption('[data-testid="region-select"]', 'dien-bien');
    await page.waitForTimeout(500);
    const allowed = await regionWords(page);
    const leaks = {};
    const seenNames = new Set();
    const look = async (screen, root) => {
      await page.waitForTimeout(150);
      const names = await page.$$eval('[data-testid^="scenario-tab-"] .scenario-name', (els) => els.map((e) => e.textContent))
        .catch(() => []);
      const l = leaksIn(await shownText(page, root), lang, allowed, [...new Set([...names, ...seenNames])]);
      names.forEach((n) => seenNames.add(n));
      if (l.length) leaks[screen] = l;
    };
    // The planner with the ranges computed.
    await page.waitForFunction(() => !document.querySelector('.kpi-detail.pending'));
    await look('planner');
    // The optimiser's proposal, then goal seek.
    await page.click('[data-testid="optimize-button"]');
    await page.locator('[data-testid="proposal"]').waitFor();
    await look('optimiser proposal');
    await page.click('[data-testid="proposal-discard"]');
    await page.selectOption('[data-testid="goal-target"]', 'drowning-2030');
    await page.click('[data-testid="goal-button"]');
    await page.locator('[data-testid="proposal"]').waitFor();
    await look('goal seek');
    await page.click('[data-testid="proposal-discard"]');
    // Panels of the header.
    for (const [button, panel, close] of [
      ['share-button', 'share-panel', 'share-close'],
      ['export-button', 'export-panel', 'export-close'],
      ['storage-button', 'storage-state', 'storage-close'],
    ]) {
      await page.click(`[data-testid="${button}"]`);
      await page.locator(`[data-testid="${panel}"]`).waitFor();
      await look(`panel ${button}`);
      await page.click(`[data-testid="${close}"]`);
    }
    // The document view (the plan as a state document) and the print sheet.
    await page.click('[data-testid="document-button"]');
    await page.locator('[data-testid="doc-paper"] .plan-doc').waitFor({ timeout: 60000 });
    await look('document view');
    await page.click('[data-testid="doc-close"]');
    await page.click('[data-testid="print-button"]');
    await page.waitForSelector('#print-host [data-testid="print-sheet"]', { state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    await look('print sheet', '#print-host');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    // Compare (two scenarios).
    await page.click('[data-testid="scenario-duplicate"]');
    await typeInto(page, 'alloc-swim', '0');
    await page.click('[data-testid="compare-toggle"]');
    await page.waitForSelector('[data-testid="compare-view"] svg');
    await page.waitForTimeout(400);
    await look('compare');
    await page.click('[data-testid="compare-back"]');
    // Workshop mode: a slide, the pack panel, the side-by-side slide.
    await page.click('[data-testid="workshop-toggle"]');
    await page.locator('[data-testid="workshop"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('.ws-badge.pending'));
    await look('workshop');
    await page.click('[data-testid="ws-pack-toggle"]');
    await look('workshop pack panel');
    await page.click('[data-testid="pack-side"]');
    await page.locator('[data-testid="ws-side"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('.ws-side-targets.pending'));
    await look('workshop side by side');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="budget-total"]').waitFor();
    // The room.
    await page.click('[data-testid="room-toggle"]');
    await page.waitForSelector('[data-testid="room"]');
    await look('room');
    await page.click('[data-testid="room-back"]');
    await page.locator('[data-testid="budget-total"]').waitFor();
    // The phone layout.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(300);
    await look('phone');
    await page.close();
    await browser.close();
    if (Object.keys(leaks).length) console.log(JSON.stringify(leaks, null, 1));
    assert.deepEqual(leaks, {}, `words of the other language on ${lang === 'vi' ? 'Vietnamese' : 'English'} screens`);
  });
}
