// The size budget of the release build: wasm + JS + CSS, brotli-compressed as the CDN
// serves them (the .br files tools/postbuild.cjs writes). Deterministic, so a test is the
// right place for it; the sizes are printed on every run.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { test } = require('node:test');
const assert = require('node:assert/strict');

const DIST = process.env.DIST_DIR || 'dist';
// The budget (docs/perf.md, "Size", says what takes the space and what was cut to meet
// it). Raise it only with a reason written there.
const BUDGET_BYTES = 150 * 1000;
// What the app loads only when it is needed, outside the budget above, which is what every
// page view costs: the search page's script (on the first search, like Pagefind's own),
// the service worker's notes' stylesheet (offline, or when a new version waits), and the
// worker itself (the browser fetches it after the page has loaded). Bounded too, so none of
// them grows unseen.
const ON_DEMAND = ['search.js', 'offline.css', 'sw.js'];
const ON_DEMAND_BUDGET_BYTES = 15 * 1000;
// Trunk's content-hashed files at the top of the build.
const { HASHED_NAME } = require('../tools/lib/cdn-rules.cjs');

function brotliSize(file) {
  const br = `${file}.br`;
  if (fs.existsSync(br)) return fs.statSync(br).size;
  return zlib.brotliCompressSync(fs.readFileSync(file), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

test('wasm + JS + CSS of the release build stay within the size budget (brotli)', () => {
  const files = fs
    .readdirSync(DIST)
    .filter((f) => HASHED_NAME.test(f) && /\.(wasm|js|css)$/.test(f))
    .map((f) => path.join(DIST, f));
  const kinds = ['.wasm', '.js', '.css'];
  for (const kind of kinds) {
    assert.equal(files.filter((f) => f.endsWith(kind)).length, 1, `one ${kind} file in ${DIST}`);
  }
  let total = 0;
  const rows = [];
  for (const kind of kinds) {
    const file = files.find((f) => f.endsWith(kind));
    const raw = fs.statSync(file).size;
    const br = brotliSize(file);
    total += br;
    rows.push(`${path.basename(file).padEnd(36)} raw ${(raw / 1000).toFixed(1).padStart(7)} KB   brotli ${(br / 1000).toFixed(1).padStart(6)} KB`);
  }
  // The app's own scripts beside the glue (src/islands.js, which wasm-bindgen copies under
  // snippets/): every page loads them with the glue. Pagefind's script under pagefind/ is
  // not counted: it is loaded only when a reader searches.
  // Those the glue imports (an earlier build's may still lie there).
  const glue = fs.readFileSync(files.find((f) => f.endsWith('.js')), 'utf8');
  const own = [...glue.matchAll(/["'](?:\.\/)?(snippets\/[^"']+\.js)["']/g)].map((m) => path.join(DIST, m[1]));
  assert.ok(own.length >= 1 && own.every((f) => fs.existsSync(f)), `the app's own script (src/islands.js) is in snippets/: ${own}`);
  for (const file of own) {
    const br = brotliSize(file);
    total += br;
    rows.push(`${path.relative(DIST, file).padEnd(36)} raw ${(fs.statSync(file).size / 1000).toFixed(1).padStart(7)} KB   brotli ${(br / 1000).toFixed(1).padStart(6)} KB`);
  }
  rows.push(`${'total'.padEnd(36)} ${' '.repeat(15)}   brotli ${(total / 1000).toFixed(1).padStart(6)} KB` +
    `  (budget ${BUDGET_BYTES / 1000} KB, ${((BUDGET_BYTES - total) / 1000).toFixed(1)} KB left)`);
  let later = 0;
  for (const f of ON_DEMAND) {
    const file = path.join(DIST, f);
    assert.ok(fs.existsSync(file), `${file} is in the build`);
    const br = brotliSize(file);
    later += br;
    rows.push(`${`${f} (on demand)`.padEnd(36)} raw ${(fs.statSync(file).size / 1000).toFixed(1).padStart(7)} KB   brotli ${(br / 1000).toFixed(1).padStart(6)} KB`);
  }
  rows.push(`${'on demand'.padEnd(36)} ${' '.repeat(15)}   brotli ${(later / 1000).toFixed(1).padStart(6)} KB` +
    `  (budget ${ON_DEMAND_BUDGET_BYTES / 1000} KB)`);
  console.log(rows.join('\n'));
  assert.ok(total <= BUDGET_BYTES, `${total} bytes brotli is over the budget of ${BUDGET_BYTES}`);
  assert.ok(later <= ON_DEMAND_BUDGET_BYTES, `${later} bytes brotli loaded on demand is over ${ON_DEMAND_BUDGET_BYTES}`);
});
