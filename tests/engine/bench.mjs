// The engine benchmark (`make bench`): `evaluate` and a 1 000-draw `simulate` of the default
// national plan, natively (crates/engine/examples/bench_native.rs, `--profile bench`) and
// through the Node package (the wasm as shipped), in one run; prints the times and the
// wasm/native ratios (goal ≤ 1.3, issue 15). Ratios, not times, are what to compare
// between machines. Not a test: it asserts nothing and is not in `make test`.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

import { ROOT, loadEngine } from './lib.mjs';

const native = spawnSync(
  'cargo',
  ['run', '--quiet', '--profile', 'bench', '-p', 'kehoach-engine', '--example', 'bench_native'],
  { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (native.status !== 0) throw new Error('the native benchmark failed');
const n = JSON.parse(native.stdout);

const k = loadEngine();
const plan = k.defaults('VN');
const text = JSON.stringify(plan);

/** Median over `batches` of the time per call, µs. */
function medianUs(batches, perBatch, f) {
  for (let i = 0; i < perBatch; i++) f();
  const times = [];
  for (let b = 0; b < batches; b++) {
    const t = performance.now();
    for (let i = 0; i < perBatch; i++) f();
    times.push(((performance.now() - t) * 1000) / perBatch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const w = {
  evaluate_object: medianUs(31, 1000, () => k.evaluate(plan)),
  evaluate_text: medianUs(31, 1000, () => k.evaluate(text)),
  simulate_object: medianUs(15, 20, () => k.simulate(plan, 1000)),
  simulate_text: medianUs(15, 20, () => k.simulate(text, 1000)),
};

const rows = [
  ['evaluate (object in, object out)', w.evaluate_object, n.evaluate, n.evaluate_json],
  ['evaluate (JSON text in)', w.evaluate_text, n.evaluate, n.evaluate_json],
  ['simulate 1 000 draws (object in)', w.simulate_object, n.simulate_1000, n.simulate_1000_json],
  ['simulate 1 000 draws (JSON text in)', w.simulate_text, n.simulate_1000, n.simulate_1000_json],
];
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2)).padStart(9);
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}; µs per call (median)`);
console.log('call                                   wasm µs  native µs  ratio   native JSON path µs  ratio');
for (const [name, wasm, model, json] of rows) {
  console.log(
    `${name.padEnd(36)} ${f(wasm)} ${f(model)}  ${(wasm / model).toFixed(2).padStart(5)}   ${f(json)}            ${(wasm / json).toFixed(2).padStart(5)}`,
  );
}
console.log(
  'native = the model on a Scenario value; native JSON path = the engine natively: JSON text in,\n' +
    'the model, JSON text out (the work the package does per call, minus the JS side).',
);
