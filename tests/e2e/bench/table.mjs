// Issue 12's table (the last step of `make bench`): the first load gzipped
// (scripts/size.sh on dist/), first contentful paint and time to interactive on the slow
// link (tests/e2e/out/load.json, from load.mjs) and the slider's p95 with the charts
// (tests/e2e/out/latency.json, from latency.mjs), each as a ratio of its goal, written into
// docs/perf.md between its `bench-table` markers. The figures the table held before move
// to its "previous" column, so the last two runs stand side by side. Prints the table too.
//
//   node tests/e2e/bench/table.mjs          after latency.mjs and load.mjs of the same run
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { OUT, ROOT, DIST } from '../lib.mjs';

const PERF = join(ROOT, 'docs', 'perf.md');
const BEGIN = '<!-- bench-table:begin (written by `make bench`: tests/e2e/bench/table.mjs) -->';
const END = '<!-- bench-table:end -->';
const MAX_AGE_MS = 3 * 3600 * 1000; // inputs older than this are from another run

const read = (name) => {
  const file = join(OUT, name);
  const age = Date.now() - statSync(file).mtimeMs;
  if (age > MAX_AGE_MS) throw new Error(`${file} is ${(age / 60000).toFixed(0)} min old: run \`make bench\``);
  return JSON.parse(readFileSync(file, 'utf8'));
};
const load = read('load.json');
const latency = read('latency.json');
if (!latency.withCharts) throw new Error('latency.json was measured on a build whose charts do not follow the drag');

// size.sh exits 1 over the budget; the table still gets the figure.
const sized = spawnSync(join(ROOT, 'scripts', 'size.sh'), [DIST], { cwd: ROOT, encoding: 'utf8' });
const size = `${sized.stdout}${sized.stderr}`;
const m = size.match(/first load (\d+) B gzipped/);
if (!m) throw new Error(`scripts/size.sh printed no first load:\n${size}`);
const firstLoad = Number(m[1]);

const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (x) => `${Math.round(x)} ms`;
const ratio = (x, goal) => (x / goal).toFixed(2);
const rows = [
  ['first load, gzip -9 (`scripts/size.sh`)', kb(firstLoad), '≤ 300 KB', ratio(firstLoad, 300000)],
  ['first contentful paint, slow link, gzip host (median of the load runs)', ms(load.gzip.fcp), '≤ 1.0 s', ratio(load.gzip.fcp, 1000)],
  ['interactive (first slider move answered), slow link, gzip host', ms(load.gzip.interactive), '≤ 2.5 s', ratio(load.gzip.interactive, 2500)],
  [`slider p95, input → DOM + layout with the charts (${latency.moves} moves)`, `${latency.work.p95.toFixed(1)} ms`, '≤ 16 ms', ratio(latency.work.p95, 16)],
  ['first contentful paint / interactive, Brotli host', `${ms(load.br.fcp)} / ${ms(load.br.interactive)}`, '≤ 1.0 s / ≤ 2.5 s', `${ratio(load.br.fcp, 1000)} / ${ratio(load.br.interactive, 2500)}`],
];

const text = readFileSync(PERF, 'utf8');
const b = text.indexOf(BEGIN);
const e = text.indexOf(END);
if (b < 0 || e < b) throw new Error(`docs/perf.md has no ${BEGIN} … ${END} block`);
// The old table's "now" and "now / goal" columns (by measure), and its run's date, become
// "previous".
const old = text.slice(b + BEGIN.length, e);
const oldDate = (old.match(/^Run of (.+?) \(/m) || [])[1] || 'before';
const previous = new Map();
for (const line of old.split('\n')) {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length >= 6 && !/^-+$/.test(cells[1]) && cells[1] !== 'measure') {
    previous.set(cells[1], `${cells[3]} (${cells[5]})`.replace(/\*\*/g, ''));
  }
}
const at = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const table = [
  `Run of ${at} (\`make bench\` on \`trunk build --release\`; load runs ${load.at}, slider run ${latency.at}; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} at the end):`,
  '',
  `| measure | previous (${oldDate}) | now | goal | now / goal |`,
  '|---|---|---|---|---|',
  ...rows.map(([name, now, goal, r]) => `| ${name} | ${previous.get(name) ?? '—'} | **${now}** | ${goal} | **${r}** |`),
].join('\n');
writeFileSync(PERF, `${text.slice(0, b + BEGIN.length)}\n${table}\n${text.slice(e)}`);
console.log(table);
