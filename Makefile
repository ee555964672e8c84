# Tidende: every entry point. `make serve` and `make test` install what is missing first.
include tools/versions.env

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# npm's binaryen must come before any other wasm-opt (Debian's 108 breaks the page).
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# The end-to-end tests (CommonJS) resolve playwright-core and axe-core from tools/.
export NODE_PATH := $(CURDIR)/tools/node_modules
export CHROME_PATH ?= /usr/bin/chromium
# The sub-path the site is deployed under; `make build PUBLIC_URL=/nyheder/`.
PUBLIC_URL ?= /
export PUBLIC_URL
# The prerender's settings (tools/build.sh): `make build API=https://cms.example.dk/api/v1/
# SITE_URL=https://tidende.example PRERENDER_STRICT=1`; SERVICE_WORKER=off builds the site
# with the worker that removes the service worker (docs/deploy.md).
export API SITE_URL PRERENDER_STRICT SERVICE_WORKER

.PHONY: setup serve build build-subpath build-alloc test fmt-check lint unit browser e2e preview clean bench

setup:
	@tools/setup.sh

serve: setup
	@# Trunk refuses to start when a [watch] ignore path is missing, as target/ is on a fresh clone.
	mkdir -p target
	trunk serve --address 127.0.0.1 --port 8080

build: setup
	tools/build.sh

# The same build for a sub-path deployment, which e2e/cdn.test.cjs serves under /nyheder/.
build-subpath: setup
	PUBLIC_URL=/nyheder/ DIST_DIR=dist-nyheder tools/build.sh

test: setup fmt-check lint unit browser build build-subpath build-alloc e2e
	@echo "make test: all checks passed"

# The tests' builds have an origin (the feed and sitemaps need one), and a page that cannot be
# prerendered fails them.
test e2e build-subpath build-alloc: SITE_URL = https://tidende.example
test e2e build-subpath build-alloc: PRERENDER_STRICT = 1

fmt-check:
	cargo fmt --all -- --check

# Every way the crate is built: the browser tests' and `trunk serve`'s (csr, the default),
# the release wasm (hydrate), the prerender and the native tests (ssr), and the counting-
# allocator build (src/alloc_stats.rs).
lint:
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features hydrate -- -D warnings
	cargo clippy --all-targets --no-default-features --features ssr -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features hydrate,alloc-stats -- -D warnings

# Native: models, formatting, the JSON parser, the prerender, the sample backend.
unit:
	cargo test --no-default-features --features ssr

browser:
	tools/browser-tests.sh

# The same build with a counting allocator, for e2e/memory.test.cjs (src/alloc_stats.rs).
build-alloc: setup
	CARGO_FEATURES=alloc-stats DIST_DIR=dist-alloc tools/build.sh

e2e: build-subpath build-alloc
	node --test --test-reporter=spec e2e/*.test.cjs

preview: build
	tools/preview.sh

# The performance benchmark (docs/perf.md): Lighthouse on top of the usual tools, the
# release build, then every case; the report goes to stdout and bench/results/.
# `make bench BENCH_ARGS="--runs 11 --only article,baseline"` passes arguments on.
bench:
	tools/setup.sh --bench
	tools/build.sh
	node bench/run.cjs $(BENCH_ARGS)

clean:
	cargo clean
	rm -rf dist dist-*
