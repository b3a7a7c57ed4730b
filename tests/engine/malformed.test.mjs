// At least 50 malformed inputs, each of which must throw a clear KehoachError — an Error
// with kind, field, and the message in Vietnamese and English — never crash the module,
// never hang. They run in a child process (malformed-child.mjs) with a deadline, so a wasm
// trap or an endless loop fails this test rather than the test runner.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { CASES } from './malformed-child.mjs';

const KINDS = new Set(['input', 'scenario', 'link', 'argument']);
const child = join(dirname(fileURLToPath(import.meta.url)), 'malformed-child.mjs');

test('50 or more malformed inputs each throw a clear KehoachError, and the module survives', () => {
  assert.ok(CASES.length >= 50, `only ${CASES.length} cases`);
  // The deadline is a hang guard, not a speed test: all cases take well under a second.
  const r = spawnSync(process.execPath, [child, 'run'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.signal, null, `the child was stopped (${r.signal}): a hang? ${r.stderr}`);
  assert.equal(r.status, 0, `the child failed: ${r.stderr}`);
  const results = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const after = results.pop();
  assert.equal(after.name, '__after__');
  assert.ok(after.deaths > 0, 'the module still evaluates after all the refusals');
  assert.deepEqual(
    results.map((x) => x.name),
    CASES.map(([name]) => name),
  );
  for (const x of results) {
    assert.ok(x.threw, `${x.name}: did not throw`);
    assert.ok(x.isError, `${x.name}: threw something that is not an Error`);
    assert.equal(x.errName, 'KehoachError', `${x.name}: ${x.errName}: ${x.message}`);
    assert.ok(KINDS.has(x.kind), `${x.name}: kind ${x.kind}`);
    assert.equal(typeof x.field, 'string', `${x.name}: field`);
    assert.ok(x.vi?.length > 5 && x.en?.length > 5, `${x.name}: both languages`);
    assert.notEqual(x.vi, x.en, `${x.name}: the same text twice`);
    assert.ok(x.message.includes(x.vi) && x.message.includes(x.en), `${x.name}: message`);
    assert.ok(!/\{\d\}/.test(x.vi + x.en), `${x.name}: an unfilled template`);
    assert.ok(!/panicked|unreachable|RuntimeError/.test(x.message), `${x.name}: ${x.message}`);
  }
});

test('refusals say where: field paths of typical mistakes', () => {
  const r = spawnSync(process.execPath, [child, 'run'], { encoding: 'utf8', timeout: 120_000 });
  const by = Object.fromEntries(
    r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((x) => [x.name, x]),
  );
  const where = {
    'unknown field': ['input', 'colour'],
    'missing region': ['input', 'region'],
    'NaN in the budget': ['input', 'budget[0].central'],
    'money as text': ['input', 'allocation.swim'],
    'negative allocation': ['scenario', 'allocation.swim'],
    'a name too long': ['scenario', 'name'],
    'simulate draws −1': ['argument', 'draws'],
    'optimize objective "happiness"': ['argument', 'objective'],
    'optimize negative weight': ['argument', 'objective.per_death'],
    'optimize unknown option': ['input', 'keepEverything'],
    'goalSeek unknown target': ['argument', 'target'],
    'goalSeek year as text': ['input', 'year'],
    'decodeLink(cut off)': ['link', 'link'],
    'defaults("atlantis")': ['argument', 'region'],
  };
  for (const [name, [kind, field]] of Object.entries(where)) {
    assert.ok(by[name], `no case ${name}`);
    assert.deepEqual([by[name].kind, by[name].field], [kind, field], `${name}: ${by[name].message}`);
  }
});
