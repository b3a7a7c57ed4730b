// Writes the content security policy into a built index.html (called by scripts/sw-build.sh,
// Trunk's post_build hook, before the release is stamped). Every inline <script> the built
// page contains — Trunk's module bootstrap, whose text names the hashed file names, and the
// loading-timeout script of index.html — is allowed by the SHA-256 of its exact text,
// computed here from the built file, never by hand. Idempotent.
//
//   node scripts/csp.mjs DIR/index.html
//
// The policy (docs/deploy.md explains each part and gives the header form):
//   default-src 'self'                        nothing from anywhere else
//   script-src 'self' 'wasm-unsafe-eval' H…   own scripts, WebAssembly, the inline scripts by hash
//   style-src 'self'                          own style sheet; no <style> injected anywhere
//   style-src-attr 'unsafe-inline'            style="…" attributes only (the budget bar's width;
//                                             they cannot run code and any url() in them is
//                                             still held to img-src)
//   img-src 'self'                            own icons (charts and QR codes are inline SVG)
//   worker-src 'self'                         the XLSX worker (a same-origin loader script)
//                                             and the service worker
//   connect-src 'self'                        the wasm and nothing else: no request leaves
//   object-src 'none'; base-uri 'none'; form-action 'none'
// frame-ancestors cannot be set by <meta> (browsers ignore it there): see docs/deploy.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/csp.mjs DIR/index.html');
  process.exit(2);
}
let html = readFileSync(file, 'utf8');

// Drop a policy written by an earlier run, then hash what is left.
html = html.replace(/\n?[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');

const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attrs, body] = m;
  if (/\bsrc\s*=/.test(attrs)) continue; // an external script: covered by 'self'
  const h = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
  if (!hashes.includes(h)) hashes.push(h);
}
if (hashes.length === 0) {
  console.error(`csp: no inline script in ${file}; expected Trunk's bootstrap`);
  process.exit(1);
}

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const charset = /<meta charset="utf-8">/i;
if (!charset.test(html)) {
  console.error(`csp: no <meta charset="utf-8"> in ${file} to put the policy after`);
  process.exit(1);
}
// Right after the charset: before any script or style, so the policy covers them all.
html = html.replace(charset, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script hash(es) in ${file}`);
