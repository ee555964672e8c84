#!/usr/bin/env bash
# The release build into dist/ (or $DIST_DIR), for the sub-path in $PUBLIC_URL (default /).
set -euo pipefail
cd "$(dirname "$0")/.."
public_url=${PUBLIC_URL:-/}
dist=${DIST_DIR:-dist}
trunk build --release --offline --public-url "$public_url" --dist "$dist"
