#!/usr/bin/env bash
# Prints the shipped bytes of dist/, raw and gzipped (-9): what the first visit downloads
# (the app's wasm, JS and CSS, and index.html), what loads only on demand (the XLSX
# worker, started on "export XLSX"), and the rest (service worker, manifest, icons).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run trunk build --release first" >&2; exit 1; }

group_of() {
  case "$1" in
    dist/kehoach-xlsx* | dist/kehoach-scan*) echo lazy ;;
    dist/index.html | dist/*.wasm | dist/*.js | dist/*.css)
      [ "$1" = dist/sw.js ] && echo other || echo first ;;
    *) echo other ;;
  esac
}

printf '%-34s %10s %10s\n' file raw gzip
for group in first lazy other; do
  raw_sum=0; gz_sum=0
  while IFS= read -r -d '' f; do
    [ "$(group_of "$f")" = "$group" ] || continue
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    raw_sum=$((raw_sum + raw)); gz_sum=$((gz_sum + gz))
    printf '  %-32s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
  done < <(find dist -type f -print0 | sort -z)
  case "$group" in
    first) label="first load (goal ≤ 300 KB gzipped)" ;;
    lazy) label="on demand (XLSX export worker, room's QR reader)" ;;
    other) label="service worker, manifest, icons" ;;
  esac
  printf '%-34s %10d %10d   %s\n' "= $group" "$raw_sum" "$gz_sum" "$label"
done
