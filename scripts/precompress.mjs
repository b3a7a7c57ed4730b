// Writes precompressed copies beside each text or wasm file of a built site: `FILE.gz`
// (gzip -9) and `FILE.br` (Brotli, quality 11), for hosts that serve them as they are
// (nginx `gzip_static`/`brotli_static`, Apache MultiViews or rewrite rules; docs/deploy.md).
// `make dist` runs it after the release build. The originals stay: a host that does not
// know the copies serves those. Deterministic (no timestamps in the gzip header).
//
//   node scripts/precompress.mjs [DIR]      DIR defaults to dist/
import { readdirSync, readFileSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] || join(ROOT, 'dist'));
const WORTH = /\.(html|js|mjs|css|wasm|svg|webmanifest|json|txt)$/;

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

let n = 0, raw = 0, gz = 0, br = 0;
for (const f of [...files(dir)]) {
  if (/\.(gz|br)$/.test(f)) { rmSync(f); continue; }
  if (!WORTH.test(f)) continue;
  const bytes = readFileSync(f);
  const g = gzipSync(bytes, { level: 9 });
  const b = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: /\.wasm$/.test(f) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${f}.gz`, g);
  writeFileSync(`${f}.br`, b);
  n++; raw += bytes.length; gz += g.length; br += b.length;
}
console.log(`precompress: ${n} files in ${dir}: ${raw} B raw, ${gz} B gzip, ${br} B brotli`);
