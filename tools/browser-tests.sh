#!/usr/bin/env bash
# Browser tests: components and the API client in headless Chromium (wasm-bindgen-test),
# with the misbehaving fixture backend (tests/fixtures/backend.cjs) running beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
# The tests know the fixture backend by this port (tests/support/mod.rs).
port=8931
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "browser tests: port $port is taken (another run of the browser tests?); stop it first" >&2
  exit 1
fi
node tests/fixtures/backend.cjs "$port" >/dev/null &
backend=$!
trap 'kill $backend 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/sample/sponsored/current.json" && break
  sleep 0.1
done
cargo test --target wasm32-unknown-unknown "$@"
