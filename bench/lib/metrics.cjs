// The metrics of a cold load, computed from the entries the init script collected
// (lib/page.cjs): TBT, CLS and LCP as Lighthouse and web-vitals define them, and the
// timeline of a load ("where the time goes") with its median over the runs.
'use strict';

const path = require('node:path');
const { ROOT } = require('./settings.cjs');
const { SEED } = require(path.join(ROOT, 'e2e/lib/site.cjs'));
const { median } = require('./stats.cjs');

// Total blocking time: the long tasks that end after `start` (FCP) and begin before `end`
// (settled), a task that straddles FCP counted from FCP on; each adds what it has over
// 50 ms. Lighthouse's rule with "settled" in place of TTI. TTI always falls at the end of a
// task; "settled" falls inside the task that makes the last DOM change, whose style,
// layout and paint follow in the same task, so that task counts whole.
function totalBlockingTime(longtasks, start, end) {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return 0;
  let sum = 0;
  for (const t of longtasks) {
    const taskEnd = t.startTime + t.duration;
    if (taskEnd <= start || t.startTime > end) continue;
    const length = taskEnd - Math.max(t.startTime, start);
    if (length > 50) sum += length - 50;
  }
  return sum;
}

// CLS as web-vitals defines it: the largest session window (shifts < 1 s apart, window at
// most 5 s long) of layout shifts without recent input.
function cumulativeLayoutShift(shifts) {
  let max = 0;
  let current = 0;
  let first = 0;
  let last = 0;
  for (const s of shifts) {
    if (s.hadRecentInput) continue;
    if (current > 0 && s.startTime - last < 1000 && s.startTime - first < 5000) {
      current += s.value;
    } else {
      current = s.value;
      first = s.startTime;
    }
    last = s.startTime;
    max = Math.max(max, current);
  }
  return max;
}

// LCP: the last candidate before the first input (the benchmark makes none).
function largestContentfulPaint(lcp, firstInput) {
  const before = lcp.filter((e) => firstInput == null || e.startTime < firstInput);
  return before.length ? before[before.length - 1] : null;
}

function loadMetrics(raw) {
  const fcpEntry = raw.paint.find((p) => p.name === 'first-contentful-paint');
  const fcp = fcpEntry ? fcpEntry.startTime : NaN;
  const lcpEntry = largestContentfulPaint(raw.lcp, raw.firstInput);
  return {
    fcp,
    lcp: lcpEntry ? lcpEntry.startTime : NaN,
    lcpElement: lcpEntry ? lcpEntry.element : null,
    lcpUrl: lcpEntry ? lcpEntry.url : null,
    tbt: totalBlockingTime(raw.longtasks, fcp, raw.settledAt),
    cls: cumulativeLayoutShift(raw.shifts),
    settled: raw.settledAt,
    // The app has taken the page over: the `tidende:live` mark (src/handover.rs). None on
    // the static baseline.
    live: raw.liveAt == null ? NaN : raw.liveAt,
    appMode: raw.appMode,
    longTasks: raw.longtasks.length,
    longTaskMs: raw.longtasks.reduce((a, t) => a + t.duration, 0),
    nodes: raw.nodes,
  };
}

// Times of the events that make up a load, from the resource entries: [label, start, end].
// A prerendered page carries its documents, so the API JSON rows are there only when a
// region fetched one.
function loadTimeline(raw) {
  const res = (pred) => raw.resources.find(pred);
  const byEnd = (suffix) => res((r) => new URL(r.name).pathname.endsWith(suffix));
  const ev = [];
  const push = (label, r) => r && ev.push([label, r.startTime, r.responseEnd, r.transferSize]);
  if (raw.document) ev.push(['document (HTML)', raw.document.startTime, raw.document.responseEnd, raw.document.transferSize]);
  if (raw.document && raw.document.domContentLoaded) ev.push(['HTML parsed (DOMContentLoaded end)', null, raw.document.domContentLoaded]);
  push('stylesheet', byEnd('.css'));
  push('loader JS', byEnd('.js'));
  push('wasm', byEnd('.wasm'));
  if (raw.liveAt != null) ev.push(['app live (tidende:live mark)', null, raw.liveAt]);
  if (raw.appStartedAt != null) ev.push(['app started (TrunkApplicationStarted)', null, raw.appStartedAt]);
  const slug = SEED.split('/').pop();
  push('article JSON', byEnd(`/api/articles/${slug}.json`));
  push('index JSON', byEnd('/api/articles/index/1.json'));
  // On a prerendered page these are the app's quiet revalidation of the documents the page
  // carried (src/pages/remote.rs), after it is live; the page shows no skeleton for them.
  const api = raw.resources.filter((r) => /\/api\/.*\.json$/.test(new URL(r.name).pathname));
  if (api.length) {
    ev.push(['all API JSON (first start, last end)', Math.min(...api.map((r) => r.startTime)), Math.max(...api.map((r) => r.responseEnd))]);
  }
  if (raw.topImage) push('top image (.article__image img)', res((r) => r.name === raw.topImage));
  const fcp = raw.paint.find((p) => p.name === 'first-contentful-paint');
  if (fcp) ev.push(['FCP', null, fcp.startTime]);
  const lcp = largestContentfulPaint(raw.lcp, raw.firstInput);
  if (lcp) ev.push(['LCP', null, lcp.startTime]);
  ev.push([raw.liveAt != null ? 'settled (live, no skeleton)' : 'settled (no skeleton)', null, raw.settledAt]);
  return ev;
}

// Median of each timeline event across runs (events matched by label).
function medianTimeline(runs) {
  const labels = [];
  for (const r of runs) for (const [label] of r.timeline) if (!labels.includes(label)) labels.push(label);
  return labels.map((label) => {
    const rows = runs.map((r) => r.timeline.find((e) => e[0] === label)).filter(Boolean);
    return {
      label,
      start: median(rows.map((e) => e[1]).filter((x) => x != null)),
      end: median(rows.map((e) => e[2])),
      transferSize: median(rows.map((e) => e[3]).filter((x) => x != null)),
    };
  });
}

module.exports = { totalBlockingTime, cumulativeLayoutShift, largestContentfulPaint, loadMetrics, loadTimeline, medianTimeline };
