#!/usr/bin/env bash
# Installs what is missing, and only that: a second run with everything present takes
# seconds. Versions come from tools/versions.env (and wasm-bindgen from Cargo.lock).
# Usage: tools/setup.sh [--bench]   (--bench adds Lighthouse, which only `make bench` needs)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=versions.env
source tools/versions.env
want_bench=no
[ "${1:-}" = "--bench" ] && want_bench=yes

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# 1. The wasm32 target (rustup installs it from the registry mirror in seconds).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: the browser and driver for tests, nginx + brotli for the CDN-like
#    preview, Java for the HTML checker, xmllint for the feeds and sitemaps.
missing=()
for pkg in $DEBIAN_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
      || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
  else
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# 3. Trunk, pinned. 0.22 needs a newer rustc than this toolchain has.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 5 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen CLI (and its test runner) at exactly the crate version in Cargo.lock.
#    Not --locked: its own lockfile names a crate version the registry mirror lacks.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wb_version" ]; then
  echo "setup: no wasm-bindgen version in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $wb_version (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "=$wb_version"
fi

# 5. npm tools, into the git-ignored tools/node_modules: wasm-opt from binaryen (Debian's
#    binaryen 108 silently breaks the page; its JS API also trims the wasm), Playwright's
#    driver, axe-core, terser, the Nu HTML Checker.
npm_pkgs=("binaryen@$BINARYEN_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" "axe-core@$AXE_CORE_VERSION" "terser@$TERSER_VERSION" "vnu-jar@$VNU_JAR_VERSION" "pagefind@$PAGEFIND_VERSION" "@resvg/resvg-js@$RESVG_JS_VERSION" "workbox-build@$WORKBOX_BUILD_VERSION")
[ "$want_bench" = yes ] && npm_pkgs+=("lighthouse@$LIGHTHOUSE_VERSION")
npm_missing=()
for spec in "${npm_pkgs[@]}"; do
  name=${spec%@*}
  version=${spec##*@}
  have=$(node -p "require('./tools/node_modules/$name/package.json').version" 2>/dev/null || true)
  [ "$have" = "$version" ] || npm_missing+=("$spec")
done
if [ ${#npm_missing[@]} -gt 0 ]; then
  say "installing npm packages: ${npm_missing[*]}"
  # A minimal package.json keeps npm from walking up to some other project.
  [ -f tools/package.json ] || echo '{"private":true,"name":"tidende-tools"}' > tools/package.json
  (cd tools && npm install --no-audit --no-fund --save-exact --loglevel=error "${npm_missing[@]}")
fi

# 6. Python's feedparser in tools/venv (git-ignored): the e2e tests read feed.xml with it.
if [ "$(tools/venv/bin/python -c 'import feedparser; print(feedparser.__version__)' 2>/dev/null)" != "$FEEDPARSER_VERSION" ]; then
  say "installing feedparser $FEEDPARSER_VERSION into tools/venv"
  python3 -m venv tools/venv
  tools/venv/bin/pip install --quiet --disable-pip-version-check "feedparser==$FEEDPARSER_VERSION"
fi

# The wasm-opt that Trunk will find must be binaryen >= 117 (it reads wasm-bindgen's table.fill).
wo=$(command -v wasm-opt || true)
if [ "$wo" != "$PWD/tools/node_modules/.bin/wasm-opt" ]; then
  echo "setup: wasm-opt on PATH is $wo, expected tools/node_modules/.bin/wasm-opt" >&2
  exit 1
fi
say "ready (trunk $TRUNK_VERSION, wasm-bindgen $wb_version, $(wasm-opt --version | head -n1))"
