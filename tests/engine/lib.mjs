// Shared by the engine's Node tests: where things are, the built package, the native CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PKG = join(ROOT, 'crates', 'engine', 'pkg');
// KEHOACH_ENGINE_NODE: another build to load (to compare build settings in bench.mjs).
export const NODE_BUILD = process.env.KEHOACH_ENGINE_NODE || join(PKG, 'nodejs', 'kehoach_engine.js');

/** The `--target nodejs` build of the package (scripts/engine.sh makes it). */
export function loadEngine() {
  if (!existsSync(NODE_BUILD)) {
    throw new Error(`${NODE_BUILD} is missing: run \`make engine\` (scripts/engine.sh) first`);
  }
  return createRequire(import.meta.url)(NODE_BUILD);
}

let cliPath = null;
/** The native `kehoach` CLI (debug build, as `cargo test --workspace` leaves it). */
export function cli() {
  if (cliPath) return cliPath;
  const built = spawnSync('cargo', ['build', '--quiet', '-p', 'model', '--bin', 'kehoach'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) throw new Error('cargo build -p model --bin kehoach failed');
  cliPath = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'debug', 'kehoach');
  return cliPath;
}

/** Runs the CLI; returns { status, stdout, stderr }. */
export function run(args, input) {
  const r = spawnSync(cli(), args, { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI and parses its JSON output (exit 0, or 3 = "no answer" with JSON). */
export function runJson(args) {
  const r = run(args);
  if (r.status !== 0 && r.status !== 3) {
    throw new Error(`kehoach ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout);
}

/** Calls `f`; returns the thrown value (fails when nothing is thrown). */
export function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
