// The packed package as a user gets it: the `npm pack` tarball installs from its file (no
// network), works through `require` and `import`, every JavaScript example of
// docs/engine.md runs against it, and every TypeScript example type-checks against its
// generated .d.ts (`tsc --noEmit --strict`, for Node's and for the web's declarations).
// The examples are read from the markdown, so the page cannot drift from the package.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { PKG, ROOT } from './lib.mjs';

const TSC = join(ROOT, 'tests', 'e2e', 'node_modules', '.bin', 'tsc');
const doc = readFileSync(join(ROOT, 'docs', 'engine.md'), 'utf8');
const blocks = (lang) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
const dir = mkdtempSync(join(tmpdir(), 'kehoach-engine-docs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 120_000, ...opts });
  if (r.error) throw r.error;
  return r;
}

before(() => {
  const tarballs = readdirSync(PKG).filter((f) => /^kehoach-engine-.*\.tgz$/.test(f));
  assert.equal(tarballs.length, 1, `one tarball in ${PKG} (run \`make engine\`): ${tarballs}`);
  writeFileSync(join(dir, 'package.json'), '{ "name": "docs-check", "private": true }\n');
  const r = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(PKG, tarballs[0])]);
  assert.equal(r.status, 0, `npm install from the file failed: ${r.stderr}`);
});

test('the tarball installs from its file and works through require and import', () => {
  const cjs = sh('node', ['-e', 'const k = require("kehoach-engine"); console.log(k.evaluate(k.defaults("VN")).headline.children_reached)']);
  assert.equal(cjs.status, 0, cjs.stderr);
  const esm = sh('node', ['--input-type=module', '-e', 'import { evaluate, defaults } from "kehoach-engine"; console.log(evaluate(defaults("VN")).headline.children_reached)']);
  assert.equal(esm.status, 0, esm.stderr);
  assert.equal(cjs.stdout, esm.stdout);
  assert.ok(Number(cjs.stdout) > 0);
});

test('every JavaScript example of docs/engine.md runs against the installed package', () => {
  const js = blocks('js');
  assert.ok(js.length >= 13, `only ${js.length} JavaScript examples`);
  js.forEach((code, i) => {
    const file = join(dir, `example-${i}.mjs`);
    writeFileSync(file, code);
    const r = sh('node', [file]);
    assert.equal(r.status, 0, `example ${i} failed:\n${code}\n${r.stderr}`);
    assert.ok(r.stdout.trim().length > 0, `example ${i} printed nothing`);
  });
});

function typecheck(files, compilerOptions) {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [],
      skipLibCheck: false, ...compilerOptions,
    },
    files,
  }));
  return sh(TSC, ['-p', 'tsconfig.json']);
}

test("every TypeScript example type-checks against the package's .d.ts (Node and web)", () => {
  const ts = blocks('ts');
  assert.ok(ts.length >= 12, `only ${ts.length} TypeScript examples`);
  const node = ts.map((code, i) => {
    writeFileSync(join(dir, `example-${i}.mts`), code);
    return `example-${i}.mts`;
  });
  const web = ts.map((code, i) => {
    writeFileSync(join(dir, `example-${i}.ts`), code);
    return `example-${i}.ts`;
  });
  const n = typecheck(node, { module: 'nodenext', moduleResolution: 'nodenext' });
  assert.equal(n.status, 0, `tsc (Node declarations):\n${n.stdout}${n.stderr}`);
  const w = typecheck(web, { module: 'esnext', moduleResolution: 'bundler' });
  assert.equal(w.status, 0, `tsc (web declarations):\n${w.stdout}${w.stderr}`);
});

test('the type check can fail: a wrong field and a wrong argument are caught', () => {
  writeFileSync(join(dir, 'wrong.mts'), [
    "import { defaults, evaluate, goalSeek, simulate } from 'kehoach-engine';",
    'const deaths: number = evaluate(defaults("VN")).headline.deaths_avertd;',
    'simulate(defaults("VN"), "1000");',
    'goalSeek(defaults("VN"), "drowning-2030", { yaer: 2030 });',
    '',
  ].join('\n'));
  const r = typecheck(['wrong.mts'], { module: 'nodenext', moduleResolution: 'nodenext' });
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /deaths_avertd/);
  assert.match(r.stdout, /TS2345/); // argument of type 'string' is not assignable to 'number'
  assert.match(r.stdout, /yaer/); // an option GoalSeekOptions does not have
});
