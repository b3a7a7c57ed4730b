// The load benchmark (issue 12, `make bench-load`, part of `make bench`): a first visit on
// the slow link of issue 12 (1.6 Mbps down, 750 kbps up, 150 ms latency, cache disabled,
// through the Chrome DevTools Protocol), RUNS times each from a host sending gzip and from
// one sending Brotli (the precompressed copies `make dist` writes). Prints the median first
// contentful paint and time to interactive (first slider move answered by the running app),
// the bytes that crossed the link before that, and each as a ratio of its goal; writes
// them to tests/e2e/out/load.json. Times are not asserted anywhere: the machine is shared.
//
//   node tests/e2e/bench/load.mjs            after trunk build --release
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, DIST, OUT, ROOT } from '../lib.mjs';
import { host, throttledLoad } from './host.mjs';

const RUNS = Number(process.env.RUNS || 3);
const GOAL = { fcp: 1000, interactive: 2500 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(join(tmpdir(), 'kehoach-load-'));
const site = join(work, 'site');
cpSync(DIST, site, { recursive: true });
execFileSync('node', [join(ROOT, 'scripts', 'precompress.mjs'), site], { stdio: 'inherit' });

const results = {};
for (const encoding of ['gzip', 'br']) {
  const server = await host(site, { prefix: '/kehoach/' });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const browser = await launch();
    try {
      const context = browser.context;
      if (encoding === 'gzip') {
        // A host without Brotli: the browser does not offer it.
        await context.setExtraHTTPHeaders({ 'accept-encoding': 'gzip, deflate' });
      }
      const from = server.requests.length;
      const r = await throttledLoad(context, server.url);
      const before = server.requests.slice(from);
      const bytes = before.filter((q) => !/_split\.wasm$/.test(q.path)).reduce((s, q) => s + q.bytes, 0);
      // null when the first paint had no headline figure (a build without the prerender).
      runs.push({ fcp: r.fcp, figureAtFcp: r.figureAtFcp, interactive: r.interactive, bytes, encodings: [...new Set(before.map((q) => q.encoding).filter(Boolean))] });
      await r.page.close();
    } finally {
      await browser.close();
    }
  }
  await server.close();
  const fcp = median(runs.map((r) => r.fcp));
  const interactive = median(runs.map((r) => r.interactive));
  const bytes = median(runs.map((r) => r.bytes));
  results[encoding] = { fcp, interactive, bytes, runs };
  console.log(`load (${encoding}, median of ${RUNS}): first contentful paint ${fcp.toFixed(0)} ms (${(fcp / GOAL.fcp).toFixed(2)} of the goal), ` +
    `interactive ${interactive.toFixed(0)} ms (${(interactive / GOAL.interactive).toFixed(2)} of the goal), ` +
    `${(bytes / 1000).toFixed(1)} KB over the link before it (split wasm not counted)` +
    (runs.some((r) => r.figureAtFcp === null) ? '; NO headline figure in some first paints' : ''));
}
rmSync(work, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'load.json'), JSON.stringify({ at: new Date().toISOString(), goal: GOAL, ...results }, null, 2));
