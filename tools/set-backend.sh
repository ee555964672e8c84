#!/usr/bin/env bash
# Points a built site at another backend, without rebuilding the app:
#
#   tools/set-backend.sh <dist-dir> <base-url>
#   tools/set-backend.sh dist https://cms.example.dk/api/v1/
#   tools/set-backend.sh dist /cms/v1/        # a path on the site's own origin
#   tools/set-backend.sh dist api/            # back to the sample backend in the build
#
# It makes exactly the edits docs/deploy.md describes:
#   1. <meta name="tidende:api" content="…"> in every page: shell.html, index.html, 404.html
#      and the prerendered ones (the app reads its backend from the page it was started by);
#   2. the prerendered pages were rendered from the old backend: they are rendered again
#      from the new one (tools/prerender.sh; pages it cannot reach are left to the client,
#      and the report says which);
#   3. in _headers, the CSP's connect-src (the app fetches the JSON) and img-src (it shows
#      the backend's media) become 'self' plus the backend's origin, or just 'self' again
#      for a relative URL or site path (tools/postbuild.cjs site, which also refreshes the
#      precompressed copies of what changed).
# SET_BACKEND_META_ONLY=1 does step 1 alone (tools/build.sh, which renders next).
# The inline loader is untouched, so the CSP's script hash stays valid. Media on yet another
# host (a separate image CDN) needs its origin added to img-src by hand.
set -euo pipefail

usage() {
  echo "usage: $0 <dist-dir> <base-url>   e.g. $0 dist https://cms.example.dk/api/v1/" >&2
  exit 2
}
[ $# -eq 2 ] || usage
dist=${1%/}
url=$2
root="$(cd "$(dirname "$0")/.." && pwd)"

for f in shell.html _headers; do
  [ -f "$dist/$f" ] || { echo "set-backend: no $dist/$f (build with tools/build.sh first)" >&2; exit 1; }
done
dist=$(cd "$dist" && pwd) # the tools below run from the repository's root
# Nothing that needs quoting in HTML or in a CSP source list.
if [[ -z "$url" || "$url" =~ [[:space:]\"\'\<\>\;,\&\\] ]]; then
  echo "set-backend: \"$url\" is not a usable base URL" >&2
  exit 1
fi
origin=""
if [[ "$url" =~ ^(https?://[^/?#]+) ]]; then
  origin=${BASH_REMATCH[1]}
  [[ "$url" == http://* ]] && echo "set-backend: warning: $origin is plain http; an https page cannot fetch from it" >&2
elif [[ "$url" =~ ^[a-zA-Z][a-zA-Z0-9+.-]*: || "$url" == //* ]]; then
  echo "set-backend: \"$url\": give an https:// URL, a site path (/cms/v1/) or a relative path (api/)" >&2
  exit 1
fi
[[ "$url" == */ ]] || url="$url/" # the app adds the slash too; keep the page honest

# 1. The meta tag, in either attribute order (Trunk's minifier writes content= first and
#    drops the quotes), in every page.
sed_url=$(printf '%s' "$url" | sed 's/[#&|]/\\&/g')
count=0
while IFS= read -r -d '' f; do
  sed -E -i \
    -e "s#(<meta[^>]*[[:space:]])content=(\"[^\"]*\"|[^[:space:]>\"]*)([^>]*[[:space:]]name=\"?tidende:api\"?[[:space:]/>])#\\1content=\"$sed_url\"\\3#" \
    -e "s#(<meta[^>]*[[:space:]]name=\"?tidende:api\"?[[:space:]][^>]*)content=(\"[^\"]*\"|[^[:space:]>\"]*)#\\1content=\"$sed_url\"#" \
    "$f"
  if ! grep -qF "content=\"$url\"" "$f"; then
    echo "set-backend: could not find <meta name=\"tidende:api\" content=…> in $f" >&2
    exit 1
  fi
  count=$((count + 1))
done < <(find "$dist" -name '*.html' -print0)

# 2. The pages, rendered again from the new backend (the prerender reads it from
#    shell.html). A relative URL is read from the build itself (api/ is the sample backend);
#    a site path needs SITE_URL to be reached. Then the CSP (tools/postbuild.cjs takes the
#    backend's origin from the pages) and the precompressed copies of what changed.
if [ -n "${SET_BACKEND_META_ONLY:-}" ]; then
  echo "set-backend: $dist names $url in its $count pages"
  exit 0
fi
base=$(grep -o '<base href=[^>]*>' "$dist/shell.html" | head -n1 | sed -E 's/<base href="?([^" >]*)"?.*/\1/')
PRERENDER_NO_POSTBUILD=1 "$root/tools/prerender.sh" --dist "$dist" \
  || echo "set-backend: warning: the prerender failed; the pages still name the new backend and render from it in the browser" >&2
PUBLIC_URL="$base" DIST_DIR="$dist" node "$root/tools/postbuild.cjs" site >/dev/null

echo "set-backend: $dist now reads its backend from $url ($count pages name it)"
grep -m1 -E '^[[:space:]]+Content-Security-Policy:' "$dist/_headers" | grep -oE "(connect|img)-src [^;]*" | sed 's/^/set-backend:   /'
