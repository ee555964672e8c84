#!/usr/bin/env bash
# `make preview`: serves $DIST_DIR (default dist) on 127.0.0.1:$PORT (default 8080) through
# nginx configured the way the CDN serves it, generated from the build's own _headers and
# _redirects (e2e/lib/preview.cjs): precompressed files, cache and security headers, page
# routes rewritten to index.html, unknown paths 404.html with a 404 status. A sub-path build
# (PUBLIC_URL=/nyheder/) is served under its sub-path, read from its <base href>.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=${NODE_PATH:-$PWD/tools/node_modules}
exec node e2e/lib/preview.cjs "${DIST_DIR:-dist}" "${PORT:-8080}"
