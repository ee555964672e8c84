// No leak, to the byte: client-side navigation on the alloc-stats build (dist-alloc, the
// release build with a counting allocator, src/alloc_stats.rs) must not leave Rust heap
// behind. A count of live bytes, not a timing: deterministic enough for a test, with a bar
// above the walks' measured noise (e2e/lib/alloc-walk.cjs). The benchmark runs the same
// walks longer (docs/perf.md, "Memory").
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startPreview } = require('./lib/preview.cjs');
const { launch } = require('./lib/browser.cjs');
const { allocWalk, articleSteps, PAGE_STEPS, LEAK_BYTES_PER_NAVIGATION, SEED } = require('./lib/alloc-walk.cjs');

const DIST = process.env.ALLOC_DIST_DIR || 'dist-alloc';
const NAVIGATIONS = 80;
let server;
let browser;

before(async () => {
  server = await startPreview({ root: DIST });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

function report(name, walk) {
  const rows = walk.samples.map((s) => `  after ${String(s.navigations).padStart(3)}: ${String(s.bytes).padStart(7)} B live in ${s.allocations} allocations (${s.path})`);
  console.log(`${name}: ${walk.bytesPerNavigation.toFixed(1)} B per navigation\n${rows.join('\n')}`);
}

test('every kind of page, built and dropped 20 times, leaves no Rust heap behind', async () => {
  const walk = await allocWalk(browser, server.url, PAGE_STEPS, NAVIGATIONS);
  report('pages', walk);
  assert.deepEqual(walk.problems, []);
  assert.ok(
    walk.bytesPerNavigation <= LEAK_BYTES_PER_NAVIGATION,
    `${walk.bytesPerNavigation.toFixed(1)} B per navigation kept (bar ${LEAK_BYTES_PER_NAVIGATION})`
  );
});

test('article after article through related reads leaves no Rust heap behind', async () => {
  // The seed article and its first related read link to each other.
  const walk = await allocWalk(browser, server.url, articleSteps([SEED.split('/').pop(), 'nokias-nye-fremtid-globalt-iot-netvaerk']), NAVIGATIONS);
  report('articles', walk);
  assert.deepEqual(walk.problems, []);
  assert.ok(
    walk.bytesPerNavigation <= LEAK_BYTES_PER_NAVIGATION,
    `${walk.bytesPerNavigation.toFixed(1)} B per navigation kept (bar ${LEAK_BYTES_PER_NAVIGATION})`
  );
});
