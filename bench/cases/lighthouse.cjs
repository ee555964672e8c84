// The `lighthouse` case: Lighthouse 12 with its default (mobile, simulated throttling)
// configuration against / and the seed article, in a Chromium started with a
// remote-debugging port; the median run per page, and its report.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { ROOT, log } = require('../lib/settings.cjs');
const { fmt, table } = require('../lib/stats.cjs');
const { startChrome } = require('../lib/chrome.cjs');
const { SEED } = require(path.join(ROOT, 'e2e/lib/site.cjs'));

async function importLighthouse() {
  const dir = path.join(ROOT, 'tools/node_modules/lighthouse');
  if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error('lighthouse is not installed: run tools/setup.sh --bench');
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const lighthouse = (await import(pathToFileURL(path.join(dir, 'core/index.js')).href)).default;
  const { computeMedianRun } = await import(pathToFileURL(path.join(dir, 'core/lib/median-run.js')).href);
  return { lighthouse, computeMedianRun, version };
}

const LH_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const LH_METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'Speed Index'],
];

function summarizeLhr(lhr) {
  const categories = {};
  for (const id of LH_CATEGORIES) {
    const c = lhr.categories[id];
    categories[id] = c && c.score != null ? Math.round(c.score * 100) : null;
  }
  const metrics = {};
  for (const [id] of LH_METRICS) metrics[id] = lhr.audits[id] ? lhr.audits[id].numericValue : null;
  // Failing audits of every category under its bar (100; performance 95): audits that are
  // scored and below Lighthouse's own pass mark of 0.9.
  const failing = {};
  for (const id of LH_CATEGORIES) {
    const c = lhr.categories[id];
    const bar = id === 'performance' ? 95 : 100;
    if (!c || categories[id] == null || categories[id] >= bar) continue;
    failing[id] = c.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score != null && a.score < 0.9 && !['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode))
      .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue || '' }));
  }
  return {
    finalUrl: lhr.finalDisplayedUrl || lhr.finalUrl,
    categories,
    metrics,
    failing,
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet || null,
    // The LCP phases (TTFB, load delay, load time, render delay) as Lighthouse estimates them.
    lcpPhases: (lhr.audits['largest-contentful-paint-element']?.details?.items?.[1]?.items || []).map((p) => ({ phase: p.phase, timing: p.timing })),
    // What shifted, when CLS is above 0.
    layoutShifts: (lhr.audits['layout-shifts']?.details?.items || []).map((i) => ({ node: i.node?.snippet || i.node?.selector || '?', score: i.score })),
    runWarnings: lhr.runWarnings || [],
    // Audits Lighthouse itself could not compute (not scored, so they do not lower a score).
    erroredAudits: Object.values(lhr.audits)
      .filter((a) => a.scoreDisplayMode === 'error')
      .map((a) => ({ id: a.id, error: a.errorMessage || '' })),
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    userAgent: lhr.environment && lhr.environment.hostUserAgent,
    benchmarkIndex: lhr.environment && lhr.environment.benchmarkIndex,
  };
}

async function lighthouseCase(server, runsPerPage) {
  const { lighthouse, computeMedianRun, version } = await importLighthouse();
  const pages = [
    ['front', server.url + '/'],
    ['article', server.url + SEED],
  ];
  const out = { version, runsPerPage, pages: {} };
  const chrome = await startChrome();
  out.chromeVersion = chrome.version.Browser;
  try {
    for (const [name, url] of pages) {
      const lhrs = [];
      for (let i = 0; i < runsPerPage; i++) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
        if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
        const s = summarizeLhr(result.lhr);
        log(`lighthouse ${name} run ${i + 1}/${runsPerPage}: ${LH_CATEGORIES.map((c) => `${c} ${s.categories[c]}`).join(', ')}`);
        lhrs.push(result.lhr);
      }
      const medianLhr = lhrs.length > 1 ? computeMedianRun(lhrs) : lhrs[0];
      // The whole median report, for the Lighthouse viewer (googlechrome.github.io/lighthouse/viewer/).
      const outDir = path.join(ROOT, 'bench/results');
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, `lighthouse-${name}.json`), JSON.stringify(medianLhr));
      out.pages[name] = {
        url,
        median: summarizeLhr(medianLhr),
        medianRunIndex: lhrs.indexOf(medianLhr),
        performanceScores: lhrs.map((l) => Math.round((l.categories.performance.score || 0) * 100)),
      };
    }
  } finally {
    await chrome.stop();
  }
  return out;
}

function report(r) {
  const lh = r.cases.lighthouse;
  if (!lh) return [];
  const L = [];
  L.push(`## Lighthouse ${lh.version}`, '');
  L.push(`Default configuration (mobile: Moto G Power emulation, simulated throttling 150 ms RTT / 1.6 Mbit/s / CPU ×4), ${lh.chromeVersion} started by the benchmark with --headless=new and --remote-debugging-port; ${lh.runsPerPage} run(s) per page, the median run (Lighthouse's computeMedianRun: closest to the median FCP and TTI) shown.`, '');
  const pages = Object.keys(lh.pages);
  L.push(table(['page', 'performance', 'accessibility', 'best-practices', 'seo', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'Speed Index ms', 'perf. scores of all runs'], pages.map((p) => {
    const m = lh.pages[p].median;
    return [p, ...LH_CATEGORIES.map((c) => String(m.categories[c])), fmt(m.metrics['first-contentful-paint']), fmt(m.metrics['largest-contentful-paint']), fmt(m.metrics['total-blocking-time']), fmt(m.metrics['cumulative-layout-shift'], 3), fmt(m.metrics['speed-index']), lh.pages[p].performanceScores.join(', ')];
  })));
  L.push('');
  for (const p of pages) {
    const m = lh.pages[p].median;
    if (m.lcpElement) {
      const phases = m.lcpPhases.map((x) => `${x.phase} ${fmt(x.timing)} ms`).join(', ');
      L.push(`- ${p}: LCP element \`${m.lcpElement.replace(/\s+/g, ' ').slice(0, 160)}\`${phases ? ` (${phases})` : ''}`);
    }
    if (m.metrics['cumulative-layout-shift'] > 0 && m.layoutShifts.length) {
      L.push(`- ${p}: layout shifts: ${m.layoutShifts.map((x) => `\`${x.node.replace(/\s+/g, ' ').slice(0, 120)}\` ${fmt(x.score, 3)}`).join('; ')}`);
    }
    for (const [cat, audits] of Object.entries(m.failing)) {
      L.push(`- ${p}: **${cat} ${m.categories[cat]}**, audits below 0.9: ${audits.length ? audits.map((a) => `\`${a.id}\` (${a.title}${a.displayValue ? `: ${a.displayValue}` : ''})`).join('; ') : 'none (the score comes from metrics just under their bars)'}`);
    }
    if (m.runtimeError) L.push(`- ${p}: runtime error ${m.runtimeError}`);
    // Grouped by the innermost error message (one failing gatherer fails several audits).
    const byError = {};
    for (const a of m.erroredAudits) {
      const cause = a.error.split(': ').pop();
      (byError[cause] = byError[cause] || []).push(a.id);
    }
    for (const [cause, ids] of Object.entries(byError)) {
      L.push(`- ${p}: ${ids.length} audit(s) Lighthouse could not compute (unscored), error "${cause}": ${ids.map((id) => `\`${id}\``).join(', ')}`);
    }
    for (const w of m.runWarnings) L.push(`- ${p}: warning: ${w}`);
  }
  L.push('');
  return L;
}

module.exports = { lighthouseCase, report };
