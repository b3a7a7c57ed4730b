#!/usr/bin/env bash
# Runs every test layer; exits non-zero when any fails. `make test` calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/.tools/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

step() { printf '\n\033[1m== %s\033[0m (%s)\n' "$*" "$(date +%T)"; }

step "format"
cargo fmt --all -- --check

step "clippy (-D warnings)"
cargo clippy --workspace --all-targets -- -D warnings

step "structure: words only from the catalogue, web APIs only in src/platform/"
scripts/check-structure.sh

step "native tests (model, CLI, charts, SSR render)"
cargo test --workspace --exclude kehoach-fuzz

step "short fuzz pass (stable): every decoder over mutated fixtures and saved crashes"
cargo test -p kehoach-fuzz --test short -- --nocapture

step "the model crate is pure (no web crates in its dependency tree)"
if cargo tree -p model -e normal --prefix none | grep -Ei '^(yew|gloo|web-sys|js-sys|wasm-bindgen)'; then
  echo "the model crate depends on a web crate" >&2
  exit 1
fi
cargo tree -p model -e normal --depth 1

step "model crate builds for wasm32"
cargo build -p model --target wasm32-unknown-unknown

step "trunk build --release"
trunk build --release

step "shipped size"
scripts/size.sh
python3 scripts/room-cost.py   # the room's share of the first load (issue 16: at most 10 KB)

step "wasm-bindgen tests in headless Chromium"
profile=$(mktemp -d /tmp/kehoach-wbt-XXXXXX)
cat > "$profile/webdriver.json" <<JSON
{"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--user-data-dir=$profile/profile"]}}
JSON
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$profile/webdriver.json" \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p kehoach-app --target wasm32-unknown-unknown --test web
rm -rf "$profile"

step "JS engine package: wasm-pack build --target web and --target nodejs, npm pack"
scripts/engine.sh

step "JS engine in headless Chromium (wasm-pack test, Debian's chromedriver, no download)"
engine_profile=$(mktemp -d /tmp/kehoach-engine-wbt-XXXXXX)
cat > "$engine_profile/webdriver.json" <<JSON
{"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--user-data-dir=$engine_profile/profile"]}}
JSON
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$engine_profile/webdriver.json" WASM_BINDGEN_TEST_TIMEOUT=120 \
  wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install \
  crates/engine --test web
rm -rf "$engine_profile"

step "JS engine in Node: equal to the CLI, links, malformed inputs, docs examples (tsc), embed page"
node --test --test-concurrency=1 tests/engine/

step "end-to-end tests in headless Chromium against dist/"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
