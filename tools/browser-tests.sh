#!/usr/bin/env bash
# Browser tests: components and the API client in headless Chromium (wasm-bindgen-test),
# with the misbehaving fixture backend (tests/fixtures/backend.cjs) running beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${FIXTURE_PORT:-8931}
node tests/fixtures/backend.cjs "$port" >/dev/null &
backend=$!
trap 'kill $backend 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/sample/sponsored/current.json" && break
  sleep 0.1
done
cargo test --target wasm32-unknown-unknown "$@"
