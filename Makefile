# The two commands a new user needs:
#   make serve   build the app and serve it on http://127.0.0.1:8080 (installs what is missing)
#   make test    run every test layer (installs what is missing, Chromium included)
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/tests/e2e/node_modules/.bin:$(PATH)

.PHONY: serve test size bench bench-browser bench-engine build engine
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

# The JS engine package kehoach-engine (docs/engine.md): wasm-pack builds for the web and
# for Node, assembled and packed in crates/engine/pkg/.
engine:
	scripts/setup.sh engine
	scripts/engine.sh

# Engine benchmarks (criterion) and the browser slider-to-repaint benchmark.
bench:
	cargo bench -p model
	$(MAKE) bench-browser
	$(MAKE) bench-engine

bench-browser: build
	scripts/setup.sh test
	node tests/e2e/bench/latency.mjs

# The engine package through Node against the same calls natively: prints the ratios.
bench-engine: engine
	node tests/engine/bench.mjs
