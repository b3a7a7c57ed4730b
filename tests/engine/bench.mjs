// The engine benchmark (`make bench-engine`, part of `make bench`): `evaluate` and a
// 1 000-draw `simulate` of the default national plan, natively
// (crates/engine/examples/bench_native.rs, `--profile bench`) and through the Node
// package (the wasm as shipped), in turns within one run; prints the times and the
// wasm/native ratios (goal ≤ 1.3, issue 15). Each side takes its fastest batch, the one
// least disturbed by other work on the machine, and the run repeats the pair of
// measurements ROUNDS times and reports the median ratio. It prints, it does not fail:
// docs/perf.md says what the ratios are and why.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

import { ROOT, loadEngine } from './lib.mjs';

const ROUNDS = Number(process.env.ROUNDS || 5);

function nativeRound() {
  const r = spawnSync(
    'cargo',
    ['run', '--quiet', '--profile', 'bench', '-p', 'kehoach-engine', '--example', 'bench_native'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (r.status !== 0) throw new Error('the native benchmark failed');
  return JSON.parse(r.stdout);
}

const k = loadEngine();
const plan = k.defaults('VN');
const text = JSON.stringify(plan);

/** The fastest of `batches` batches, µs per call. */
function fastestUs(batches, perBatch, f) {
  for (let i = 0; i < perBatch; i++) f();
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    const t = performance.now();
    for (let i = 0; i < perBatch; i++) f();
    best = Math.min(best, ((performance.now() - t) * 1000) / perBatch);
  }
  return best;
}

function wasmRound() {
  return {
    evaluate_object: fastestUs(15, 500, () => k.evaluate(plan)),
    evaluate_text: fastestUs(15, 500, () => k.evaluate(text)),
    simulate_object: fastestUs(9, 10, () => k.simulate(plan, 1000)),
    simulate_text: fastestUs(9, 10, () => k.simulate(text, 1000)),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rounds = [];
for (let i = 0; i < ROUNDS; i++) rounds.push({ n: nativeRound(), w: wasmRound() });

const rows = [
  ['evaluate (object in, object out)', 'evaluate_object', 'evaluate', 'evaluate_json'],
  ['evaluate (JSON text in)', 'evaluate_text', 'evaluate', 'evaluate_json'],
  ['simulate 1 000 draws (object in)', 'simulate_object', 'simulate_1000', 'simulate_1000_json'],
  ['simulate 1 000 draws (JSON text in)', 'simulate_text', 'simulate_1000', 'simulate_1000_json'],
];
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2)).padStart(9);
const r2 = (x) => x.toFixed(2).padStart(6);
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${ROUNDS} rounds; µs per call (median over rounds of each round's fastest batch)`);
console.log('call                                   wasm µs  native µs   ratio  native JSON path µs   ratio');
for (const [name, wk, nk, jk] of rows) {
  const wasm = median(rounds.map((r) => r.w[wk]));
  const model = median(rounds.map((r) => r.n[nk]));
  const json = median(rounds.map((r) => r.n[jk]));
  const ratio = median(rounds.map((r) => r.w[wk] / r.n[nk]));
  const ratioJson = median(rounds.map((r) => r.w[wk] / r.n[jk]));
  console.log(`${name.padEnd(36)} ${f(wasm)} ${f(model)}  ${r2(ratio)}  ${f(json)}            ${r2(ratioJson)}`);
}
console.log(
  'native = the model on a Scenario value (what the CLI and the app call); native JSON path =\n' +
    'the engine natively: JSON text in, the model, JSON text out (the package\'s work per call\n' +
    'minus the JS side). Ratios are wasm / native; the goal (issue 15) is ≤ 1.3.',
);
