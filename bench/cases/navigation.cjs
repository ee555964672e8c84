// The `navigation` case: on the seed article, settled under the mobile profile, a click on
// the first related read, timed to the frame that shows the new headline; and its report.
'use strict';

const path = require('node:path');
const { ROOT, log } = require('../lib/settings.cjs');
const { stats, fmt, fmtStats, table } = require('../lib/stats.cjs');
const { newPage, waitSettled } = require('../lib/page.cjs');
const { SEED } = require(path.join(ROOT, 'e2e/lib/site.cjs'));

async function navigationCase(browser, server, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    // Settled includes the app being live: on the prerendered page the link is there before
    // the app is, and a click then would be a full page load.
    const { context, page } = await newPage(browser, { throttle: true, ready: 'main article h1' });
    try {
      await page.goto(server.url + SEED, { waitUntil: 'commit' });
      await waitSettled(page);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const link = page.locator('.region--related .related-item a').first();
      const href = await link.getAttribute('href');
      await page.evaluate(() => {
        const m = window.__bench;
        const h1 = () => document.querySelector('main article h1');
        const old = h1() ? h1().textContent : null;
        m.armClick();
        m.whenFrame(() => {
          const h = h1();
          return !!h && h.textContent.trim() !== '' && h.textContent !== old;
        }).then((r) => {
          m.navResult = r;
          m.signal('nav');
        });
      });
      await link.click();
      await page.benchSignal('nav', 1, 30_000);
      const r = await page.evaluate(async (slug) => {
        const m = window.__bench;
        const { at, frame } = m.navResult;
        const json = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith(`/api/articles/${slug}.json`) && e.startTime >= m.clickAt)[0];
        return {
          clickAt: m.clickAt,
          clickTimeStamp: m.clickTimeStamp,
          h1At: at,
          frame,
          jsonStart: json ? json.startTime : null,
          jsonEnd: json ? json.responseEnd : null,
          path: location.pathname,
        };
      }, href.split('/').pop());
      const res = {
        href,
        ms: r.frame - r.clickAt,
        fromEventTimeStamp: r.frame - r.clickTimeStamp,
        h1InDom: r.h1At - r.clickAt,
        jsonStart: r.jsonStart != null ? r.jsonStart - r.clickAt : null,
        jsonEnd: r.jsonEnd != null ? r.jsonEnd - r.clickAt : null,
        problems: page.problems,
      };
      if (!r.path.endsWith(href.split('/').pop())) throw new Error(`navigation ended at ${r.path}, not ${href}`);
      log(`navigation run ${i + 1}/${runs}: ${fmt(res.ms)} ms to the painted headline (JSON ${fmt(res.jsonStart)}–${fmt(res.jsonEnd)}, h1 in DOM ${fmt(res.h1InDom)})`);
      results.push(res);
    } finally {
      await context.close();
    }
  }
  return {
    runs: results,
    target: results[0] && results[0].href,
    summary: {
      ms: stats(results.map((r) => r.ms)),
      fromEventTimeStamp: stats(results.map((r) => r.fromEventTimeStamp)),
      jsonStart: stats(results.map((r) => r.jsonStart)),
      jsonEnd: stats(results.map((r) => r.jsonEnd)),
      h1InDom: stats(results.map((r) => r.h1InDom)),
    },
    problems: [...new Set(results.flatMap((r) => r.problems))],
  };
}

function report(r) {
  const n = r.cases.navigation;
  if (!n) return [];
  const L = [];
  L.push('## Client-side navigation', '');
  L.push(`Seed article settled under the mobile profile, then a click on the first related read (\`${n.target}\`): from performance.now() in a capture click listener to the second requestAnimationFrame after the new headline is in the DOM. ${r.options.runs} runs, each in a fresh context.`, '');
  L.push(table(['step (ms after the click)', 'median (min–max, IQR)'], [
    ['article JSON request starts', fmtStats(n.summary.jsonStart)],
    ['article JSON response ends', fmtStats(n.summary.jsonEnd)],
    ['new h1 text in the DOM', fmtStats(n.summary.h1InDom)],
    ['**frame with the new headline**', `**${fmtStats(n.summary.ms)}**`],
    ['same, from the click event\'s timeStamp', fmtStats(n.summary.fromEventTimeStamp)],
  ]));
  L.push('');
  return L;
}

module.exports = { navigationCase, report };
