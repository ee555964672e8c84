#!/bin/sh
# Trunk's CSS pipeline hashes and minifies one file per <link>, but does not follow @import.
# One stylesheet request beats a dozen render-blocking ones, so the files in style/ are
# joined here (Trunk pre_build hook) in cascade order: tokens, base, layout, regions, print.
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
mkdir -p target/css
out=target/css/tidende.css
{
  cat style/tokens.css style/base.css style/layout.css
  for f in style/regions/*.css; do cat "$f"; done
  cat style/print.css
} > "$out.tmp"
mv "$out.tmp" "$out"
