// The nginx and Apache snippets of docs/deploy.md, run on real servers (issue 12): the
// snippets are read from the document itself, put into a minimal server configuration,
// and the built site (with its precompressed copies, `make dist`) is served under
// /kehoach/. Checked: the types (application/wasm above all), no-cache for index.html and
// sw.js, immutable caching for the hashed files only, the precompressed copies sent with
// their Content-Encoding to a browser that accepts them (and the plain file to one that
// does not), the security headers on every answer, and the app starting in Chromium.
// Each server is skipped when it is not installed (Debian: `apt-get install nginx
// libnginx-mod-http-brotli-static apache2`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync, cpSync, chmodSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, open, assertClean, DIST, ROOT } from './lib.mjs';

const NGINX = '/usr/sbin/nginx';
const APACHE = '/usr/sbin/apache2';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const doc = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
const snippet = (lang) => {
  const m = doc.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  assert.ok(m, `docs/deploy.md has a ${lang} snippet`);
  return m[1];
};

let work, site;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'kehoach-hosts-'));
  // Apache, started as root, serves as nobody: the site must be readable by all.
  chmodSync(work, 0o755);
  site = join(work, 'dist');
  cpSync(DIST, site, { recursive: true });
  // The copies `make dist` writes (scripts/precompress.mjs), made faster here (Brotli 11 of
  // the workers' wasm takes half a minute; what is served is checked byte for byte anyway).
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const f of walk(site)) {
    if (!/\.(html|js|mjs|css|wasm|svg|webmanifest|json|txt)$/.test(f)) continue;
    const bytes = readFileSync(f);
    writeFileSync(`${f}.gz`, gzipSync(bytes, { level: 6 }));
    writeFileSync(`${f}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }));
  }
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/** GET with exactly these request headers; the raw answer (no decompression). */
function get(url, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(url, { headers }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', fail);
    req.end();
  });
}

async function waitUp(url) {
  for (let i = 0; i < 100; i++) {
    try {
      await get(url);
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  throw new Error(`${url} never answered`);
}

/** What both servers must do with the site under `base` (…/kehoach/). */
async function checkHost(base, name) {
  const files = readdirSync(site);
  const wasm = files.find((f) => /^kehoach-app-[0-9a-f]{16}_bg\.wasm$/.test(f));
  const glue = files.find((f) => /^kehoach-app-[0-9a-f]{16}\.js$/.test(f));
  const css = files.find((f) => /^style-[0-9a-f]+\.css$/.test(f));
  const icon = files.find((f) => /^favicon-[0-9a-f]+\.svg$/.test(f));
  const security = (h, what) => {
    assert.equal(h['x-content-type-options'], 'nosniff', `${name} ${what}: nosniff`);
    assert.equal(h['x-frame-options'], 'DENY', `${name} ${what}: X-Frame-Options`);
    assert.equal(h['referrer-policy'], 'no-referrer', `${name} ${what}: Referrer-Policy`);
  };
  const cases = [
    ['', /^text\/html/, /no-cache/],
    ['index.html', /^text\/html/, /no-cache/],
    ['sw.js', /javascript/, /no-cache/],
    [wasm, /^application\/wasm/, /max-age=31536000, immutable/],
    [glue, /javascript/, /max-age=31536000, immutable/],
    [css, /^text\/css/, /max-age=31536000, immutable/],
    [icon, /^image\/svg\+xml/, /max-age=31536000, immutable/],
    ['kehoach-xlsx_bg.wasm', /^application\/wasm/, null],
    ['manifest.webmanifest', /^application\/manifest\+json/, null],
  ];
  for (const [file, type, cache] of cases) {
    for (const enc of ['', 'gzip', 'br']) {
      const r = await get(base + file, enc ? { 'accept-encoding': enc } : {});
      const what = `${file || '(folder)'} [${enc || 'identity'}]`;
      assert.equal(r.status, 200, `${name} ${what}`);
      assert.match(r.headers['content-type'] ?? '', type, `${name} ${what}: type`);
      if (cache) assert.match(r.headers['cache-control'] ?? '', cache, `${name} ${what}: caching`);
      else assert.doesNotMatch(r.headers['cache-control'] ?? '', /immutable/, `${name} ${what}: not immutable (no hash in the name)`);
      security(r.headers, what);
      const plain = readFileSync(join(site, file || 'index.html'));
      if (!enc) {
        assert.equal(r.headers['content-encoding'], undefined, `${name} ${what}: not encoded`);
        assert.ok(r.body.equals(plain), `${name} ${what}: the file itself`);
      } else {
        assert.equal(r.headers['content-encoding'], enc, `${name} ${what}: the precompressed copy`);
        assert.match(r.headers.vary ?? '', /Accept-Encoding/i, `${name} ${what}: Vary`);
        const copy = readFileSync(join(site, `${file || 'index.html'}.${enc === 'gzip' ? 'gz' : 'br'}`));
        assert.ok(r.body.equals(copy), `${name} ${what}: the .${enc === 'gzip' ? 'gz' : 'br'} copy, byte for byte`);
      }
    }
  }
  // The app starts under /kehoach/ through this server.
  const b = await launch();
  try {
    const { page, problems } = await open(b.context, base);
    assert.match(await page.textContent('[data-testid="kpi-deaths-averted"]'), /\d/);
    assertClean(assert, problems);
  } finally {
    await b.close();
  }
}

test('the nginx snippet of docs/deploy.md on a real nginx', { skip: !existsSync(NGINX) && 'nginx is not installed' }, async () => {
  const dir = join(work, 'nginx');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const port = await freePort();
  let location = snippet('nginx').replace('/srv/kehoach/dist/', `${site}/`);
  if (!existsSync(BROTLI)) location = location.replace(/^\s*brotli_static on;\n/m, '');
  writeFileSync(join(dir, 'nginx.conf'), `
${existsSync(BROTLI) ? `load_module ${BROTLI};` : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
${location}
  }
}
`);
  execFileSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  const server = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}/kehoach/`;
    await waitUp(base);
    await checkHost(base, 'nginx');
  } finally {
    server.kill('SIGQUIT');
    await new Promise((ok) => server.once('exit', ok));
  }
});

test('the Apache snippet of docs/deploy.md on a real Apache', { skip: !existsSync(APACHE) && 'Apache is not installed' }, async () => {
  const dir = join(work, 'apache');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const port = await freePort();
  const mods = '/usr/lib/apache2/modules';
  const load = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'headers', 'rewrite', 'unixd']
    .filter((m) => existsSync(`${mods}/mod_${m}.so`)).map((m) => `LoadModule ${m}_module ${mods}/mod_${m}.so`).join('\n');
  writeFileSync(join(dir, 'httpd.conf'), `
${load}
ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/logs/error.log
DefaultRuntimeDir ${dir}
Mutex file:${dir}
${process.getuid?.() === 0 ? 'User nobody\nGroup nogroup' : ''}
TypesConfig /etc/mime.types
DirectoryIndex index.html
Alias /kehoach/ ${site}/
<Directory ${site}/>
  Require all granted
  AllowOverride None
${snippet('apache')}
</Directory>
`);
  execFileSync(APACHE, ['-t', '-f', join(dir, 'httpd.conf')], { stdio: 'pipe' });
  const server = spawn(APACHE, ['-X', '-f', join(dir, 'httpd.conf')], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}/kehoach/`;
    await waitUp(base);
    await checkHost(base, 'Apache');
  } finally {
    server.kill('SIGTERM');
    await new Promise((ok) => server.once('exit', ok));
  }
});
