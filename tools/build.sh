#!/usr/bin/env bash
# The release build into dist/ (or $DIST_DIR), for the sub-path in $PUBLIC_URL (default /):
#   1. trunk build: the hydrating wasm, its JS glue, the stylesheet, index.html, public/;
#   2. tools/postbuild.cjs shell: Trunk's index.html becomes shell.html, the page every
#      other is made from (JS minified, wasm trimmed);
#   3. the prerender (tools/prerender.sh): every page the backend's lists lead to, as HTML;
#   4. tools/postbuild.cjs site: the search index, the service worker and offline page, CSP
#      check of every page, _headers, _redirects, .br/.gz.
# Settings, all optional:
#   API=https://cms.example.dk/api/v1/   the backend to render from and to name in the pages
#                                        (default: the sample backend in public/api/)
#   SITE_URL=https://tidende.example     the public origin, for canonical links and previews
#   PRERENDER_STRICT=1                   fail when any page cannot be prerendered (CI)
#   CARGO_FEATURES=alloc-stats           extra cargo features for the wasm (the tests' build)
#   SERVICE_WORKER=off                   no service worker: sw.js removes the one browsers
#                                        have (docs/deploy.md, "Removing the service worker")
set -euo pipefail
cd "$(dirname "$0")/.."
public_url=${PUBLIC_URL:-/}
dist=${DIST_DIR:-dist}
features=hydrate${CARGO_FEATURES:+,$CARGO_FEATURES}
trunk build --release --offline --public-url "$public_url" --dist "$dist" \
  --no-default-features --features "$features"
PUBLIC_URL="$public_url" DIST_DIR="$dist" node tools/postbuild.cjs shell
# Another backend: the shell names it, so the pages made from it do, and the CSP allows it.
[ -n "${API:-}" ] && SET_BACKEND_META_ONLY=1 tools/set-backend.sh "$dist" "$API"
PRERENDER_NO_POSTBUILD=1 tools/prerender.sh --dist "$dist"
PUBLIC_URL="$public_url" DIST_DIR="$dist" node tools/postbuild.cjs site
