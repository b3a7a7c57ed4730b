// Runs the malformed inputs of malformed.test.mjs against the `--target nodejs` package and
// prints one JSON line per case. A separate process, so that a hang or a crash (a wasm trap,
// an abort) fails the test instead of stopping the runner.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, loadEngine } from './lib.mjs';

const k = loadEngine();
const valid = () => k.defaults('VN');
const golden = readFileSync(
  join(ROOT, 'crates', 'model', 'tests', 'fixtures', 'link-v1-dien-bien-2027.txt'),
  'utf8',
).trim();
const edit = (f) => {
  const s = valid();
  f(s);
  return s;
};
const nested = (depth) => {
  let v = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
const cyclic = () => {
  const o = valid();
  o.overrides = { self: o };
  return o;
};

// [name, call]: every call must throw a KehoachError.
export const CASES = [
  // evaluate: not a scenario at all
  ['evaluate()', () => k.evaluate()],
  ['evaluate(null)', () => k.evaluate(null)],
  ['evaluate(42)', () => k.evaluate(42)],
  ['evaluate(true)', () => k.evaluate(true)],
  ['evaluate("")', () => k.evaluate('')],
  ['evaluate("{")', () => k.evaluate('{')],
  ['evaluate("[]")', () => k.evaluate('[]')],
  ['evaluate({})', () => k.evaluate({})],
  ['evaluate([])', () => k.evaluate([])],
  ['evaluate(a function)', () => k.evaluate(() => 1)],
  ['evaluate(a symbol)', () => k.evaluate(Symbol('s'))],
  ['evaluate(a cycle)', () => k.evaluate(cyclic())],
  ['evaluate(a BigInt seed)', () => k.evaluate(edit((s) => (s.seed = 10n)))],
  ['evaluate(a throwing getter)', () => k.evaluate(edit((s) => Object.defineProperty(s, 'name', { enumerable: true, get() { throw new Error('no'); } })))],
  ['evaluate(a throwing toJSON)', () => k.evaluate({ toJSON() { throw new RangeError('nope'); } })],
  ['evaluate(nested 100 000 deep)', () => k.evaluate(nested(100_000))],
  ['evaluate(5 MB of text)', () => k.evaluate(`{"name": "${'x'.repeat(5 << 20)}"}`)],
  ['evaluate(JSON with trailing junk)', () => k.evaluate(`${JSON.stringify(valid())} junk`)],
  // evaluate: a scenario with one thing wrong
  ['version from the future', () => k.evaluate(edit((s) => (s.version = 99)))],
  ['unknown field', () => k.evaluate(edit((s) => (s.colour = 'blue')))],
  ['missing region', () => k.evaluate(edit((s) => delete s.region))],
  ['unknown region', () => k.evaluate(edit((s) => (s.region = 'atlantis')))],
  ['years reversed', () => k.evaluate(edit((s) => (s.start_year = 2031)))],
  ['a 40-year plan', () => k.evaluate(edit((s) => { s.start_year = 2000; s.end_year = 2040; }))],
  ['a year as text', () => k.evaluate(edit((s) => (s.end_year = '2030')))],
  ['budget years mismatch', () => k.evaluate(edit((s) => s.budget.pop()))],
  ['budget not a list', () => k.evaluate(edit((s) => (s.budget = { central: 1 })))],
  ['NaN in the budget', () => k.evaluate(edit((s) => (s.budget[0].central = NaN)))],
  ['Infinity in the budget', () => k.evaluate(edit((s) => (s.budget[1].provincial = Infinity)))],
  ['money with decimals', () => k.evaluate(edit((s) => (s.budget[0].central = 1.5)))],
  ['money as text', () => k.evaluate(edit((s) => (s.allocation.swim = '120 tỷ')))],
  ['negative allocation', () => k.evaluate(edit((s) => (s.allocation.swim = -1)))],
  ['over budget', () => k.evaluate(edit((s) => (s.allocation.swim = 10 ** 14)))],
  ['money beyond the maximum', () => k.evaluate(edit((s) => (s.budget[0].central = 2 ** 53)))],
  ['unknown line', () => k.evaluate(edit((s) => (s.allocation.rocket = 1)))],
  ['floor above ceiling', () => k.evaluate(edit((s) => (s.constraints = { swim: { floor: 5, ceiling: 1 } })))],
  ['effect low above high', () => k.evaluate(edit((s) => (s.overrides = { lines: { swim: { rrr: { low: 0.9, mode: 0.5, high: 0.1 } } } })))],
  ['coverage above 1', () => k.evaluate(edit((s) => (s.overrides = { lines: { swim: { max_coverage: 1.5 } } })))],
  ['drowning rate as text', () => k.evaluate(edit((s) => (s.overrides = { region: { drowning_rate: 'high' } })))],
  ['a name too long', () => k.evaluate(edit((s) => (s.name = 'x'.repeat(10_000))))],
  // simulate
  ['simulate draws −1', () => k.simulate(valid(), -1)],
  ['simulate draws 1.5', () => k.simulate(valid(), 1.5)],
  ['simulate draws NaN', () => k.simulate(valid(), NaN)],
  ['simulate draws "1000"', () => k.simulate(valid(), '1000')],
  ['simulate draws 10^9', () => k.simulate(valid(), 1e9)],
  // optimize
  ['optimize without objective', () => k.optimize(valid())],
  ['optimize objective ""', () => k.optimize(valid(), '')],
  ['optimize objective "happiness"', () => k.optimize(valid(), 'happiness')],
  ['optimize objective 42', () => k.optimize(valid(), 42)],
  ['optimize negative weight', () => k.optimize(valid(), { weighted: { per_death: -1 } })],
  ['optimize weight missing', () => k.optimize(valid(), { weighted: {} })],
  ['optimize unknown option', () => k.optimize(valid(), 'deaths', { keepEverything: true })],
  ['optimize options not an object', () => k.optimize(valid(), 'deaths', 'fast')],
  ['optimize locks above budget', () => k.optimize(edit((s) => (s.constraints = { swim: { locked: true, floor: 10 ** 14 } })), 'deaths')],
  // goalSeek
  ['goalSeek without target', () => k.goalSeek(valid())],
  ['goalSeek target 42', () => k.goalSeek(valid(), 42)],
  ['goalSeek unknown target', () => k.goalSeek(valid(), 'world-peace')],
  ['goalSeek year before the plan', () => k.goalSeek(valid(), 'drowning-2030', { year: 2019 })],
  ['goalSeek year as text', () => k.goalSeek(valid(), 'drowning-2030', { year: '2030' })],
  ['goalSeek year 2030.5', () => k.goalSeek(valid(), 'drowning-2030', { year: 2030.5 })],
  ['goalSeek options 7', () => k.goalSeek(valid(), 'drowning-2030', 7)],
  // links
  ['decodeLink()', () => k.decodeLink()],
  ['decodeLink(42)', () => k.decodeLink(42)],
  ['decodeLink("")', () => k.decodeLink('')],
  ['decodeLink("#s=")', () => k.decodeLink('#s=')],
  ['decodeLink(not base64url)', () => k.decodeLink('#s=!!!!')],
  ['decodeLink(cut off)', () => k.decodeLink(golden.slice(0, 40))],
  ['decodeLink(one character changed)', () => k.decodeLink(`${golden.slice(0, 30)}${golden[30] === 'A' ? 'B' : 'A'}${golden.slice(31)}`)],
  ['decodeLink(a newer format)', () => k.decodeLink(`Ag${golden.slice(2)}`)],
  ['decodeLink(format 0)', () => k.decodeLink(`AA${golden.slice(2)}`)],
  ['decodeLink(10 KB)', () => k.decodeLink('A'.repeat(10_000))],
  ['decodeLink(50 MB)', () => k.decodeLink('A'.repeat(50 << 20))],
  ['decodeLink(a URL without a code)', () => k.decodeLink('https://example.org/kehoach/#s=&x=1')],
  ['encodeLink(invalid)', () => k.encodeLink(edit((s) => (s.allocation.swim = -1)))],
  // the rest
  ['defaults()', () => k.defaults()],
  ['defaults("atlantis")', () => k.defaults('atlantis')],
  ['defaults(42)', () => k.defaults(42)],
  ['assumptions(invalid)', () => k.assumptions(edit((s) => (s.region = '')))],
  ['formatMoney("9 tỷ")', () => k.formatMoney('9 tỷ')],
  ['formatMoney(NaN)', () => k.formatMoney(NaN)],
  ['formatMoney(10^20)', () => k.formatMoney(1e20)],
];

if (process.argv[2] === 'run') {
  for (const [name, call] of CASES) {
    const started = process.hrtime.bigint();
    let out;
    try {
      call();
      out = { name, threw: false };
    } catch (e) {
      out = {
        name,
        threw: true,
        isError: e instanceof Error,
        errName: e?.name,
        kind: e?.kind,
        field: e?.field,
        vi: e?.vi,
        en: e?.en,
        message: e?.message,
      };
    }
    out.ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  // After every refusal the module still answers.
  const p = k.evaluate(valid());
  process.stdout.write(`${JSON.stringify({ name: '__after__', deaths: p.headline.deaths_averted.lifetime })}\n`);
}
