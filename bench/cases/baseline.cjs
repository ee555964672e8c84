// The static baseline: the settled seed article saved from the app as a plain HTML page
// with no JavaScript (the physical limit for that page), written into the bench site; and
// the report's "app vs. static baseline" comparison.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { ROOT, log } = require('../lib/settings.cjs');
const { fmt, ratio, table } = require('../lib/stats.cjs');
const { newPage, waitSettled } = require('../lib/page.cjs');
const { SEED } = require(path.join(ROOT, 'e2e/lib/site.cjs'));

const STATIC_PATH = '/bench-static/seed.html';

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

// A <script> the browser would run (not a data block such as application/json or ld+json).
const executable = (tag) => {
  const type = /\stype="?([^"\s>]*)/i.exec(tag);
  return !type || /^(module|text\/javascript|application\/javascript)$/i.test(type[1]);
};

// The static page from the app's DOM once it is live and settled: the prerendered page
// after hydration (the same nodes, plus whatever a region loaded afterwards).
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
  // Removed: Trunk's loader (every script that would run), the app's data block (the
  // documents the page was prerendered from: only the app reads them), the loader's
  // modulepreload and the wasm preload. The article's structured data (ld+json) stays: a
  // static site publishes it too, and nothing runs it. The inline early-fetch script and
  // the preloads of API JSON it added are gone from the build, so there is nothing else.
  const removed = { scripts: 0, dataBlock: 0, modulepreload: 0, wasmPreload: 0 };
  html = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (el) => {
    const tag = el.slice(0, el.indexOf('>') + 1);
    if (/\bid="?tidende-data"?/i.test(tag)) return (removed.dataBlock++, '');
    if (executable(tag)) return (removed.scripts++, '');
    return el;
  });
  html = html.replace(/<link\b[^>]*>/gi, (tag) => {
    if (/\brel="?modulepreload"?/i.test(tag)) return (removed.modulepreload++, '');
    if (/\brel="?preload"?/i.test(tag) && /\.wasm\b/i.test(tag)) return (removed.wasmPreload++, '');
    return tag;
  });
  // data-app on <html> says the app has taken the page over; no app runs here.
  html = html.replace(/^<html\b[^>]*>/i, (tag) => tag.replace(/\sdata-app="[^"]*"/i, ''));
  // outerHTML has no doctype; without one the page would render in quirks mode.
  html = `<!DOCTYPE html>${html}`;
  const left = {
    scripts: (html.match(/<script\b[^>]*>/gi) || []).filter(executable).length,
    dataBlocks: (html.match(/<script\b[^>]*>/gi) || []).filter((t) => !executable(t)).length,
    wasm: (html.match(/\.wasm\b/gi) || []).length,
    styleAttributes: (html.match(/\sstyle="/gi) || []).length,
  };
  if (left.scripts || left.wasm) throw new Error(`baseline still has ${left.scripts} scripts and ${left.wasm} wasm references`);
  if (!removed.dataBlock) throw new Error(`the seed article at ${SEED} has no tidende-data block: is it prerendered?`);
  const file = path.join(siteDir, STATIC_PATH.slice(1));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
  const sizes = precompress(file);
  // One unthrottled load: it must show the article and break no rule of the CSP.
  const check = await newPage(browser, { throttle: false, ready: 'main article h1', live: false });
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

function comparison(r) {
  if (!r.cases.article || !r.cases.baseline) return [];
  const a = r.cases.article.summary;
  const b = r.cases.baseline.summary;
  const L = [];
  L.push('### App vs. static baseline (the seed article)', '');
  L.push(`The baseline is the settled seed article saved by the benchmark as static HTML (${r.baseline.path}; removed: ${Object.entries(r.baseline.removed).map(([k, v]) => `${v} ${k}`).join(', ')}; kept: ${r.baseline.left.dataBlocks} ld+json data block(s); ${fmt(r.baseline.sizes.raw / 1024, 1)} KiB, ${fmt(r.baseline.sizes.br / 1024, 1)} KiB brotli), served by the same server with the same CSS, images and headers.`, '');
  L.push(table(['metric (median)', 'app', 'baseline', 'app / baseline', 'app − baseline'], [
    ['FCP', `${fmt(a.fcp.median)} ms`, `${fmt(b.fcp.median)} ms`, ratio(a.fcp.median, b.fcp.median), `${fmt(a.fcp.median - b.fcp.median)} ms`],
    ['LCP', `${fmt(a.lcp.median)} ms`, `${fmt(b.lcp.median)} ms`, ratio(a.lcp.median, b.lcp.median), `${fmt(a.lcp.median - b.lcp.median)} ms`],
    ['TBT', `${fmt(a.tbt.median)} ms`, `${fmt(b.tbt.median)} ms`, ratio(a.tbt.median, b.tbt.median), `${fmt(a.tbt.median - b.tbt.median)} ms`],
    ['CLS', fmt(a.cls.median, 3), fmt(b.cls.median, 3), ratio(a.cls.median, b.cls.median), fmt(a.cls.median - b.cls.median, 3)],
  ]));
  L.push('');
  if (r.baseline.problems.length) L.push(`Baseline load problems: ${r.baseline.problems.join('; ')}`, '');
  if (r.baseline.left.styleAttributes) L.push(`Note: the baseline has ${r.baseline.left.styleAttributes} inline style attribute(s), which its CSP (style-src 'self') blocks.`, '');
  return L;
}

module.exports = { STATIC_PATH, makeBaseline, comparison };
