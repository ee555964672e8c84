#!/usr/bin/env bash
# Renders the site's pages into a build folder with the native prerender (src/prerender/),
# building it first if it is not current. `make build` runs it; on its own it is what a
# CMS's publish hook calls (docs/deploy.md):
#
#   tools/prerender.sh --only /artikel/{slug}            one article, and the index's pages
#   tools/prerender.sh --dist dist-nyheder --strict      a whole other build, failing on errors
#
# The backend is the one the build's pages name (make build API=…, tools/set-backend.sh);
# `--api URL` reads another. Settings from the environment, as for make build: SITE_URL (the
# public origin), PRERENDER_STRICT=1 (--strict). After the pages come the CSP check, _headers
# and the precompressed copies of what changed, unless the caller does that itself
# (PRERENDER_NO_POSTBUILD=1).
set -euo pipefail
# --dist is relative to where it was called from; the rest runs from the repository's root.
args=("$@")
dist=dist
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[i]}" = "--dist" ] && [ -d "${args[i + 1]:-}" ]; then
    args[i + 1]=$(cd "${args[i + 1]}" && pwd)
    dist=${args[i + 1]}
  fi
done
cd "$(dirname "$0")/.."
[ -n "${SITE_URL:-}" ] && args+=(--site-url "$SITE_URL")
[ -n "${PRERENDER_STRICT:-}" ] && args+=(--strict)
# Its own profile: the wasm's (opt-level z, fat LTO) is for size, this one for speed.
cargo build --quiet --profile prerender --no-default-features --features ssr --bin prerender
target/prerender/prerender "${args[@]}"
if [ -z "${PRERENDER_NO_POSTBUILD:-}" ]; then
  base=$(grep -o '<base href=[^>]*>' "$dist/shell.html" | head -n1 | sed -E 's/<base href="?([^" >]*)"?.*/\1/')
  PUBLIC_URL="$base" DIST_DIR="$dist" node tools/postbuild.cjs site
fi
