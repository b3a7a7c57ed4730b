// Puts the planner of the default plan, rendered at build time by the app's own components
// (src/bin/prerender.rs), into a built index.html in place of its loading screen (a step of
// scripts/post-build.sh, Trunk's post_build hook). A slow link then shows the figures,
// targets and allocation table while the wasm downloads; the app replaces this copy in the
// same task as its first render (Yew empties <body> when it mounts, then renders; no
// frame is painted in between).
//
//   node scripts/prerender.mjs [DIR]       DIR defaults to $TRUNK_STAGING_DIR, then dist/
//
// The inline script placed after it (docs/perf.md, "First paint"):
// - marks the copy as being updated ("đang cập nhật…" from the words catalogue, the figures
//   dimmed) when the app will show something else: a share or pack link in the address,
//   saved work other than the default plan, or English chosen earlier;
// - keeps what a person types, picks or drags before the app starts and hands it to the
//   app once it is there (same fields by data-testid: value, then input/change events).
// The copy's `data-testid="app-ready"` is renamed `app-prerendered`: only the running app
// is "ready". Idempotent: on a page already prerendered, the copy is rendered afresh.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || join(ROOT, 'dist'));
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const bin = process.env.KEHOACH_PRERENDER_BIN;
const out = JSON.parse(bin
  ? execFileSync(bin, [], { encoding: 'utf8', maxBuffer: 64 << 20 })
  : execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] }));

const body = out.html.replace('data-testid="app-ready"', 'data-testid="app-prerendered"');
if (body === out.html) {
  console.error('prerender: the rendered app has no data-testid="app-ready"');
  process.exit(1);
}

// Runs before the first paint (it sits right after the copy) and stays tiny.
const script = `(function () {
  var root = document.getElementById('loading');
  if (!root) return;
  var pending = false;
  try {
    var h = location.hash;
    pending = /^#[sw]=/.test(h);
    var book = localStorage.getItem('kehoach.book');
    if (book !== null && book !== ${JSON.stringify(out.book)}) pending = true;
    var lang = localStorage.getItem('kehoach.lang');
    if (lang && lang !== 'vi') pending = true;
  } catch (e) {}
  if (pending) {
    root.className += ' pending';
    var words = lang && lang !== 'vi' ? ${JSON.stringify(out.pending_en)} : ${JSON.stringify(out.pending)};
    var heads = root.querySelectorAll('.kpis h2, .targets h2, .lines h2, .charts h2');
    for (var i = 0; i < heads.length; i++) {
      var s = document.createElement('span');
      s.className = 'updating';
      s.textContent = ' · ' + words;
      heads[i].appendChild(s);
    }
  }
  // What a person does before the app starts is handed to it when it does.
  var typed = {}, order = [], focused = null;
  function keep(e) {
    var t = e.target, id = t && t.getAttribute && t.getAttribute('data-testid');
    if (!id || !root.contains(t)) return;
    if (!(id in typed)) order.push(id);
    typed[id] = t.type === 'checkbox' ? t.checked : t.value;
  }
  document.addEventListener('input', keep, true);
  document.addEventListener('change', keep, true);
  document.addEventListener('focusin', function (e) {
    var id = e.target && e.target.getAttribute && e.target.getAttribute('data-testid');
    if (id && root.contains(e.target)) focused = id;
  }, true);
  var mo = new MutationObserver(function () {
    // Yew empties <body> when it mounts and renders the app just after (same task).
    if (document.getElementById('loading') || !document.querySelector('[data-testid="app-ready"]')) return;
    mo.disconnect();
    document.removeEventListener('input', keep, true);
    document.removeEventListener('change', keep, true);
    for (var i = 0; i < order.length; i++) {
      var id = order[i], el = document.querySelector('[data-testid="' + id + '"]');
      if (!el) continue;
      if (el.type === 'checkbox') { if (el.checked !== typed[id]) el.click(); continue; }
      el.value = typed[id];
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      if (el.type === 'text') el.dispatchEvent(new FocusEvent('blur'));
    }
    var f = focused && document.querySelector('[data-testid="' + focused + '"]');
    if (f && f.focus) f.focus();
  });
  mo.observe(document.body, { childList: true });
})();`;

// The loading screen of index.html, or the copy an earlier run put there (run again, it
// renders afresh).
const loading = html.includes('<div id="loading" class="prerendered">')
  ? /<div id="loading" class="prerendered">[\s\S]*?<\/div>\s*<script>\(function \(\) \{[\s\S]*?\}\)\(\);<\/script>/
  : /<div id="loading"[\s\S]*?<\/div>\s*<script>[\s\S]*?<\/script>/;
if (!loading.test(html)) {
  console.error(`prerender: no loading screen (<div id="loading">…</div><script>…</script>) in ${file}`);
  process.exit(1);
}
html = html.replace(loading, () => `<div id="loading" class="prerendered">${body}</div>\n  <script>${script}</script>`);
writeFileSync(file, html);
console.log(`prerender: ${Buffer.byteLength(body)} bytes of planner in ${file}`);
