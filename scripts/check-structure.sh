#!/usr/bin/env bash
# Checks that each thing lives in its one home (issue 10); prints every offending line and
# exits 1 when any is found:
#  (a) no `.pick(` outside the words catalogue: a sentence is a `model::words` entry, not an
#      inline choice between two strings (crates/model/src/words/, crates/model/src/lang.rs);
#  (b) no `Lang::Vi =>` / `Lang::En =>` choice outside the catalogue, `Lang` itself, the
#      data tables (crates/model/src/data.rs) and the number formatters
#      (crates/model/src/fmt.rs);
#  (c) no `gloo` / `web_sys` / `web-sys` in the app's Rust code outside src/platform/;
#  (d) no `LINES` (the built-in line table) outside the data module: everything reads
#      `data::lines()`, so a test or a data update can install another catalogue.
# Comment lines (`//`, `///`, `//!`) are not code and are not checked.
set -uo pipefail
cd "$(dirname "$0")/.."

# Every Rust file of the project (not build output, not installed tools).
rust_files() {
  find . \( -path ./target -o -path ./.git -o -path ./dist -o -path ./.tools \
    -o -name node_modules \) -prune -o -type f -name '*.rs' -print | sed 's|^\./||' | sort
}

# grep -n over the given files for an extended regex, minus comment lines.
find_code() {
  local pattern=$1
  shift
  [ "$#" -gt 0 ] || return 0
  grep -nHE -- "$pattern" "$@" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//'
}

failed=0
report() {
  local title=$1 hits=$2
  if [ -n "$hits" ]; then
    printf '%s\n%s\n\n' "$title" "$hits"
    failed=1
  fi
}

mapfile -t all < <(rust_files)

mapfile -t a_files < <(printf '%s\n' "${all[@]}" |
  grep -vE '^crates/model/src/(words/|lang\.rs$)')
report "(a) .pick( outside crates/model/src/words/ — move the sentence into the catalogue:" \
  "$(find_code '\.pick\(' "${a_files[@]}")"

mapfile -t b_files < <(printf '%s\n' "${all[@]}" |
  grep -vE '^crates/model/src/(words/|lang\.rs$|data\.rs$|fmt\.rs$)')
report "(b) a match on Lang outside the catalogue — use a catalogue entry (or model::fmt):" \
  "$(find_code 'Lang::(Vi|En)[[:space:]]*=>' "${b_files[@]}")"

mapfile -t c_files < <(printf '%s\n' "${all[@]}" | grep -E '^src/' | grep -vE '^src/platform/')
report "(c) gloo / web-sys outside src/platform/ — call it through crate::platform:" \
  "$(find_code '\bgloo\b|\bweb_sys\b|\bweb-sys\b' "${c_files[@]}")"

mapfile -t d_files < <(printf '%s\n' "${all[@]}" |
  grep -vE '^crates/model/src/(data|lib)\.rs$|^crates/model/tests/|^tests/thirteenth_line\.rs$')
# (tests/thirteenth_line.rs builds a new catalogue from the built-in table before any read,
#  which is what install_catalogue is for.)
report "(d) LINES outside the data module — read model::data::lines():" \
  "$(find_code '\bLINES\b' "${d_files[@]}")"

if [ "$failed" -ne 0 ]; then
  echo "check-structure: FAILED" >&2
  exit 1
fi
echo "check-structure: ok (no .pick outside the catalogue, no Lang match outside it, web APIs only in src/platform/)"
