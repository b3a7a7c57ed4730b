#!/usr/bin/env bash
# Prints the shipped bytes of dist/ (wasm, JS, CSS, the rest), raw and gzipped (-9).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run trunk build --release first" >&2; exit 1; }
total_raw=0; total_gz=0
printf '%-8s %10s %10s\n' kind raw gzip
for kind in wasm js css other; do
  raw=0; gz=0
  while IFS= read -r -d '' f; do
    case "$f" in
      *.wasm) k=wasm;; *.js) k=js;; *.css) k=css;; *) k=other;;
    esac
    [ "$k" = "$kind" ] || continue
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
  done < <(find dist -type f -print0)
  printf '%-8s %10d %10d\n' "$kind" "$raw" "$gz"
  if [ "$kind" != other ]; then total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); fi
done
printf '%-8s %10d %10d   (wasm + JS + CSS; goal ≤ 300 KB gzipped)\n' total "$total_raw" "$total_gz"
