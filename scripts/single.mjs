// The single-file build (issue 12, `make single`): one kehoach.html that carries the whole
// release — the app's wasm (both halves of the split), its JS glue, the style sheet, the
// icons, and the file (XLSX/Word/print) and QR reader workers with their wasm — so it opens
// from a USB stick or a chat attachment (`file://`) with no server and no network.
//
//   node scripts/single.mjs [--url URL] [DIR] [OUT]
//       DIR  a release build (default dist/, `trunk build --release`)
//       OUT  default dist-single/kehoach.html
//       URL  the published address its share and workshop links point to (a file:// page
//            has no address anyone else can open); also $KEHOACH_URL; default the GitHub
//            Pages address when $GITHUB_REPOSITORY is set (CI), else https://kehoach.example.vn/
//            with a warning (docs/deploy.md, "Single file").
//
// How each piece works without a server:
// - the wasm files are stored gzip-compressed, in base64, in <script type="application/
//   octet-stream"> data blocks, and unpacked in the page with DecompressionStream (no
//   fetch, no data: request); the split half is handed to the split loader through
//   `globalThis.__kehoachSplit` (scripts/split.mjs);
// - the glue (an ES module) runs inline, its exports dropped, started with the unpacked bytes;
// - the workers: `new Worker("./kehoach-xlsx_loader.js")` (src/platform) is answered with a
//   blob: URL made in the page from the worker's glue and its packed wasm (`Worker` is
//   wrapped before the app starts; any other URL goes to the browser's own `Worker`);
// - no service worker: `navigator.serviceWorker` is hidden before the app starts, so
//   src/platform/sw.rs registers none; the page names its published address in <meta
//   name="kehoach-published">, which also tells the workshop panel that the app runs
//   without a connection;
// - its own content security policy: inline scripts and the style sheet by hash, workers
//   from blob: only, images from data: only, no connection anywhere.
// If the browser cannot unpack (no DecompressionStream: Chrome/Edge < 80, Firefox < 113,
// Safari < 16.4) or start WebAssembly, the page says so in Vietnamese and English.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let url = process.env.KEHOACH_URL || '';
const rest = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--url') url = args[++i] || '';
  else if (args[i].startsWith('--url=')) url = args[i].slice(6);
  else rest.push(args[i]);
}
const dir = resolve(rest[0] || join(ROOT, 'dist'));
const out = resolve(rest[1] || join(ROOT, 'dist-single', 'kehoach.html'));

function die(msg) {
  console.error(`single: ${msg}`);
  process.exit(1);
}

if (!url && process.env.GITHUB_REPOSITORY) {
  const [owner, repo] = process.env.GITHUB_REPOSITORY.split('/');
  url = `https://${owner.toLowerCase()}.github.io/${repo}/`;
}
if (!url) {
  url = 'https://kehoach.example.vn/';
  console.warn(`single: WARNING no published address given (make single URL=https://…/); share links point to ${url}`);
}
let published;
try {
  published = new URL(url);
} catch {
  die(`not an address: ${url}`);
}
if (!['https:', 'http:'].includes(published.protocol)) die(`the published address must be http(s): ${url}`);
published.hash = '';
url = published.href;

const indexPath = join(dir, 'index.html');
if (!existsSync(indexPath)) die(`no ${indexPath}: run \`trunk build --release\` first`);
let html = readFileSync(indexPath, 'utf8');
const read = (name) => readFileSync(join(dir, name));
const text = (name) => readFileSync(join(dir, name), 'utf8');

// ---- what the release consists of ----
const boot = html.match(/<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+_bg\.wasm)' \}\);[\s\S]*?<\/script>/);
if (!boot) die("index.html has no Trunk module bootstrap (import init … module_or_path)");
const [bootTag, glueName, wasmName] = boot;
let glue = text(glueName);
if (!glue.includes('kehoach split loader')) die(`${glueName} has no split loader: not a release build (scripts/split.mjs)?`);
const splitName = (glue.match(/const __splitFile = "([^"]*)";/) || [])[1];
if (splitName === undefined) die(`${glueName}: no __splitFile line`);

// The glue as an inline module: no import, no export.
if (/^\s*import\s/m.test(glue)) die(`${glueName} imports another module (wasm-bindgen snippets?): cannot inline`);
glue = glue.replace(/^export \{[^}]*\};?\s*$/gm, '').replace(/^export (?=(async )?function |class |const |let |var )/gm, '');
if (/^\s*export\b/m.test(glue)) die(`${glueName}: an export form this script does not know`);
if (!/async function __wbg_init\b/.test(glue)) die(`${glueName}: no __wbg_init`);

// Workers: every Trunk loader shim `importScripts("./X.js");wasm_bindgen("./X_bg.wasm");`.
const workers = [];
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('_loader.js')) continue;
  const m = text(f).match(/^importScripts\("\.\/([^"]+\.js)"\);\s*wasm_bindgen\("\.\/([^"]+\.wasm)"\);\s*$/);
  if (!m) die(`${f} is not a Trunk loader shim this script knows`);
  workers.push({ loader: f, glue: m[1], wasm: m[2], id: f.replace(/_loader\.js$/, '') });
}

// ---- the pieces, inlined ----
const blocks = [];
const packed = {};
function dataBlock(id, bytes) {
  const gz = gzipSync(bytes, { level: 9 });
  packed[id] = { raw: bytes.length, gz: gz.length };
  blocks.push(`<script type="application/octet-stream" id="${id}">${gz.toString('base64')}</script>`);
}
function textBlock(id, body) {
  if (/<\/script/i.test(body)) die(`${id}: contains </script>`);
  blocks.push(`<script type="text/plain" id="${id}">${body}</script>`);
}
dataBlock('kehoach-wasm-app', read(wasmName));
if (splitName) dataBlock('kehoach-wasm-split', read(splitName));
for (const w of workers) {
  dataBlock(`kehoach-wasm-${w.id}`, read(w.wasm));
  textBlock(`kehoach-glue-${w.id}`, text(w.glue));
}

// Unpacks a data block: base64 → gzip → bytes (an ArrayBuffer promise). Also the workers' copy.
const UNPACK = `function __kehoachUnpack(b64) {
  var s = atob(b64), u = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}`;

// The page's own messages before the app starts (the words catalogue is inside the wasm it
// could not start): the same two languages as index.html's loading screen.
const FAIL_VI = 'Trình duyệt này không mở được Kế hoạch từ tệp. Hãy dùng bản mới của Chrome, Edge, Firefox hoặc Safari, hoặc mở địa chỉ trực tuyến:';
const FAIL_EN = 'This browser cannot open kehoach from a file. Use a recent Chrome, Edge, Firefox or Safari, or open the online address:';

const helper = `(function () {
  ${UNPACK}
  // The data blocks, taken out of the page before the app starts (it owns <body> then).
  var blocks = {};
  var els = document.querySelectorAll('script[type="application/octet-stream"], script[type="text/plain"]');
  for (var i = 0; i < els.length; i++) {
    if (!/^kehoach-/.test(els[i].id)) continue;
    blocks[els[i].id] = els[i].textContent;
    els[i].remove();
  }
  var S = globalThis.__kehoachSingle = {
    url: ${JSON.stringify(url)},
    block: function (id) { return blocks[id] || ''; },
    // The app's own wasm is unpacked once: its text is let go.
    bytes: function (id) { var b = S.block(id); delete blocks[id]; return b ? __kehoachUnpack(b) : Promise.resolve(null); },
    fail: function (e) {
      var box = document.getElementById('loading') || document.body;
      var div = document.createElement('div');
      div.className = 'single-fail';
      div.setAttribute('role', 'alert');
      div.setAttribute('data-testid', 'single-fail');
      var vi = document.createElement('p'); vi.textContent = ${JSON.stringify(FAIL_VI)} + ' ' + S.url;
      var en = document.createElement('p'); en.lang = 'en'; en.textContent = ${JSON.stringify(FAIL_EN)} + ' ' + S.url;
      div.appendChild(vi); div.appendChild(en);
      box.insertBefore(div, box.firstChild);
      if (box.className !== undefined) box.className += ' slow';
      console.warn('kehoach single file:', e);
    },
  };
  // No service worker: a file needs none to start without the network (and file:// allows
  // none). Hidden, so the app (src/platform/sw.rs) registers none and waits for none.
  try { Object.defineProperty(navigator, 'serviceWorker', { value: undefined, configurable: true }); } catch (e) {}
  // The workers: their scripts are made here, from the glue and the packed wasm.
  var specs = ${JSON.stringify(Object.fromEntries(workers.map((w) => [w.loader, w.id])))};
  var made = {};
  var Native = globalThis.Worker;
  if (!Native) return;
  function workerUrl(id) {
    if (!made[id]) {
      made[id] = URL.createObjectURL(new Blob([
        'var __kehoachPacked = "', S.block('kehoach-wasm-' + id), '";\\n',
        ${JSON.stringify(UNPACK)}, '\\n',
        S.block('kehoach-glue-' + id), '\\n',
        'wasm_bindgen({ module_or_path: __kehoachUnpack(__kehoachPacked) });\\n',
      ], { type: 'text/javascript' }));
    }
    return made[id];
  }
  globalThis.Worker = class Worker extends Native {
    constructor(u, options) {
      var name = String(u).split(/[?#]/)[0].split('/').pop();
      super(Object.prototype.hasOwnProperty.call(specs, name) ? workerUrl(specs[name]) : u, options);
    }
  };
})();`;

const start = `
${glue}
// ---- kehoach single file: start with the inlined wasm (scripts/single.mjs) ----
try {
  if (typeof DecompressionStream !== 'function' || typeof WebAssembly !== 'object') throw new Error('no DecompressionStream or WebAssembly');
  const [app, split] = await Promise.all([__kehoachSingle.bytes('kehoach-wasm-app'), __kehoachSingle.bytes('kehoach-wasm-split')]);
  if (split) globalThis.__kehoachSplit = split;
  const started = await __wbg_init({ module_or_path: app });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: started } }));
} catch (e) {
  __kehoachSingle.fail(e);
}
`;

// ---- index.html → kehoach.html ----
html = html.replace(bootTag, () => '');
// Preloads of files that are now inline; the manifest (an installed app needs a served site).
html = html.replace(/<link rel="(modulepreload|preload|manifest)"[^>]*>\s*/g, '');
html = html.replace(/\n?[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');

const mime = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };
html = html.replace(/<link rel="(icon|apple-touch-icon)" href="(?:\.\/)?([^"]+)"[^>]*>/g, (tag, rel, href) => {
  const type = mime[extname(href)];
  if (!type) die(`icon of unknown type: ${href}`);
  return `<link rel="${rel}" href="data:${type};base64,${read(href).toString('base64')}">`;
});
let css = '';
html = html.replace(/<link rel="stylesheet" href="(?:\.\/)?([^"]+\.css)"[^>]*\/?>/g, (tag, href) => {
  // The message of a browser that cannot start the file (below), as index.html's loading text.
  css = `${text(href)}\n.single-fail{margin:.5rem;padding:.5rem 1rem;border:1px solid #b58100;border-radius:6px;background:#fff8e1;color:#3d2c00}\n`;
  if (/url\(\s*['"]?(?!data:)/.test(css)) die(`${href} names another file (url(…)): inline it first`);
  if (/<\/style/i.test(css)) die(`${href} contains </style>`);
  return `<style>${css}</style>`;
});
if (!css) die('index.html names no style sheet');
if (/<link [^>]*href="(?!data:)[^"]*"/.test(html)) die(`a <link> still names a file: ${html.match(/<link [^>]*href="(?!data:)[^"]*"[^>]*>/)[0]}`);
if (/<script [^>]*src=/.test(html)) die('a <script src> is left');

// The published address, read by src/platform (share links, workshop links, no service worker).
const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
html = html.replace(/(<meta name="kehoach-build"[^>]*>)/, `$1\n  <meta name="kehoach-published" content="${esc(url)}">`);
if (!html.includes('kehoach-published')) die('index.html has no <meta name="kehoach-build"> to put the address after');

// The data blocks and the two scripts at the end of the body: the prerendered planner shows
// first, as on the served page.
const tail = `${blocks.join('\n')}\n<script>${helper}</script>\n<script type="module">${start}</script>\n`;
if (!html.includes('</body>')) die('index.html has no </body>');
html = html.replace('</body>', () => `${tail}</body>`);

// Its own policy: every inline script and the style sheet by hash; nothing from anywhere.
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const scripts = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/type="(application\/octet-stream|text\/plain)"/.test(m[1])) continue;
  const h = sha(m[2]);
  if (!scripts.includes(h)) scripts.push(h);
}
const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${scripts.join(' ')}`,
  `style-src ${sha(css)}`,
  "style-src-attr 'unsafe-inline'",
  'img-src data:',
  'worker-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta charset="utf-8">/, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (!html.includes(policy)) die('index.html has no <meta charset="utf-8">');

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
const size = Buffer.byteLength(html);
const gz = gzipSync(html, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`single: ${out} ${kb(size)} (${kb(gz)} gzip), links to ${url}`);
for (const [id, p] of Object.entries(packed)) console.log(`  ${id}: ${kb(p.raw)} → ${kb(p.gz)} gzip, inlined as base64`);
