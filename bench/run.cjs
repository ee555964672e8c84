#!/usr/bin/env node
// Tidende performance benchmark: the release build in dist/, served like the CDN serves it
// (e2e/lib/preview.cjs: nginx configured from the build's own _headers and _redirects),
// measured in Debian's Chromium through playwright-core and the DevTools protocol.
//
//   node bench/run.cjs [--runs N] [--only case,…] [--lighthouse-runs N]
//
// Cases: article, baseline, front, navigation (cold loads and a client-side navigation under
// a mobile profile), lighthouse (Lighthouse 12, mobile preset), scale (generated backend:
// long articles, 10,000 people-news entries, 1,000-article index), memory (200 client-side
// navigations). docs/perf.md describes the method. The Markdown report goes to stdout and to
// bench/results/latest.md, every raw figure to bench/results/latest.json; progress to stderr.
'use strict';

const path = require('node:path');
const ROOT = path.resolve(__dirname, '..');
// playwright-core and lighthouse live in tools/node_modules (the Makefile sets NODE_PATH;
// this makes `node bench/run.cjs` work without it too).
if (!process.env.NODE_PATH) {
  process.env.NODE_PATH = path.join(ROOT, 'tools/node_modules');
  require('node:module').Module._initPaths();
}

const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const zlib = require('node:zlib');
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const { startPreview } = require(path.join(ROOT, 'e2e/lib/preview.cjs'));
const { launch, CHROMIUM_ARGS } = require(path.join(ROOT, 'e2e/lib/browser.cjs'));
const { SEED } = require(path.join(ROOT, 'e2e/lib/site.cjs'));
const { allocWalk, articleSteps, leastSquaresSlope, PAGE_STEPS, LEAK_BYTES_PER_NAVIGATION, CHECKPOINT } = require(path.join(ROOT, 'e2e/lib/alloc-walk.cjs'));

// ---------------------------------------------------------------------------------------
// Settings

const CASES = ['article', 'baseline', 'front', 'navigation', 'lighthouse', 'scale', 'memory'];

// The mobile profile, applied through CDP to every measured page of the load cases.
const PROFILE = {
  cpuRate: 4,
  network: { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 },
  device: { width: 412, height: 823, deviceScaleFactor: 2.625, mobile: true },
};
const SETTLE_TIMEOUT = 90_000;
const BLOCK_COUNTS = [100, 1000, 5000];
const SCALE_RUNS = 5;
const SCALE_CLICKS = 10;
const MEMORY_NAVIGATIONS = 200; // default of --memory-navigations
// Samples every 20th navigation, as the live-heap walks do: their tables line up.
const MEMORY_CHECKPOINT = CHECKPOINT;
const STATIC_PATH = '/bench-static/seed.html';

function parseArgs(argv) {
  const o = { runs: 7, only: CASES, lighthouseRuns: 3, memoryNavigations: MEMORY_NAVIGATIONS, keep: false, dist: process.env.DIST_DIR || 'dist' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--runs')) o.runs = Number(value());
    else if (a.startsWith('--only')) o.only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a.startsWith('--lighthouse-runs')) o.lighthouseRuns = Number(value());
    else if (a.startsWith('--memory-navigations')) o.memoryNavigations = Number(value());
    else if (a === '--keep') o.keep = true;
    else if (a.startsWith('--dist')) o.dist = value();
    else if (a === '-h' || a === '--help') {
      console.log('usage: node bench/run.cjs [--runs N] [--only ' + CASES.join(',') + '] [--lighthouse-runs N] [--memory-navigations N] [--dist DIR] [--keep]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(o.lighthouseRuns) || o.lighthouseRuns < 1) throw new Error('--lighthouse-runs must be a positive integer');
  if (!Number.isInteger(o.memoryNavigations) || o.memoryNavigations < 2 * MEMORY_CHECKPOINT || o.memoryNavigations % MEMORY_CHECKPOINT) {
    throw new Error(`--memory-navigations must be a multiple of ${MEMORY_CHECKPOINT}, at least ${2 * MEMORY_CHECKPOINT}`);
  }
  for (const c of o.only) if (!CASES.includes(c)) throw new Error(`unknown case "${c}" (cases: ${CASES.join(', ')})`);
  return o;
}

const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

// ---------------------------------------------------------------------------------------
// Statistics

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

// median, min, max, q1, q3, iqr (quartiles by linear interpolation, as numpy's default).
function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN, q1: NaN, q3: NaN, iqr: NaN };
  const q1 = quantile(v, 0.25);
  const q3 = quantile(v, 0.75);
  return { n: v.length, median: quantile(v, 0.5), min: v[0], max: v[v.length - 1], q1, q3, iqr: q3 - q1 };
}

const median = (values) => stats(values).median;

function fmt(x, digits = 0) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// "1 234 (1 100–1 400, IQR 80)"
function fmtStats(s, digits = 0, unit = '') {
  if (!s || s.n === 0) return '–';
  return `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)}, IQR ${fmt(s.iqr, digits)})`;
}

function ratio(a, b, digits = 2) {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '–';
  if (b === 0) return a === 0 ? '1.00' : '∞';
  return `${(a / b).toFixed(digits)}×`;
}

// ---------------------------------------------------------------------------------------
// Metrics from the entries the init script collected

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

// ---------------------------------------------------------------------------------------
// In-page instrumentation, installed with page.addInitScript (DevTools protocol: the page's
// CSP does not apply to it, and the page itself needs nothing of it).

function benchInit(opts) {
  if (window.__bench) return;
  const m = {
    paint: [],
    lcp: [],
    shifts: [],
    longtasks: [],
    firstInput: null,
    settledAt: null,
    appStartedAt: null,
    wasm: null,
    clickAt: null,
    errors: [],
  };
  window.__bench = m;
  // Tells the benchmark that something happened, through a CDP binding (Runtime.addBinding):
  // the benchmark waits for these instead of evaluating script in the page while it loads.
  m.signal = (name) => {
    try {
      window.__benchSignal(name);
    } catch {}
  };
  // The memory case turns the entry collection off: its arrays would grow with every
  // navigation and count in the JS heap being measured.
  const observe = (type, onEntry) => {
    if (opts.collect === false) return;
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch (e) {
      m.errors.push(`${type}: ${e.message}`);
    }
  };
  const describe = (el) => {
    if (!el) return null;
    const cls = (e) => (typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : '');
    const holder = el.parentElement && el.parentElement.closest('[class]');
    return `${el.tagName.toLowerCase()}${cls(el)}${holder ? ` in ${holder.tagName.toLowerCase()}${cls(holder)}` : ''}`;
  };
  observe('paint', (e) => m.paint.push({ name: e.name, startTime: e.startTime }));
  observe('largest-contentful-paint', (e) =>
    m.lcp.push({ startTime: e.startTime, renderTime: e.renderTime, loadTime: e.loadTime, size: e.size, url: e.url, element: describe(e.element) })
  );
  observe('layout-shift', (e) =>
    m.shifts.push({
      startTime: e.startTime,
      value: e.value,
      hadRecentInput: e.hadRecentInput,
      sources: (e.sources || []).map((src) => describe(src.node)),
    })
  );
  observe('longtask', (e) => m.longtasks.push({ startTime: e.startTime, duration: e.duration }));
  observe('first-input', (e) => {
    if (m.firstInput == null) m.firstInput = e.startTime;
  });
  // Trunk's loader: detail.wasm are the wasm exports (their `memory` is the linear memory).
  addEventListener('TrunkApplicationStarted', (ev) => {
    m.appStartedAt = performance.now();
    m.wasm = ev.detail && ev.detail.wasm;
  });

  // Resolves with { at, frame } once pred() holds: `at` when the DOM mutation that made it
  // true ran, `frame` in the second requestAnimationFrame after it, i.e. once the frame
  // showing the change has been produced.
  m.whenFrame = (pred) =>
    new Promise((resolve) => {
      const hit = () => {
        const at = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ at, frame: performance.now() })));
      };
      if (pred()) return hit();
      const mo = new MutationObserver(() => {
        if (pred()) {
          mo.disconnect();
          hit();
        }
      });
      mo.observe(document, { childList: true, subtree: true, characterData: true });
    });
  // The next click anywhere: performance.now() in a capture listener on window, which runs
  // before the app's own handlers.
  m.armClick = () => {
    m.clickAt = null;
    addEventListener(
      'click',
      (e) => {
        m.clickAt = performance.now();
        m.clickTimeStamp = e.timeStamp;
      },
      { capture: true, once: true }
    );
  };

  // Settled: the page's main content is there (opts.ready), no region shows a skeleton, and
  // the document has been parsed. settledAt is the time of the mutation that completed it.
  m.settled = new Promise((resolve) => {
    const check = () => {
      if (m.settledAt != null) return;
      if (document.readyState === 'loading') return;
      if (!document.querySelector(opts.ready)) return;
      if (document.querySelector('.skeleton')) return;
      m.settledAt = performance.now();
      mo.disconnect();
      resolve(m.settledAt);
      m.signal('settled');
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', check);
  });
  // Scale cases: the frame after `opts.watch.selector` matches `opts.watch.count` elements.
  if (opts.watch) {
    const { selector, count } = opts.watch;
    m.watched = m.whenFrame(() => document.querySelectorAll(selector).length >= count);
    m.watched.then((r) => {
      m.watchedResult = r;
      m.signal('watched');
    });
  }
}

// ---------------------------------------------------------------------------------------
// Pages

// A fresh browser context (empty cache, own connections) with one page, the device
// emulated through CDP and, when `throttle`, the CPU and network profile.
async function newPage(browser, { throttle, ready, watch, collect = true }) {
  const context = await browser.newContext({ viewport: null });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    ...PROFILE.device,
    screenWidth: PROFILE.device.width,
    screenHeight: PROFILE.device.height,
  });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await cdp.send('Network.enable');
  if (throttle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuRate });
    await cdp.send('Network.emulateNetworkConditions', PROFILE.network);
  }
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console.error: ${msg.text()}`);
  });
  // Signals from the page (m.signal in benchInit), counted by name.
  const counts = new Map();
  const waiters = new Set();
  cdp.on('Runtime.bindingCalled', (e) => {
    if (e.name !== '__benchSignal') return;
    counts.set(e.payload, (counts.get(e.payload) || 0) + 1);
    for (const w of waiters) {
      if ((counts.get(w.name) || 0) >= w.count) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve();
      }
    }
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__benchSignal' });
  // Resolves once the page has sent signal `name` `count` times in all.
  page.benchSignal = (name, count = 1, timeout = SETTLE_TIMEOUT) =>
    new Promise((resolve, reject) => {
      if ((counts.get(name) || 0) >= count) return resolve();
      const w = { name, count, resolve };
      w.timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`${page.url()}: no signal "${name}" #${count} within ${timeout / 1000} s`));
      }, timeout);
      waiters.add(w);
    });
  await page.addInitScript(benchInit, { ready, watch, collect });
  return { context, page, cdp };
}

async function waitSettled(page) {
  await page.benchSignal('settled');
}

// What one cold load recorded, read once the page settled, the network has been idle for
// 500 ms (Playwright's networkidle) and one more second has passed.
async function readLoad(page) {
  await waitSettled(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  return page.evaluate(() => {
    const m = window.__bench;
    const nav = performance.getEntriesByType('navigation')[0];
    const img = document.querySelector('.article__image img');
    return {
      paint: m.paint,
      lcp: m.lcp,
      shifts: m.shifts,
      longtasks: m.longtasks,
      firstInput: m.firstInput,
      settledAt: m.settledAt,
      appStartedAt: m.appStartedAt,
      errors: m.errors,
      nodes: document.getElementsByTagName('*').length,
      topImage: img ? img.currentSrc || img.src : null,
      document: nav && {
        startTime: nav.startTime,
        requestStart: nav.requestStart,
        responseStart: nav.responseStart,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        transferSize: nav.transferSize,
      },
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: r.name,
        initiatorType: r.initiatorType,
        startTime: r.startTime,
        requestStart: r.requestStart,
        responseStart: r.responseStart,
        responseEnd: r.responseEnd,
        transferSize: r.transferSize,
        encodedBodySize: r.encodedBodySize,
        decodedBodySize: r.decodedBodySize,
      })),
    };
  });
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
    longTasks: raw.longtasks.length,
    longTaskMs: raw.longtasks.reduce((a, t) => a + t.duration, 0),
    nodes: raw.nodes,
  };
}

// Times of the events that make up a load, from the resource entries: [label, start, end].
function loadTimeline(raw) {
  const res = (pred) => raw.resources.find(pred);
  const byEnd = (suffix) => res((r) => new URL(r.name).pathname.endsWith(suffix));
  const ev = [];
  const push = (label, r) => r && ev.push([label, r.startTime, r.responseEnd, r.transferSize]);
  if (raw.document) ev.push(['document (HTML)', raw.document.startTime, raw.document.responseEnd, raw.document.transferSize]);
  push('stylesheet', byEnd('.css'));
  push('loader JS', byEnd('.js'));
  push('wasm', byEnd('.wasm'));
  if (raw.appStartedAt != null) ev.push(['app started (TrunkApplicationStarted)', null, raw.appStartedAt]);
  const slug = SEED.split('/').pop();
  push('article JSON', byEnd(`/api/articles/${slug}.json`));
  push('index JSON', byEnd('/api/articles/index/1.json'));
  const api = raw.resources.filter((r) => /\/api\/.*\.json$/.test(new URL(r.name).pathname));
  if (api.length) {
    ev.push(['all API JSON (first start, last end)', Math.min(...api.map((r) => r.startTime)), Math.max(...api.map((r) => r.responseEnd))]);
  }
  if (raw.topImage) push('top image (.article__image img)', res((r) => r.name === raw.topImage));
  const fcp = raw.paint.find((p) => p.name === 'first-contentful-paint');
  if (fcp) ev.push(['FCP', null, fcp.startTime]);
  const lcp = largestContentfulPaint(raw.lcp, raw.firstInput);
  if (lcp) ev.push(['LCP', null, lcp.startTime]);
  ev.push(['settled (no skeleton)', null, raw.settledAt]);
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

async function coldLoad(browser, url, ready) {
  const { context, page } = await newPage(browser, { throttle: true, ready });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const raw = await readLoad(page);
    return { ...loadMetrics(raw), timeline: loadTimeline(raw), problems: page.problems, raw: { lcp: raw.lcp, longtasks: raw.longtasks, shifts: raw.shifts, errors: raw.errors } };
  } finally {
    await context.close();
  }
}

async function loadCase(browser, name, url, ready, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await coldLoad(browser, url, ready);
    log(`${name} run ${i + 1}/${runs}: FCP ${fmt(r.fcp)} LCP ${fmt(r.lcp)} TBT ${fmt(r.tbt)} CLS ${fmt(r.cls, 3)} settled ${fmt(r.settled)}`);
    results.push(r);
  }
  const summary = {};
  for (const k of ['fcp', 'lcp', 'tbt', 'cls', 'settled', 'nodes']) summary[k] = stats(results.map((r) => r[k]));
  const lcpElements = {};
  for (const r of results) lcpElements[r.lcpElement] = (lcpElements[r.lcpElement] || 0) + 1;
  return { name, url, runs: results, summary, lcpElements, timeline: medianTimeline(results), problems: [...new Set(results.flatMap((r) => r.problems))] };
}

// ---------------------------------------------------------------------------------------
// The static baseline: the settled seed article as a plain HTML page, made from the app.

function precompress(file) {
  const raw = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
  });
  const gz = zlib.gzipSync(raw, { level: 9 });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  const { atime, mtime } = fs.statSync(file);
  fs.utimesSync(`${file}.br`, atime, mtime);
  fs.utimesSync(`${file}.gz`, atime, mtime);
  return { raw: raw.length, br: br.length, gz: gz.length };
}

async function makeBaseline(browser, server, siteDir) {
  const { context, page } = await newPage(browser, { throttle: false, ready: 'main article h1' });
  let html;
  try {
    await page.goto(server.url + SEED);
    await waitSettled(page);
    await page.waitForLoadState('networkidle');
    html = await page.evaluate(() => document.documentElement.outerHTML);
  } finally {
    await context.close();
  }
  // Removed: every <script>, the loader's modulepreload and the wasm preload, and the
  // preloads of API documents (as=fetch *.json) that the app's inline preload script adds
  // at run time: without the app nothing would use them.
  const removed = { scripts: 0, modulepreload: 0, wasmPreload: 0, apiJsonPreload: 0 };
  html = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, () => (removed.scripts++, ''));
  html = html.replace(/<link\b[^>]*>/gi, (tag) => {
    if (/\brel="?modulepreload"?/i.test(tag)) return (removed.modulepreload++, '');
    if (!/\brel="?preload"?/i.test(tag)) return tag;
    if (/\.wasm\b/i.test(tag)) return (removed.wasmPreload++, '');
    if (/\bas="?fetch"?/i.test(tag) && /\.json\b/i.test(tag)) return (removed.apiJsonPreload++, '');
    return tag;
  });
  // outerHTML has no doctype; without one the page would render in quirks mode.
  html = `<!DOCTYPE html>${html}`;
  const left = {
    scripts: (html.match(/<script\b/gi) || []).length,
    wasm: (html.match(/\.wasm\b/gi) || []).length,
    styleAttributes: (html.match(/\sstyle="/gi) || []).length,
  };
  if (left.scripts || left.wasm) throw new Error(`baseline still has ${left.scripts} scripts and ${left.wasm} wasm references`);
  const file = path.join(siteDir, STATIC_PATH.slice(1));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
  const sizes = precompress(file);
  // One unthrottled load: it must show the article and break no rule of the CSP.
  const check = await newPage(browser, { throttle: false, ready: 'main article h1' });
  let problems;
  try {
    await check.page.goto(server.url + STATIC_PATH);
    await waitSettled(check.page);
    await check.page.waitForLoadState('networkidle');
    problems = check.page.problems;
  } finally {
    await check.context.close();
  }
  log(`baseline: ${STATIC_PATH} written (${sizes.raw} B, ${sizes.br} B brotli); removed ${JSON.stringify(removed)}`);
  return { path: STATIC_PATH, removed, left, sizes, problems };
}

// ---------------------------------------------------------------------------------------
// Client-side navigation: click a related read on the settled seed article.

async function navigationCase(browser, server, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
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

// ---------------------------------------------------------------------------------------
// Lighthouse 12, its default (mobile, simulated throttling) configuration, against a
// Chromium this script starts with a remote-debugging port.

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startChrome() {
  const port = await freePort();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidende-bench-chrome-'));
  const args = [...CHROMIUM_ARGS, '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${userDataDir}`, 'about:blank'];
  const child = spawn(process.env.CHROME_PATH || '/usr/bin/chromium', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (res.ok) {
        const version = await res.json();
        return {
          port,
          version,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
            fs.rmSync(userDataDir, { recursive: true, force: true });
          },
        };
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`Chromium with --remote-debugging-port=${port} did not come up:\n${stderr}`);
}

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

// ---------------------------------------------------------------------------------------
// Scale: a generated backend behind the same build.

function generateScaleSite(dist, workDir) {
  const site = path.join(workDir, 'scale-site');
  fs.cpSync(dist, site, { recursive: true, filter: (src) => path.relative(dist, src).split(path.sep)[0] !== 'api' });
  const args = ['run', '--release', '--quiet', '--example', 'generate', '--', '--out', path.join(site, 'api'),
    '--articles', '1000', '--blocks', BLOCK_COUNTS.join(','), '--people', '10000', '--jobs', '200'];
  const cargo = (cwd, env) => spawnSync('cargo', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  log(`scale: cargo ${args.join(' ')}`);
  const t0 = Date.now();
  // TIDENDE_BENCH_GENERATOR=head skips the working tree (and tests the fallback below).
  const forceHead = process.env.TIDENDE_BENCH_GENERATOR === 'head';
  let r = forceHead ? { status: -1, stderr: 'error: TIDENDE_BENCH_GENERATOR=head' } : cargo(ROOT, process.env);
  let generator = 'working tree';
  if (r.status !== 0) {
    // The crate must compile for the example to run, and src/ may be in the middle of an
    // edit: then the generator of the last commit, built in an export of HEAD with its own
    // target dir (kept under target/, so the next time builds in seconds).
    const firstError = ((r.stderr || '').match(/^error.*$/m) || [`exit ${r.status}`])[0];
    log(`scale: the generator does not build from the working tree (${firstError}); building it from HEAD`);
    const src = path.join(workDir, 'head');
    fs.mkdirSync(src);
    execFileSync('bash', ['-c', 'git archive --format=tar HEAD | tar -x -C "$1"', 'export', src], { cwd: ROOT });
    r = cargo(src, { ...process.env, CARGO_TARGET_DIR: path.join(ROOT, 'target/bench-generator') });
    generator = `HEAD ${sh('git', ['rev-parse', '--short=12', 'HEAD'])} (the working tree did not compile: ${firstError})`;
    if (r.status !== 0) throw new Error(`the generator failed from HEAD too (exit ${r.status}):\n${(r.stderr || '').slice(-3000)}`);
  }
  log(`scale: ${r.stdout.trim()} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return { site, generator };
}

// One unthrottled cold load of `url`; resolves when the frame after `watch` is produced.
// Render time: from the responseEnd of `json` (Resource Timing) to that frame.
async function renderOnce(browser, url, watch, json) {
  const { context, page } = await newPage(browser, { throttle: false, ready: watch.selector, watch });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.benchSignal('watched');
    const r = await page.evaluate(async (jsonPath) => {
      const m = window.__bench;
      const { at, frame } = m.watchedResult;
      const entries = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === jsonPath);
      const e = entries[entries.length - 1];
      return {
        at,
        frame,
        responseEnd: e ? e.responseEnd : null,
        jsonBytes: e ? e.decodedBodySize : null,
        fetches: entries.length,
        appStartedAt: m.appStartedAt,
        nodes: document.getElementsByTagName('*').length,
      };
    }, json);
    if (r.responseEnd == null) throw new Error(`no resource entry for ${json} on ${url}`);
    // The inline preload script fetches the first view's JSON in parallel with the wasm, so
    // the JSON is often in before the app runs: `ms` (from the JSON's responseEnd) then
    // includes the wasm start-up; `fromReady` counts from whichever came last, the JSON or
    // the app's start (TrunkApplicationStarted).
    const ready = Math.max(r.responseEnd, r.appStartedAt ?? -Infinity);
    return {
      ms: r.frame - r.responseEnd,
      fromReady: r.frame - ready,
      domMs: r.at - r.responseEnd,
      jsonEnd: r.responseEnd,
      appStartedAt: r.appStartedAt,
      nodes: r.nodes,
      jsonBytes: r.jsonBytes,
      fetches: r.fetches,
      page,
      context,
    };
  } catch (e) {
    await context.close();
    throw e;
  }
}

async function scaleCase(browser, dist, workDir) {
  const { site, generator } = generateScaleSite(dist, workDir);
  const server = await startPreview({ root: site });
  const out = { generator, articles: [], people: null, front: null };
  try {
    // Long articles, and an ordinary generated one (8 blocks) for the fixed part.
    for (const [slug, blocks] of [['artikel-0', 8], ...BLOCK_COUNTS.map((n) => [`lang-artikel-${n}-blokke`, n])]) {
      const runs = [];
      for (let i = 0; i < SCALE_RUNS; i++) {
        const r = await renderOnce(browser, `${server.url}/artikel/${slug}`, { selector: '.article-body > *', count: blocks }, `/api/articles/${slug}.json`);
        const problems = r.page.problems;
        await r.context.close();
        runs.push({ ms: r.ms, fromReady: r.fromReady, domMs: r.domMs, jsonEnd: r.jsonEnd, appStartedAt: r.appStartedAt, nodes: r.nodes, jsonBytes: r.jsonBytes, problems });
      }
      const s = { slug, blocks, runs, ms: stats(runs.map((r) => r.ms)), fromReady: stats(runs.map((r) => r.fromReady)), nodes: median(runs.map((r) => r.nodes)), jsonBytes: runs[0].jsonBytes };
      log(`scale: ${slug}: ${fmt(s.ms.median)} ms, ${s.nodes} nodes`);
      out.articles.push(s);
    }

    // People news: the first page, then ten "Vis flere".
    const peopleRuns = [];
    for (let i = 0; i < SCALE_RUNS; i++) {
      const r = await renderOnce(browser, `${server.url}/navnenyt`, { selector: 'main .people-item', count: 10 }, '/api/people/1.json');
      const { page, context } = r;
      const clicks = [];
      try {
        await waitSettled(page);
        for (let k = 1; k <= SCALE_CLICKS; k++) {
          const want = 10 * (k + 1);
          await page.evaluate((n) => {
            const m = window.__bench;
            m.armClick();
            m.whenFrame(() => document.querySelectorAll('main .people-item').length >= n).then((r) => {
              m.moreResult = r;
              m.signal('more');
            });
          }, want);
          await page.click('main .load-more__button');
          await page.benchSignal('more', k, 30_000);
          const c = await page.evaluate(async () => {
            const m = window.__bench;
            const { at, frame } = m.moreResult;
            return { ms: frame - m.clickAt, domMs: at - m.clickAt, nodes: document.getElementsByTagName('*').length, items: document.querySelectorAll('main .people-item').length };
          });
          clicks.push(c);
          // The button shows "Henter …" until the page is in; wait for it to be idle again.
          await page.waitForFunction(() => !document.querySelector('main .load-more__button[aria-disabled="true"]'));
        }
        peopleRuns.push({ first: { ms: r.ms, fromReady: r.fromReady, nodes: r.nodes }, clicks, problems: page.problems });
      } finally {
        await context.close();
      }
      log(`scale: people run ${i + 1}/${SCALE_RUNS}: first ${fmt(r.ms)} ms; clicks ${clicks.map((c) => fmt(c.ms)).join(' ')} ms`);
    }
    out.people = {
      first: { ms: stats(peopleRuns.map((r) => r.first.ms)), fromReady: stats(peopleRuns.map((r) => r.first.fromReady)), nodes: median(peopleRuns.map((r) => r.first.nodes)) },
      clicks: Array.from({ length: SCALE_CLICKS }, (_, k) => ({
        click: k + 1,
        items: median(peopleRuns.map((r) => r.clicks[k].items)),
        ms: stats(peopleRuns.map((r) => r.clicks[k].ms)),
        nodes: median(peopleRuns.map((r) => r.clicks[k].nodes)),
      })),
      runs: peopleRuns,
    };

    // Front page with 1,000 articles in the index: page 1 (20 teasers).
    const frontRuns = [];
    for (let i = 0; i < SCALE_RUNS; i++) {
      const r = await renderOnce(browser, `${server.url}/`, { selector: '.teaser-list .teaser', count: 20 }, '/api/articles/index/1.json');
      frontRuns.push({ ms: r.ms, fromReady: r.fromReady, nodes: r.nodes, problems: r.page.problems });
      await r.context.close();
    }
    out.front = { ms: stats(frontRuns.map((r) => r.ms)), fromReady: stats(frontRuns.map((r) => r.fromReady)), nodes: median(frontRuns.map((r) => r.nodes)), runs: frontRuns };
    log(`scale: front: ${fmt(out.front.ms.median)} ms, ${out.front.nodes} nodes`);
  } finally {
    await server.stop();
  }
  // Growth per block.
  const by = Object.fromEntries(out.articles.map((a) => [a.blocks, a]));
  const small = by[BLOCK_COUNTS[0]];
  const large = by[BLOCK_COUNTS[BLOCK_COUNTS.length - 1]];
  const per = (a) => ({ msPerBlock: a.ms.median / a.blocks, nodesPerBlock: a.nodes / a.blocks });
  // Incremental cost between consecutive sizes: what each extra block costs there.
  const steps = [];
  for (let i = 1; i < BLOCK_COUNTS.length; i++) {
    const a = by[BLOCK_COUNTS[i - 1]];
    const b = by[BLOCK_COUNTS[i]];
    steps.push({ from: a.blocks, to: b.blocks, msPerBlock: (b.ms.median - a.ms.median) / (b.blocks - a.blocks), nodesPerBlock: (b.nodes - a.nodes) / (b.blocks - a.blocks) });
  }
  const perBlockGrowth = per(large).msPerBlock / per(small).msPerBlock;
  const readyPerBlockGrowth = large.fromReady.median / large.blocks / (small.fromReady.median / small.blocks);
  const stepGrowth = steps[steps.length - 1].msPerBlock / steps[0].msPerBlock;
  const nodeGrowth = per(large).nodesPerBlock / per(small).nodesPerBlock;
  out.growth = {
    perBlock: out.articles.map((a) => ({ blocks: a.blocks, ...per(a) })),
    steps,
    perBlockGrowth,
    readyPerBlockGrowth,
    stepGrowth,
    nodeGrowth,
    linearOrBetter: perBlockGrowth <= 1.5 && readyPerBlockGrowth <= 1.5 && stepGrowth <= 1.5 && nodeGrowth <= 1.5,
  };
  const clicks = out.people.clicks;
  out.people.lastVsFirstClick = clicks[clicks.length - 1].ms.median / clicks[0].ms.median;
  out.problems = [...new Set([
    ...out.articles.flatMap((a) => a.runs.flatMap((r) => r.problems)),
    ...out.people.runs.flatMap((r) => r.problems),
    ...out.front.runs.flatMap((r) => r.problems),
  ])];
  return out;
}

// ---------------------------------------------------------------------------------------
// Memory: 200 client-side navigations between articles of the sample site.

// A closed walk seed → … → seed along related reads (dist/api/related), as long as
// possible among the cycle lengths dividing 20, so every 20th navigation lands on the seed
// again and the checkpoints compare the same page.
function navigationCycle(dist) {
  const dir = path.join(dist, 'api/related');
  const graph = {};
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.json')) continue;
    const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    graph[f.slice(0, -5)] = doc.items.map((i) => i.slug);
  }
  const seed = SEED.split('/').pop();
  let best = null;
  const fits = (len) => MEMORY_CHECKPOINT % len === 0;
  const dfs = (pathSoFar) => {
    const here = pathSoFar[pathSoFar.length - 1];
    for (const next of graph[here] || []) {
      if (next === seed && pathSoFar.length > 1 && fits(pathSoFar.length)) {
        if (!best || pathSoFar.length > best.length) best = [...pathSoFar];
      } else if (!pathSoFar.includes(next) && pathSoFar.length < MEMORY_CHECKPOINT) {
        dfs([...pathSoFar, next]);
      }
    }
  };
  dfs([seed]);
  if (!best) throw new Error('no cycle of related reads through the seed article');
  return best;
}

// The memory case's exact figure: the Rust heap's live bytes, from a build with a counting
// allocator (src/alloc_stats.rs, `--features alloc-stats`), over two walks
// (e2e/lib/alloc-walk.cjs): the article cycle of the memory case, and one through every
// kind of page. The linear memory only grows in 64 KiB pages; this sees every byte.
function buildAllocVariant(workDir) {
  const out = path.join(workDir, 'alloc-stats-dist');
  log('memory: building the alloc-stats variant (tools/build.sh with CARGO_FEATURES=alloc-stats)');
  execFileSync(path.join(ROOT, 'tools/build.sh'), [], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: out, PUBLIC_URL: '/', CARGO_FEATURES: 'alloc-stats' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

async function allocWalks(browser, dist, workDir, navigations) {
  const cycle = navigationCycle(dist);
  const variant = buildAllocVariant(workDir);
  const server = await startPreview({ root: variant });
  const result = {};
  try {
    for (const [name, steps] of [['articles', articleSteps(cycle)], ['pages', PAGE_STEPS]]) {
      result[name] = await allocWalk(browser, server.url, steps, navigations);
      const w = result[name];
      const first = w.samples.find((x) => x.navigations === MEMORY_CHECKPOINT);
      const last = w.samples[w.samples.length - 1];
      log(`memory (alloc-stats): ${name}: ${fmt(w.bytesPerNavigation, 1)} B per navigation, live ${fmt(first.bytes / 1024)} → ${fmt(last.bytes / 1024)} KiB`);
    }
  } finally {
    await server.stop();
  }
  return result;
}

async function memoryCase(browser, server, dist, workDir, navigations) {
  const cycle = navigationCycle(dist);
  log(`memory: cycle of ${cycle.length} articles: ${cycle.join(' → ')} → …`);
  const { context, page, cdp } = await newPage(browser, { throttle: false, ready: 'main article h1', collect: false });
  const samples = [];
  try {
    await page.goto(server.url + SEED);
    await waitSettled(page);
    await page.waitForLoadState('networkidle');
    await cdp.send('HeapProfiler.enable');
    const sample = async (n) => {
      await page.waitForTimeout(300);
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const inPage = await page.evaluate(() => ({
        wasmBytes: window.__bench.wasm && window.__bench.wasm.memory ? window.__bench.wasm.memory.buffer.byteLength : null,
        nodes: document.getElementsByTagName('*').length,
        path: location.pathname,
      }));
      const s = { navigations: n, jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, embedderHeapUsed: heap.embedderHeapUsedSize, backingStorage: heap.backingStorageSize, ...inPage };
      samples.push(s);
      log(`memory: after ${n}: JS heap ${fmt(s.jsHeapUsed / 1024)} KiB, wasm ${fmt(s.wasmBytes / 1024)} KiB, ${s.nodes} nodes at ${s.path}`);
    };
    await sample(0);
    const t0 = Date.now();
    for (let n = 1; n <= navigations; n++) {
      const next = cycle[n % cycle.length];
      const link = page.locator(`.region--related .related-item a[href$="/artikel/${next}"]`).first();
      const old = await page.evaluate(() => document.querySelector('main article h1')?.textContent);
      await link.click();
      await page.waitForFunction(
        ({ slug, old }) => {
          const h = document.querySelector('main article h1');
          return location.pathname.endsWith(`/artikel/${slug}`) && h && h.textContent !== old && !document.querySelector('.skeleton');
        },
        { slug: next, old },
        { timeout: 20_000 }
      );
      if (n % MEMORY_CHECKPOINT === 0) await sample(n);
    }
    const elapsed = (Date.now() - t0) / 1000;
    const a = samples.find((s) => s.navigations === MEMORY_CHECKPOINT);
    const b = samples.find((s) => s.navigations === navigations);
    const growth = (x, y) => (x ? y / x - 1 : NaN);
    // Least-squares slope per navigation over the samples from the 20th on: a slow leak
    // shows as a steady slope even when it stays under the bars.
    const slope = (key) =>
      leastSquaresSlope(samples.filter((s) => s.navigations >= MEMORY_CHECKPOINT && s[key] != null).map((s) => [s.navigations, s[key]]));
    const result = {
      navigations,
      cycle,
      elapsedSeconds: elapsed,
      samples,
      after20: a,
      after200: b,
      growth: { jsHeap: growth(a.jsHeapUsed, b.jsHeapUsed), wasm: growth(a.wasmBytes, b.wasmBytes), nodes: growth(a.nodes, b.nodes) },
      bytesPerNavigation: { jsHeap: slope('jsHeapUsed'), wasm: slope('wasmBytes') },
      problems: page.problems,
    };
    result.leak = {
      jsHeap: result.growth.jsHeap > 0.25,
      wasm: result.growth.wasm > 0.25,
      nodes: Math.abs(result.growth.nodes) > 0.1,
    };
    result.exact = await allocWalks(browser, dist, workDir, navigations);
    result.leak.heapBytes = Object.values(result.exact).some((w) => w.leak);
    result.leak.any = result.leak.jsHeap || result.leak.wasm || result.leak.nodes || result.leak.heapBytes;
    result.problems = [...(result.problems || []), ...Object.values(result.exact).flatMap((w) => w.problems)];
    return result;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------
// Environment

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function environment(dist) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (/^model name\s*:\s*(.*)$/m.exec(cpuinfo) || [])[1] || 'unknown';
  const changed = (sh('git', ['status', '--porcelain', '--untracked-files=no']) || '').split('\n').filter(Boolean);
  const wasm = fs.readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
  const size = (f) => (fs.existsSync(path.join(dist, f)) ? fs.statSync(path.join(dist, f)).size : null);
  return {
    date: new Date().toISOString(),
    commit: sh('git', ['rev-parse', 'HEAD']),
    commitSubject: sh('git', ['log', '-1', '--format=%s']),
    branch: sh('git', ['rev-parse', '--abbrev-ref', 'HEAD']),
    uncommittedTrackedFiles: changed.length,
    nproc: Number(sh('nproc', [])) || os.cpus().length,
    cpuModel: model,
    memoryGiB: os.totalmem() / 2 ** 30,
    loadAverageAtStart: os.loadavg(),
    node: process.version,
    playwrightCore: require('playwright-core/package.json').version,
    dist,
    distIsWorkingTree: dist === path.join(ROOT, 'dist'),
    wasm: wasm && { file: wasm, bytes: size(wasm), brotliBytes: size(`${wasm}.br`), builtAt: fs.statSync(path.join(dist, wasm)).mtime.toISOString() },
  };
}

// ---------------------------------------------------------------------------------------
// Report

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function report(r) {
  const L = [];
  const e = r.env;
  L.push('# Tidende performance benchmark', '');
  L.push(`- Date: ${e.date}`);
  L.push(`- Commit: ${e.commit ? e.commit.slice(0, 12) : 'unknown'} on ${e.branch} ("${e.commitSubject}")${e.uncommittedTrackedFiles ? `, with ${e.uncommittedTrackedFiles} tracked file(s) changed in the working tree` : ''}`);
  L.push(`- Build: ${e.distIsWorkingTree ? 'dist' : e.dist}/${e.wasm ? `${e.wasm.file} ${fmt(e.wasm.bytes / 1024)} KiB (${fmt(e.wasm.brotliBytes / 1024)} KiB brotli), built ${e.wasm.builtAt}` : '?'}`);
  L.push(`- Chromium: ${r.chromiumVersion} (${process.env.CHROME_PATH || '/usr/bin/chromium'}, headless, via playwright-core ${e.playwrightCore})`);
  L.push(`- Machine: ${e.nproc} CPUs (nproc), ${e.cpuModel}, ${fmt(e.memoryGiB, 1)} GiB RAM, Node ${e.node}; load average ${e.loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')} at start, ${r.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' ')} at end`);
  L.push(`- Cases: ${r.options.only.join(', ')}; ${r.options.runs} runs per page-load case`);
  L.push('');

  const loads = ['article', 'baseline', 'front'].filter((k) => r.cases[k]);
  if (loads.length) {
    L.push('## Cold page loads', '');
    L.push(`Mobile profile through CDP: CPU ×${PROFILE.cpuRate} slower, ${PROFILE.network.downloadThroughput * 8 / 1e6} Mbit/s down, ${PROFILE.network.uploadThroughput * 8 / 1e6} Mbit/s up, ${PROFILE.network.latency} ms latency, ${PROFILE.device.width}×${PROFILE.device.height} at ${PROFILE.device.deviceScaleFactor}x, mobile + touch; a fresh browser context (empty cache) per run. Median (min–max, IQR) of ${r.options.runs} runs; times in ms from navigation start.`, '');
    L.push(table(['case', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'settled ms', 'DOM nodes'], loads.map((k) => {
      const s = r.cases[k].summary;
      return [`\`${k}\``, fmtStats(s.fcp), fmtStats(s.lcp), fmtStats(s.tbt), fmtStats(s.cls, 3), fmtStats(s.settled), fmt(s.nodes.median)];
    })));
    L.push('');
    for (const k of loads) {
      L.push(`- \`${k}\` (${r.cases[k].url}): LCP element ${Object.entries(r.cases[k].lcpElements).map(([x, n]) => `\`${x}\` (${n} of ${r.options.runs})`).join(', ')}`);
    }
    L.push('');
    if (r.cases.article && r.cases.baseline) {
      const a = r.cases.article.summary;
      const b = r.cases.baseline.summary;
      L.push('### App vs. static baseline (the seed article)', '');
      L.push(`The baseline is the settled seed article saved by the benchmark as static HTML (${r.baseline.path}; removed: ${Object.entries(r.baseline.removed).map(([k, v]) => `${v} ${k}`).join(', ')}; ${fmt(r.baseline.sizes.raw / 1024, 1)} KiB, ${fmt(r.baseline.sizes.br / 1024, 1)} KiB brotli), served by the same server with the same CSS, images and headers.`, '');
      L.push(table(['metric (median)', 'app', 'baseline', 'app / baseline', 'app − baseline'], [
        ['FCP', `${fmt(a.fcp.median)} ms`, `${fmt(b.fcp.median)} ms`, ratio(a.fcp.median, b.fcp.median), `${fmt(a.fcp.median - b.fcp.median)} ms`],
        ['LCP', `${fmt(a.lcp.median)} ms`, `${fmt(b.lcp.median)} ms`, ratio(a.lcp.median, b.lcp.median), `${fmt(a.lcp.median - b.lcp.median)} ms`],
        ['TBT', `${fmt(a.tbt.median)} ms`, `${fmt(b.tbt.median)} ms`, ratio(a.tbt.median, b.tbt.median), `${fmt(a.tbt.median - b.tbt.median)} ms`],
        ['CLS', fmt(a.cls.median, 3), fmt(b.cls.median, 3), ratio(a.cls.median, b.cls.median), fmt(a.cls.median - b.cls.median, 3)],
      ]));
      L.push('');
      if (r.baseline.problems.length) L.push(`Baseline load problems: ${r.baseline.problems.join('; ')}`, '');
      if (r.baseline.left.styleAttributes) L.push(`Note: the baseline has ${r.baseline.left.styleAttributes} inline style attribute(s), which its CSP (style-src 'self') blocks.`, '');
    }
    for (const k of ['article', 'baseline']) {
      if (!r.cases[k]) continue;
      L.push(`### Where the time goes: \`${k}\` (median of ${r.options.runs} runs, ms from navigation start)`, '');
      L.push(table(['event', 'start', 'end', 'transfer bytes'], r.cases[k].timeline.map((t) => [t.label, fmt(t.start), fmt(t.end), fmt(t.transferSize)])));
      L.push('');
    }
  }

  if (r.cases.navigation) {
    const n = r.cases.navigation;
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
  }

  if (r.cases.lighthouse) {
    const lh = r.cases.lighthouse;
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
  }

  if (r.cases.scale) {
    const s = r.cases.scale;
    L.push('## Scale (generated backend, no throttling)', '');
    L.push(`Generated with \`cargo run --release --example generate -- --articles 1000 --blocks ${BLOCK_COUNTS.join(',')} --people 10000 --jobs 200\` (generator from the ${s.generator}) into a copy of dist/ (api/ replaced; the generated JSON is served uncompressed). Mobile viewport, no CPU or network throttling, fresh context per run, median of ${SCALE_RUNS}. Render time: from the JSON document's responseEnd (Resource Timing) to the second requestAnimationFrame after the last expected element is in the DOM (for an article: \`.article-body\` has as many children as the article has blocks). The page preloads the first view's JSON in parallel with the wasm, so the JSON can be in before the app runs; the column \"from JSON end or app start\" counts from whichever came later (app start: TrunkApplicationStarted).`, '');
    L.push('### Long articles', '');
    L.push(table(['article', 'blocks', 'JSON KiB', 'render ms median (min–max, IQR)', 'from JSON end or app start (later)', 'DOM nodes', 'ms / block', 'nodes / block'], s.articles.map((a) => [
      `\`${a.slug}\``, fmt(a.blocks), fmt(a.jsonBytes / 1024, 1), fmtStats(a.ms), fmtStats(a.fromReady), fmt(a.nodes), fmt(a.ms.median / a.blocks, 3), fmt(a.nodes / a.blocks, 2),
    ])));
    L.push('');
    L.push(table(['step', 'extra ms per extra block', 'extra nodes per extra block'], s.growth.steps.map((st) => [`${st.from} → ${st.to}`, fmt(st.msPerBlock, 3), fmt(st.nodesPerBlock, 2)])));
    L.push('');
    L.push(`Growth ${BLOCK_COUNTS[0]} → ${BLOCK_COUNTS[BLOCK_COUNTS.length - 1]} blocks: ms per block ×${s.growth.perBlockGrowth.toFixed(2)} (×${s.growth.readyPerBlockGrowth.toFixed(2)} counted from JSON end or app start), extra ms per extra block (last step vs. first step) ×${s.growth.stepGrowth.toFixed(2)}, nodes per block ×${s.growth.nodeGrowth.toFixed(2)}. **${s.growth.linearOrBetter ? 'Linear or better' : 'Worse than linear'}** (bar: none of these grows more than ×1.5).`, '');
    L.push('### People news, 10,000 entries (1,000 pages of 10)', '');
    L.push(table(['step', 'entries', 'ms median (min–max, IQR)', 'DOM nodes'], [
      ['first page (render from people/1.json)', '10', `${fmtStats(s.people.first.ms)}; from JSON end or app start: ${fmt(s.people.first.fromReady.median)}`, fmt(s.people.first.nodes)],
      ...s.people.clicks.map((c) => [`"Vis flere" #${c.click} (click → frame)`, fmt(c.items), fmtStats(c.ms), fmt(c.nodes)]),
    ]));
    L.push('');
    L.push(`Click #${SCALE_CLICKS} vs. click #1: ×${s.people.lastVsFirstClick.toFixed(2)}.`, '');
    L.push('### Front page, 1,000 articles in the index', '');
    L.push(table(['page', 'render ms median (min–max, IQR)', 'from JSON end or app start (later)', 'DOM nodes'], [['page 1 (20 teasers, from articles/index/1.json)', fmtStats(s.front.ms), fmtStats(s.front.fromReady), fmt(s.front.nodes)]]));
    L.push('');
  }

  if (r.cases.memory) {
    const m = r.cases.memory;
    const kib = (x) => (x == null ? '–' : `${fmt(x / 1024)} KiB`);
    const pct = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%` : '–');
    L.push('## Memory', '');
    L.push(`${m.navigations} client-side navigations (a click on a related read, then wait for the new h1 and no skeleton) along the cycle ${m.cycle.map((x) => `\`${x}\``).join(' → ')} → …, so every ${MEMORY_CHECKPOINT}th lands on the seed article. Before each sample: HeapProfiler.collectGarbage ×3. JS heap: Runtime.getHeapUsage usedSize; wasm: the exports' memory.buffer.byteLength (from TrunkApplicationStarted). ${fmt(m.elapsedSeconds, 0)} s in all, no throttling.`, '');
    L.push(table(['navigations', 'JS heap used', 'wasm memory', 'DOM nodes', 'page'], m.samples.map((x) => [String(x.navigations), kib(x.jsHeapUsed), kib(x.wasmBytes), fmt(x.nodes), `\`${x.path}\``])));
    L.push('');
    L.push(`After ${m.navigations} vs. after ${MEMORY_CHECKPOINT}: JS heap ${pct(m.growth.jsHeap)}, wasm memory ${pct(m.growth.wasm)}, DOM nodes ${pct(m.growth.nodes)}; least-squares slope from the ${MEMORY_CHECKPOINT}th on: JS heap ${fmt(m.bytesPerNavigation.jsHeap)} B and wasm memory ${fmt(m.bytesPerNavigation.wasm)} B per navigation. **${m.leak.any ? `Leak flagged: ${Object.entries(m.leak).filter(([k, v]) => k !== 'any' && v).map(([k]) => k).join(', ')}` : 'No leak flagged'}** (bars: heap or wasm +25%, nodes ±10%, live Rust heap more than ${LEAK_BYTES_PER_NAVIGATION} B per navigation below).`, '');
    if (m.exact) {
      L.push('### Live Rust heap (counting allocator)', '');
      L.push(`The same build with \`--features alloc-stats\` (src/alloc_stats.rs): every byte the wasm's allocator has handed out and not taken back, read after each ${MEMORY_CHECKPOINT}th navigation (300 ms after it settled). Two walks of ${m.navigations} navigations from the seed article: **articles**, the cycle above; **pages**, Navnenyt → Job → Forside → the seed article → … through the main navigation, so every page kind is built and dropped ${m.navigations / 4} times.`, '');
      const rows = m.exact.articles.samples.map((a, i) => {
        const b = m.exact.pages.samples[i];
        return [String(a.navigations), `${fmt(a.bytes)} B`, fmt(a.allocations), b ? `${fmt(b.bytes)} B` : '–', b ? fmt(b.allocations) : '–'];
      });
      L.push(table(['navigations', 'articles: live bytes', 'allocations', 'pages: live bytes', 'allocations'], rows));
      L.push('');
      for (const [name, w] of Object.entries(m.exact)) {
        L.push(`- ${name}: ${fmt(w.bytesPerNavigation, 1)} bytes and ${fmt(w.allocationsPerNavigation, 2)} allocations per navigation from the ${MEMORY_CHECKPOINT}th on (least squares). **${w.leak ? 'Leak' : 'No leak'}** (bar: ${LEAK_BYTES_PER_NAVIGATION} B per navigation).`);
      }
      L.push('');
    }
  }

  const problems = Object.entries(r.cases).flatMap(([k, c]) => (c && c.problems ? c.problems.map((p) => `${k}: ${p}`) : []));
  if (r.errors.length || problems.length) {
    L.push('## Problems', '');
    for (const e of r.errors) L.push(`- **${e.case} failed**: ${e.message.split('\n')[0]}`);
    for (const p of problems) L.push(`- ${p}`);
    L.push('');
  }
  return L.join('\n');
}

// ---------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dist = path.resolve(ROOT, options.dist);
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no ${dist}/index.html: run \`make build\` first`);
  const want = (c) => options.only.includes(c);
  const env = environment(dist);

  // The bench site: a snapshot of dist (another build may rewrite dist meanwhile) plus the
  // static baseline.
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidende-bench-'));
  const site = path.join(workDir, 'site');
  fs.cpSync(dist, site, { recursive: true });
  const result = { env, options, chromiumVersion: null, cases: {}, errors: [], baseline: null };
  let browser;
  let server;
  const runCase = async (name, fn) => {
    if (!want(name)) return;
    log(`case ${name}`);
    try {
      result.cases[name] = await fn();
    } catch (e) {
      log(`case ${name} failed: ${e.stack || e.message}`);
      result.errors.push({ case: name, message: e.message });
    }
  };
  try {
    browser = await launch();
    result.chromiumVersion = browser.version();
    server = await startPreview({ root: site });
    log(`serving ${site} at ${server.url}`);
    if (want('baseline')) {
      try {
        result.baseline = await makeBaseline(browser, server, site);
      } catch (e) {
        result.errors.push({ case: 'baseline', message: `making the static page: ${e.message}` });
      }
    }
    await runCase('article', () => loadCase(browser, 'article', server.url + SEED, 'main article h1', options.runs));
    if (result.baseline) {
      await runCase('baseline', () => loadCase(browser, 'baseline', server.url + STATIC_PATH, 'main article h1', options.runs));
    }
    await runCase('front', () => loadCase(browser, 'front', server.url + '/', '.teaser-list .teaser', options.runs));
    await runCase('navigation', () => navigationCase(browser, server, options.runs));
    await runCase('lighthouse', () => lighthouseCase(server, options.lighthouseRuns));
    await runCase('scale', () => scaleCase(browser, dist, workDir));
    await runCase('memory', () => memoryCase(browser, server, dist, workDir, options.memoryNavigations));
  } finally {
    if (browser) await browser.close();
    if (server) await server.stop();
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}`);
  }
  result.loadAverageAtEnd = os.loadavg();

  const md = report(result);
  const outDir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'latest.md'), md + '\n');
  process.stdout.write(md + '\n');
  log('wrote bench/results/latest.md and latest.json');
  if (result.errors.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench: ${e.stack || e.message}`);
  process.exit(1);
});
