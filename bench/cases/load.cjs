// The cold page-load cases: `article` (the seed article), `front` (/) and `baseline` (the
// static copy of the seed article, see cases/baseline.cjs), each loaded cold under the
// mobile profile in a fresh context per run; and their part of the report.
'use strict';

const { PROFILE, log } = require('../lib/settings.cjs');
const { stats, fmt, fmtStats, table } = require('../lib/stats.cjs');
const { newPage, readLoad } = require('../lib/page.cjs');
const { loadMetrics, loadTimeline, medianTimeline } = require('../lib/metrics.cjs');
const baseline = require('./baseline.cjs');

// `live`: the page has the app, and a run ends only once it has taken the page over.
async function coldLoad(browser, url, ready, live) {
  const { context, page } = await newPage(browser, { throttle: true, ready, live });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const raw = await readLoad(page);
    const problems = [...page.problems];
    // A prerendered page the app rendered anew instead of taking over (data-app="rendered")
    // is not the load this case measures.
    if (live && raw.appMode !== 'hydrated') problems.push(`the app ${raw.appMode ? `marked the page data-app="${raw.appMode}"` : 'never marked the page'}, not "hydrated"`);
    return {
      ...loadMetrics(raw),
      timeline: loadTimeline(raw),
      problems,
      raw: { lcp: raw.lcp, longtasks: raw.longtasks, shifts: raw.shifts, errors: raw.errors, appStartedAt: raw.appStartedAt, document: raw.document },
    };
  } finally {
    await context.close();
  }
}

async function loadCase(browser, name, url, ready, runs, { live = true } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await coldLoad(browser, url, ready, live);
    log(`${name} run ${i + 1}/${runs}: FCP ${fmt(r.fcp)} LCP ${fmt(r.lcp)} TBT ${fmt(r.tbt)} CLS ${fmt(r.cls, 3)} live ${fmt(r.live)} settled ${fmt(r.settled)}`);
    results.push(r);
  }
  const summary = {};
  for (const k of ['fcp', 'lcp', 'tbt', 'cls', 'live', 'settled', 'nodes']) summary[k] = stats(results.map((r) => r[k]));
  const lcpElements = {};
  for (const r of results) lcpElements[r.lcpElement] = (lcpElements[r.lcpElement] || 0) + 1;
  return { name, url, live, runs: results, summary, lcpElements, timeline: medianTimeline(results), problems: [...new Set(results.flatMap((r) => r.problems))] };
}

const LOADS = ['article', 'baseline', 'front'];

function report(r) {
  const loads = LOADS.filter((k) => r.cases[k]);
  if (!loads.length) return [];
  const L = [];
  L.push('## Cold page loads', '');
  L.push(`Mobile profile through CDP: CPU ×${PROFILE.cpuRate} slower, ${PROFILE.network.downloadThroughput * 8 / 1e6} Mbit/s down, ${PROFILE.network.uploadThroughput * 8 / 1e6} Mbit/s up, ${PROFILE.network.latency} ms latency, ${PROFILE.device.width}×${PROFILE.device.height} at ${PROFILE.device.deviceScaleFactor}x, mobile + touch; a fresh browser context (empty cache) per run. Median (min–max, IQR) of ${r.options.runs} runs; times in ms from navigation start. \`article\` and \`front\` are prerendered pages the app hydrates: "live" is the app's \`tidende:live\` mark (it has taken the page over: links and buttons work), and they are settled once the app is live and no skeleton is left, so TBT counts the hydration's long tasks after FCP.`, '');
  L.push(table(['case', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'live ms', 'settled ms', 'DOM nodes'], loads.map((k) => {
    const s = r.cases[k].summary;
    return [`\`${k}\``, fmtStats(s.fcp), fmtStats(s.lcp), fmtStats(s.tbt), fmtStats(s.cls, 3), fmtStats(s.live), fmtStats(s.settled), fmt(s.nodes.median)];
  })));
  L.push('');
  for (const k of loads) {
    L.push(`- \`${k}\` (${r.cases[k].url}): LCP element ${Object.entries(r.cases[k].lcpElements).map(([x, n]) => `\`${x}\` (${n} of ${r.options.runs})`).join(', ')}`);
  }
  L.push('');
  L.push(...baseline.comparison(r));
  for (const k of ['article', 'baseline']) {
    if (!r.cases[k]) continue;
    L.push(`### Where the time goes: \`${k}\` (median of ${r.options.runs} runs, ms from navigation start)`, '');
    L.push(table(['event', 'start', 'end', 'transfer bytes'], r.cases[k].timeline.map((t) => [t.label, fmt(t.start), fmt(t.end), fmt(t.transferSize)])));
    L.push('');
  }
  return L;
}

module.exports = { coldLoad, loadCase, report };
