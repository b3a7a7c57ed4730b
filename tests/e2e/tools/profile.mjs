// Records which functions of the app's wasm the first screen runs, and writes the others
// to crates/split/profile/cold.txt: the list the build's splitter (scripts/split.mjs) moves
// into the wasm the page loads when idle. `make profile` runs this after a release build.
//
//   node tests/e2e/tools/profile.mjs
//
// Needs dist/ (trunk build --release) and target/split/kehoach-app.named.wasm, which the
// build keeps. The named module is instrumented (crates/split: each function marks a byte
// of an extra memory when it first runs), served in place of the app's wasm, and driven
// through what a person does on the first screen: opening the planner (fresh, with saved
// work, with a share link, in English, on a phone), dragging every allocation slider,
// typing amounts (good and bad), the budget, the region and the years, switching the
// language, and waiting for the uncertainty band. Whatever none of that ran is "cold".
// Everything else a person can open (compare, share, export, print, workshop, the
// optimiser, the assumptions panel…) loads when the page is idle, or at first use.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, ready, typeInto, ROOT, DIST } from '../lib.mjs';

const NAMED = join(ROOT, 'target', 'split', 'kehoach-app.named.wasm');
const OUT = join(ROOT, 'crates', 'split', 'profile', 'cold.txt');
const split = (...args) => execFileSync('cargo', ['run', '--quiet', '-p', 'kehoach-split', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

const work = mkdtempSync(join(tmpdir(), 'kehoach-profile-'));
const site = join(work, 'site');
cpSync(DIST, site, { recursive: true });
let html = readFileSync(join(site, 'index.html'), 'utf8');
const wasmName = html.match(/kehoach-app-[0-9a-f]+_bg\.wasm/)[0];
split('instrument', NAMED, join(site, wasmName));
const names = split('names', NAMED).split('\n');
names.pop(); // after the last newline
// The instrumented module is not what the integrity hashes describe.
html = html.replace(/\s+integrity="[^"]*"/g, '');
writeFileSync(join(site, 'index.html'), html);

const hit = new Uint8Array(names.length);
const server = await serve(site);
const link = JSON.parse(readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'links.json'), 'utf8')).valid_markup_name.code;

// `first`: the session is what a first visit does before and at its first interaction
// (opening the planner fresh on any screen, dragging sliders, typing a good amount). Only
// what those run stays in the main wasm; what the other sessions add (saved work, share
// links, wrong input, other regions and years, the language switch) is loaded when the
// page is idle, or on the spot if used before that (a synchronous fetch).
const later = new Uint8Array(names.length);
async function session(name, { width = 1280, height = 900, hash = '', setup, act, first = false } = {}) {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => { window.__kehoachWasm = e.detail.wasm; });
    });
    if (setup) {
      await page.goto(server.url);
      await ready(page);
      await page.evaluate(setup);
    }
    await page.goto(server.url + hash);
    await ready(page);
    await page.waitForFunction(() => window.__kehoachWasm);
    await page.waitForTimeout(600); // the uncertainty band
    if (act) await act(page);
    await page.waitForTimeout(600);
    const bytes = await page.evaluate(() => Array.from(new Uint8Array(window.__kehoachWasm.__kehoach_profile.buffer)));
    const into = first ? hit : later;
    let n = 0;
    for (let i = 0; i < hit.length; i++) if (bytes[i]) { if (!hit[i] && !into[i]) n++; into[i] = 1; }
    console.log(`profile: ${name}${first ? ' (first visit)' : ''}: ${n} more functions ran`);
  } finally {
    await browser.close();
  }
}

async function drag(page, id, steps = 6) {
  const slider = page.locator(`[data-testid="slider-${id}"]`);
  if (!(await slider.count())) return;
  await slider.focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press(i < steps / 2 ? 'ArrowRight' : 'ArrowLeft');
  await page.evaluate((id) => {
    const s = document.querySelector(`[data-testid="slider-${id}"]`);
    s.value = String(Number(s.max) * 0.3);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    s.dispatchEvent(new Event('change', { bubbles: true }));
  }, id);
  await page.waitForTimeout(50);
}

const lines = async (page) => page.$$eval('[data-testid^="slider-"]', (xs) => xs.map((x) => x.dataset.testid.slice(7)));

await session('planner, desktop', {
  first: true,
  act: async (page) => {
    for (const id of await lines(page)) await drag(page, id);
    await page.waitForTimeout(400);
    await typeInto(page, 'budget-total', '350.000.000.000');
    const [first] = await lines(page);
    await typeInto(page, `alloc-${first}`, '12 tỷ');
    await typeInto(page, `alloc-${first}`, '10.000.000.000');
    await page.waitForTimeout(400);
  },
});
await session('planner, more edits', {
  act: async (page) => {
    await typeInto(page, 'budget-total', '500 tỷ');
    await typeInto(page, 'budget-total', 'abc');
    await typeInto(page, 'budget-total', '350.000.000.000');
    const [first] = await lines(page);
    await typeInto(page, `alloc-${first}`, '-5');
    await typeInto(page, `alloc-${first}`, '10.000.000.000');
    const region = page.locator('[data-testid="region-select"]');
    const regions = await region.locator('option').evaluateAll((os) => os.map((o) => o.value));
    if (regions.length > 1) { await region.selectOption(regions[1]); await page.waitForTimeout(300); await region.selectOption(regions[0]); }
    const end = page.locator('[data-testid="year-end"]');
    const years = await end.locator('option').evaluateAll((os) => os.map((o) => o.value));
    const was = await end.inputValue();
    if (years.length > 1) { await end.selectOption(years[years.length - 1]); await page.waitForTimeout(300); await end.selectOption(was); }
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForTimeout(400);
    for (const id of (await lines(page)).slice(0, 3)) await drag(page, id);
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForTimeout(400);
  },
});
await session('saved work', {
  setup: async () => {
    // A working set of two scenarios, the second open.
    const book = localStorage.getItem('kehoach.book');
    const lines = book.split('\n');
    localStorage.setItem('kehoach.book', [lines[0], 'current 1', lines[2], lines[2], ''].join('\n'));
  },
  act: async (page) => { for (const id of (await lines(page)).slice(0, 2)) await drag(page, id); },
});
await session('share link', { hash: `#s=${link}` });
await session('English', {
  first: true,
  setup: async () => localStorage.setItem('kehoach.lang', 'en'),
  act: async (page) => { for (const id of (await lines(page)).slice(0, 2)) await drag(page, id); },
});
await session('phone', {
  first: true,
  width: 390, height: 844,
  act: async (page) => {
    for (const id of (await lines(page)).slice(0, 3)) await drag(page, id);
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(300);
  },
});
await session('projector', { first: true, width: 1920, height: 1080 });
await server.close();

// A name is cold when no function of that name ran (names can repeat).
const hot = new Set(names.filter((_, i) => hit[i]));
const cold = [...new Set(names.filter((n, i) => !hit[i] && n && !hot.has(n)))].sort();
const laterOnly = new Set(names.filter((n, i) => later[i] && !hot.has(n))).size;
mkdirSync(join(ROOT, 'crates', 'split', 'profile'), { recursive: true });
writeFileSync(OUT, [
  '# Functions of the app wasm that a first visit does not run before and at its first',
  '# interaction (tests/e2e/tools/profile.mjs, `make profile`): scripts/split.mjs moves them',
  '# into the wasm loaded when the page is idle (or on the spot, if used before that).',
  `# ${hot.size} names ran on a first visit, ${cold.length} did not (${laterOnly} of those ran later in the profile), of ${names.length} functions.`,
  ...cold, '',
].join('\n'));
rmSync(work, { recursive: true, force: true });
console.log(`profile: ${hot.size} names ran; ${cold.length} cold names written to ${OUT}`);
