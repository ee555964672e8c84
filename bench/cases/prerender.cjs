// The `prerender` case: the native prerender (src/prerender/, target/prerender/prerender)
// timed on generated backends of 250, 500 and 1,000 articles, each in its own copy of the
// build; pages, files, HTML written and wall time per size, the cost of each extra
// article between the sizes (it should stay flat: linear), and the report.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, PRERENDERED, log } = require('../lib/settings.cjs');
const { stats, fmt, fmtStats, table } = require('../lib/stats.cjs');
const { copySite, removePrerendered, generateBackend } = require('../lib/site.cjs');

const SIZES = [250, 500, 1000];
const PRERENDER_RUNS = 3;
// Every generated article has 8 body blocks (examples/generate.rs); `--blocks` would only
// add long articles that no list links to, which the prerender never reaches.
const generateArgs = (articles) => ['--articles', String(articles), '--people', '200', '--jobs', '50'];
const BUILD_ARGS = ['build', '--quiet', '--profile', 'prerender', '--no-default-features', '--features', 'ssr', '--bin', 'prerender'];
const BINARY = path.join(ROOT, 'target/prerender/prerender');

// Built once, as tools/prerender.sh builds it; when the working tree does not compile
// (an edit in progress) the binary already there is timed, and the report says so.
function buildPrerender() {
  log(`prerender: cargo ${BUILD_ARGS.join(' ')}`);
  const r = spawnSync('cargo', BUILD_ARGS, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const builtAt = () => fs.statSync(BINARY).mtime.toISOString();
  if (r.status === 0) return { binary: BINARY, source: 'working tree', builtAt: builtAt() };
  const firstError = ((r.stderr || '').match(/^error.*$/m) || [`exit ${r.status}`])[0];
  if (!fs.existsSync(BINARY)) throw new Error(`the prerender does not build (${firstError}) and there is no ${BINARY}`);
  log(`prerender: the working tree does not build (${firstError}); timing the binary there is`);
  return { binary: BINARY, source: `the binary built ${builtAt()} (the working tree did not compile: ${firstError})`, builtAt: builtAt() };
}

// "prerender: 1053 pages written in 1.23 s (1.2 ms a page, 25.1 MB of HTML), 1102 documents
// read from …", and the lines after it (src/prerender/mod.rs, Report::lines).
function parseReport(stderr) {
  const m = /prerender: (\d+) pages written in ([\d.]+) s \(([\d.]+) ms a page, ([\d.]+) MB of HTML\), (\d+) documents read from (.*)/.exec(stderr);
  if (!m) throw new Error(`cannot read the prerender's report:\n${stderr.slice(-2000)}`);
  const failed = /prerender: (\d+) page\(s\) left to the client/.exec(stderr);
  return {
    pages: Number(m[1]),
    seconds: Number(m[2]),
    msPerPage: Number(m[3]),
    mb: Number(m[4]),
    documents: Number(m[5]),
    source: m[6].trim(),
    failed: failed ? Number(failed[1]) : 0,
    warnings: stderr.split('\n').filter((l) => l.startsWith('prerender: warning:')).map((l) => l.slice('prerender: warning: '.length)),
  };
}

// Every file outside api/, with its mtime: what a run wrote is what is new or changed.
function files(dir, rel = '', out = new Map()) {
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const name = path.join(rel, entry.name);
    if (entry.isDirectory()) {
      if (!(rel === '' && entry.name === 'api')) files(dir, name, out);
    } else out.set(name, fs.statSync(path.join(dir, name)).mtimeMs);
  }
  return out;
}

function timeRun(binary, site) {
  // Each run starts from the same folder: no page of an earlier run left to overwrite.
  removePrerendered(site);
  const before = files(site);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(binary, ['--dist', site], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`prerender --dist ${site} exited with ${r.status}:\n${(r.stderr || '').slice(-3000)}`);
  const report = parseReport(r.stderr);
  const written = [...files(site)].filter(([f, mtime]) => before.get(f) !== mtime).map(([f]) => f);
  const html = written.filter((f) => f.endsWith('.html'));
  const withData = html.filter((f) => fs.readFileSync(path.join(site, f), 'utf8').includes(PRERENDERED)).length;
  return { wallSeconds, ...report, files: written.length, htmlFiles: html.length, prerenderedFiles: withData, otherFiles: written.filter((f) => !f.endsWith('.html')) };
}

async function prerenderCase(snapshot, workDir) {
  const build = buildPrerender();
  const out = { binary: build, generator: null, runsPerSize: PRERENDER_RUNS, sizes: [] };
  // A copy of the build per size, with the generated backend in place of the sample one
  // (the sample's prerendered pages go before every run, in timeRun).
  const sites = SIZES.map((articles) => {
    const site = copySite(snapshot, path.join(workDir, `prerender-${articles}`));
    out.generator = generateBackend(path.join(site, 'api'), generateArgs(articles), workDir).generator;
    return { articles, site, runs: [] };
  });
  // Round by round through the sizes, not size after size: on a shared machine the load
  // drifts, and this spreads it over every size instead of tilting the slope.
  for (let i = 0; i < PRERENDER_RUNS; i++) {
    for (const s of sites) {
      const r = timeRun(build.binary, s.site);
      log(`prerender: ${s.articles} articles, run ${i + 1}/${PRERENDER_RUNS}: ${r.pages} pages, ${r.files} files, ${fmt(r.mb, 1)} MB in ${fmt(r.wallSeconds, 2)} s (the binary says ${fmt(r.seconds, 2)} s)`);
      s.runs.push(r);
    }
  }
  for (const { articles, site, runs } of sites) {
    fs.rmSync(site, { recursive: true, force: true });
    const wall = stats(runs.map((r) => r.wallSeconds));
    const last = runs[runs.length - 1];
    out.sizes.push({
      articles,
      generate: generateArgs(articles),
      runs,
      pages: last.pages,
      failed: last.failed,
      files: last.files,
      prerenderedFiles: last.prerenderedFiles,
      documents: last.documents,
      mb: last.mb,
      wall,
      own: stats(runs.map((r) => r.seconds)),
      msPerPage: (wall.median * 1000) / last.pages,
      warnings: last.warnings,
    });
  }
  // What each extra article costs between consecutive sizes: flat when the prerender is
  // linear. A step is the difference of two times of a second or less, so on a shared
  // machine it is noisy; the verdict is taken from the ms per page of the smallest and the
  // largest size instead (constant when the work per page does not grow with the site).
  out.steps = [];
  for (let i = 1; i < out.sizes.length; i++) {
    const a = out.sizes[i - 1];
    const b = out.sizes[i];
    const extra = b.articles - a.articles;
    out.steps.push({
      from: a.articles,
      to: b.articles,
      msPerArticle: ((b.wall.median - a.wall.median) * 1000) / extra,
      pagesPerArticle: (b.pages - a.pages) / extra,
      kbPerArticle: ((b.mb - a.mb) * 1000) / extra,
    });
  }
  const first = out.sizes[0];
  const lastSize = out.sizes[out.sizes.length - 1];
  out.stepGrowth = out.steps[out.steps.length - 1].msPerArticle / out.steps[0].msPerArticle;
  out.msPerPageGrowth = lastSize.msPerPage / first.msPerPage;
  out.linear = out.msPerPageGrowth <= 1.5;
  out.problems = [...new Set(out.sizes.flatMap((s) => (s.failed ? [`${s.articles} articles: ${s.failed} page(s) left to the client`] : [])))];
  return out;
}

function report(r) {
  const p = r.cases.prerender;
  if (!p) return [];
  const L = [];
  L.push('## Prerender (generated backends)', '');
  L.push(`\`target/prerender/prerender --dist <copy>\` (${p.binary.source}; \`cargo ${BUILD_ARGS.join(' ')}\`) on copies of dist/ whose api/ is a backend generated with \`cargo run --release --example generate -- --articles N --people 200 --jobs 50\` (generator from the ${p.generator}; 8 blocks an article) and whose pages prerendered from the sample backend are removed before every run. ${p.runsPerSize} runs per size, round by round through the sizes; wall time of the process, median (min–max, IQR); "files" counts the files the run wrote (new or changed), "pages" what the prerender reports written.`, '');
  L.push(table(['articles', 'pages', 'files', 'documents read', 'MB of HTML', 'wall s median (min–max, IQR)', 'prerender\'s own s', 'ms per page'], p.sizes.map((s) => [
    fmt(s.articles), fmt(s.pages), fmt(s.files), fmt(s.documents), fmt(s.mb, 1), fmtStats(s.wall, 2), fmt(s.own.median, 2), fmt(s.msPerPage, 2),
  ])));
  L.push('');
  L.push(table(['step', 'extra ms per extra article', 'extra pages per extra article', 'extra KB of HTML per extra article'], p.steps.map((st) => [
    `${fmt(st.from)} → ${fmt(st.to)}`, fmt(st.msPerArticle, 2), fmt(st.pagesPerArticle, 2), fmt(st.kbPerArticle, 1),
  ])));
  L.push('');
  L.push(`From ${fmt(p.sizes[0].articles)} to ${fmt(p.sizes[p.sizes.length - 1].articles)} articles: ms per page ×${p.msPerPageGrowth.toFixed(2)}; extra ms per extra article, last step vs. first step, ×${p.stepGrowth.toFixed(2)} (a difference of short times: noisy on a shared machine). **${p.linear ? 'Linear' : 'Worse than linear'}** (bar: ms per page grows no more than ×1.5).`, '');
  const warnings = [...new Set(p.sizes.flatMap((s) => s.warnings))];
  if (warnings.length) L.push(...warnings.map((w) => `- prerender warning: ${w}`), '');
  return L;
}

module.exports = { prerenderCase, report };
