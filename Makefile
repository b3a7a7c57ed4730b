# The two commands a new user needs:
#   make serve   build the app and serve it on http://127.0.0.1:8080 (installs what is missing)
#   make test    run every test layer (installs what is missing, Chromium included)
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/tests/e2e/node_modules/.bin:$(PATH)

.PHONY: serve test size bench bench-browser bench-load bench-engine build dist single profile engine fuzz fuzz-setup
serve:
	scripts/setup.sh serve
	trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080

test:
	scripts/test.sh

build:
	scripts/setup.sh serve
	trunk build --release

size: build
	scripts/size.sh

# The release build with precompressed copies (FILE.gz, FILE.br) beside each file, for a
# static host that serves them (docs/deploy.md).
dist: build
	node scripts/precompress.mjs dist
	scripts/size.sh

# One file, dist-single/kehoach.html, with the whole app inside (wasm, glue, styles, icons,
# the file and QR workers), for a USB stick or a chat attachment: it opens from file://
# (scripts/single.mjs, docs/deploy.md "Single file"). Its share and workshop links point to
# URL, the address where the site is published, e.g.
#   make single URL=https://sldtbxh.example.gov.vn/kehoach/
# Default: the GitHub Pages address in CI ($GITHUB_REPOSITORY), else https://kehoach.example.vn/
# (with a warning).
URL ?=
single: build
	node scripts/single.mjs $(if $(URL),--url '$(URL)') dist dist-single/kehoach.html

# Records which functions a first visit runs (tests/e2e/tools/profile.mjs) into
# crates/split/profile/cold.txt, which the build's wasm splitter follows (docs/perf.md,
# "Split wasm"). Run after changing what the first screen does, then build again; commit
# the list. Not part of `make test`: the build only reads the committed list.
profile: build
	scripts/setup.sh test
	node tests/e2e/tools/profile.mjs
	trunk build --release
	scripts/size.sh

# The JS engine package kehoach-engine (docs/engine.md): wasm-pack builds for the web and
# for Node, assembled and packed in crates/engine/pkg/.
engine:
	scripts/setup.sh engine
	scripts/engine.sh

# Engine benchmarks (criterion), the browser benchmarks (slider to repaint, the room, a first
# visit on the slow link), the engine package against native; then issue 12's table in docs/perf.md from this run's figures (first
# load, FCP and interactive on the slow link, slider p95 with the charts, each over its
# goal; the table's previous figures kept beside them). A missed target still gets its
# row in the table; `make bench` then exits non-zero.
bench:
	cargo bench -p model
	$(MAKE) -k bench-browser bench-load bench-engine; s=$$?; node tests/e2e/bench/table.mjs && exit $$s

bench-browser: build
	scripts/setup.sh test
	node tests/e2e/bench/latency.mjs
	node tests/e2e/bench/room.mjs

# A first visit on issue 12's slow link (1.6 Mbps, 150 ms), gzip and Brotli hosts: first
# contentful paint, time to interactive and bytes, medians of RUNS (3) runs.
bench-load: build
	scripts/setup.sh test
	scripts/size.sh
	node tests/e2e/bench/load.mjs

# The engine package through Node against the same calls natively: prints the ratios.
bench-engine: engine
	node tests/engine/bench.mjs

# Coverage-guided fuzzing of every decoder a stranger's bytes reach (docs/reliability.md):
# cargo-fuzz on a nightly toolchain, each target for FUZZ_RUNS inputs (FUZZ_SECONDS > 0 also
# stops a target after that many seconds). Crashes land in fuzz/artifacts/<target>/; copy
# one into fuzz/regressions/<target>/ and `make test` replays it forever. Built for speed
# (opt-level 3, no LTO), not for size as the shipped release is.
FUZZ_RUNS ?= 10000000
FUZZ_SECONDS ?= 0
FUZZ_TARGETS ?= link pack pack_json import_json autosave worker_reply room
FUZZ_ENV := CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
FUZZ_FLAGS := --features libfuzzer --sanitizer none --debug-assertions
fuzz-setup:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
fuzz: fuzz-setup
	cargo run -q -p kehoach-fuzz --example seeds -- fuzz/corpus
	$(FUZZ_ENV) cargo +nightly fuzz build $(FUZZ_FLAGS)
	@mkdir -p fuzz/artifacts
	@set -o pipefail; for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz $$t: $(FUZZ_RUNS) inputs"; \
	  $(FUZZ_ENV) cargo +nightly fuzz run $(FUZZ_FLAGS) $$t fuzz/corpus/$$t -- \
	    -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
	    -print_final_stats=1 2>&1 | tee fuzz/artifacts/$$t.log | grep -E '^(Done|stat::|==|INFO: Seed)|panicked|ERROR' \
	    || exit 1; \
	done
