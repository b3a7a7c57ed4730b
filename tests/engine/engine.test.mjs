// The `--target nodejs` package against the native CLI: for every example plan the
// package's figures equal `kehoach … --json` exactly (compared field by field, whatever
// fields the model has), links round-trip, and the app's golden links open to the same
// scenarios and re-encode to the same codes.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ROOT, loadEngine, run, runJson, thrown } from './lib.mjs';

const engine = loadEngine();
const EXAMPLES = join(ROOT, 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort();
const tmp = mkdtempSync(join(tmpdir(), 'kehoach-engine-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a scenario to a file the CLI can read. */
function file(name, scenario) {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(scenario));
  return p;
}

test('there are example plans to compare', () => {
  assert.ok(examples.length >= 5, `only ${examples.length} examples`);
});

for (const name of examples) {
  describe(`examples/${name}`, () => {
    const path = join(EXAMPLES, name);
    const text = readFileSync(path, 'utf8');
    let cliRun;
    before(() => {
      cliRun = runJson(['run', path, '--json']);
    });

    test('evaluate equals `kehoach run --json` projection, from an object and from JSON text', () => {
      assert.deepStrictEqual(engine.evaluate(JSON.parse(text)), cliRun.projection);
      assert.deepStrictEqual(engine.evaluate(text), cliRun.projection);
    });

    test('simulate (1 000 draws, the default) equals its uncertainty', () => {
      assert.deepStrictEqual(engine.simulate(JSON.parse(text), 1000), cliRun.uncertainty);
      assert.deepStrictEqual(engine.simulate(text), cliRun.uncertainty);
    });

    test('optimize equals `kehoach optimize --json` for each objective', () => {
      for (const [objective, asModel] of [
        ['deaths', 'deaths_averted'],
        ['supported', 'children_supported'],
        ['mixed', 'weighted'],
      ]) {
        const want = runJson(['optimize', path, '--objective', objective, '--json']).proposal;
        assert.deepStrictEqual(engine.optimize(text, objective), want, objective);
        assert.deepStrictEqual(engine.optimize(text, asModel, {}), want, asModel);
        assert.deepStrictEqual(engine.optimize(text, want.objective), want, 'Objective value');
      }
    });

    test('goalSeek equals `kehoach goal --json`, or both refuse with the same words', () => {
      const s = JSON.parse(text);
      for (const target of engine.catalogue().targets.map((t) => t.id)) {
        for (const year of [undefined, s.end_year]) {
          const args = ['goal', path, '--target', target, '--json'];
          if (year !== undefined) args.push('--year', String(year));
          const r = run(args);
          if (r.status === 0 || r.status === 3) {
            const got = engine.goalSeek(s, target, year === undefined ? undefined : { year });
            assert.deepStrictEqual(got, JSON.parse(r.stdout).goal, `${target} ${year}`);
          } else {
            const e = thrown(() => engine.goalSeek(s, target, { year }));
            assert.equal(e.name, 'KehoachError');
            assert.ok(r.stderr.includes(e.vi), `CLI said ${r.stderr}, engine ${e.vi}`);
          }
        }
      }
    });

    test('assumptions equal `kehoach assumptions --json`', () => {
      const want = runJson(['assumptions', path, '--json']).assumptions;
      assert.deepStrictEqual(engine.assumptions(text), want);
    });

    test('encodeLink writes what `kehoach link` writes; decodeLink(encodeLink(s)) is s', () => {
      const code = engine.encodeLink(text);
      assert.equal(`#s=${code}`, run(['link', path]).stdout.trim());
      const s = cliRun.scenario; // the scenario as the CLI read it (current schema)
      assert.deepStrictEqual(engine.decodeLink(engine.encodeLink(s)), s);
      assert.deepStrictEqual(engine.decodeLink(`https://example.org/kehoach/#s=${code}`), s);
    });
  });
}

describe("the app's golden share links", () => {
  const FIXTURES = join(ROOT, 'crates', 'model', 'tests', 'fixtures');
  const golden = readdirSync(FIXTURES)
    .filter((f) => /^link-v1-.*\.txt$/.test(f))
    .sort();

  test('there are golden links', () => assert.ok(golden.length >= 5));

  for (const name of golden) {
    test(`${name} decodes as natively and re-encodes to the same code`, () => {
      const code = readFileSync(join(FIXTURES, name), 'utf8');
      const decoded = engine.decodeLink(code);
      // As the CLI (the native codec) reads it…
      assert.deepStrictEqual(decoded, JSON.parse(run(['open', code.trim()]).stdout));
      // …and as the fixture beside it says, read by the CLI (schema 1 read as the current).
      const fixture = join(FIXTURES, name.replace(/\.txt$/, '.json'));
      const expected = runJson(['run', fixture, '--json', '--draws', '0']).scenario;
      assert.deepStrictEqual(decoded, expected);
      assert.deepStrictEqual(engine.decodeLink(engine.encodeLink(decoded)), decoded);
      // The package writes the link the native codec writes for the fixture's scenario.
      assert.equal(`#s=${engine.encodeLink(decoded)}`, run(['link', fixture]).stdout.trim());
    });
  }

  test('tests/e2e/fixtures/links.json: every link opens (or is refused) as in the CLI', () => {
    const links = JSON.parse(readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'links.json'), 'utf8'));
    const codes = [];
    (function collect(v) {
      if (typeof v === 'string' && /^[A-Za-z0-9_-]{40,}$/.test(v)) codes.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    })(links);
    assert.ok(codes.length >= 4, `found ${codes.length} links`);
    for (const code of codes) {
      const r = run(['open', code]);
      if (r.status === 0) {
        assert.deepStrictEqual(engine.decodeLink(code), JSON.parse(r.stdout), code);
        assert.deepStrictEqual(engine.decodeLink(`#s=${code}`), JSON.parse(r.stdout), code);
      } else {
        const e = thrown(() => engine.decodeLink(code));
        assert.equal(e.kind, 'link');
        assert.ok(r.stderr.includes(e.vi), `CLI said ${r.stderr}, engine ${e.vi}`);
      }
    }
  });
});

test('defaults(region) is the plan the CLI reads back, for every region', () => {
  for (const r of engine.catalogue().regions) {
    const s = engine.defaults(r.id);
    assert.equal(s.region, r.id);
    const echoed = runJson(['run', file(`default-${r.id}.json`, s), '--json', '--draws', '0']);
    assert.deepStrictEqual(echoed.scenario, s);
    assert.deepStrictEqual(engine.evaluate(s), echoed.projection);
    assert.equal(echoed.uncertainty, null);
  }
});

test('versions() names the link format, the schema and the JSON version the CLI prints', () => {
  const v = engine.versions();
  const line = run(['--version']).stdout;
  assert.ok(line.startsWith(`kehoach ${v.engine} `), line);
  assert.ok(line.includes(`scenario schema ${v.scenarioSchema}`), line);
  assert.ok(line.includes(`link format ${v.linkFormat}`), line);
  assert.ok(line.includes(`JSON output ${v.json}`), line);
  assert.equal(engine.linkFormat(), v.linkFormat);
  assert.match(v.data, /^[0-9a-f]{16}$/);
});

test('formatMoney writes amounts as the app does', () => {
  assert.equal(engine.formatMoney(9.4e9), '9,4 tỷ đồng');
  assert.equal(engine.formatMoney(9.4e9, 'en'), '9.4 billion VND');
  assert.equal(engine.formatMoney(350e6, 'vi'), '350 triệu đồng');
  assert.equal(engine.formatMoney(65217), '65.217 đồng');
});
