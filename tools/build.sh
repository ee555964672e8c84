#!/usr/bin/env bash
# The release build into dist/ (or $DIST_DIR), for the sub-path in $PUBLIC_URL (default /),
# then the post-build step that makes the folder ready for any CDN: 404.html, _headers (CSP
# with the loader's hash, cache policy), _redirects, precompressed .br/.gz (docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/.."
public_url=${PUBLIC_URL:-/}
dist=${DIST_DIR:-dist}
# CARGO_FEATURES: cargo features for this build only (the tests' alloc-stats build).
features=()
if [ -n "${CARGO_FEATURES:-}" ]; then features=(--features "$CARGO_FEATURES"); fi
trunk build --release --offline --public-url "$public_url" --dist "$dist" "${features[@]}"
PUBLIC_URL="$public_url" DIST_DIR="$dist" node tools/postbuild.cjs
