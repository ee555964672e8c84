#!/usr/bin/env node
// Tidende performance benchmark: the release build in dist/, served like the CDN serves it
// (e2e/lib/preview.cjs: nginx configured from the build's own _headers and _redirects),
// measured in Debian's Chromium through playwright-core and the DevTools protocol.
//
//   node bench/run.cjs [--runs N] [--only case,…] [--lighthouse-runs N] [--memory-navigations N] [--dist DIR] [--keep]
//
// Cases: article, baseline, front, navigation (cold loads of prerendered pages and a
// client-side navigation under a mobile profile), lighthouse (Lighthouse 12, mobile preset),
// scale (generated backend, client-rendered: long articles, 10,000 people-news entries,
// 1,000-article index), prerender (the native prerender on generated backends of 250–1,000
// articles), memory (200 client-side navigations). docs/perf.md describes the method.
//
// This file holds the arguments, the order the cases run in and the report's assembly; the
// cases are in bench/cases/, what they share in bench/lib/. The Markdown report goes to
// stdout and to bench/results/latest.md, every raw figure to bench/results/latest.json;
// progress to stderr.
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
const { CASES, log } = require('./lib/settings.cjs');
const { environment, header } = require('./lib/env.cjs');
const { startPreview } = require(path.join(ROOT, 'e2e/lib/preview.cjs'));
const { launch } = require(path.join(ROOT, 'e2e/lib/browser.cjs'));
const { SEED } = require(path.join(ROOT, 'e2e/lib/site.cjs'));
const load = require('./cases/load.cjs');
const baseline = require('./cases/baseline.cjs');
const navigation = require('./cases/navigation.cjs');
const lighthouse = require('./cases/lighthouse.cjs');
const scale = require('./cases/scale.cjs');
const prerender = require('./cases/prerender.cjs');
const memory = require('./cases/memory.cjs');

function parseArgs(argv) {
  const o = { runs: 7, only: CASES, lighthouseRuns: 3, memoryNavigations: memory.MEMORY_NAVIGATIONS, keep: false, dist: process.env.DIST_DIR || 'dist' };
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
  const checkpoint = memory.MEMORY_CHECKPOINT;
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(o.lighthouseRuns) || o.lighthouseRuns < 1) throw new Error('--lighthouse-runs must be a positive integer');
  if (!Number.isInteger(o.memoryNavigations) || o.memoryNavigations < 2 * checkpoint || o.memoryNavigations % checkpoint) {
    throw new Error(`--memory-navigations must be a multiple of ${checkpoint}, at least ${2 * checkpoint}`);
  }
  for (const c of o.only) if (!CASES.includes(c)) throw new Error(`unknown case "${c}" (cases: ${CASES.join(', ')})`);
  return o;
}

// The report: the header, each case's section in this order, then every problem.
function report(r) {
  const L = [...header(r)];
  for (const section of [load, navigation, lighthouse, scale, prerender, memory]) L.push(...section.report(r));
  const problems = Object.entries(r.cases).flatMap(([k, c]) => (c && c.problems ? c.problems.map((p) => `${k}: ${p}`) : []));
  if (r.errors.length || problems.length) {
    L.push('## Problems', '');
    for (const e of r.errors) L.push(`- **${e.case} failed**: ${e.message.split('\n')[0]}`);
    for (const p of problems) L.push(`- ${p}`);
    L.push('');
  }
  return L.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dist = path.resolve(ROOT, options.dist);
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no ${dist}/index.html: run \`make build\` first`);
  const want = (c) => options.only.includes(c);
  const env = environment(dist);

  // The bench site: a snapshot of dist (another build may rewrite dist meanwhile) plus the
  // static baseline. The scale and prerender sites are copies of this snapshot.
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
        result.baseline = await baseline.makeBaseline(browser, server, site);
      } catch (e) {
        result.errors.push({ case: 'baseline', message: `making the static page: ${e.message}` });
      }
    }
    await runCase('article', () => load.loadCase(browser, 'article', server.url + SEED, 'main article h1', options.runs));
    if (result.baseline) {
      await runCase('baseline', () => load.loadCase(browser, 'baseline', server.url + baseline.STATIC_PATH, 'main article h1', options.runs, { live: false }));
    }
    await runCase('front', () => load.loadCase(browser, 'front', server.url + '/', '.teaser-list .teaser', options.runs));
    await runCase('navigation', () => navigation.navigationCase(browser, server, options.runs));
    await runCase('lighthouse', () => lighthouse.lighthouseCase(server, options.lighthouseRuns));
    await runCase('scale', () => scale.scaleCase(browser, site, workDir));
    await runCase('prerender', () => prerender.prerenderCase(site, workDir));
    await runCase('memory', () => memory.memoryCase(browser, server, dist, workDir, options.memoryNavigations));
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
