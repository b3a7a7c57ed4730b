#!/bin/sh
# Stamps a release on a built site (Trunk's post_build hook; also runs by hand on any
# built directory): computes a release id from the content of every built file, writes it
# into index.html (<meta name="kehoach-build">) and writes the id and the file lists into
# the service worker's RELEASE line, so each release gets a cache of its own.
#
#   scripts/sw-build.sh [DIR]    # DIR defaults to $TRUNK_STAGING_DIR, then dist/
#
# core  = index.html, every file index.html names and the manifest: stored when the
#         service worker installs (the app cannot start without them; the hashed ones from
#         the HTTP cache, where the page has just put them);
# idle  = the rest of the app's code (kehoach-app-*_split.wasm, scripts/split.mjs): stored
#         as the page itself fetches it once idle (or from the HTTP cache if the page was
#         first), never fetched by the worker before the page asks;
# extra = every other built file (the spreadsheet worker, the QR reader, the manifest's
#         icons, which the browser fetches itself when installing the app): stored on first
#         use, or all at once when the page asks (once the worker controls it, and in
#         workshop mode) — but not before the idle files are stored (assets/sw.js; issue
#         12, goal 5: the first install fetches nothing the first paint does not need until
#         the page is idle; tests/e2e/offline.test.mjs).
# First, scripts/csp.mjs writes the content security policy (with the hash of every inline
# script) into index.html, so the release id covers it.
# Idempotent: stamping a stamped directory again gives the same bytes.
set -eu
dir=${1:-${TRUNK_STAGING_DIR:-dist}}
[ -f "$dir/index.html" ] || { echo "sw-build: no index.html in $dir" >&2; exit 1; }
node "$(dirname "$0")/csp.mjs" "$dir/index.html"
cd "$dir"
[ -f index.html ] || { echo "sw-build: no index.html in $dir" >&2; exit 1; }
[ -f sw.js ] || { echo "sw-build: no sw.js in $dir (index.html must copy assets/sw.js)" >&2; exit 1; }

meta='<meta name="kehoach-build" content="'
grep -q "$meta" index.html || { echo "sw-build: index.html lacks $meta…\">" >&2; exit 1; }

files=$(find . -type f ! -name sw.js ! -name '.*' ! -name '*.gz' ! -name '*.br' | sed 's|^\./||' | LC_ALL=C sort)

# The id: a digest of every file's name and content, index.html taken with its id unset.
build=$(for f in $files; do
  if [ "$f" = index.html ]; then
    sed "s|$meta[^\"]*\"|${meta}dev\"|" index.html | sha256sum | cut -c1-64
  else
    sha256sum < "$f" | cut -c1-64
  fi
  echo "$f"
done | sha256sum | cut -c1-16)

core="'./index.html'"
idle=""
extra=""
for f in $files; do
  case "$f" in *"'"*|*'\'*|*' '*) echo "sw-build: skipping odd file name $f" >&2; continue;; esac
  [ "$f" = index.html ] && continue
  base=${f##*/}
  case "$base" in kehoach-app-*_split.wasm) idle="${idle:+$idle, }'./$f'"; continue ;; esac
  if grep -qF "$base" index.html || [ "$f" = manifest.webmanifest ]; then
    core="$core, './$f'"
  else
    extra="${extra:+$extra, }'./$f'"
  fi
done

release="const RELEASE = { build: '$build', core: [$core], idle: [$idle], extra: [$extra] };"
tmp=$(mktemp)
awk -v line="$release" 'index($0, "const RELEASE = ") == 1 { print line; found = 1; next } { print } END { if (!found) exit 3 }' sw.js > "$tmp" \
  || { rm -f "$tmp"; echo "sw-build: sw.js has no RELEASE line" >&2; exit 1; }
cat "$tmp" > sw.js
sed "s|$meta[^\"]*\"|$meta$build\"|" index.html > "$tmp"
cat "$tmp" > index.html
rm -f "$tmp"
echo "sw-build: release $build ($(echo "$core" | tr ',' '\n' | wc -l) core files, $(echo "${idle:-}" | tr ',' '\n' | grep -c . || true) idle, $(echo "${extra:-}" | tr ',' '\n' | grep -c . || true) extra)"
