#!/usr/bin/env bash
# Installs what kehoach needs to build, serve and test, on a fresh Debian machine.
# Idempotent: every step checks first. Tools go into .tools/ and tests/e2e/node_modules/
# (both git-ignored); Chromium comes from Debian's packages (only for `test`).
#   scripts/setup.sh serve   # wasm target, Trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh engine  # the same, plus wasm-pack (the JS engine package, make engine)
#   scripts/setup.sh test    # all of it, plus Chromium and ChromeDriver
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-serve}
TOOLS="$PWD/.tools"
export PATH="$TOOLS/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14   # 0.22 needs a newer rustc than this machine's 1.95
WASM_PACK_VERSION=0.15.1
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install --locked --root "$TOOLS" "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (about 3 minutes)"
  # Not --locked: its lockfile wants a webpki-roots version the registry mirror lacks.
  cargo install --root "$TOOLS" wasm-bindgen-cli --version "$WBG_VERSION"
fi

if [ "$what" = test ] || [ "$what" = engine ]; then
  if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
    say "installing wasm-pack $WASM_PACK_VERSION (4–8 minutes on 2 cores)"
    cargo install --locked --root "$TOOLS" "wasm-pack@$WASM_PACK_VERSION"
  fi
fi

# npm packages: binaryen 132 (wasm-opt; Debian's 108 cannot read current wasm-bindgen
# output), playwright-core (drives Debian's Chromium), jsqr + pngjs (decode QR codes),
# typescript (type-checks docs/engine.md's examples against the engine package's .d.ts).
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, playwright-core, jsqr, pngjs, typescript)"
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi

if [ "$what" = test ]; then
  # poppler-utils: pdftoppm turns the printed plan sheet into an image to look at.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftoppm >/dev/null; then
    say "installing Debian's chromium, chromium-driver and poppler-utils"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
  fi
  # python-docx and openpyxl: real readers open the Word and Excel files the app exports.
  # From PyPI into the python3 on PATH; where that Python refuses pip (PEP 668), Debian's
  # packages.
  if ! python3 -c 'import docx, openpyxl' 2>/dev/null; then
    say "installing python-docx and openpyxl"
    python3 -m pip install --quiet --disable-pip-version-check python-docx openpyxl 2>/dev/null ||
      python3 -m pip install --quiet --user --break-system-packages python-docx openpyxl 2>/dev/null || {
        SUDO=""
        [ "$(id -u)" -ne 0 ] && SUDO=sudo
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-docx python3-openpyxl >/dev/null
      }
    python3 -c 'import docx, openpyxl'
  fi
  # nginx (with its Brotli module) and Apache: tests/e2e/hosts.test.mjs serves the site
  # with the snippets of docs/deploy.md on both. Installed without starting them (a
  # policy-rc.d that refuses every start, removed afterwards: on a systemd machine the
  # packages would otherwise start on port 80). Best effort: without them that test is
  # skipped and says so.
  if [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/sbin/apache2 ]; then
    say "installing nginx and Apache (not started) for the hosting snippets' test"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    policy=/usr/sbin/policy-rc.d
    made_policy=""
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy" && made_policy=1
    fi
    ( $SUDO apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx libnginx-mod-http-brotli-static apache2 >/dev/null ) ||
      say "could not install nginx/Apache: tests/e2e/hosts.test.mjs will be skipped"
    if [ -n "$made_policy" ]; then $SUDO rm -f "$policy"; fi
  fi
fi
say "ready ($what)"
