#!/usr/bin/env bash
# Points a built site at another backend, without rebuilding:
#
#   tools/set-backend.sh <dist-dir> <base-url>
#   tools/set-backend.sh dist https://cms.example.dk/api/v1/
#   tools/set-backend.sh dist /cms/v1/        # a path on the site's own origin
#   tools/set-backend.sh dist api/            # back to the sample backend in the build
#
# It makes exactly the edits docs/deploy.md describes:
#   1. <meta name="tidende:api" content="…"> in index.html AND 404.html (the app reads its
#      backend from the page it was started by: a deep link to an unknown path starts from
#      404.html);
#   2. in _headers, the CSP's connect-src (the app fetches the JSON) and img-src (it shows
#      the backend's media) become 'self' plus the backend's origin, or just 'self' again
#      for a relative URL or site path. Re-running with another backend replaces the origin;
#   3. refreshes index.html.br/.gz and 404.html.br/.gz, so servers that serve precompressed
#      files (nginx brotli_static/gzip_static) do not keep serving the old page.
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

for f in index.html 404.html _headers; do
  [ -f "$dist/$f" ] || { echo "set-backend: no $dist/$f (build with tools/build.sh first)" >&2; exit 1; }
done
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
#    drops the quotes).
sed_url=$(printf '%s' "$url" | sed 's/[#&|]/\\&/g')
for f in index.html 404.html; do
  sed -E -i \
    -e "s#(<meta[^>]*[[:space:]])content=(\"[^\"]*\"|[^[:space:]>\"]*)([^>]*[[:space:]]name=\"?tidende:api\"?[[:space:]/>])#\\1content=\"$sed_url\"\\3#" \
    -e "s#(<meta[^>]*[[:space:]]name=\"?tidende:api\"?[[:space:]][^>]*)content=(\"[^\"]*\"|[^[:space:]>\"]*)#\\1content=\"$sed_url\"#" \
    "$dist/$f"
  if ! grep -qF "content=\"$url\"" "$dist/$f"; then
    echo "set-backend: could not find <meta name=\"tidende:api\" content=…> in $dist/$f" >&2
    exit 1
  fi
done

# 2. connect-src and img-src in every Content-Security-Policy line of _headers.
extra=${origin:+ $origin}
sed_extra=$(printf '%s' "$extra" | sed 's/[#&|]/\\&/g')
sed -E -i \
  -e "/^[[:space:]]+Content-Security-Policy:/{s#connect-src [^;]*#connect-src 'self'$sed_extra#;s#img-src [^;]*#img-src 'self' data:$sed_extra#}" \
  "$dist/_headers"

# 3. The precompressed copies of the two pages (postbuild.cjs leaves files under 1 KiB as
#    they are; so does this).
for f in index.html 404.html; do
  src="$dist/$f"
  rm -f "$src.br" "$src.gz"
  [ "$(stat -c %s "$src")" -ge 1024 ] || continue
  if command -v brotli >/dev/null; then
    brotli -q 11 -f -o "$src.br" "$src"
  else
    echo "set-backend: warning: no brotli CLI, $f.br removed (servers fall back to gzip)" >&2
  fi
  gzip -9 -n -c "$src" >"$src.gz"
  touch -r "$src" "$src".*
done

echo "set-backend: $dist now reads its backend from $url"
grep -m1 -E '^[[:space:]]+Content-Security-Policy:' "$dist/_headers" | grep -oE "(connect|img)-src [^;]*" | sed 's/^/set-backend:   /'
