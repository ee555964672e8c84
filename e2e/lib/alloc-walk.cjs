// Walks a build made with `--features alloc-stats` (src/alloc_stats.rs) and reads the Rust
// heap's live bytes as it goes: the exact leak check of e2e/memory.test.cjs and of the
// benchmark's memory case (docs/perf.md, "Memory").
'use strict';

const { SEED } = require('./site.cjs');
const CHECKPOINT = 20;
// More than this many bytes per navigation, steadily, is a leak. The counter is exact; the
// walks see about ±2 B of noise from work still pending when a sample is taken.
const LEAK_BYTES_PER_NAVIGATION = 8;

const nav = (href) => `nav[aria-label="Hovedmenu"] a[href="${href}"]`;

// Every kind of page in turn, four steps, so every 20th navigation is on the seed article.
const PAGE_STEPS = [
  { click: nav('/navnenyt'), path: '/navnenyt', ready: 'main .people-item' },
  { click: nav('/job'), path: '/job', ready: '.job-list--page .job-card' },
  { click: nav('/'), path: '/', ready: '.teaser-list .teaser' },
  { click: `.teaser-list a[href="${SEED}"]`, path: SEED, ready: 'main article h1' },
];

/** The steps of a walk along `cycle`, a list of article slugs linked by related reads. */
function articleSteps(cycle) {
  return (n) => {
    const next = cycle[n % cycle.length];
    return { click: `.region--related .related-item a[href$="/artikel/${next}"]`, path: `/artikel/${next}`, ready: 'main article h1' };
  };
}

function leastSquaresSlope(points) {
  const mx = points.reduce((a, [x]) => a + x, 0) / points.length;
  const my = points.reduce((a, [, y]) => a + y, 0) / points.length;
  const num = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return den ? num / den : NaN;
}

/**
 * Opens the seed article at `url`, makes `navigations` client-side navigations with
 * `step(n)` (1-based; `{click, path, ready}`), and samples the live heap 300 ms after every
 * 20th. Returns the samples and the least-squares slope from the 20th on.
 */
async function allocWalk(browser, url, step, navigations) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const samples = [];
  try {
    await page.goto(url + SEED);
    await page.waitForSelector('.region--related .related-item a');
    await page.waitForLoadState('networkidle');
    const sample = async (n) => {
      // Pending tasks (a fetch's last callbacks) finish first.
      await page.waitForTimeout(300);
      const [bytes, allocations] = await page.evaluate(() => Array.from(window.wasmBindings.tidendeAllocStats()));
      samples.push({ navigations: n, bytes, allocations, path: new URL(page.url()).pathname });
    };
    await sample(0);
    for (let n = 1; n <= navigations; n++) {
      const { click, path, ready } = typeof step === 'function' ? step(n) : step[(n - 1) % step.length];
      const before = await page.evaluate(() => document.querySelector('main h1')?.textContent ?? '');
      await page.locator(click).first().click();
      // The new page in place (a new h1, no skeleton), not the old one still showing.
      // `!!`: a predicate returning the element would make Playwright keep a handle to it.
      await page.waitForFunction(
        ({ path, ready, before }) =>
          location.pathname === path &&
          !!document.querySelector(ready) &&
          !document.querySelector('.skeleton') &&
          document.querySelector('main h1')?.textContent !== before,
        { path, ready, before },
        { timeout: 20_000 }
      );
      if (n % CHECKPOINT === 0) await sample(n);
    }
  } finally {
    await context.close();
  }
  const from = samples.filter((x) => x.navigations >= CHECKPOINT);
  const first = from[0];
  const last = from[from.length - 1];
  const bytesPerNavigation = leastSquaresSlope(from.map((x) => [x.navigations, x.bytes]));
  return {
    samples,
    bytesPerNavigation,
    allocationsPerNavigation: (last.allocations - first.allocations) / (last.navigations - first.navigations),
    leak: bytesPerNavigation > LEAK_BYTES_PER_NAVIGATION,
    problems,
  };
}

module.exports = { allocWalk, articleSteps, leastSquaresSlope, PAGE_STEPS, CHECKPOINT, LEAK_BYTES_PER_NAVIGATION, SEED };
