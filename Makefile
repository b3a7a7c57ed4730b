# The two commands a new user needs:
#   make serve   build the app and serve it on http://127.0.0.1:8080 (installs what is missing)
#   make test    run every test layer (installs what is missing, Chromium included)
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/tests/e2e/node_modules/.bin:$(PATH)

.PHONY: serve test size bench bench-browser build
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

# Engine benchmarks (criterion) and the browser slider-to-repaint benchmark.
bench:
	cargo bench -p model
	$(MAKE) bench-browser

bench-browser: build
	scripts/setup.sh test
	node tests/e2e/bench/latency.mjs
