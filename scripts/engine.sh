#!/usr/bin/env bash
# Builds the JavaScript engine package `kehoach-engine` (crates/engine, docs/engine.md) with
# wasm-pack, for the web and for Node, then assembles one npm package holding both and
# packs it. `make engine` runs this; `scripts/test.sh` too, before the engine's tests.
#
#   crates/engine/pkg/web/      wasm-pack --target web     (ES module; `await init()` first)
#   crates/engine/pkg/nodejs/   wasm-pack --target nodejs  (CommonJS; ready on require)
#   crates/engine/pkg/npm/      the package: web/ + node/, package.json with conditional exports
#   crates/engine/pkg/kehoach-engine-<version>.tgz   `npm pack` of it
#
# Nothing is downloaded: `--mode no-install` makes wasm-pack use wasm-bindgen from
# .tools/bin (scripts/setup.sh installs the version in Cargo.lock) and wasm-opt from PATH
# (binaryen 132 from npm), and fail rather than fetch them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

crate=crates/engine
pkg=$crate/pkg
say() { printf '\033[1m[engine]\033[0m %s\n' "$*"; }

for target in web nodejs; do
  say "wasm-pack build --target $target"
  start=$SECONDS
  wasm-pack --quiet build "$crate" --profile engine --mode no-install --target "$target" \
    --out-dir "pkg/$target" --no-pack
  say "  $target built in $((SECONDS - start)) s"
done

# One package for both: Node (and bundlers targeting Node) resolve the "node" condition to
# the CommonJS build; browsers and bundlers get the ES module build.
version=$(awk -F'"' '/^version = /{print $2; exit}' "$crate/Cargo.toml")
description=$(awk -F'"' '/^description = /{print $2; exit}' "$crate/Cargo.toml")
rm -rf "$pkg/npm"
mkdir -p "$pkg/npm"
cp -r "$pkg/web" "$pkg/npm/web"
cp -r "$pkg/nodejs" "$pkg/npm/node"
rm -f "$pkg/npm/web/.gitignore" "$pkg/npm/node/.gitignore"
# Both builds carry the same wasm (checked): Node's glue reads the web copy, so the package
# holds it once.
cmp -s "$pkg/web/kehoach_engine_bg.wasm" "$pkg/nodejs/kehoach_engine_bg.wasm"
node_glue="$pkg/npm/node/kehoach_engine.js"
wasm_line='const wasmPath = `${__dirname}/kehoach_engine_bg.wasm`;'
if [ "$(grep -cF "$wasm_line" "$node_glue")" != 1 ]; then
  echo "engine.sh: wasm-bindgen's Node glue no longer loads the wasm as expected; update this script" >&2
  exit 1
fi
sed -i 's|`${__dirname}/kehoach_engine_bg.wasm`|`${__dirname}/../web/kehoach_engine_bg.wasm`|' "$node_glue"
rm "$pkg/npm/node/kehoach_engine_bg.wasm" "$pkg/npm/node/kehoach_engine_bg.wasm.d.ts"
# Each half says its module system, whatever the package root says.
printf '{ "type": "module" }\n' > "$pkg/npm/web/package.json"
printf '{ "type": "commonjs" }\n' > "$pkg/npm/node/package.json"
cp "$crate/README.md" "$pkg/npm/README.md"
cat > "$pkg/npm/package.json" <<JSON
{
  "name": "kehoach-engine",
  "version": "$version",
  "description": "$description",
  "license": "MIT",
  "keywords": ["vietnam", "child-protection", "budget", "planning", "simulation", "wasm"],
  "main": "./node/kehoach_engine.js",
  "module": "./web/kehoach_engine.js",
  "types": "./web/kehoach_engine.d.ts",
  "exports": {
    ".": {
      "node": {
        "types": "./node/kehoach_engine.d.ts",
        "default": "./node/kehoach_engine.js"
      },
      "default": {
        "types": "./web/kehoach_engine.d.ts",
        "default": "./web/kehoach_engine.js"
      }
    },
    "./web": {
      "types": "./web/kehoach_engine.d.ts",
      "default": "./web/kehoach_engine.js"
    },
    "./node": {
      "types": "./node/kehoach_engine.d.ts",
      "default": "./node/kehoach_engine.js"
    },
    "./web/kehoach_engine_bg.wasm": "./web/kehoach_engine_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["web/", "node/", "README.md"],
  "sideEffects": false
}
JSON
rm -f "$pkg"/kehoach-engine-*.tgz
tarball=$(cd "$pkg/npm" && npm pack --silent --pack-destination .. 2>/dev/null | tail -1)

size() { printf '%-44s %8s B raw %8s B gzip -9\n' "$1" "$(wc -c < "$1")" "$(gzip -9c "$1" | wc -c)"; }
say "sizes"
size "$pkg/web/kehoach_engine_bg.wasm"
size "$pkg/web/kehoach_engine.js"
size "$pkg/nodejs/kehoach_engine_bg.wasm"
size "$pkg/nodejs/kehoach_engine.js"
size "$pkg/web/kehoach_engine.d.ts"
printf '%-44s %8s B\n' "$pkg/$tarball" "$(wc -c < "$pkg/$tarball")"
