// Splits the app's wasm in a built site (a step of scripts/post-build.sh, Trunk's
// post_build hook): the code the first screen runs stays in the main wasm, the rest goes
// to `kehoach-app-<hash>_split.wasm`, which the page loads once it is idle (or at the
// moment some of it is needed first). The choice comes from the profile
// crates/split/profile/cold.txt (`make profile` records it); docs/perf.md "Split wasm".
//
//   node scripts/split.mjs [DIR]            DIR defaults to $TRUNK_STAGING_DIR, then dist/
//
// Also
// - drops the name section (Trunk runs wasm-opt with -g so the names reach this step);
// - keeps the named, unsplit module as target/split/kehoach-app.named.wasm (what
//   `make profile` instruments);
// - appends the loader to the wasm-bindgen glue (the placeholders the main wasm imports);
// - renames the wasm and the glue after their new content and rewrites index.html's
//   references and subresource integrity hashes.
// KEHOACH_SPLIT=off ships one unsplit (but name-stripped) wasm.
// Idempotent per build: a site already split is left as it is.
import { readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync, existsSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || join(ROOT, 'dist'));
const COLD = join(ROOT, 'crates', 'split', 'profile', 'cold.txt');
const WORK = join(ROOT, 'target', 'split');

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const m = html.match(/kehoach-app-([0-9a-f]+)_bg\.wasm/);
if (!m) {
  console.error(`split: no kehoach-app-*_bg.wasm named in ${indexPath}`);
  process.exit(1);
}
const oldWasm = m[0];
const oldJs = `kehoach-app-${m[1]}.js`;
if (!existsSync(join(dir, oldJs))) {
  console.error(`split: ${oldJs} is missing in ${dir}`);
  process.exit(1);
}
let glue = readFileSync(join(dir, oldJs), 'utf8');
if (glue.includes('kehoach split loader')) {
  console.log('split: already split');
  process.exit(0);
}

/** Runs the splitter (built on first use; KEHOACH_SPLIT_BIN overrides). */
function splitter(args) {
  const bin = process.env.KEHOACH_SPLIT_BIN;
  const [cmd, pre] = bin ? [bin, []] : ['cargo', ['run', '--quiet', '-p', 'kehoach-split', '--']];
  return execFileSync(cmd, [...pre, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
}

const hash16 = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;

mkdirSync(WORK, { recursive: true });
const named = join(WORK, 'kehoach-app.named.wasm');
copyFileSync(join(dir, oldWasm), named);

const mode = process.env.KEHOACH_SPLIT === 'off' || !existsSync(COLD) ? 'strip' : 'split';
let primary;
let secondary = null;
if (mode === 'split') {
  const p = join(WORK, 'primary.wasm');
  const s = join(WORK, 'secondary.wasm');
  process.stdout.write(splitter(['split', named, COLD, p, s]));
  primary = readFileSync(p);
  secondary = readFileSync(s);
} else {
  const p = join(WORK, 'primary.wasm');
  splitter(['strip', named, p]);
  primary = readFileSync(p);
  console.log(`split: not splitting (${existsSync(COLD) ? 'KEHOACH_SPLIT=off' : 'no profile'}); names dropped`);
}

const id = hash16(Buffer.concat([primary, secondary || Buffer.alloc(0)]));
const newWasm = `kehoach-app-${id}_bg.wasm`;
const splitName = `kehoach-app-${id}_split.wasm`;

// The loader: placeholders for the main wasm's `__split` imports, the secondary module's
// imports, and loading it when the page is idle (or synchronously, if a placeholder is
// called first). A single-file build (not written yet) may set `globalThis.__kehoachSplit`
// to the module's bytes before the glue runs.
const loader = `
// ---- kehoach split loader (scripts/split.mjs) ----
const __splitFile = ${JSON.stringify(secondary ? splitName : '')};
let __splitImports, __splitDone = false, __splitAsync;
function __splitUrl() { return new URL(__splitFile, import.meta.url); }
function __splitInstantiated(instance) { __splitDone = true; performance.mark('kehoach:split-ready'); return instance; }
function __splitLoadSync() {
    if (__splitDone) return;
    let bytes = globalThis.__kehoachSplit;
    if (!bytes) {
        const x = new XMLHttpRequest();
        x.open('GET', __splitUrl(), false);
        x.overrideMimeType('text/plain; charset=x-user-defined');
        x.send();
        if (x.status !== 200 && x.status !== 0) throw new Error('kehoach: could not load ' + __splitFile + ' (' + x.status + ')');
        const t = x.responseText;
        bytes = new Uint8Array(t.length);
        for (let i = 0; i < t.length; i++) bytes[i] = t.charCodeAt(i) & 0xff;
    }
    performance.mark('kehoach:split-sync');
    __splitInstantiated(new WebAssembly.Instance(new WebAssembly.Module(bytes), __splitImports));
}
function __splitLoad() {
    if (__splitDone || !__splitFile || !wasm || !wasm.__split_table) return Promise.resolve();
    if (!__splitAsync) {
        const source = globalThis.__kehoachSplit
            ? WebAssembly.instantiate(globalThis.__kehoachSplit, __splitImports)
            : (typeof WebAssembly.instantiateStreaming === 'function'
                ? WebAssembly.instantiateStreaming(fetch(__splitUrl()), __splitImports)
                : fetch(__splitUrl()).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, __splitImports)));
        __splitAsync = source.then((r) => { if (!__splitDone) __splitInstantiated(r.instance); }, () => { __splitAsync = undefined; });
    }
    return __splitAsync;
}
{
    const base = __wbg_get_imports;
    __wbg_get_imports = function () {
        const imports = base();
        const placeholders = new Proxy({}, {
            get(_, name) {
                const slot = Number(name);
                return function (...args) {
                    __splitLoadSync();
                    return wasm.__split_table.get(slot)(...args);
                };
            },
        });
        imports.__split = placeholders;
        __splitImports = Object.assign({}, imports, { primary: new Proxy({}, { get: (_, k) => wasm[k] }) });
        return imports;
    };
    const finish = __wbg_finalize_init;
    __wbg_finalize_init = function (instance, module) {
        const r = finish(instance, module);
        // Once the page is idle: the rest of the code, so no later click waits for it.
        const later = globalThis.requestIdleCallback || ((f) => setTimeout(f, 200));
        later(() => { __splitLoad(); }, { timeout: 4000 });
        return r;
    };
}
globalThis.__kehoachSplitLoad = __splitLoad;
`;
// The secondary's imports from `primary` are the main wasm's own exports; a Proxy reads
// them once the main instance exists.
glue += loader;
const glueBuf = Buffer.from(glue, 'utf8');
const newJs = `kehoach-app-${hash16(glueBuf)}.js`;

writeFileSync(join(dir, newWasm), primary);
if (secondary) writeFileSync(join(dir, splitName), secondary);
writeFileSync(join(dir, newJs), glueBuf);
if (newWasm !== oldWasm) rmSync(join(dir, oldWasm));
if (newJs !== oldJs) rmSync(join(dir, oldJs));

// index.html: new names, and the integrity of every <link>/<script> naming them.
const integrity = { [newWasm]: sri(primary), [newJs]: sri(glueBuf) };
html = html.split(oldWasm).join(newWasm).split(oldJs).join(newJs);
html = html.replace(/<(link|script)\b[^>]*>/g, (tag) => {
  for (const [file, hash] of Object.entries(integrity)) {
    if (tag.includes(file) && /integrity="[^"]*"/.test(tag)) return tag.replace(/integrity="[^"]*"/, `integrity="${hash}"`);
  }
  return tag;
});
writeFileSync(indexPath, html);

const gz = (b) => execFileSync('gzip', ['-9', '-c'], { input: b }).length;
console.log(`split: ${newWasm} ${primary.length} B (${gz(primary)} gzip)` +
  (secondary ? `, ${splitName} ${secondary.length} B (${gz(secondary)} gzip)` : ''));
